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
