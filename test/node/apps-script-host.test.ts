/// <reference types="google-apps-script" />
import { createHash, createHmac, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  appsScriptHost,
  fromSignedBytes,
  parseHttpUrl,
  toSignedBytes,
  type UtilitiesLike,
} from '../../apps-script/src/host/apps-script-host';
import { agreementHash, starterAgreement } from '../../worker/domain/agreement';
import { addBusinessHours } from '../../worker/domain/business-time';
import { signLeadPactBody, verifyIntakeSignature } from '../../worker/domain/intake';
import { sha256Hex, timingSafeEqualText } from '../../worker/domain/tokens';
import { intlWallClock } from '../../worker/domain/zoned-time';

/** Java's signed bytes, as Apps Script hands them over: anything else is a bug in the host. */
function javaBytes(values: number[]): Buffer {
  for (const v of values) {
    if (!Number.isInteger(v) || v < -128 || v > 127) throw new TypeError(`Not a Java byte: ${v}`);
  }
  return Buffer.from(values.map((v) => v & 0xff));
}

function signed(buffer: Buffer): number[] {
  return [...buffer].map((b) => (b > 127 ? b - 256 : b));
}

/** A fake `Utilities` computing with node:crypto and Intl, counting its calls. */
function fakeUtilities() {
  const calls = { computeDigest: 0, computeHmacSha256Signature: 0, getUuid: 0, formatDate: 0 };
  const SHA_256 = { name: 'SHA_256' };
  const utilities: UtilitiesLike = {
    DigestAlgorithm: { SHA_256 },
    computeDigest: (algorithm, value) => {
      calls.computeDigest += 1;
      if ((algorithm as unknown) !== SHA_256) throw new TypeError('Only SHA_256 is faked.');
      return signed(createHash('sha256').update(javaBytes(value)).digest());
    },
    computeHmacSha256Signature: (value, key) => {
      calls.computeHmacSha256Signature += 1;
      return signed(createHmac('sha256', javaBytes(key)).update(javaBytes(value)).digest());
    },
    getUuid: () => {
      calls.getUuid += 1;
      return randomUUID();
    },
    formatDate: (date, timeZone, format) => {
      calls.formatDate += 1;
      if (format !== "yyyy-MM-dd'T'HH:mm:ss") throw new TypeError(`Unfaked format ${format}`);
      const parts = Object.fromEntries(
        new Intl.DateTimeFormat('en-CA', {
          timeZone,
          hourCycle: 'h23',
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
          second: '2-digit',
        })
          .formatToParts(date)
          .map((p) => [p.type, p.value]),
      );
      return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
    },
  };
  return { utilities, calls };
}

