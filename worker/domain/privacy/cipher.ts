/**
 * AES-256-GCM as the host offers it. Kept apart from `Host` because only the
 * Worker has it (WebCrypto, `worker/platform/web-cipher.ts`): Apps Script has no
 * AES, and the add-on never decrypts, so a module that needs a `Cipher` cannot be
 * handed one there by mistake.
 */

/** A key the host has imported (a WebCrypto `CryptoKey` in the Worker); opaque to the domain. */
export interface CipherKey {
  readonly type: string;
}

export interface Cipher {
  /** A 32-byte AES-256-GCM key, usable to encrypt and decrypt. */
  importKey(raw: Uint8Array): Promise<CipherKey>;
  /** Ciphertext with its 16-byte tag; `iv` is 12 random bytes, never reused with the same key. */
  encrypt(
    key: CipherKey,
    iv: Uint8Array,
    plaintext: Uint8Array,
    additionalData: Uint8Array,
  ): Promise<Uint8Array>;
  /** The plaintext, or null when the tag does not verify (another key, another row, tampered). */
  decrypt(
    key: CipherKey,
    iv: Uint8Array,
    ciphertext: Uint8Array,
    additionalData: Uint8Array,
  ): Promise<Uint8Array | null>;
}
