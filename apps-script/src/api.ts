import { API_URL_PROPERTY, TOKEN_PROPERTY } from './config';
import type { Services } from './services';

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

/** A problem+json body's most useful line: its detail, else its title, with the first field error. */
function problemText(body: string, status: number): string {
  try {
    const problem = JSON.parse(body) as {
      title?: string;
      detail?: string;
      errors?: Array<{ path?: string; message?: string }>;
    };
    const first = problem.errors?.[0];
    const field = first ? ` (${first.path}: ${first.message})` : '';
    return `${problem.detail ?? problem.title ?? `HTTP ${status}`}${field}`;
  } catch {
    return `HTTP ${status}`;
  }
}

/** GET a JSON document from the Worker as the connected person; any refusal or non-JSON answer throws `ApiFailure`. */
export function getJson<T>(services: Services, connection: Connection, path: string): T {
  const { status, body } = requestJson(services, connection, 'get', path);
  if (status >= 400) throw new ApiFailure(problemText(body, status), status);
  try {
    return JSON.parse(body) as T;
  } catch {
    throw new ApiFailure(`LeadPact answered something that is not JSON (HTTP ${status}).`, status);
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
      `LeadPact cannot be reached at ${connection.apiUrl}: ${(error as Error).message}`,
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

/** A refusal's words for a person: the problem's detail (and first field), else the status. */
export function answerText(answer: ApiAnswer): string {
  return problemText(answer.body, answer.status);
}
