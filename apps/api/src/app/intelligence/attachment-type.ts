/** Content types an intelligence attachment may have: documents and photos. */
export const ATTACHMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'text/plain'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** Bytes of a file a text check looks at: enough to judge, without scanning 10 MB. */
const TEXT_SNIFF_BYTES = 64 * 1024;

/**
 * The content type a file's bytes show, from its magic bytes: `%PDF-` (PDF), the 8-byte PNG
 * signature, `FF D8 FF` (JPEG, JFIF and Exif alike); otherwise plain text when its first 64 KiB
 * are valid UTF-8 (an optional BOM allowed) with no control characters but tab, line feed,
 * carriage return and form feed. Returns null for anything else (executables, archives, Office
 * files, other binary data). Pure; looks at no more than the first 64 KiB.
 */
export function sniffAttachmentType(bytes: Buffer): AttachmentType | null {
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return isPlainText(bytes) ? 'text/plain' : null;
}

function isPlainText(bytes: Buffer): boolean {
  if (bytes.length === 0) return false;
  let head = bytes.subarray(0, TEXT_SNIFF_BYTES);
  // A multi-byte character cut at the sniffing limit is not an error: drop up to 3 trailing bytes of it.
  if (bytes.length > TEXT_SNIFF_BYTES) {
    let cut = head.length;
    while (cut > head.length - 4 && cut > 0 && (head[cut - 1] & 0xc0) === 0x80) cut--;
    if (cut > 0 && head[cut - 1] >= 0xc0) cut--;
    head = head.subarray(0, cut);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(head);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

/**
 * The type the uploader declared, normalised (`image/jpg` -> `image/jpeg`, parameters such as
 * `; charset=utf-8` dropped), or null when the client sent none or `application/octet-stream`
 * (then the bytes decide alone).
 */
export function declaredType(mimetype: string | undefined): string | null {
  const t = (mimetype ?? '').split(';')[0].trim().toLowerCase();
  if (t === '' || t === 'application/octet-stream') return null;
  return t === 'image/jpg' || t === 'image/pjpeg' ? 'image/jpeg' : t;
}

/** A file name safe to store and show: base name only, no control characters, at most 255 characters. */
export function safeFileName(name: string | undefined): string {
  // Multer decodes the multipart file name as latin1; browsers send UTF-8.
  const decoded = Buffer.from(name ?? '', 'latin1').toString('utf8');
  // eslint-disable-next-line no-control-regex
  const base = decoded.replace(/[\u0000-\u001f\u007f]/g, '').split(/[\\/]/).pop()!.trim();
  return (base === '' ? 'attachment' : base).slice(0, 255);
}
