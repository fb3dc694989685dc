import type { Host } from '../host';
import { sha256Hex } from '../tokens';
import type { Agreement } from './schema';

/**
 * JSON with object keys sorted at every depth, no whitespace, `undefined`
 * members dropped: the same content always gives the same text, whatever the
 * key order a client or the database used.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value))
      throw new TypeError('Cannot canonicalise a non-finite number.');
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value))
    return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** SHA-256 (hex) of the agreement's canonical JSON: what a signature commits to. */
export async function agreementHash(agreement: Agreement, host: Pick<Host, 'sha256'>): Promise<string> {
  return sha256Hex(canonicalJson(agreement), host);
}
