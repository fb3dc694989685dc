import { ConflictError, fieldIssue, InvalidError } from './errors';
import { say } from './i18n';

/** The first answer to a request with an `Idempotency-Key`, replayed as it was (status and body). */
export class StoredAnswer {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

/** A write's `Idempotency-Key` and the hash of the request it came with (method, path, body). */
export interface IdempotentRequest {
  key: string;
  requestHash: string;
}

/**
 * A write made idempotent: the request's key, and how the write's result becomes
 * the answer the client gets (status and body), the one a retry will get back.
 */
export interface Idempotency<T> {
  request: IdempotentRequest;
  render: (result: T) => { status: number; body: unknown };
}

/** A key's stored answer as data access read it: the sealed body already opened (null: its key is gone). */
export interface StoredKey {
  requestHash: string;
  status: number;
  body: unknown;
  /** True when the answer was sealed with a person's key; then `body` is the opened text or null. */
  sealed: boolean;
}

/**
 * What a retry with a known key gets: the same request gets the stored answer; the key with another
 * request is a 422 naming the header. A sealed answer whose person was erased since opens no more:
 * the retry is told the lead was erased (409, what the same action on the lead answers now) rather
 * than shown the view.
 */
export function replayOf(stored: StoredKey, request: IdempotentRequest): StoredAnswer {
  if (stored.requestHash !== request.requestHash) {
    throw new InvalidError(say('idempotencyKeyReused'), [
      fieldIssue('Idempotency-Key', say('idempotencySameRequest')),
    ]);
  }
  if (!stored.sealed) return new StoredAnswer(stored.status, stored.body);
  if (stored.body === null) throw new ConflictError(say('leadErased'), { allowedActions: [] });
  return new StoredAnswer(stored.status, JSON.parse(String(stored.body)));
}
