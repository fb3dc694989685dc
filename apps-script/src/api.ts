import { catalogueOf } from '../../worker/domain/i18n/catalogue';
import { en } from '../../worker/domain/i18n/en';
import { fill } from '../../worker/domain/i18n/format';
import { API_URL_PROPERTY, TOKEN_PROPERTY } from './config';
import type { Services } from './services';
import { teamLanguage } from './state';

/** Why a call to the Worker failed, in words a sheet can show. */
export class ApiFailure extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

export interface Connection {
  apiUrl: string;
  token: string;
}

/** The connection saved in properties, or null when the sidebar has not been filled in. */
export function savedConnection(services: Services): Connection | null {
  const apiUrl = services.documentProperties.getProperty(API_URL_PROPERTY);
  const token = services.userProperties.getProperty(TOKEN_PROPERTY);
  return apiUrl && token ? { apiUrl, token } : null;
}

/** The add-on's words around calls, in the team's language (read only when something is to be said). */
function words(services: Services) {
  return catalogueOf(teamLanguage(services)).sheet.connection;
}

/** What an HTTP status means for the person, when the Worker said nothing more useful. */
function statusText(services: Services, status: number): string {
  const t = words(services).status;
  if (status === 401) return t.unauthorized;
  if (status === 403) return t.forbidden;
  if (status === 404) return t.notFound;
  if (status === 409) return t.conflict;
  if (status === 429) return t.rateLimited;
  if (status >= 500) return fill(t.unavailable, { status: String(status) });
  return fill(t.other, { status: String(status) });
}

/** The Worker's refusals of a token: said before it knows the workspace, so always in English. */
const TOKEN_REFUSALS: readonly string[] = [en.errors.tokenMissing, en.errors.tokenUnknown];

/**
 * A problem+json body's most useful line: its detail, else its title, with the
 * first field error; the status explained when the body says nothing (a proxy's
 * HTML page, an empty 5xx). A refused token is explained by us: the Worker
 * cannot know the team's language before it knows the token.
 */
function problemText(services: Services, body: string, status: number): string {
  try {
    const problem = JSON.parse(body) as {
      title?: string;
      detail?: string;
      errors?: Array<{ path?: string; message?: string }>;
    };
    const first = problem.errors?.[0];
    const field = first ? ` (${first.path}: ${first.message})` : '';
    const said = problem.detail ?? problem.title;
    if (said === undefined || (status === 401 && TOKEN_REFUSALS.includes(said)))
      return statusText(services, status);
    return `${said}${field}`;
  } catch {
    return statusText(services, status);
  }
}

/** GET a JSON document from the Worker as the connected person; any refusal or non-JSON answer throws `ApiFailure`. */
export function getJson<T>(services: Services, connection: Connection, path: string): T {
  const { status, body } = requestJson(services, connection, 'get', path);
  if (status >= 400) throw new ApiFailure(problemText(services, body, status), status);
  try {
    return JSON.parse(body) as T;
  } catch {
    throw new ApiFailure(fill(words(services).notJson, { status: String(status) }), status);
  }
}

/** A Worker answer as it came: status, body, headers; never thrown for an HTTP status. */
export interface ApiAnswer {
  status: number;
  body: string;
  headers: Record<string, string>;
}

/**
 * Sends a request to the Worker as the connected person and answers whatever
 * came back; only an unreachable Worker throws (`ApiFailure` with no status).
 * Callers tell a refusal to keep (4xx) from trouble to retry (5xx, 429).
 */
export function requestJson(
  services: Services,
  connection: Connection,
  method: 'get' | 'post' | 'put' | 'patch',
  path: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
): ApiAnswer {
  const url = `${connection.apiUrl.replace(/\/+$/, '')}${path}`;
  let response: ReturnType<Services['fetch']>;
  try {
    response = services.fetch(url, {
      method,
      headers: {
        authorization: `Bearer ${connection.token}`,
        accept: 'application/json',
        ...options.headers,
      },
      ...(options.body === undefined
        ? {}
        : { payload: JSON.stringify(options.body), contentType: 'application/json' }),
      muteHttpExceptions: true,
      followRedirects: false,
    });
  } catch (error) {
    throw new ApiFailure(
      fill(words(services).unreachable, { url: connection.apiUrl, reason: (error as Error).message }),
      null,
    );
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.getHeaders() as Record<string, unknown>))
    headers[name.toLowerCase()] = String(value);
  return { status: response.getResponseCode(), body: response.getContentText(), headers };
}

/** Trouble worth trying again later (5xx, 429), rather than a refusal to show. */
export function transient(status: number): boolean {
  return status >= 500 || status === 429;
}

/** A refusal's words for a person: the problem's detail (and first field), else what the status means. */
export function answerText(services: Services, answer: Pick<ApiAnswer, 'status' | 'body'>): string {
  return problemText(services, answer.body, answer.status);
}

/** "LeadPact is not connected: open LeadPact › Connect…", in the team's language. */
export function notConnectedText(services: Services): string {
  return words(services).notConnected;
}

/**
 * Runs `run` with the saved connection; not connected, or a call that failed
 * (`ApiFailure`), answers `{ ok: false, message }` in the team's language.
 */
export function withConnection<T>(
  services: Services,
  run: (connection: Connection) => T,
): T | { ok: false; message: string } {
  const connection = savedConnection(services);
  if (!connection) return { ok: false, message: notConnectedText(services) };
  try {
    return run(connection);
  } catch (error) {
    if (error instanceof ApiFailure) return { ok: false, message: error.message };
    throw error;
  }
}
