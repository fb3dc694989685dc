/**
 * The functions Apps Script calls by name: the simple triggers, the menu's
 * items, the timer, and the sidebar's `google.script.run` targets. Each is a
 * few lines calling a module with the real services; everything else lives in
 * modules tested in Node. The build keeps these names global.
 */
import { SIDEBAR_TEXTS } from '../../worker/domain/sheet/sidebar-texts';
import {
  connectionView,
  forgetToken as forget,
  saveConnection as save,
  testConnection as test,
} from './connection';
import { googleServices } from './google-services';
import { addMenu } from './menu';
import { refreshAll as refresh } from './refresh';
import { sidebarHtml } from './sidebar-html';
import { readState } from './state';
import { installRefreshTriggers } from './timers';

export function onOpen(_event?: unknown) {
  addMenu(googleServices());
}

export function onInstall(event?: unknown) {
  onOpen(event);
}

/** The timer and the installable on-open trigger: only what changed. */
export function refreshAll() {
  return refresh(googleServices(), { force: false });
}

/** The menu's "Refresh now": everything, formats re-applied. */
export function refreshNow() {
  const services = googleServices();
  const result = refresh(services, { force: true });
  if (!result.ok) services.ui()?.alert(result.message);
  return result;
}

export function showSidebar() {
  const services = googleServices();
  const state = readState(services);
  const language =
    state.language === 'pl' || state.language === 'ro' || state.language === 'ru' ? state.language : 'en';
  const texts = SIDEBAR_TEXTS[language];
  services.ui()?.showSidebar(services.htmlOutput(sidebarHtml(texts)).setTitle(texts.title));
}

/** Part 2 of the add-on sends the agreement tabs' edits; until then this says so and sends nothing. */
export function pushAgreementEdits() {
  const message =
    'Pushing agreement edits from the sheet arrives with part 2 of the LeadPact add-on. Nothing was sent.';
  googleServices().ui()?.alert(message);
  return { ok: false, message };
}

export function getConnection() {
  return connectionView(googleServices());
}

/** Saves the connection, then installs the refresh timers (they need this person's authorization). */
export function saveConnection(input: { apiUrl?: unknown; token?: unknown }) {
  const services = googleServices();
  const view = save(services, input);
  installRefreshTriggers(services);
  return view;
}

export function testConnection() {
  return test(googleServices());
}

export function forgetToken() {
  return forget(googleServices());
}
