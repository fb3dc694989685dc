import { catalogueOf } from '../../worker/domain/i18n';
import { fill } from '../../worker/domain/i18n/format';
import { SHEET_TABS } from '../../worker/domain/sheet/constants';
import { leadRow } from '../../worker/domain/sheet/leads-layout';
import { decodeLead, type SheetSnapshotResponse, SNAPSHOT_PARTS } from '../../worker/domain/sheet/snapshot';
import type { AgreementPart } from '../../worker/domain/sheet/snapshot-parts';
import { hasAgreementStore } from './agreement/pending-edits';
import { ApiFailure, getJson, notConnectedText, savedConnection } from './api';
import { LOCK_WAIT_MS } from './config';
import { findTab, localTime, tabContextOf } from './grid';
import type { Services } from './services';
import { readState, type SheetState, saveState, stateLanguage, teamLanguage } from './state';
import { refreshAgreementGridTabs } from './tabs/agreement-grid-tabs';
import { refreshFunnelTab } from './tabs/funnel-tab';
import { writeLeadsTab } from './tabs/leads-tab';
import { writeReadOnlyTabs } from './tabs/read-only-tabs';

export interface RefreshResult {
  ok: boolean;
  message: string;
  /** Tabs written by this refresh. */
  written: string[];
}

/** The query that asks only for what changed since the state's versions and cursor. */
export function snapshotPath(state: SheetState, force: boolean): string {
  const params: string[] = [];
  if (!force) {
    const known = SNAPSHOT_PARTS.flatMap((part) => {
      const version = state.versions[part];
      return version ? [`${part}:${version}`] : [];
    });
    if (known.length > 0) params.push(`known=${encodeURIComponent(known.join(','))}`);
    if (state.cursor) params.push(`since=${encodeURIComponent(state.cursor)}`);
  }
  return `/v1/sheet/snapshot${params.length > 0 ? `?${params.join('&')}` : ''}`;
}

/**
 * Refreshes every tab from one snapshot, under the document lock so two runs
 * (a timer and a click) never interleave their writes. Tabs whose part did not
 * change are not touched; with nothing new, nothing is written at all.
 * `force` (the menu's "Refresh now") asks for everything and re-applies formats.
 */
export function refreshAll(services: Services, options: { force: boolean }): RefreshResult {
  const connection = savedConnection(services);
  if (!connection) {
    return { ok: false, message: notConnectedText(services), written: [] };
  }
  const lock = services.documentLock();
  if (!lock?.tryLock(LOCK_WAIT_MS)) {
    return {
      ok: false,
      message: catalogueOf(teamLanguage(services)).sheet.connection.refreshBusy,
      written: [],
    };
  }
  try {
    let state = readState(services);
    // Another API or workspace (a sheet reconnected) starts from scratch.
    const force = options.force || state.apiUrl !== connection.apiUrl;
    const spreadsheet = services.spreadsheetApp.getActiveSpreadsheet();
    let snapshot: SheetSnapshotResponse;
    try {
      // After a failure every part is asked for again: its tab shows the error row until rewritten.
      const asked = state.failed ? { ...state, versions: {} } : withoutUnrenderedAgreement(services, state);
      snapshot = getJson<SheetSnapshotResponse>(services, connection, snapshotPath(asked, force));
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      reportFailure(services, state, error.message);
      saveState(services, { ...state, failed: true });
      return { ok: false, message: error.message, written: [] };
    }
    if (snapshot.workspace.id !== state.workspaceId && state.workspaceId !== '') {
      state = { ...state, versions: {}, cursor: null };
    }
    const language = snapshot.workspace.language;
    const texts = catalogueOf(language).sheet.frame;
    const now = services.now();
    const context = tabContextOf(spreadsheet, {
      language,
      apiUrl: connection.apiUrl,
      now,
      timeZone: snapshot.workspace.timeZone,
    });
    // A tab that shows an old error, or a language switch, must be rewritten even when its data did not change.
    const rewrite = force || state.failed || state.language !== language;
    const written: string[] = [];
    if (rewrite || spreadsheet.getSpreadsheetTimeZone() !== snapshot.workspace.timeZone) {
      // Dates typed by people and NOW() read on the team's clock, the one the agreement's deadlines run on.
      spreadsheet.setSpreadsheetTimeZone(snapshot.workspace.timeZone);
      spreadsheet.setSpreadsheetLocale(texts.locale);
    }

    const leads = snapshot.leads;
    if (leads) {
      const names = {
        memberNames: Object.fromEntries(snapshot.directory.members.map((m) => [m.id, m.name])),
        sourceNames: Object.fromEntries(snapshot.directory.sources.map((s) => [s.id, s.name])),
      };
      const rows = leads.rows.map((tuple) => {
        const { lead, sla } = decodeLead(tuple, snapshot.directory);
        return leadRow(lead, sla, { language, timeZone: snapshot.workspace.timeZone, ...names });
      });
      const result = writeLeadsTab(services.spreadsheetApp, context, {
        rows,
        reasons: state.reasons,
        force: rewrite,
      });
      if (result.written) written.push('leads');
      state = { ...state, cursor: leads.cursor };
    }
    state = refreshFunnelTab(services, context, snapshot.parts.plan, state, written);

    const readOnly = writeReadOnlyTabs(context, snapshot.parts);
    written.push(...readOnly.written);
    const agreement = snapshot.parts.agreement;
    if (agreement && !agreement.unchanged) {
      const draft = (agreement.data as AgreementPart).draft;
      written.push(...refreshAgreementGridTabs(services, context, draft, { rewrite }).written);
    }
    state = { ...state, versions: { ...state.versions, ...readOnly.versions } };

    saveState(services, {
      ...state,
      apiUrl: connection.apiUrl,
      workspaceId: snapshot.workspace.id,
      failed: false,
      language,
      lastRefreshAt: now.toISOString(),
    });
    const said = catalogueOf(language).sheet;
    return {
      ok: true,
      message:
        written.length > 0
          ? fill(said.connection.refreshed, {
              tabs: [...new Set(written)].map((tab) => tabName(said.frame.tabs, tab)).join(', '),
            })
          : said.connection.nothingChanged,
      written,
    };
  } finally {
    lock.releaseLock();
  }
}

/** No stored base (a sheet from before the agreement tabs, or its store deleted): ask for the agreement again. */
function withoutUnrenderedAgreement(services: Services, state: SheetState): SheetState {
  if (!state.versions.agreement || hasAgreementStore(services)) return state;
  const { agreement: _agreement, ...versions } = state.versions;
  return { ...state, versions };
}

/** An error row instead of silence: row 1 of every LeadPact tab says why the values are old. */
function reportFailure(services: Services, state: SheetState, reason: string): void {
  const spreadsheet = services.spreadsheetApp.getActiveSpreadsheet();
  const language = stateLanguage(state);
  const texts = catalogueOf(language).sheet.frame;
  const line = fill(texts.failure, {
    at: localTime(language, services.now(), spreadsheet.getSpreadsheetTimeZone()),
    reason,
  });
  for (const tab of SHEET_TABS) {
    const sheet = findTab(spreadsheet, tab);
    if (!sheet) continue;
    const range = sheet.getRange(1, 1, 1, 1);
    range.setValues([[line.startsWith('=') ? `'${line}` : line]]);
    range.setFontColor('#a50e0e');
  }
}

/** A written tab's name as the team reads it in the sheet (the key itself when it names no tab). */
function tabName(names: Record<string, string>, tab: string): string {
  return names[tab] ?? tab;
}
