import { declaredType, safeFileName, sniffAttachmentType } from './attachment-type';

describe('sniffAttachmentType', () => {
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
  it('recognises PDF, PNG and JPEG by their magic bytes', () => {
    expect(sniffAttachmentType(Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'))).toBe('application/pdf');
    expect(sniffAttachmentType(png)).toBe('image/png');
    expect(sniffAttachmentType(Buffer.from('ffd8ffe000104a464946', 'hex'))).toBe('image/jpeg');
    expect(sniffAttachmentType(Buffer.from('ffd8ffe1', 'hex'))).toBe('image/jpeg');
  });
  it('takes UTF-8 text (Korean included, BOM allowed) as plain text', () => {
    expect(sniffAttachmentType(Buffer.from('Importer IMP123 undervalues.\r\n\t세관 정보\n'))).toBe('text/plain');
    expect(sniffAttachmentType(Buffer.from('\ufeffwith a BOM'))).toBe('text/plain');
    // A long text cut inside a multi-byte character at the sniffing limit is still text.
    expect(sniffAttachmentType(Buffer.from('a' + '한'.repeat(30_000)))).toBe('text/plain');
  });
  it('refuses executables, archives, binary and empty files', () => {
    expect(sniffAttachmentType(Buffer.from('7f454c46020101', 'hex'))).toBeNull(); // ELF
    expect(sniffAttachmentType(Buffer.from('4d5a90000300', 'hex'))).toBeNull(); // PE (MZ)
    expect(sniffAttachmentType(Buffer.from('504b0304140000', 'hex'))).toBeNull(); // ZIP, DOCX
    expect(sniffAttachmentType(Buffer.from([0x61, 0x00, 0x62]))).toBeNull();
    expect(sniffAttachmentType(Buffer.from([0xc3, 0x28]))).toBeNull(); // invalid UTF-8
    expect(sniffAttachmentType(Buffer.alloc(0))).toBeNull();
  });
});

describe('declaredType and safeFileName', () => {
  it('normalises the declared type; none or octet-stream leaves it to the bytes', () => {
    expect(declaredType('image/JPG')).toBe('image/jpeg');
    expect(declaredType('text/plain; charset=utf-8')).toBe('text/plain');
    expect(declaredType('application/octet-stream')).toBeNull();
    expect(declaredType(undefined)).toBeNull();
  });
  it('keeps the base name, without control characters, decoded from multer latin1', () => {
    expect(safeFileName('..\\..\\etc/passwd')).toBe('passwd');
    expect(safeFileName('a\u0000b\n.pdf')).toBe('ab.pdf');
    expect(safeFileName(Buffer.from('보고서.pdf').toString('latin1'))).toBe('보고서.pdf');
    expect(safeFileName('')).toBe('attachment');
    expect(safeFileName('x'.repeat(300))).toHaveLength(255);
  });
});
