import type { Quadrant, TemperatureLevel } from '../../../worker/domain/agreement/constants';
import type { Agreement } from '../../../worker/domain/agreement/schema';
import type { Language } from '../../../worker/domain/constants';
import type { ActionType, LeadActionInput } from '../../../worker/domain/ledger/actions';
import type { EventType, LeadStage } from '../../../worker/domain/ledger/constants';
import { leadEtag } from '../../../worker/domain/ledger/lead-version';
import type { ScoreExplanation } from '../../../worker/domain/ledger/score-explanation';
import {
  activeSalesMembers,
  type ListedMember,
  type SheetMember,
} from '../../../worker/domain/sheet/assignee';
import {
  type LeadCells,
  leadRow,
  type SheetLeadSla,
  sheetLeadOf,
} from '../../../worker/domain/sheet/leads-layout';
import type { RowTerms } from '../../../worker/domain/sheet/row-action';
import type { DeadlineKind, DeadlineStatus } from '../../../worker/domain/sla/constants';
import {
  type ApiAnswer,
  ApiFailure,
  answerText,
  type Connection,
  requestJson,
  savedConnection,
  transient,
} from '../api';
import { tabContextOf } from '../grid';
import type { Services } from '../services';
import { readState, teamLanguage } from '../state';
import { writeLeadsTab } from '../tabs/leads-tab';

/**
 * What a Leads row and the sidebar's lead view share: reading a lead and the
 * team's directory from the Worker, rendering its row through the shared
 * layout, and sending one action with `If-Match` and an `Idempotency-Key`.
 * Whichever way a person acts, it goes through `postLeadAction`.
 */

/** `GET /v1/leads/{id}` as the add-on reads it. */
export interface LeadAnswer {
  id: string;
  stage: LeadStage;
  email: string | null;
  phone: string | null;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  ownerId: string | null;
  firstSourceId: string | null;
  campaign: string | null;
  quadrant: Quadrant;
  marketingTemperature: TemperatureLevel | null;
  salesTemperature: TemperatureLevel | null;
  sales: Parameters<typeof sheetLeadOf>[0]['sales'] & { currency?: string | null };
  events: Array<{
    seq: number;
    type: EventType;
    occurredAt: string;
    actor: { type: 'source' | 'token' | 'system'; id: string | null };
    sourceId: string | null;
    payload: Record<string, unknown>;
  }>;
  sla: SheetLeadSla & {
    deadlines: Array<{ id: string; kind: DeadlineKind; status: DeadlineStatus; dueAt: string }>;
  };
  allowedActions: ActionType[];
  scores: ScoreExplanation | null;
  businessHoursLeft: Record<string, number>;
}

export interface Directory {
  memberNames: Record<string, string>;
  sourceNames: Record<string, string>;
}

/** The active agreement's terms a row or the lead view offers, the team's directory. */
export interface WorkContext {
  terms: RowTerms;
  agreement: Agreement | null;
  directory: Directory;
  /** Who a lead may be assigned to: the active sales members, by name. */
  salesMembers: SheetMember[];
}

export function json<T>(answer: ApiAnswer): T {
  return JSON.parse(answer.body) as T;
}

/** The agreement's reasons and criteria the rows name, and who is who, once per send. */
export function loadContext(services: Services, connection: Connection): WorkContext {
  const overview = requestJson(services, connection, 'get', '/v1/agreement');
  const members = requestJson(services, connection, 'get', '/v1/members');
  const sources = requestJson(services, connection, 'get', '/v1/sources');
  for (const answer of [overview, members, sources])
    if (answer.status >= 400) throw new ApiFailure(answerText(services, answer), answer.status);
  const active = json<{ active: { content: Agreement } | null }>(overview).active;
  const team = json<{ data: ListedMember[] }>(members).data;
  const salesMembers = activeSalesMembers(team);
  return {
    terms: active
      ? {
          rejectionReasons: active.content.rejectionReasons,
          sqlCriteria: active.content.sqlCriteria,
          feedbackQuestions: active.content.feedback.questions,
          salesMembers,
        }
      : { rejectionReasons: [], sqlCriteria: [], salesMembers },
    agreement: active?.content ?? null,
    salesMembers,
    directory: {
      memberNames: Object.fromEntries(team.map((m) => [m.id, m.name])),
      sourceNames: Object.fromEntries(
        json<{ data: Array<{ id: string; name: string }> }>(sources).data.map((s) => [s.id, s.name]),
      ),
    },
  };
}

