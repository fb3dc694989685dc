import type { Agreement } from '../../../worker/domain/agreement/schema';
import type { Language, Role } from '../../../worker/domain/constants';
import type { LeadViewTexts } from '../../../worker/domain/i18n';
import { catalogueOf } from '../../../worker/domain/i18n/catalogue';
import { fill, formatInstant, formatMoney, formatNumber } from '../../../worker/domain/i18n/format';
import { counted } from '../../../worker/domain/i18n/plural';
import {
  ACTS_ON_ANY_LEAD,
  type ActionType,
  type LeadActionInput,
} from '../../../worker/domain/ledger/actions';
import { ACTION_TYPES } from '../../../worker/domain/ledger/constants';
import {
  ATTEMPT_CHANNELS,
  ATTEMPT_OUTCOMES,
  type AttemptOutcome,
} from '../../../worker/domain/ledger/events';
import { type AssigneeChoice, assigneeChoices } from '../../../worker/domain/sheet/assignee';
import {
  LEADS_FIRST_DATA_ROW,
  LEADS_HEADER_ROW,
  leadColumnIndexes,
} from '../../../worker/domain/sheet/leads-layout';
import { viewIdempotencyKey } from '../../../worker/domain/sheet/row-action';
import { ApiFailure, type Connection, getJson, notConnectedText, savedConnection } from '../api';
import { findTab } from '../grid';
import type { Services } from '../services';
import { teamLanguage } from '../state';
import {
  type Directory,
  type LeadAnswer,
  loadContext,
  postLeadAction,
  readLead,
  rowOfLead,
  versionOf,
  type WorkContext,
  writeRows,
} from './lead-rows';

/** One choice in a list: the code sent, the label shown. */
export interface Choice {
  code: string;
  label: string;
}

/**
 * Whether this person gets the assign picker: the Worker must allow `assign`
 * on this lead now, and the role must be one that acts on any lead (a
 * manager's decision about the team). A rep may still hand on their own lead
 * through the API or a row; the Worker stays the authority either way.
 */
export function mayPickAssignee(allowed: readonly ActionType[], role: Role | null): boolean {
  return role !== null && ACTS_ON_ANY_LEAD.includes(role) && allowed.includes('assign');
}

/**
 * The sidebar's one lead, rendered to plain strings in the team's language:
 * the page only places them with `textContent`, so nothing here is ever HTML.
 */
export interface LeadView {
  leadId: string;
  /** The version the person sees: sent as `If-Match` with their action. */
  version: number;
  name: string;
  profile: Array<{ label: string; value: string }>;
  scores: string[];
  history: Array<{ seq: number; when: string; who: string; what: string; note: string }>;
  /** `state` is the status's code, for the colour. */
  deadlines: Array<{ what: string; due: string; status: string; state: string; left: string }>;
  actions: Array<{ type: ActionType; label: string }>;
  /** The lead's owner (null: nobody yet): the picker marks them and does not offer them. */
  ownerId: string | null;
  choices: {
    channels: Choice[];
    outcomes: Choice[];
    rejectReasons: Choice[];
    nurtureReasons: Choice[];
    lostReasons: Choice[];
    criteria: Array<Choice & { required: boolean }>;
    questions: Array<{ id: string; question: string; answer: string; required: boolean }>;
    currency: string;
    /** Assign: the active sales members, the owner marked `current`; empty unless the picker is offered. */
    assignees: AssigneeChoice[];
  };
}

export type LeadViewAnswer = { ok: true; view: LeadView } | { ok: false; message: string };

export interface LeadActionAnswer {
  ok: boolean;
  /** sent, refused, stale (the view shows the lead as it is now), waiting (nothing reached LeadPact). */
  kind: 'sent' | 'refused' | 'stale' | 'waiting' | 'invalid';
  message: string;
  view: LeadView | null;
}

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/** The lead id of the row the person selected in the Leads tab, or null. */
export function selectedLeadId(services: Services): string | null {
  const spreadsheet = services.spreadsheetApp.getActiveSpreadsheet();
  const range = spreadsheet.getActiveRange();
  const leads = findTab(spreadsheet, 'leads');
  if (!range || !leads || spreadsheet.getActiveSheet().getName() !== leads.getName()) return null;
  const row = range.getRow();
  if (row < LEADS_FIRST_DATA_ROW) return null;
  const width = leads.getLastColumn();
  if (width < 1) return null;
  const header = leads.getRange(LEADS_HEADER_ROW, 1, 1, width).getValues()[0] ?? [];
  const idColumn = leadColumnIndexes(header).lead_id;
  if (idColumn < 0) return null;
  const id = text(leads.getRange(row, idColumn + 1, 1, 1).getValues()[0]?.[0]).trim();
  return id === '' ? null : id;
}

