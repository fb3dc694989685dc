/**
 * Personal data encrypted per person, erased by destroying its key (issue 16).
 *
 * The contract, for every store that holds something personal:
 * - Keys: master key (Worker secret `LEADPACT_ENCRYPTION_KEY`, the previous one in
 *   `…_PREVIOUS`) → the workspace's data and index keys (`workspace_keys`, wrapped) → one
 *   random key per person (`person_keys`, wrapped by the data key). `keys.ts`.
 * - In the Worker, a verb gets a `Vault` (`vault.ts`) from `vaultOf(ctx)` in
 *   `worker/services/privacy/`: one per request, it loads the workspace keys once and
 *   unwraps each person key once. No secret configured → `KeysUnavailableError` (503).
 * - Seal a value for a person: `const keyId = await vault.keyOfLead(leadId, knownKeyId)`,
 *   then `await vault.seal(keyId, slot.x(rowId), text)` — the slot (`slots.ts`) binds it to
 *   its row, so a copy elsewhere does not open. If `vault.minted(keyId)` returns a key, store
 *   it in the same batch (`personKeyInserts` in `worker/db/queries/privacy-keys.ts`).
 * - Seal for a delivery (no person yet): `const key = await vault.mintKey()`, store `key` with
 *   the delivery, seal with `key.id`; destroy it once the row no longer needs it (never bind
 *   it to a lead: the lead's key is the one `keyOfLead` finds).
 * - Open: `await vault.open(sealed, slot.x(rowId))` → the text, or null when the key is gone.
 *   For lists, `await vault.load(keyIds)` first (one read); `keyIdOfSealed` names a value's key.
 * - Destroy: delete the `person_keys` row (`destroyPersonKeys`) in the batch that writes the
 *   tombstone. Every copy sealed with it — freed pages, WAL, Time Travel, backups — is then
 *   unreadable ciphertext.
 * - Dedupe and the erased-people memory use `vault.blindIndex(kind, value)` (HMAC with the
 *   workspace's index key), never the value.
 * - Event payloads: `splitPayload` keeps the erasure-scrubbed facts plain (reports read them)
 *   and the original sealed; `joinPayload` reads the original when it opens.
 * AES-GCM comes through `Cipher` (`cipher.ts`), which only the Worker has: the add-on never
 * decrypts.
 */
export { blindIndex, type IdentityKind } from './blind-index';
export type { Cipher, CipherKey } from './cipher';
export { errorTextWithoutValues } from './error-text';
export { KeysUnavailableError } from './errors';
export * from './keys';
export * from './personal-data';
export * from './sealed';
export { slot } from './slots';
export type { NewPersonKey, Vault } from './vault';
