import type { Database } from '../db/client';
import type { Language } from '../domain/constants';
import type { Caller } from '../domain/tokens';

/**
 * What every verb runs with, built once by its caller (a route, a job): the
 * workspace's database, the workspace it acts in, and the instant it acts at.
 * Verbs read no clock and no environment; everything they depend on is here.
 */
export interface ServiceContext extends DatabaseContext {
  workspaceId: string;
}

/** A verb that serves every workspace of one database (the cron sweep), at the run's scheduled time. */
export interface DatabaseContext {
  db: Database;
  now: Date;
  /** The language human text is said in (the request's, else the workspace's); English when unset (jobs). */
  language?: Language;
  /** The master keys personal data is sealed under (`worker/services/privacy`); none: personal writes answer 503. */
  encryption?: EncryptionSecrets;
}

/** The Worker secrets `LEADPACT_ENCRYPTION_KEY` and `LEADPACT_ENCRYPTION_KEY_PREVIOUS`. */
export interface EncryptionSecrets {
  key?: string;
  previousKey?: string;
}

/** A verb done on someone's behalf: who asked (their token, role and member). */
export interface CallerContext extends ServiceContext {
  caller: Caller;
}

/** A verb's one argument: `verbThing({ ctx, input })`. */
export interface VerbArgs<Ctx extends ServiceContext, Input> {
  ctx: Ctx;
  input: Input;
}