function who(event: LeadAnswer['events'][number], directory: Directory, t: LeadViewTexts): string {
  // An assignment's `memberId` is the new owner; who did it is `byMemberId`.
  const member = text(
    event.type === 'assigned'
      ? event.payload.byMemberId
      : (event.payload.memberId ?? event.payload.byMemberId),
  );
  if (event.actor.type === 'token' && member && directory.memberNames[member])
    return directory.memberNames[member] ?? member;
  if (event.actor.type === 'source') {
    const id = event.actor.id ?? event.sourceId ?? '';
    return fill(t.actors.source, { name: directory.sourceNames[id] ?? id });
  }
  if (event.actor.type === 'token') return t.actors.token;
  return t.actors.system;
}

/** What an event says, with its details in the team's words (the note is shown apart). */
function what(
  event: LeadAnswer['events'][number],
  language: Language,
  directory: Directory,
  agreement: Agreement | null,
  currency: string,
): string {
  const t = catalogueOf(language).sheet.leadView;
  const sheet = catalogueOf(language).sheet.frame;
  const p = event.payload;
  const reasonLabel = (code: unknown) =>
    agreement?.rejectionReasons.find((r) => r.code === code)?.label ?? text(code);
  const criterionLabel = (code: string) => agreement?.sqlCriteria.find((c) => c.code === code)?.label ?? code;
  const details: string[] = [];
  switch (event.type) {
    case 'attempt': {
      const channel = text(p.channel) as keyof LeadViewTexts['channels'];
      const outcome = text(p.outcome) as AttemptOutcome;
      details.push(
        t.channels[channel] ?? channel,
        catalogueOf(language).sheet.work.outcomes[outcome] ?? outcome,
      );
      break;
    }
    case 'qualified': {
      const failed = Array.isArray(p.failed) ? p.failed.map((c) => criterionLabel(String(c))) : [];
      details.push(p.sql === true ? 'SQL' : `✗ ${failed.join(', ')}`);
      break;
    }
    case 'rejected':
      if (Array.isArray(p.reasons)) details.push(p.reasons.map(reasonLabel).join(', '));
      if (p.destination === 'nurture' || p.destination === 'disqualified')
        details.push(sheet.stages[p.destination]);
      break;
    case 'nurtured':
    case 'lost':
      details.push(reasonLabel(p.reason));
      break;
    case 'opportunity':
    case 'won':
      if (typeof p.amount === 'number')
        details.push(formatMoney(language, p.amount, text(p.currency) || currency || null));
      break;
    case 'assigned':
      details.push(directory.memberNames[text(p.memberId)] ?? text(p.memberId));
      break;
    case 'mql':
      details.push(sheet.quadrants[p.quadrant as keyof typeof sheet.quadrants] ?? text(p.quadrant));
      break;
    case 'touch': {
      const touches = catalogueOf(language).agreement.touches;
      const type = text(p.touchType);
      if (type) details.push(touches[type as keyof typeof touches] ?? type);
      break;
    }
    case 'feedback': {
      const answers = (p.answers ?? {}) as Record<string, unknown>;
      for (const [id, answer] of Object.entries(answers)) {
        const question = agreement?.feedback.questions.find((q) => q.id === id)?.question ?? id;
        const said = answer === true ? t.inputs.yes : answer === false ? t.inputs.no : text(answer);
        details.push(`${question} ${said}`);
      }
      break;
    }
    default:
      break;
  }
  const label = t.events[event.type] ?? event.type;
  const shown = details.filter((d) => d !== '');
  return shown.length > 0 ? `${label}: ${shown.join(' · ')}` : label;
}

/** An action's name as the sheet's Action column says it (an attempt, whatever its channel, as one). */
function actionLabel(type: string, language: Language): string {
  if (type === 'attempt') return catalogueOf(language).sheet.leadView.inputs.attempt;
  const actions = catalogueOf(language).sheet.frame.actions;
  return type in actions ? actions[type as keyof typeof actions] : type;
}

