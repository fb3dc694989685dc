import { catalogueOf } from '../../../worker/domain/i18n/catalogue';
import { fill } from '../../../worker/domain/i18n/format';
import { ApiFailure, answerText, notConnectedText, requestJson, savedConnection, transient } from '../api';
import { LOCK_WAIT_MS, REFRESH_MINUTES } from '../config';
import type { Services } from '../services';
import { teamLanguage } from '../state';
import {
  addEntry,
  backoffMs,
  MAX_BACKOFF_MS,
  type OutboxEntry,
  outboxSheet,
  readOutbox,
  writeStatuses,
} from './outbox';

/** Document property: the `google-forms` source this sheet relays to, and its signing secret. */
export const FORMS_RELAY_PROPERTY = 'LEADPACT_FORMS_RELAY';

export interface RelayConfig {
  sourceId: string;
  secret: string;
}

/** What an installable form-submit trigger on a spreadsheet gives. */
export interface FormSubmitEventLike {
  namedValues?: Record<string, string[]>;
  values?: string[];
}

function readConfig(services: Services): RelayConfig | null {
  const raw = services.documentProperties.getProperty(FORMS_RELAY_PROPERTY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as RelayConfig;
  } catch {
    return null;
  }
}

/** FNV-1a, twice with different bases: a 64-bit fingerprint with no crypto. */
function fingerprint(text: string): string {
  const fnv = (basis: number) => {
    let hash = basis;
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash.toString(16).padStart(8, '0');
  };
  return `${fnv(0x811c9dc5)}${fnv(0x050c5d1f)}`;
}

/**
 * A response as the generic/google-forms intake reads it: each question by its
 * title (the source's field map turns "E-mail address" into `email`), the
 * answers of a multi-answer question joined, and the delivery key as
 * `externalId` so the Worker stores it once however often it arrives.
 */
export function responseBody(event: FormSubmitEventLike, key: string): string {
  const fields: Record<string, string> = {};
  for (const [question, answers] of Object.entries(event.namedValues ?? {})) {
    if (question === 'Timestamp' || question === 'Sygnatura czasowa') continue;
    fields[question] = (answers ?? []).filter((a) => a !== '').join(', ');
  }
  return JSON.stringify({ ...fields, formName: 'Google Form', externalId: key });
}

/** Stable for one response: the form's own row of values, timestamp included. */
export function deliveryKey(event: FormSubmitEventLike): string {
  const values = event.values ?? Object.values(event.namedValues ?? {}).map((v) => v.join(','));
  return `gforms-${fingerprint(JSON.stringify(values))}`;
}

/** `LeadPact-Signature` for a body, signed now (each retry signs again: the Worker allows 5 minutes). */
function signature(services: Services, secret: string, body: string): string {
  const t = Math.floor(services.now().getTime() / 1000);
  return `t=${t},v1=${services.hmacSha256Hex(secret, `${t}.${body}`)}`;
}

/**
 * How long the Worker asked us to wait (`Retry-After`, seconds or an HTTP
 * date), capped like the backoff; 0 when it did not say. Apps Script gives
 * headers as they came, so the name is matched in any case.
 */
export function retryAfterMs(headers: Record<string, unknown>, now: Date): number {
  const entry = Object.entries(headers).find(([name]) => name.toLowerCase() === 'retry-after');
  const value = entry ? String(entry[1]).trim() : '';
  if (value === '') return 0;
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now.getTime();
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), MAX_BACKOFF_MS) : 0;
}

/** Posts one entry and answers it with its new status. */
function post(services: Services, apiUrl: string, config: RelayConfig, entry: OutboxEntry): OutboxEntry {
  const attempts = entry.attempts + 1;
  const now = services.now();
  const retryLater = (reason: string, waitAtLeastMs = 0): OutboxEntry => ({
    ...entry,
    attempts,
    status: 'waiting',
    reason,
    nextAttemptAt: new Date(now.getTime() + Math.max(backoffMs(attempts), waitAtLeastMs)).toISOString(),
  });
  // The relay speaks for the form, not a person: it is signed with the source's secret, never a token.
  try {
    const response = services.fetch(
      `${apiUrl.replace(/\/+$/, '')}/v1/intake/${encodeURIComponent(config.sourceId)}`,
      {
        method: 'post',
        contentType: 'application/json',
        payload: entry.body,
        headers: {
          'leadpact-signature': signature(services, config.secret, entry.body),
          'idempotency-key': entry.key,
        },
        muteHttpExceptions: true,
        followRedirects: false,
      },
    );
    const status = response.getResponseCode();
    if (status >= 200 && status < 300)
      return { ...entry, attempts, status: 'delivered', reason: '', nextAttemptAt: '' };
    const reason = answerText(services, { status, body: response.getContentText() });
    if (transient(status))
      return retryLater(reason, retryAfterMs(response.getHeaders() as Record<string, unknown>, now));
    return { ...entry, attempts, status: 'refused', reason, nextAttemptAt: '' };
  } catch (error) {
    return retryLater((error as Error).message);
  }
}

