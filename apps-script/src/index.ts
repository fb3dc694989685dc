/**
 * The functions Apps Script calls by name: the simple triggers, the menu's
 * items, the timer, and the sidebar's `google.script.run` targets. Each is a
 * few lines calling a module with the real services; everything else lives in
 * modules tested in Node. The build keeps these names global.
 */
import { catalogueOf } from '../../worker/domain/i18n';
import { agreementConflict, reapplyMyEdits as reapply } from './agreement/conflict';
import { pushAgreementEdits as pushEdits } from './agreement/push-edits';
import { agreementReview, proposeDraft as propose, signPendingVersion as sign } from './agreement/review';
import { openConflictSidebar, openReviewSidebar } from './agreement/sidebars';
import {
  connectionView,
  forgetToken as forget,
  saveConnection as save,
  testConnection as test,
} from './connection';
import {
  type FormSubmitEventLike,
  linkGoogleForm as link,
  relayFormResponse,
  retryOutbox,
} from './forms/relay';
import { googleServices } from './google-services';
import { leadViewHtml } from './lead-view-html';
import { getLeadView as leadView, sendLeadAction as sendAction } from './leads/lead-view';
import { type EditEventLike, markPendingEdits } from './leads/pending';
import { sendPendingRows } from './leads/send-pending';
import { keepSheetLive as keepLive, liveSheetStatus } from './live-sheet';
import { addMenu } from './menu';
import { refreshAll as refresh } from './refresh';
import { sidebarHtml } from './sidebar-html';
import { teamLanguage } from './state';
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
  const texts = catalogueOf(teamLanguage(services)).sheet.sidebar;
  services.ui()?.showSidebar(services.htmlOutput(sidebarHtml(texts)).setTitle(texts.title));
}

/**
 * Menu: sends the agreement tabs' edits as the draft, under the clicking
 * person's token; a stale draft opens the conflict view instead.
 */
export function pushAgreementEdits() {
  const services = googleServices();
  const result = pushEdits(services, { openConflict: () => openConflictSidebar(services) });
  services.ui()?.alert(result.message);
  return result;
}

/**
 * The simple edit trigger: runs as the person who edited, with no network, so
 * it only marks their Leads rows as waiting for them to send.
 */
export function onEdit(event?: EditEventLike) {
  if (!event?.range) return;
  markPendingEdits(googleServices(), event);
}

/** Menu and sidebar: sends the rows this person edited, under their own token. */
export function sendMyPendingRows() {
  const services = googleServices();
  const result = sendPendingRows(services);
  services.ui()?.alert(result.message);
  return result;
}

/** Menu: relays the Google Form linked to this sheet into LeadPact (creates the source once). */
export function linkGoogleForm() {
  const services = googleServices();
  const result = link(services);
  services.ui()?.alert(result.message);
  return result;
}

/** Installable trigger: one form response into the outbox, then to LeadPact. */
export function onFormSubmitInstalled(event?: FormSubmitEventLike) {
  return relayFormResponse(googleServices(), event ?? {});
}

/** Timer: posts the outbox's waiting responses whose time has come. */
export function retryFormOutbox() {
  return retryOutbox(googleServices());
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

/** Sidebar: "Keep this sheet live" — the Worker pushes SLA changes and new leads into this sheet. */
export function keepSheetLive() {
  return keepLive(googleServices());
}

/** Sidebar: whether the live push is on, and why it stopped when it did. */
export function getLiveSheetStatus() {
  return liveSheetStatus(googleServices());
}

/** A push refused as stale opens this: what changed on each side, and "Re-apply my edits on top". */
export function showAgreementConflict() {
  openConflictSidebar(googleServices());
}

/** Menu: the agreement view — the draft against the active version, propose, sign. */
export function showAgreementReview() {
  openReviewSidebar(googleServices());
}

export function getAgreementConflict() {
  return agreementConflict(googleServices());
}

/** Sidebar: the current draft with this person's edits on top, under their token. */
export function reapplyMyEdits(input: { etag?: unknown; keepMine?: unknown }) {
  return reapply(googleServices(), input ?? {});
}

export function getAgreementReview() {
  return agreementReview(googleServices());
}

/** Sidebar: proposes the draft the person reviewed, under their token. */
export function proposeDraft(input: { etag?: unknown }) {
  return propose(googleServices(), input ?? {});
}

/** Sidebar: signs the pending version for the person's side, with the hash they reviewed. */
export function signPendingVersion(input: { number?: unknown; hash?: unknown }) {
  return sign(googleServices(), input ?? {});
}

/** Menu: the sidebar's one-lead view, opened on the row the person selected. */
export function showLead() {
  const services = googleServices();
  const texts = catalogueOf(teamLanguage(services)).sheet.leadView;
  services.ui()?.showSidebar(services.htmlOutput(leadViewHtml(texts)).setTitle(texts.title));
}

/** Sidebar: one lead (by id, else the selected row's) as this person may see and work it. */
export function getLeadView(request?: { leadId?: unknown }) {
  return leadView(googleServices(), request ?? {});
}

/** Sidebar: one action on the lead, as this person, the way a Leads row sends it. */
export function sendLeadAction(request: { leadId?: unknown; version?: unknown; action?: unknown }) {
  return sendAction(googleServices(), request ?? {});
}