describe('the Apps Script host', () => {
  it("should take Google's own Utilities type", () => {
    expectTypeOf<GoogleAppsScript.Utilities.Utilities>().toMatchTypeOf<UtilitiesLike>();
  });

  it('should convert between signed and unsigned bytes without loss', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const s = toSignedBytes(bytes);
        expect(s.every((v) => v >= -128 && v <= 127)).toBe(true);
        expect(fromSignedBytes(s)).toEqual(bytes);
      }),
    );
  });

  it('should hash, sign and verify exactly as node:crypto does, one service call each', async () => {
    const { utilities, calls } = fakeUtilities();
    const host = appsScriptHost(utilities);
    const text = 'zażółć gęślą jaźń';
    expect(await sha256Hex(text, host)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    expect(calls.computeDigest).toBe(1);

    const body = new TextEncoder().encode('{"email":"ana@firma.ro"}');
    const header = await signLeadPactBody('whsec_x', body, 1_700_000_000, host);
    const mac = createHmac('sha256', 'whsec_x').update('1700000000.').update(body).digest('hex');
    expect(header).toBe(`t=1700000000,v1=${mac}`);
    expect(calls.computeHmacSha256Signature).toBe(1);
    const check = (secrets: string[]) =>
      verifyIntakeSignature({
        provider: 'generic',
        body,
        headers: { get: (name) => (name.toLowerCase() === 'leadpact-signature' ? header : null) },
        secrets,
        now: 1_700_000_000_000,
        host,
      });
    expect(await check(['whsec_x'])).toEqual({ ok: true });
    expect(await check(['whsec_y'])).toMatchObject({ ok: false, reason: 'signature_mismatch' });
    expect(timingSafeEqualText('abc', 'abc', host)).toBe(true);
    expect(timingSafeEqualText('abc', 'abd', host)).toBe(false);
    expect(timingSafeEqualText('abc', 'abcd', host)).toBe(false);
  });

  it('should hash a starter agreement to the hash the Worker computes', async () => {
    const { utilities } = fakeUtilities();
    const agreement = starterAgreement('pl', { timezone: 'Europe/Warsaw', country: 'PL' });
    const webCryptoHost = {
      sha256: async (data: Uint8Array) => new Uint8Array(await crypto.subtle.digest('SHA-256', data)),
    };
    expect(await agreementHash(agreement, appsScriptHost(utilities))).toBe(
      await agreementHash(agreement, webCryptoHost),
    );
  });

  it('should draw random bytes from UUIDs, skipping their fixed version and variant bits', () => {
    const { utilities, calls } = fakeUtilities();
    const host = appsScriptHost(utilities);
    expect(host.randomBytes(32)).toHaveLength(32);
    expect(calls.getUuid).toBe(3);
    // 14 random bytes per UUID: over many draws every byte value shows up, in every position.
    const draws = Array.from({ length: 400 }, () => host.randomBytes(14));
    for (let position = 0; position < 14; position++) {
      const seen = new Set(draws.map((d) => d[position]));
      expect(seen.size).toBeGreaterThan(150);
    }
    const fixed: UtilitiesLike = { ...utilities, getUuid: () => '00112233-4455-4677-8899-aabbccddeeff' };
    expect([...appsScriptHost(fixed).randomBytes(15)]).toEqual([
      0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x77, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff, 0x00,
    ]);
  });

  it('should read the zone clock through Utilities.formatDate as Intl does, across DST changes', () => {
    const { utilities, calls } = fakeUtilities();
    const host = appsScriptHost(utilities, { zoneClock: 'utilities' });
    const instants = [
      Date.parse('2026-03-29T00:59:59.250Z'),
      Date.parse('2026-03-29T01:00:00Z'),
      Date.parse('2026-10-25T00:30:00.999Z'),
      Date.parse('2026-10-25T01:30:00Z'),
      Date.parse('2026-01-01T12:00:00Z'),
    ];
    for (const zone of [
      'Europe/Warsaw',
      'Europe/Bucharest',
      'Europe/Moscow',
      'America/New_York',
      'Asia/Kolkata',
    ]) {
      for (const t of instants) expect(host.wallClock(t, zone)).toBe(intlWallClock(t, zone));
    }
    expect(calls.formatDate).toBe(25);
    const calendar = {
      timezone: 'Europe/Warsaw',
      businessHours: {
        mon: { open: '09:00', close: '17:00' },
        tue: { open: '09:00', close: '17:00' },
        wed: { open: '09:00', close: '17:00' },
        thu: { open: '09:00', close: '17:00' },
        fri: { open: '09:00', close: '17:00' },
        sat: null,
        sun: null,
      },
    };
    const start = new Date('2026-03-27T15:10:00Z');
    expect(addBusinessHours(start, 5, calendar, host.wallClock)).toEqual(
      addBusinessHours(start, 5, calendar),
    );
    expect(appsScriptHost(utilities).wallClock).toBe(intlWallClock);
  });

  it('should read http(s) URLs as WHATWG URL does, or not at all', () => {
    expect(parseHttpUrl('HTTPS://User:pw@Chat.GoogleAPIs.com:443/v1/spaces/A/messages?key=k')).toEqual({
      protocol: 'https:',
      username: 'User',
      password: 'pw',
      hostname: 'chat.googleapis.com',
      origin: 'https://chat.googleapis.com',
      pathname: '/v1/spaces/A/messages',
    });
    for (const text of [
      'ftp://a.test/',
      'https://пример.рф/',
      'http://127.1/',
      'https://[::1]/',
      'https://a.test/a/../b',
      'not a url',
    ]) {
      expect(parseHttpUrl(text)).toBeNull();
    }
    const label = fc.stringMatching(/^[a-zA-Z0-9-]{1,8}$/);
    const url = fc
      .record({
        scheme: fc.constantFrom('http', 'https', 'HTTP', 'ftp'),
        user: fc.constantFrom('', 'u@', 'u:p@'),
        host: fc.oneof(
          fc.array(label, { minLength: 1, maxLength: 3 }).map((l) => l.join('.')),
          fc.constantFrom('10.0.0.1', '127.1', '1.2.3.04'),
        ),
        port: fc.constantFrom('', ':80', ':443', ':8080', ':99999'),
        path: fc.stringMatching(/^(\/[a-zA-Z0-9._~%-]{0,6}){0,3}$/),
        rest: fc.constantFrom('', '?q=1', '#x', '?a#b'),
      })
      .map((p) => `${p.scheme}://${p.user}${p.host}${p.port}${p.path}${p.rest}`);
    let read = 0;
    fc.assert(
      fc.property(url, (text) => {
        const ours = parseHttpUrl(text);
        if (ours === null) return;
        read += 1;
        const whatwg = new URL(text);
        expect(ours).toEqual({
          protocol: whatwg.protocol,
          username: whatwg.username,
          password: whatwg.password,
          hostname: whatwg.hostname,
          origin: whatwg.origin,
          pathname: whatwg.pathname,
        });
      }),
      { numRuns: 2000 },
    );
    expect(read).toBeGreaterThan(300);
  });
});
