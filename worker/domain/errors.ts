/**
 * Domain errors carry a code, never an HTTP status: each transport maps them
 * (worker/http/problem.ts for the API).
 */
export type DomainErrorCode =
  | 'not_found'
  | 'conflict'
  | 'invalid'
  | 'precondition_failed'
  | 'forbidden'
  | 'unavailable';

/** One invalid input, named by its path (`sla.businessHours.mon.open`). */
export interface FieldIssue {
  path: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
    /** Extra members for the problem body (`allowedActions`, `missing`...). */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string) {
    super('not_found', `${what} was not found in this workspace.`);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super('conflict', message, [], extensions);
  }
}

export class InvalidError extends DomainError {
  constructor(message: string, issues: FieldIssue[] = []) {
    super('invalid', message, issues);
  }
}

/**
 * A body that cannot even be read (not JSON, not UTF-8): invalid input whose
 * syntax is wrong before any field can be, so the API answers it 400, not 422.
 */
export class MalformedBodyError extends InvalidError {
  constructor(message: string, hint: string) {
    super(message, [{ path: 'body', message: hint }]);
    this.name = 'MalformedBodyError';
  }
}

export class PreconditionFailedError extends DomainError {
  constructor(message: string) {
    super('precondition_failed', message);
  }
}

/** `["sla", "businessHours", "mon", 0]` → `sla.businessHours.mon[0]`, the way problem bodies name fields. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(root)';
}

/**
 * A zod failure as field issues, each path under `prefix`. An unknown key is
 * named by its own path (`isAdmin`), not its parent's, so a client sees which field to drop.
 */
export function issuesOfZod(
  error: {
    issues: readonly {
      path: readonly PropertyKey[];
      message: string;
      code?: string;
      keys?: readonly string[];
    }[];
  },
  prefix: readonly PropertyKey[] = [],
): FieldIssue[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys' && issue.keys
      ? issue.keys.map((key) => ({
          path: formatPath([...prefix, ...issue.path, key]),
          message: 'Unknown field: this API accepts only the fields it documents.',
        }))
      : [{ path: formatPath([...prefix, ...issue.path]), message: issue.message }],
  );
}
