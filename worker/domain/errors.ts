import type { Language } from './constants';
import {
  type Said,
  say,
  sayZodIssue,
  schemaText,
  type ThingArgs,
  type ThingKey,
  thing,
  type ZodIssueFacts,
} from './i18n';

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
  /** In English; `say` gives it in the reader's language (a function, so JSON leaves it out). */
  message: string;
  say?: Said;
}

/**
 * A field issue that can also say its message in the reader's language. `say`
 * lives on the prototype: bodies, logs and equality checks see `{ path, message }` only.
 */
class SaidIssue implements FieldIssue {
  readonly #said: Said;

  constructor(
    readonly path: string,
    said: Said,
    readonly message: string,
  ) {
    this.#said = said;
  }

  say(language: Language): string {
    return this.#said(language);
  }
}

export function fieldIssue(path: string, say: Said, message = say('en')): FieldIssue {
  return new SaidIssue(path, say, message);
}

/** A message given as English text (said the same in every language) or as a `Said` from the catalogue. */
export type Message = string | Said;

const saidOf = (message: Message): Said => (typeof message === 'string' ? () => message : message);

export class DomainError extends Error {
  /** The message in the reader's language; `message` is its English. */
  readonly say: Said;

  constructor(
    readonly code: DomainErrorCode,
    message: Message,
    readonly issues: FieldIssue[] = [],
    /** Extra members for the problem body (`allowedActions`, `missing`...). */
    readonly extensions: Record<string, unknown> = {},
  ) {
    const say = saidOf(message);
    super(say('en'));
    this.say = say;
    this.name = 'DomainError';
  }
}

export class NotFoundError extends DomainError {
  /** `what` is a catalogue thing (`thing('lead')`); English text is kept for callers not yet translated. */
  constructor(what: string | Said) {
    super('not_found', say('notFound', { what: saidOf(what) }));
  }
}

/**
 * The 404 for a row that is not there (or not in this workspace). Data access names what is
 * missing by its catalogue key; the words stay the catalogue's, so db/queries imports no text.
 */
export function missing<K extends ThingKey>(key: K, ...params: ThingArgs<K>): NotFoundError {
  return new NotFoundError(thing(key, ...params));
}

/** 503 for a write that kept losing to concurrent writers: the sender may try again (`what` is a catalogue thing). */
export function busy(what: Said = thing('thisLead')): DomainError {
  return new DomainError('unavailable', say('busy', { what }));
}

export class ConflictError extends DomainError {
  constructor(message: Message, extensions: Record<string, unknown> = {}) {
    super('conflict', message, [], extensions);
  }
}

export class InvalidError extends DomainError {
  constructor(message: Message, issues: FieldIssue[] = []) {
    super('invalid', message, issues);
  }
}

/**
 * A body that cannot even be read (not JSON, not UTF-8): invalid input whose
 * syntax is wrong before any field can be, so the API answers it 400, not 422.
 */
export class MalformedBodyError extends InvalidError {
  constructor(message: Message, hint: Message) {
    super(message, [fieldIssue('body', saidOf(hint))]);
    this.name = 'MalformedBodyError';
  }
}

export class PreconditionFailedError extends DomainError {
  constructor(message: Message) {
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
 * A zod failure as field issues, each path under `prefix`, each said in the
 * reader's language. An unknown key is named by its own path (`isAdmin`), not
 * its parent's, so a client sees which field to drop.
 */
export function issuesOfZod(
  error: { issues: readonly (ZodIssueFacts & { path: readonly PropertyKey[] })[] },
  prefix: readonly PropertyKey[] = [],
): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      return issue.keys.map((key) => {
        const message = schemaText('unknownField');
        const one = { code: issue.code, keys: [key], message };
        return fieldIssue(formatPath([...prefix, ...issue.path, key]), sayZodIssue(one), message);
      });
    }
    return [fieldIssue(formatPath([...prefix, ...issue.path]), sayZodIssue(issue), issue.message)];
  });
}
