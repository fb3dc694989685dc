const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A prefixed ULID (`ws_01J…`): 48 bits of milliseconds then 80 random bits, so
 * ids sort by creation time and serve as stable pagination cursors. `random` is
 * ten bytes from the host (`worker/platform/ids.ts` fills them in the Worker).
 */
export function newId(prefix: string, now: number, random: Uint8Array): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD.charAt(t % 32) + time;
    t = Math.floor(t / 32);
  }
  let rand = '';
  // 80 bits = 16 base32 chars; take 5 bits at a time from the byte stream.
  let buffer = 0;
  let bits = 0;
  for (const byte of random) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      rand += CROCKFORD.charAt((buffer >> (bits - 5)) & 31);
      bits -= 5;
    }
  }
  return `${prefix}_${time}${rand.slice(0, 16)}`;
}