function scoreLines(lead: LeadAnswer, language: Language): string[] {
  const t = catalogueOf(language).sheet.leadView.scores;
  const sheet = catalogueOf(language).sheet.frame;
  const n = (value: number) => formatNumber(language, value);
  const lines = [
    `${t.quadrant}: ${sheet.quadrants[lead.quadrant]}`,
    `${t.marketingTemperature}: ${lead.marketingTemperature ? sheet.temperatures[lead.marketingTemperature] : t.none}`,
    `${t.salesTemperature}: ${lead.salesTemperature ? sheet.temperatures[lead.salesTemperature] : t.none}`,
  ];
  const s = lead.scores;
  if (!s) return [...lines, t.unexplained];
  if (s.temperatureRule) lines.push(fill(t.rule, { label: s.temperatureRule.label }));
  lines.push(counted(language, t.fit, s.fit.total, { threshold: s.fit.threshold }));
  for (const c of s.fit.criteria) {
    const label = c.kind === 'required' ? `${c.label} ${t.gate}` : c.label;
    if (!c.met) lines.push(fill(t.notMet, { label }));
    else if (c.points > 0) lines.push(fill(t.metPoints, { label, points: n(c.points) }));
    else lines.push(fill(t.met, { label }));
  }
  if (s.fit.role) lines.push(fill(t.role, { label: s.fit.role.label, points: n(s.fit.role.points) }));
  lines.push(counted(language, t.engagement, s.engagement.total, { threshold: s.engagement.threshold }));
  const touches = catalogueOf(language).agreement.touches;
  for (const touch of s.engagement.touches) {
    lines.push(
      counted(language, t.touch, touch.pointsEach, {
        touches: touch.count,
        type: touches[touch.type as keyof typeof touches] ?? touch.type,
      }),
    );
  }
  lines.push(counted(language, catalogueOf(language).agreement.words.halfLife, s.engagement.halfLifeDays));
  return lines;
}

/** The lead as the sidebar shows it to this person (`role`: their token's, for the assign picker). */
export function leadViewOf(
  lead: LeadAnswer,
  context: WorkContext,
  language: Language,
  timeZone: string,
  role: Role | null = null,
): LeadView {
  const t = catalogueOf(language).sheet.leadView;
  const sheet = catalogueOf(language).sheet.frame;
  const { directory, agreement } = context;
  const currency = lead.sales.currency ?? agreement?.goals.currency ?? '';
  const name = [lead.firstName, lead.lastName].filter(Boolean).join(' ') || lead.email || lead.id;
  const source = lead.firstSourceId ? (directory.sourceNames[lead.firstSourceId] ?? lead.firstSourceId) : '';
  const owner = lead.ownerId ? (directory.memberNames[lead.ownerId] ?? lead.ownerId) : '';
  const version = versionOf(lead);
  const reasons = agreement?.rejectionReasons ?? [];
  const choice = (r: { code: string; label: string }) => ({ code: r.code, label: r.label });
  const picker = mayPickAssignee(lead.allowedActions, role);
  return {
    leadId: lead.id,
    version,
    name,
    profile: [
      { label: t.fields.name, value: name },
      { label: t.fields.company, value: text(lead.company) },
      { label: t.fields.email, value: text(lead.email) },
      { label: t.fields.phone, value: text(lead.phone) },
      { label: t.fields.source, value: source },
      { label: t.fields.campaign, value: text(lead.campaign) },
      { label: t.fields.stage, value: sheet.stages[lead.stage] },
      { label: t.fields.owner, value: owner },
      { label: t.fields.version, value: String(version) },
    ],
    scores: scoreLines(lead, language),
    // Newest first: what happened last is what a person acts on.
    history: [...lead.events]
      .sort((a, b) => b.seq - a.seq)
      .map((event) => ({
        seq: event.seq,
        when: formatInstant(language, event.occurredAt, timeZone),
        who: who(event, directory, t),
        what: what(event, language, directory, agreement, currency),
        note: text(event.payload.note),
      })),
    deadlines: lead.sla.deadlines.map((d) => {
      const left = lead.businessHoursLeft[d.id];
      return {
        what: sheet.kinds[d.kind] ?? d.kind,
        due: formatInstant(language, d.dueAt, timeZone),
        status: sheet.statuses[d.status] ?? d.status,
        state: d.status,
        left:
          left === undefined
            ? ''
            : left >= 0
              ? counted(language, t.deadlines.left, left, {}, 1)
              : counted(language, t.deadlines.overdue, -left, {}, 1),
      };
    }),
    actions: ACTION_TYPES.filter(
      (type) => lead.allowedActions.includes(type) && (type !== 'assign' || picker),
    ).map((type) => ({
      type,
      label: actionLabel(type, language),
    })),
    ownerId: lead.ownerId,
    choices: {
      channels: ATTEMPT_CHANNELS.map((code) => ({ code, label: t.channels[code] })),
      outcomes: ATTEMPT_OUTCOMES.map((code) => ({
        code,
        label: catalogueOf(language).sheet.work.outcomes[code],
      })),
      rejectReasons: reasons.map(choice),
      nurtureReasons: reasons.filter((r) => r.destination === 'nurture').map(choice),
      lostReasons: reasons.map(choice),
      criteria: (agreement?.sqlCriteria ?? []).map((c) => ({ ...choice(c), required: c.required })),
      questions: (agreement?.feedback.questions ?? []).map((q) => ({
        id: q.id,
        question: q.question,
        answer: q.answer,
        required: q.required,
      })),
      currency,
      assignees: picker
        ? assigneeChoices(
            context.salesMembers,
            lead.ownerId ? { id: lead.ownerId, name: owner } : null,
            t.inputs.currentOwner,
          )
        : [],
    },
  };
}

