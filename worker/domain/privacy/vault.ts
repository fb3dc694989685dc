import type { IdentityKind } from './blind-index';

/**
 * A per-request key cache, as the Worker's services give one (`worker/services/privacy/`):
 * the workspace's keys loaded once, each person key unwrapped once. Queries take it to seal
 * what they write and open what they read; the domain never sees a key.
 */

/** A person key minted in this request and not stored yet: the batch that first uses it stores it. */
export interface NewPersonKey {
  id: string;
  /** Raw key wrapped by the workspace's data key. */
  wrapped: string;
  /** The lead it belongs to; null for a key not yet bound to a person (a stored delivery). */
  leadId: string | null;
}

export interface Vault {
  readonly workspaceId: string;
  /** Loads these person keys in one read, so a list's opens need no further read. */
  load(keyIds: Iterable<string | null | undefined>): Promise<void>;
  /**
   * The id of the key that seals a lead's data: `known` (the key id its stored row names, now
   * remembered for the lead), else the one remembered or stored for it, else one minted now (see
   * `minted`). `isNew` (a lead being created) skips the read of a stored key.
   */
  keyOfLead(leadId: string, known?: string | null, options?: { isNew?: boolean }): Promise<string>;
  /** A new key not bound to a person yet (a delivery's body before it is judged). */
  mintKey(leadId?: string | null): Promise<NewPersonKey>;
  /** The key minted in this request under this id, to store with the first write that uses it. */
  minted(keyId: string): NewPersonKey | undefined;
  /** Seals text with a person key, bound to its slot (`slot.lead(id)`…). */
  seal(keyId: string, slot: string, text: string): Promise<string>;
  /** The text, or null when the key is destroyed or the value belongs to another row or tenant. */
  open(sealed: string | null | undefined, slot: string): Promise<string | null>;
  /** The blind index of an e-mail, phone, domain or import row key in this workspace. */
  blindIndex(kind: IdentityKind, value: string): Promise<string>;
}
