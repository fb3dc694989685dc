import { bytesToHex, utf8Encode } from '../encoding';
import type { Host } from '../host';
import { normaliseEmail, normalisePhone } from '../ledger/erasure';

/**
 * E-mail and phone name a person; a company domain groups an account in reports; an import
 * row's key (`ext:<externalId>`, which may be an e-mail) keeps an import idempotent; so does a
 * stored delivery's key (the sender's `Idempotency-Key` or event id, which a form may fill with anything).
 */
export type IdentityKind = 'email' | 'phone' | 'domain' | 'import-row' | 'delivery-key';

/**
 * The blind index of an e-mail or phone: HMAC-SHA256 of the normalised value with the
 * workspace's index key, hex. Equal values give equal indexes, so dedupe and the erased
 * people's memory still find a person, but without the key the index says nothing:
 * unlike a (salted) SHA-256, a phone number's index cannot be found by trying every number.
 * The key differs per workspace, so indexes cannot be matched across tenants.
 */
export async function blindIndex(
  host: Pick<Host, 'hmacSha256'>,
  indexKey: Uint8Array,
  kind: IdentityKind,
  value: string,
): Promise<string> {
  // A row or delivery key is compared as it was: two external ids that differ in case are two rows.
  const normalised =
    kind === 'phone'
      ? normalisePhone(value)
      : kind === 'import-row' || kind === 'delivery-key'
        ? value
        : normaliseEmail(value);
  return bytesToHex(await host.hmacSha256(indexKey, utf8Encode(`${kind}:${normalised}`)));
}
