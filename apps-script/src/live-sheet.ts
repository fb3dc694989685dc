import { catalogueOf } from '../../worker/domain/i18n/catalogue';
import { ApiFailure, answerText, getJson, requestJson, savedConnection } from './api';
import type { Services } from './services';
import { teamLanguage } from './state';

function words(services: Services) {
  return catalogueOf(teamLanguage(services)).sheet.connection;
}

/** What "Keep this sheet live" answers the sidebar: the address to share the sheet with, or why not. */
export interface LiveSheetResult {
  ok: boolean;
  message: string;
  serviceAccountEmail?: string | null;
  state?: string | null;
}

/**
 * "Keep this sheet live": sends this spreadsheet's own id to the Worker (so no
 * one copies an id by hand) under the clicking person's token — the Worker
 * allows it to admins only — and answers the service account's e-mail, which
 * the team shares the sheet with as an editor.
 */
export function keepSheetLive(services: Services): LiveSheetResult {
  const connection = savedConnection(services);
  if (!connection) return { ok: false, message: words(services).saveFirst };
  const spreadsheetId = services.spreadsheetApp.getActiveSpreadsheet().getId();
  try {
    const answer = requestJson(services, connection, 'put', '/v1/sheet/connection', {
      body: { spreadsheetId },
    });
    if (answer.status >= 400) return { ok: false, message: answerText(services, answer) };
    const status = JSON.parse(answer.body) as { serviceAccountEmail: string | null; state: string | null };
    return {
      ok: true,
      message: words(services).connected,
      serviceAccountEmail: status.serviceAccountEmail,
      state: status.state,
    };
  } catch (error) {
    if (error instanceof ApiFailure) return { ok: false, message: error.message };
    throw error;
  }
}

/** What the sidebar shows about the live push when it opens: on, or stopped and why (in the team's language). */
export interface LiveSheetStatus {
  ok: boolean;
  connected: boolean;
  state: string | null;
  serviceAccountEmail: string | null;
  lastError: string | null;
  message?: string;
}

export function liveSheetStatus(services: Services): LiveSheetStatus {
  const none = { connected: false, state: null, serviceAccountEmail: null, lastError: null };
  const connection = savedConnection(services);
  if (!connection) return { ok: false, ...none, message: words(services).saveFirst };
  try {
    const status = getJson<{
      connected: boolean;
      state: string | null;
      serviceAccountEmail: string | null;
      lastError: { message: string } | null;
    }>(services, connection, '/v1/sheet/status');
    return {
      ok: true,
      connected: status.connected,
      state: status.state,
      serviceAccountEmail: status.serviceAccountEmail,
      lastError: status.lastError?.message ?? null,
    };
  } catch (error) {
    if (error instanceof ApiFailure) return { ok: false, ...none, message: error.message };
    throw error;
  }
}
