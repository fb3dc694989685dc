import type { Cipher, CipherKey } from '../domain/privacy';

/** AES-256-GCM with WebCrypto: what the domain's sealing runs on in the Worker. */
export const webCipher: Cipher = {
  importKey: async (raw) =>
    crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']) as Promise<CipherKey>,
  encrypt: async (key, iv, plaintext, additionalData) =>
    new Uint8Array(
      await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, key as CryptoKey, plaintext),
    ),
  decrypt: async (key, iv, ciphertext, additionalData) => {
    try {
      return new Uint8Array(
        await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData }, key as CryptoKey, ciphertext),
      );
    } catch {
      return null;
    }
  },
};