/** One lead with its history, deadlines, scores explained and the actions allowed to this person. */
export function readLead(services: Services, connection: Connection, leadId: string): LeadAnswer {
  const answer = requestJson(services, connection, 'get', `/v1/leads/${encodeURIComponent(leadId)}`);
  if (answer.status >= 400) throw new ApiFailure(answerText(services, answer), answer.status);
  return json<LeadAnswer>(answer);
}

/** The lead's version: its last event's sequence number (what `If-Match` names). */
export function versionOf(lead: Pick<LeadAnswer, 'events'>): number {
  return lead.events.reduce((max, e) => Math.max(max, e.seq), 0);
}

/** The lead as LeadPact's cells for its row. */
export function rowOfLead(
  lead: LeadAnswer,
  directory: Directory,
  language: Language,
  timeZone: string,
): LeadCells {
  const sheetLead = sheetLeadOf({
    id: lead.id,
    seq: versionOf(lead),
    stage: lead.stage,
    profile: lead,
    ownerId: lead.ownerId,
    firstSourceId: lead.firstSourceId,
    campaign: lead.campaign,
    quadrant: lead.quadrant,
    marketingTemperature: lead.marketingTemperature,
    salesTemperature: lead.salesTemperature,
    sales: lead.sales,
  });
  const next = lead.sla.next;
  const sla: SheetLeadSla = {
    next: next ? { kind: next.kind, dueAt: next.dueAt, status: next.status } : null,
    worst: lead.sla.worst,
  };
  return leadRow(sheetLead, sla, { language, timeZone, ...directory });
}

/** The lead as LeadPact's cells for its row, read fresh from the Worker. */
export function freshRow(
  services: Services,
  connection: Connection,
  leadId: string,
  directory: Directory,
  language: Language,
  timeZone: string,
): LeadCells {
  return rowOfLead(readLead(services, connection, leadId), directory, language, timeZone);
}

/** Rewrites leads' rows through the shared layout (rows found by lead id), with the Leads tab's freshness line. */
export function writeRows(
  services: Services,
  connection: Connection,
  language: Language,
  rows: LeadCells[],
): void {
  const context = tabContextOf(services.spreadsheetApp.getActiveSpreadsheet(), {
    language,
    apiUrl: connection.apiUrl,
    now: services.now(),
  });
  writeLeadsTab(services.spreadsheetApp, context, {
    rows,
    reasons: readState(services).reasons,
    force: false,
  });
}

/** Reads these leads from the Worker and writes their rows: the sidebar's "refresh this lead", and tests' setup. */
export function pullLeadRows(services: Services, leadIds: readonly string[]): number {
  const connection = savedConnection(services);
  if (!connection) return 0;
  const language = teamLanguage(services);
  const { directory } = loadContext(services, connection);
  const timeZone = services.spreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
  const rows = leadIds.map((id) => freshRow(services, connection, id, directory, language, timeZone));
  writeRows(services, connection, language, rows);
  return rows.length;
}

/** What became of one action sent to the Worker. */
export type ActionSend =
  | { kind: 'sent'; answer: ApiAnswer }
  | { kind: 'stale'; answer: ApiAnswer }
  | { kind: 'waiting'; reason: string }
  | { kind: 'refused'; reason: string; answer: ApiAnswer };

/**
 * Sends one action as the connected person, on the version they saw
 * (`If-Match`) and with a key stable for that version and input, so sending it
 * again (a lost answer, a double click) lands once. A 412 is `stale`; 5xx,
 * 429 and an unreachable Worker are `waiting`; any other 4xx is `refused`
 * with the Worker's own words.
 */
export function postLeadAction(
  services: Services,
  connection: Connection,
  request: { leadId: string; version: number; action: LeadActionInput; idempotencyKey: string },
): ActionSend {
  let answer: ApiAnswer;
  try {
    answer = requestJson(
      services,
      connection,
      'post',
      `/v1/leads/${encodeURIComponent(request.leadId)}/actions`,
      {
        body: request.action,
        headers: { 'if-match': leadEtag(request.version), 'idempotency-key': request.idempotencyKey },
      },
    );
  } catch (error) {
    if (!(error instanceof ApiFailure)) throw error;
    return { kind: 'waiting', reason: error.message };
  }
  if (answer.status === 200) return { kind: 'sent', answer };
  if (answer.status === 412) return { kind: 'stale', answer };
  if (transient(answer.status)) return { kind: 'waiting', reason: answerText(services, answer) };
  return { kind: 'refused', reason: answerText(services, answer), answer };
}
