import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/core/text/decode-text.js';

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const bytes = (...parts: Array<number[] | Buffer>) =>
  new Uint8Array(Buffer.concat(parts.map((p) => (Buffer.isBuffer(p) ? p : Buffer.from(p)))));

function utf16be(s: string): Buffer {
  const le = Buffer.from(s, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
}

describe('decodeText', () => {
  it('reads UTF-8 and drops a byte-order mark', () => {
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], Buffer.from('# Café\n')))).toEqual({
      ok: true,
      text: '# Café\n',
      encoding: 'utf-8',
    });
  });

  it('decodes UTF-16 LE and BE with a byte-order mark instead of rejecting them', () => {
    const text = '# Outage 🚒\r\n\r\n**Severity:** SEV2\r\n';
    expect(decodeText(bytes([0xff, 0xfe], Buffer.from(text, 'utf16le')))).toEqual({
      ok: true,
      text: '# Outage 🚒\n\n**Severity:** SEV2\n',
      encoding: 'utf-16le',
    });
    expect(decodeText(bytes([0xfe, 0xff], utf16be(text)))).toEqual({
      ok: true,
      text: '# Outage 🚒\n\n**Severity:** SEV2\n',
      encoding: 'utf-16be',
    });
  });

  it('normalises CRLF and lone CR line endings to LF', () => {
    expect(decodeText(utf8('a\r\nb\rc\n\r\nd'))).toMatchObject({ ok: true, text: 'a\nb\nc\n\nd' });
  });

  it('calls an empty or whitespace-only file unreadable', () => {
    expect(decodeText(new Uint8Array())).toEqual({
      ok: false,
      rule: 'file-unreadable',
      reason: 'empty file',
    });
    expect(decodeText(utf8(' \r\n\t\n'))).toMatchObject({
      ok: false,
      reason: 'empty file (only whitespace)',
    });
    expect(decodeText(bytes([0xef, 0xbb, 0xbf]))).toMatchObject({ ok: false });
  });

  it('names the offset of the first NUL byte in binary content', () => {
    const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(decodeText(bytes(Buffer.from('# Title\n\nabc'), [0]))).toEqual({
      ok: false,
      rule: 'file-unreadable',
      reason: 'binary content (NUL byte at offset 12)',
    });
    expect(decodeText(png)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('binary content'),
    });
  });

  it('calls UTF-16 without a byte-order mark binary (it is full of NUL bytes)', () => {
    expect(decodeText(new Uint8Array(Buffer.from('# Hi\n', 'utf16le')))).toMatchObject({
      ok: false,
      reason: 'binary content (NUL byte at offset 1)',
    });
  });

  it('reports invalid UTF-8 with the byte offset instead of turning it into U+FFFD', () => {
    const text = Buffer.from('a'.repeat(4031));
    expect(decodeText(bytes(text, [0xe9], Buffer.from('t\n')))).toEqual({
      ok: false,
      rule: 'file-unreadable',
      reason: 'invalid UTF-8 at byte 4031; save it as UTF-8 (or UTF-16 with a byte-order mark)',
    });
    // Overlong form, surrogate, truncated sequence: each found where it starts.
    expect(decodeText(bytes(Buffer.from('ab'), [0xc0, 0x80]))).toMatchObject({
      reason: expect.stringContaining('at byte 2;'),
    });
    expect(decodeText(bytes(Buffer.from('x'), [0xed, 0xa0, 0x80]))).toMatchObject({
      reason: expect.stringContaining('at byte 1;'),
    });
    expect(decodeText(bytes(Buffer.from('xyz'), [0xf0, 0x9f]))).toMatchObject({
      reason: expect.stringContaining('at byte 3;'),
    });
    // Offsets count the byte-order mark: they are offsets in the file.
    expect(decodeText(bytes([0xef, 0xbb, 0xbf, 0x61, 0xff]))).toMatchObject({
      reason: expect.stringContaining('at byte 4;'),
    });
  });

  it('refuses UTF-32 and odd-length UTF-16 with a reason', () => {
    expect(decodeText(bytes([0xff, 0xfe, 0, 0, 0x23, 0, 0, 0]))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('UTF-32'),
    });
    expect(decodeText(bytes([0xff, 0xfe, 0x23]))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('odd number of bytes'),
    });
  });

  it('refuses a file over maxBytes as file-too-large without decoding it', () => {
    expect(decodeText(new Uint8Array(5_000_000), { maxBytes: 1_000_000 })).toEqual({
      ok: false,
      rule: 'file-too-large',
      reason: '5 MB, over the limit of 1 MB (limits.maxFileBytes)',
    });
  });
});
