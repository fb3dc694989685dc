import { catalogueOf } from '../../worker/domain/i18n/catalogue';
import { ApiFailure, getJson, savedConnection } from './api';
import { API_URL_PROPERTY, TOKEN_PROPERTY } from './config';
import type { Services } from './services';
import { teamLanguage } from './state';

/** The connection's words in the team's language (English before the first refresh). */
function words(services: Services) {
  return catalogueOf(teamLanguage(services)).sheet.connection;
}

/** What the sidebar shows about the connection; the token itself never goes back to the browser. */
export interface ConnectionView {
  apiUrl: string;
  hasToken: boolean;
}

export interface ConnectionCheck {
  ok: boolean;
  message: string;
  workspace?: { id: string; name: string; language: string; timeZone: string };
  caller?: { role: string; memberId: string | null; memberName: string | null };
}

export function connectionView(services: Services): ConnectionView {
  return {
    apiUrl: services.documentProperties.getProperty(API_URL_PROPERTY) ?? '',
    hasToken: services.userProperties.getProperty(TOKEN_PROPERTY) !== null,
  };
}

/** Loopback may be plain HTTP (a laptop running `npm start`); anything else must be HTTPS. */
function checkedUrl(services: Services, raw: unknown): string {
  const url = typeof raw === 'string' ? raw.trim().replace(/\/+$/, '') : '';
  if (
    !/^https:\/\/[^\s/]+(\/\S*)?$/.test(url) &&
    !/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?(\/\S*)?$/.test(url)
  ) {
    throw new Error(words(services).apiUrlInvalid);
  }
  return url;
}

/**
 * Saves the API URL for the document and the token for this person only. An
 * empty token keeps the saved one, so the sidebar never needs to show it.
 */
export function saveConnection(
  services: Services,
  input: { apiUrl?: unknown; token?: unknown },
): ConnectionView {
  const apiUrl = checkedUrl(services, input.apiUrl);
  const token = typeof input.token === 'string' ? input.token.trim() : '';
  if (token !== '' && !/^lp_[A-Za-z0-9_-]+$/.test(token)) {
    throw new Error(words(services).tokenInvalid);
  }
  services.documentProperties.setProperty(API_URL_PROPERTY, apiUrl);
  if (token !== '') services.userProperties.setProperty(TOKEN_PROPERTY, token);
  return connectionView(services);
}

/** Forgets this person's token (the document keeps its URL for the others). */
export function forgetToken(services: Services): ConnectionView {
  services.userProperties.deleteProperty(TOKEN_PROPERTY);
  return connectionView(services);
}

/** "Test connection": who the Worker says this person is, in which workspace. */
export function testConnection(services: Services): ConnectionCheck {
  const connection = savedConnection(services);
  if (!connection) return { ok: false, message: words(services).saveFirst };
  try {
    const meta = getJson<Pick<ConnectionCheck, 'workspace' | 'caller'>>(
      services,
      connection,
      '/v1/sheet/snapshot?parts=meta',
    );
    return { ok: true, message: words(services).connected, ...meta };
  } catch (error) {
    if (error instanceof ApiFailure) return { ok: false, message: error.message };
    throw error;
  }
}