/**
 * "Relay Google Form responses" (menu, as the person clicking): creates the
 * sheet's `google-forms` source once with their token (admin or marketing),
 * keeps its id and secret in the document, and installs the form-submit
 * trigger and the outbox timer. Idempotent: a second click only checks the triggers.
 */
export function linkGoogleForm(services: Services): { ok: boolean; message: string; sourceId?: string } {
  const connection = savedConnection(services);
  if (!connection) {
    return { ok: false, message: notConnectedText(services) };
  }
  let config = readConfig(services);
  if (!config) {
    let answer: ReturnType<typeof requestJson>;
    try {
      answer = requestJson(services, connection, 'post', '/v1/sources', {
        body: {
          name: 'Google Form (sheet relay)',
          provider: 'google-forms',
          origin: 'marketing',
          createsLead: true,
        },
      });
    } catch (error) {
      if (error instanceof ApiFailure) return { ok: false, message: error.message };
      throw error;
    }
    if (answer.status !== 201) return { ok: false, message: answerText(services, answer) };
    const created = JSON.parse(answer.body) as { id: string; secret: string };
    config = { sourceId: created.id, secret: created.secret };
    services.documentProperties.setProperty(FORMS_RELAY_PROPERTY, JSON.stringify(config));
  }
  services.ensureFormSubmitTrigger('onFormSubmitInstalled');
  try {
    services.ensureTimeTrigger('retryFormOutbox', REFRESH_MINUTES.bound);
  } catch {
    services.ensureTimeTrigger('retryFormOutbox', REFRESH_MINUTES.addon);
  }
  outboxSheet(services);
  return {
    ok: true,
    message: fill(catalogueOf(teamLanguage(services)).sheet.connection.formsLinked, {
      source: config.sourceId,
    }),
    sourceId: config.sourceId,
  };
}

/**
 * The installable form-submit trigger: the response goes into the outbox
 * first, then is posted; the outbox row says delivered, refused (with the
 * Worker's reason) or waiting for the timer.
 */
export function relayFormResponse(services: Services, event: FormSubmitEventLike): OutboxEntry | null {
  const config = readConfig(services);
  const apiUrl = services.documentProperties.getProperty('LEADPACT_API_URL');
  if (!config || !apiUrl) return null;
  const lock = services.documentLock();
  // Under the lock two responses arriving together take different outbox rows.
  if (!lock?.tryLock(LOCK_WAIT_MS))
    throw new Error(catalogueOf(teamLanguage(services)).sheet.connection.outboxBusy);
  try {
    const sheet = outboxSheet(services);
    const key = deliveryKey(event);
    const now = services.now().toISOString();
    const entry = addEntry(sheet, {
      key,
      receivedAt: now,
      attempts: 0,
      nextAttemptAt: now,
      status: 'waiting',
      reason: '',
      body: responseBody(event, key),
    });
    const done = post(services, apiUrl, config, entry);
    writeStatuses(sheet, [done]);
    return done;
  } finally {
    lock.releaseLock();
  }
}

/** The timer: every waiting entry whose time has come is posted again; one read, one write. */
export function retryOutbox(services: Services): { tried: number; delivered: number; waiting: number } {
  const config = readConfig(services);
  const apiUrl = services.documentProperties.getProperty('LEADPACT_API_URL');
  if (!config || !apiUrl) return { tried: 0, delivered: 0, waiting: 0 };
  const lock = services.documentLock();
  if (!lock?.tryLock(LOCK_WAIT_MS)) return { tried: 0, delivered: 0, waiting: 0 };
  try {
    const sheet = outboxSheet(services);
    const now = services.now().getTime();
    const waiting = readOutbox(sheet).filter((e) => e.status === 'waiting');
    const due = waiting.filter((e) => Date.parse(e.nextAttemptAt) <= now);
    const done = due.map((e) => post(services, apiUrl, config, e));
    writeStatuses(sheet, done);
    return {
      tried: done.length,
      delivered: done.filter((e) => e.status === 'delivered').length,
      waiting: waiting.length - done.filter((e) => e.status !== 'waiting').length,
    };
  } finally {
    lock.releaseLock();
  }
}
