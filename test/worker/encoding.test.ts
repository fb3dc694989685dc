import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  base64Decode,
  base64Encode,
  base64url,
  base64urlDecode,
  bytesToHex,
  hexToBytes,
  parseFormUrlencoded,
  utf8ByteLength,
  utf8Decode,
  utf8Encode,
} from '../../worker/domain/encoding';

/** The runtime's own implementations are the reference: the pure ones must agree byte for byte. */
const bytes = fc.uint8Array({ maxLength: 200 });
/** Mostly bytes that look like UTF-8, so the decoder's multi-byte paths and their errors both come up. */
const utf8ish = fc.oneof(
  bytes,
  fc.string({ unit: 'binary' }).map((s) => new TextEncoder().encode(s)),
  fc.tuple(fc.string({ unit: 'binary' }), fc.nat(), fc.integer({ min: 0, max: 255 })).map(([s, i, b]) => {
    const encoded = new TextEncoder().encode(s);
    if (encoded.length > 0) encoded[i % encoded.length] = b;
    return encoded;
  }),
);

describe('UTF-8 without TextEncoder', () => {
  it('should encode every string as TextEncoder does, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(utf8Encode(s)).toEqual(new TextEncoder().encode(s));
        expect(utf8ByteLength(s)).toBe(new TextEncoder().encode(s).length);
      }),
      { numRuns: 500 },
    );
    expect([...utf8Encode('a\uD800b')]).toEqual([0x61, 0xef, 0xbf, 0xbd, 0x62]);
  });

  it('should decode as TextDecoder does, replacing or refusing bad bytes', () => {
    let refused = 0;
    fc.assert(
      fc.property(utf8ish, (b) => {
        expect(utf8Decode(b)).toBe(new TextDecoder().decode(b));
        expect(utf8Decode(b, { keepBom: true })).toBe(
          new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(b),
        );
        let expected: string | null;
        try {
          expected = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(b);
        } catch {
          expected = null;
        }
        let actual: string | null;
        try {
          actual = utf8Decode(b, { fatal: true });
        } catch {
          actual = null;
        }
        if (expected === null) refused += 1;
        expect(actual).toBe(expected);
      }),
      { numRuns: 1000 },
    );
    expect(refused).toBeGreaterThan(0);
    expect(utf8Decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe('A');
    expect(() => utf8Decode(new Uint8Array([0xc0, 0x80]), { fatal: true })).toThrow(TypeError);
  });

  it('should decode text longer than one chunk of code units', () => {
    const text = 'żółć✓𝄞'.repeat(5000);
    expect(utf8Decode(utf8Encode(text))).toBe(text);
  });
});

describe('base64 and hex without atob and btoa', () => {
  it('should encode as btoa does and decode its output back', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        const text = base64Encode(b);
        expect(text).toBe(btoa(String.fromCharCode(...b)));
        expect(base64Decode(text)).toEqual(b);
        expect(base64url(b)).toBe(text.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''));
        expect(hexToBytes(bytesToHex(b))).toEqual(b);
      }),
      { numRuns: 500 },
    );
  });

  it('should read any text exactly as atob reads padded base64, and refuse what it is not', () => {
    const padded = /^[A-Za-z0-9+/]*={0,2}$/;
    const chars = fc.constantFrom(...'AZaz09+/=-_ é'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: chars, maxLength: 12 }), (text) => {
        const body = text.replace(/=+$/, '');
        const valid = padded.test(text) && text.length % 4 === 0 && body.length % 4 !== 1;
        const expected = valid ? Uint8Array.from(atob(text), (c) => c.charCodeAt(0)) : null;
        expect(base64Decode(text)).toEqual(expected);
        const url = body.replace(/\+/g, '-').replace(/\//g, '_');
        if (valid) expect(base64urlDecode(url)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
    expect(base64urlDecode('a+b/')).toBeNull();
    expect(base64urlDecode('ab=')).toBeNull();
    expect(base64urlDecode('abcde')).toBeNull();
  });

  it('should refuse text that is not padded base64 or hex', () => {
    expect(base64Decode('abc')).toBeNull();
    expect(base64Decode('ab=c')).toBeNull();
    expect(base64Decode('a===')).toBeNull();
    expect(base64Decode('a-b_')).toBeNull();
    expect(hexToBytes('abc')).toBeNull();
    expect(hexToBytes('zz')).toBeNull();
    expect(bytesToHex(new Uint8Array([0, 15, 255]))).toBe('000fff');
  });
});

describe('form bodies without URLSearchParams', () => {
  it('should read every string as URLSearchParams does', () => {
    const part = fc.stringMatching(/^[a-zA-Z0-9%+=&?ąш\uD83D\uDE00 ._-]{0,12}$/u);
    const escaped = fc
      .string({ unit: 'binary' })
      .map((s) => encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, '')));
    fc.assert(
      fc.property(fc.array(fc.oneof(part, escaped), { maxLength: 6 }), (parts) => {
        const text = parts.join(parts.length % 2 === 0 ? '&' : '=');
        expect(parseFormUrlencoded(text)).toEqual([...new URLSearchParams(text)]);
      }),
      { numRuns: 1000 },
    );
    expect(parseFormUrlencoded('?a=1&&b=%zz&c=%E2%82&d+e=f+g%2B')).toEqual([
      ['a', '1'],
      ['b', '%zz'],
      ['c', '\uFFFD'],
      ['d e', 'f g+'],
    ]);
  });
});
