import type { sheets_v4 } from '@googleapis/sheets';
import { importPKCS8, SignJWT } from 'jose';
import type { ServiceAccountKey, SheetErrorCode } from '../domain/live-sheet';
import { backoffMs } from '../domain/live-sheet';

/**
 * Google Sheets over `fetch`, with the service-account JWT flow signed by
 * `jose` (RS256 via WebCrypto): about 7 KB in the bundle where
 * `@googleapis/sheets` with its JWT auth adds about 90 KB gzipped, and only the
 * request and response types are taken from Google's client.
 */
export const GOOGLE_SHEETS_API_BASE = 'https://sheets.googleapis.com';
export const GOOGLE_OAUTH_TOKEN_URL = 'https://oauth2.googleapis.com/token';
const SCOPE = 'https://www.googleapis.com/auth/spreadsheets';
const MAX_TRIES = 4;

export class GoogleSheetsError extends Error {
  constructor(
    readonly code: SheetErrorCode,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'GoogleSheetsError';
  }
}

export interface SheetsClientOptions {
  apiBase?: string;
  tokenUrl?: string;
  /** Takes one request from the account's minute budget; false when none is left. */
  claim: (kind: 'read' | 'write') => Promise<boolean>;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** Access tokens live an hour; one per key is reused by every push in this isolate. */
const tokens = new Map<string, { token: string; expiresAt: number }>();

async function fetchToken(key: ServiceAccountKey, tokenUrl: string, now: number): Promise<string> {
  const cacheKey = `${tokenUrl}|${key.client_email}|${key.private_key_id ?? ''}`;
  const cached = tokens.get(cacheKey);
  if (cached && cached.expiresAt - 60_000 > now) return cached.token;
  let signingKey: CryptoKey;
  try {
    signingKey = await importPKCS8(key.private_key, 'RS256');
  } catch {
    throw new GoogleSheetsError('credential_rejected', 0, 'the private key is not a usable RSA key');
  }
  const iat = Math.floor(now / 1000);
  const assertion = await new SignJWT({ scope: SCOPE })
    .setProtectedHeader({
      alg: 'RS256',
      typ: 'JWT',
      ...(key.private_key_id ? { kid: key.private_key_id } : {}),
    })
    .setIssuer(key.client_email)
    .setAudience(tokenUrl)
    .setIssuedAt(iat)
    .setExpirationTime(iat + 3600)
    .sign(signingKey);
  const res = await reach(tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }),
  });
  if (!res.ok) {
    const status = res.status;
    const body = (await res.json().catch(() => ({}))) as { error?: string };
    if (status === 429 || status >= 500)
      throw new GoogleSheetsError(
        status === 429 ? 'rate_limited' : 'google_unavailable',
        status,
        'token endpoint busy',
      );
    throw new GoogleSheetsError('credential_rejected', status, `token refused: ${body.error ?? status}`);
  }
  const body = (await res.json()) as { access_token?: string; expires_in?: number };
  if (!body.access_token)
    throw new GoogleSheetsError('google_unavailable', res.status, 'token response had no token');
  tokens.set(cacheKey, { token: body.access_token, expiresAt: now + (body.expires_in ?? 3600) * 1000 });
  return body.access_token;
}

/**
 * fetch, where a connection that fails (DNS, refused, reset) is Google being
 * unavailable: retried later and shown in the sheet's status, never an
 * unexplained failure.
 */
async function reach(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch {
    throw new GoogleSheetsError(
      'google_unavailable',
      0,
      `Google could not be reached at ${new URL(url).host}`,
    );
  }
}

function forgetToken(key: ServiceAccountKey, tokenUrl: string) {
  tokens.delete(`${tokenUrl}|${key.client_email}|${key.private_key_id ?? ''}`);
}

/** Google's error body: `{ error: { code, status, message } }`. */
async function errorOf(res: Response): Promise<GoogleSheetsError> {
  const body = (await res.json().catch(() => ({}))) as { error?: { status?: string; message?: string } };
  const message = body.error?.message ?? `HTTP ${res.status}`;
  const status = body.error?.status ?? '';
  if (res.status === 429 || status === 'RESOURCE_EXHAUSTED')
    return new GoogleSheetsError('rate_limited', 429, message);
  if (res.status >= 500) return new GoogleSheetsError('google_unavailable', res.status, message);
  if (res.status === 401) return new GoogleSheetsError('credential_rejected', 401, message);
  if (res.status === 403) return new GoogleSheetsError('sheet_not_shared', 403, message);
  if (res.status === 404) return new GoogleSheetsError('sheet_not_found', 404, message);
  // 400 "Unable to parse range: 'Leads'!…": the tab is gone or renamed.
  return new GoogleSheetsError('tab_missing', res.status, message);
}

/** A client for one spreadsheet, authenticated as one service account. */
export function sheetsClient(key: ServiceAccountKey, spreadsheetId: string, options: SheetsClientOptions) {
  const apiBase = (options.apiBase || GOOGLE_SHEETS_API_BASE).replace(/\/$/, '');
  const tokenUrl = options.tokenUrl || GOOGLE_OAUTH_TOKEN_URL;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = options.now ?? Date.now;
  const base = `${apiBase}/v4/spreadsheets/${encodeURIComponent(spreadsheetId)}/values`;

  /** One API call: every try is claimed from the budget first; 429 and 5xx wait with jitter and try again. */
  async function send<T>(kind: 'read' | 'write', url: string, init: RequestInit): Promise<T> {
    let refreshed = false;
    for (let attempt = 0; ; attempt++) {
      if (!(await options.claim(kind)))
        throw new GoogleSheetsError('rate_limited', 429, 'this minute’s request budget is spent');
      const token = await fetchToken(key, tokenUrl, now());
      const res = await reach(url, {
        ...init,
        headers: { ...init.headers, authorization: `Bearer ${token}` },
      });
      if (res.ok) return (await res.json()) as T;
      const error = await errorOf(res);
      // An expired or revoked token: get a new one once; a revoked key then fails at the token endpoint.
      if (error.status === 401 && !refreshed) {
        forgetToken(key, tokenUrl);
        refreshed = true;
        continue;
      }
      const transient = error.code === 'rate_limited' || error.code === 'google_unavailable';
      if (!transient || attempt + 1 >= MAX_TRIES) throw error;
      await sleep(backoffMs(attempt, random()));
    }
  }

  return {
    /** `values:batchGet`: one read request for every range. */
    batchGet: async (ranges: readonly string[]): Promise<sheets_v4.Schema$ValueRange[]> => {
      const query = new URLSearchParams([
        ...ranges.map((r) => ['ranges', r] as [string, string]),
        ['majorDimension', 'ROWS'],
        ['valueRenderOption', 'UNFORMATTED_VALUE'],
      ]);
      const body = await send<sheets_v4.Schema$BatchGetValuesResponse>('read', `${base}:batchGet?${query}`, {
        method: 'GET',
      });
      return body.valueRanges ?? [];
    },
    /** `values:batchUpdate`: every range in one write request, entered as a person would type it. */
    batchUpdate: async (
      data: sheets_v4.Schema$ValueRange[],
    ): Promise<sheets_v4.Schema$BatchUpdateValuesResponse> => {
      const request: sheets_v4.Schema$BatchUpdateValuesRequest = { valueInputOption: 'USER_ENTERED', data };
      return send('write', `${base}:batchUpdate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
      });
    },
  };
}

export type SheetsClient = ReturnType<typeof sheetsClient>;
