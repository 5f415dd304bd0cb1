import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** Deepest nesting of objects and arrays a JSON body may have (the root counts as 1); no API body needs more than 8. */
export const MAX_JSON_DEPTH = 32;

/**
 * The first character of `text` that no field of this API may hold, described for an error
 * message; `null` when there is none. Refused:
 * - control characters (C0 except tab, line feed and carriage return; DEL; C1): PostgreSQL
 *   cannot store NUL in text or jsonb at all, and the others are never part of a declaration,
 *   a report or a criterion;
 * - lone UTF-16 surrogates (`"\ud800"` in JSON): not Unicode text, they cannot be stored as
 *   UTF-8 and would be silently replaced;
 * - bidirectional embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069):
 *   they make text display in another order than it is stored ("Trojan Source", CVE-2021-42574),
 *   so an officer would read something else than what was screened. Plain right-to-left text
 *   (Arabic, Hebrew) needs none of them.
 */
export function forbiddenCharacter(text: string): string | null {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return `a lone UTF-16 surrogate ${hex(c)} at index ${i} (not valid Unicode)`;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return `a lone UTF-16 surrogate ${hex(c)} at index ${i} (not valid Unicode)`;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f)) {
      return `the control character ${hex(c)} at index ${i}`;
    }
    if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
      return `the bidirectional control character ${hex(c)} at index ${i} (it reorders how text is displayed)`;
    }
  }
  return null;
}

/**
 * The characters {@link forbiddenCharacter} refuses (lone surrogates aside, which no regular
 * expression over Unicode text can name), as a JSON Schema `pattern` for every free-text string
 * of the OpenAPI document: C0 controls but tab, line feed and carriage return, DEL, C1, and the
 * bidirectional embedding, override and isolate controls.
 */
export const TEXT_PATTERN = '^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069]*$';

function hex(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The first problem of a parsed JSON value (a request body or query), as `<path> <reason>`;
 * `null` when it is acceptable. Checks nesting depth (at most {@link MAX_JSON_DEPTH}), every
 * string, keys included, with {@link forbiddenCharacter}, and refuses a `__proto__` key (JSON.parse
 * makes it an own property, which a later `Object.assign` would turn into a prototype).
 * @param path how to name the value in the message, e.g. `body` -> `body.subjects[0].name`.
 */
export function hostileJsonProblem(value: unknown, path = 'body'): string | null {
  // Iterative, so a deep value costs no stack; each entry carries its depth.
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path, depth: 1 }];
  while (stack.length > 0) {
    const { value: v, path: p, depth } = stack.pop()!;
    if (typeof v === 'string') {
      const bad = forbiddenCharacter(v);
      if (bad) return `${p} contains ${bad}`;
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (depth > MAX_JSON_DEPTH) return `${path} nests deeper than ${MAX_JSON_DEPTH} levels (at ${p})`;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: `${p}[${i}]`, depth: depth + 1 });
      continue;
    }
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      const bad = forbiddenCharacter(key);
      if (bad) return `${p} has a field name that contains ${bad}`;
      if (key === '__proto__') return `${p} has a field named __proto__, which no request of this API has (prototype pollution)`;
      stack.push({ value: (v as Record<string, unknown>)[key], path: `${p}.${key}`, depth: depth + 1 });
    }
  }
  return null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Express middleware, before the JSON body parser: refuses (415) a JSON body declared in a
 * charset other than UTF-8 (`application/json; charset=utf-16`), which the parser would
 * otherwise decode as declared. JSON between systems is UTF-8 (RFC 8259, section 8.1).
 */
export function requireUtf8Charset(req: Request, _res: Response, next: NextFunction): void {
  const type = req.headers['content-type'] ?? '';
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(type)?.[1]?.toLowerCase();
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8' && /^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    return next(new UnsupportedMediaTypeException(`JSON bodies must be UTF-8, got charset ${JSON.stringify(charset)}`));
  }
  next();
}

/**
 * The JSON body parser's `verify` hook: refuses (400, `type: 'encoding.invalid'`) a body whose
 * bytes are not valid UTF-8 (Latin-1 or EUC-KR text, overlong or truncated sequences, encoded
 * surrogates, a UTF-16 byte-order mark). Without it the decoder would turn each bad byte into
 * U+FFFD and store a silently altered text.
 */
export function requireUtf8(_req: unknown, _res: unknown, buf: Buffer): void {
  try {
    utf8.decode(buf);
  } catch {
    throw Object.assign(new Error(`the body is not valid UTF-8 (invalid byte sequence near offset ${firstInvalidUtf8(buf)}); send JSON encoded as UTF-8`), {
      type: 'encoding.invalid',
    });
  }
}

/** Length of the longest prefix of `buf` that is valid UTF-8 (possibly ending in an incomplete sequence): where decoding fails. */
function firstInvalidUtf8(buf: Buffer): number {
  let ok = 0;
  let bad = buf.length;
  while (bad - ok > 1) {
    const mid = (ok + bad) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, mid), { stream: true });
      ok = mid;
    } catch {
      bad = mid;
    }
  }
  return ok;
}

/**
 * Express middleware, after the JSON body parser: refuses (400) a request whose path is not
 * valid percent-encoded UTF-8, or whose query or JSON body holds a character no field may hold,
 * or a body nested deeper than {@link MAX_JSON_DEPTH}, before any route sees it. One check for
 * every route, so a NUL byte can never reach PostgreSQL (where it is an error, i.e. a 500) and a
 * lone surrogate can never be stored as a silently replaced character. Path parameters are
 * checked by each route's id pipe (`id-params.pipe.ts`), which names the id it expects.
 */
export function rejectHostileInput(req: Request, _res: Response, next: NextFunction): void {
  try {
    decodeURIComponent(req.path);
  } catch {
    return next(new BadRequestException(`the request path is not valid percent-encoded UTF-8: ${JSON.stringify(req.path.slice(0, 80))}`));
  }
  const problem =
    hostileJsonProblem(req.query, 'query') ||
    (req.body !== undefined ? hostileJsonProblem(req.body, 'body') : null);
  next(problem ? new BadRequestException(problem) : undefined);
}