/**
 * The role of the connected token, asked only when the view might offer the
 * picker. Unknown (the Worker did not say) means no picker: the rest of the
 * view still opens, and the Worker would judge an assign anyway.
 */
function roleFor(services: Services, connection: Connection, lead: LeadAnswer): Role | null {
  if (!lead.allowedActions.includes('assign')) return null;
  try {
    const meta = getJson<{ caller?: { role?: Role } }>(services, connection, '/v1/sheet/snapshot?parts=meta');
    return meta.caller?.role ?? null;
  } catch (error) {
    if (error instanceof ApiFailure) return null;
    throw error;
  }
}

function load(
  services: Services,
  connection: Connection,
  leadId: string,
  context?: WorkContext,
): { lead: LeadAnswer; context: WorkContext; view: LeadView } {
  const language = teamLanguage(services);
  const timeZone = services.spreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
  const work = context ?? loadContext(services, connection);
  const lead = readLead(services, connection, leadId);
  const role = roleFor(services, connection, lead);
  return { lead, context: work, view: leadViewOf(lead, work, language, timeZone, role) };
}

/**
 * `getLeadView` (sidebar): the lead whose id is given, else the one in the
 * row the person selected, read under their own token (so the actions offered
 * are theirs).
 */
export function getLeadView(services: Services, request: { leadId?: unknown } = {}): LeadViewAnswer {
  const t = catalogueOf(teamLanguage(services)).sheet.leadView;
  const connection = savedConnection(services);
  if (!connection) return { ok: false, message: notConnectedText(services) };
  const given = typeof request.leadId === 'string' ? request.leadId.trim() : '';
  const leadId = given || selectedLeadId(services);
  if (!leadId) return { ok: false, message: t.selectRow };
  try {
    return { ok: true, view: load(services, connection, leadId).view };
  } catch (error) {
    if (!(error instanceof ApiFailure)) throw error;
    return { ok: false, message: error.status === 404 ? fill(t.notFound, { id: leadId }) : error.message };
  }
}

/** The events after the version the person saw, as "what changed" for a stale action. */
function changesSince(view: LeadView, seen: number, t: LeadViewTexts): string {
  const newer = view.history.filter((h) => h.seq > seen);
  return newer.length > 0 ? newer.map((h) => `${h.what} (${h.who})`).join('; ') : t.nothingNew;
}

/**
 * `sendLeadAction` (sidebar): one action on the version the person saw, as
 * them, through the same `postLeadAction` a Leads row uses. Sent: the view
 * and the lead's row are refreshed. Stale: nothing lands; the view and row
 * show the lead as it is now and what happened since. Refused: the Worker's
 * words, and nothing else changes (the sidebar keeps the person's input).
 */
export function sendLeadAction(
  services: Services,
  request: { leadId?: unknown; version?: unknown; action?: unknown },
): LeadActionAnswer {
  const language = teamLanguage(services);
  const t = catalogueOf(language).sheet.leadView;
  const connection = savedConnection(services);
  if (!connection) return { ok: false, kind: 'invalid', message: notConnectedText(services), view: null };
  const leadId = typeof request.leadId === 'string' ? request.leadId.trim() : '';
  const version = typeof request.version === 'number' ? request.version : Number.NaN;
  const action = request.action as LeadActionInput | undefined;
  if (!leadId || !Number.isInteger(version) || !action || typeof action.type !== 'string')
    return { ok: false, kind: 'invalid', message: t.selectRow, view: null };

  const sent = postLeadAction(services, connection, {
    leadId,
    version,
    action,
    idempotencyKey: viewIdempotencyKey(leadId, version, action),
  });
  if (sent.kind === 'waiting')
    return { ok: false, kind: 'waiting', message: fill(t.unreachable, { reason: sent.reason }), view: null };
  if (sent.kind === 'refused')
    return { ok: false, kind: 'refused', message: fill(t.refused, { reason: sent.reason }), view: null };

  const { lead, context, view } = load(services, connection, leadId);
  const timeZone = services.spreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
  writeRows(services, connection, language, [rowOfLead(lead, context.directory, language, timeZone)]);
  if (sent.kind === 'stale') {
    return {
      ok: false,
      kind: 'stale',
      message: fill(t.stale, { changes: changesSince(view, version, t) }),
      view,
    };
  }
  return {
    ok: true,
    kind: 'sent',
    message: fill(t.sent, { action: actionLabel(action.type, language) }),
    view,
  };
}
