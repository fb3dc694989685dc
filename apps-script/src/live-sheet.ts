import { ApiFailure, answerText, requestJson, savedConnection } from './api';
import type { Services } from './services';

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
  if (!connection) return { ok: false, message: 'Save the API URL and your token first.' };
  const spreadsheetId = services.spreadsheetApp.getActiveSpreadsheet().getId();
  try {
    const answer = requestJson(services, connection, 'put', '/v1/sheet/connection', {
      body: { spreadsheetId },
    });
    if (answer.status >= 400) return { ok: false, message: answerText(answer) };
    const status = JSON.parse(answer.body) as { serviceAccountEmail: string | null; state: string | null };
    return {
      ok: true,
      message: 'Connected.',
      serviceAccountEmail: status.serviceAccountEmail,
      state: status.state,
    };
  } catch (error) {
    if (error instanceof ApiFailure) return { ok: false, message: error.message };
    throw error;
  }
}
