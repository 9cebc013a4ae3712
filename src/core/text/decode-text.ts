/** The text of a file, or why it is not text; `rule` is the diagnostic an unreadable file gets. */
export type DecodedText =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' }
  | { ok: false; rule: 'file-unreadable' | 'file-too-large'; reason: string };

/** Options of {@link decodeText}. */
export interface DecodeOptions {
  /** Largest file accepted, in bytes; larger ones are `file-too-large` without being decoded. */
  maxBytes?: number;
}

/**
 * Decodes a post-mortem's bytes once, the same way for every host: UTF-8 (a byte-order mark
 * dropped) or UTF-16 LE/BE with a byte-order mark; line endings normalised to `\n`. Empty or
 * whitespace-only files, NUL bytes (binary content), invalid UTF-8 and UTF-32 are unreadable,
 * with a reason naming what was found ("binary content (NUL byte at offset 12)").
 */
export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  if (options.maxBytes !== undefined && bytes.length > options.maxBytes)
    return tooLarge(bytes.length, options.maxBytes);
  if (bytes.length === 0) return unreadable('empty file');
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xff && b1 === 0xfe) {
    if (bytes[2] === 0 && bytes[3] === 0)
      return unreadable('UTF-32 text (byte-order mark FF FE 00 00); save it as UTF-8');
    return decodeUtf16(bytes.subarray(2), 'utf-16le');
  }
  if (b0 === 0xfe && b1 === 0xff) return decodeUtf16(bytes.subarray(2), 'utf-16be');
  if (b0 === 0 && b1 === 0 && bytes[2] === 0xfe && bytes[3] === 0xff)
    return unreadable('UTF-32 text (byte-order mark 00 00 FE FF); save it as UTF-8');
  const body = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const offset = body.length - bytes.length;
  const nul = body.indexOf(0);
  if (nul !== -1) return unreadable(`binary content (NUL byte at offset ${nul - offset})`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return unreadable(
      `invalid UTF-8 at byte ${invalidUtf8Offset(body) - offset}; save it as UTF-8 (or UTF-16 with a byte-order mark)`,
    );
  }
  return finish(text, 'utf-8');
}

function decodeUtf16(body: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedText {
  if (body.length % 2 !== 0)
    return unreadable(`${encoding.toUpperCase()} text with an odd number of bytes (truncated?)`);
  // Decode big-endian by swapping into little-endian: every runtime has a UTF-16LE decoder.
  let le = body;
  if (encoding === 'utf-16be') {
    le = new Uint8Array(body.length);
    for (let i = 0; i < body.length; i += 2) {
      le[i] = body[i + 1]!;
      le[i + 1] = body[i]!;
    }
  }
  let text: string;
  try {
    text = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }).decode(le);
  } catch {
    return unreadable(`invalid ${encoding.toUpperCase()} (an unpaired surrogate)`);
  }
  const nul = text.indexOf('\0');
  if (nul !== -1)
    return unreadable(
      `binary content (NUL character at offset ${2 + nul * 2}, ${encoding.toUpperCase()})`,
    );
  return finish(text, encoding);
}

function finish(text: string, encoding: 'utf-8' | 'utf-16le' | 'utf-16be'): DecodedText {
  if (text.trim() === '') return unreadable('empty file (only whitespace)');
  return { ok: true, text: text.replace(/\r\n?/g, '\n'), encoding };
}

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function invalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return i;
}

function unreadable(reason: string): DecodedText {
  return { ok: false, rule: 'file-unreadable', reason };
}

function tooLarge(size: number, max: number): DecodedText {
  return {
    ok: false,
    rule: 'file-too-large',
    reason: `${formatBytes(size)}, over the limit of ${formatBytes(max)} (limits.maxFileBytes)`,
  };
}

/** `1.2 MB`, `800 KB`, `12 bytes`: sizes as people read them (1 MB = 1,000,000 bytes). */
export function formatBytes(size: number): string {
  if (size >= 1_000_000) return `${(size / 1_000_000).toFixed(1).replace(/\.0$/, '')} MB`;
  if (size >= 1_000) return `${(size / 1_000).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${size} bytes`;
}
