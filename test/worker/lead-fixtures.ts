import type { Agreement } from '../../worker/domain/agreement';
import type { Side } from '../../worker/domain/constants';
import { activateDraft, edit, putDraft, readDraft, type SigningWorkspace } from './agreement-fixtures';
import { call, createTestWorkspace, type TestWorkspace, WAIT_FOR_LEAD } from './harness';

/** A member with a token of their side's role bound to them. */
export interface BoundMember {
  memberId: string;
  token: string;
  tokenId: string;
}

/** A workspace with a signed agreement, a member per side with a bound token, and a contact-form source. */
export interface LeadWorkspace extends SigningWorkspace {
  signers: Record<Side, BoundMember>;
  /** The active agreement version. */
  version: number;
  /** A generic contact form that creates leads. */
  sourceId: string;
}

let people = 0;

async function ok<T>(res: Response, status: number, what: string): Promise<T> {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const ROLE_OF_SIDE = { marketing: 'marketing', sales: 'sales', management: 'manager' } as const;

/** Adds a member and a token of the side's role bound to them. */
export async function addMember(
  ws: TestWorkspace,
  side: Side,
  options: { name?: string; active?: boolean } = {},
): Promise<BoundMember> {
  people += 1;
  const member = await ok<{ id: string }>(
    await call('POST', '/v1/members', {
      token: ws.tokens.admin,
      json: {
        name: options.name ?? `${side} person ${people}`,
        email: `${side}.${people}@acme.test`,
        side,
        active: options.active ?? true,
      },
    }),
    201,
    'member',
  );
  const token = await ok<{ id: string; token: string }>(
    await call('POST', '/v1/tokens', {
      token: ws.tokens.admin,
      json: { role: ROLE_OF_SIDE[side], label: `${side} ${people}`, memberId: member.id },
    }),
    201,
    'token',
  );
  return { memberId: member.id, token: token.token, tokenId: token.id };
}

/**
 * Signs the starter agreement (optionally changed first) for marketing and
 * sales through the API, and adds a contact-form source. Pass a fresh
 * `createTestWorkspace()` (or nothing: one is created). The sales signer is the
 * only active sales member, so every MQL goes to them.
 */
export async function signStarterAgreement(
  base?: TestWorkspace,
  change?: (agreement: Agreement) => void,
): Promise<LeadWorkspace> {
  const ws = base ?? (await createTestWorkspace());
  const signers = {} as Record<Side, BoundMember>;
  for (const side of ['marketing', 'sales', 'management'] as const) signers[side] = await addMember(ws, side);
  const signing = { ...ws, signers };
  if (change) {
    const draft = await readDraft(ws.tokens.marketing);
    const put = await putDraft(ws.tokens.marketing, edit(draft.content, change), draft.etag);
    if (put.status !== 200) throw new Error(`draft: ${put.status} ${await put.text()}`);
  }
  const version = await activateDraft(signing);
  const source = await ok<{ id: string }>(
    await call('POST', '/v1/sources', {
      token: ws.tokens.admin,
      json: { name: 'Contact form', provider: 'generic', origin: 'marketing', createsLead: true },
    }),
    201,
    'source',
  );
  return { ...signing, version: version.number, sourceId: source.id };
}

export interface CreatedMql {
  leadId: string;
  /** The member routing gave the lead to. */
  ownerId: string;
  email: string;
}

/**
 * Posts a consenting lead with a phone (what the starter MQL rule asks for)
 * and checks that it became an MQL with an owner. `overrides` replace fields
 * of the intake body (`email`, `firstName`, `submittedAt`...).
 */
export async function createMql(
  ws: LeadWorkspace,
  overrides: Record<string, unknown> = {},
): Promise<CreatedMql> {
  people += 1;
  const email = `buyer.${people}@factory-${people}.pl`;
  const { leadId } = await ok<{ leadId: string }>(
    await call('POST', `/v1/intake/${ws.sourceId}`, {
      token: ws.tokens.intake,
      json: {
        email,
        phone: '+48 600 200 300',
        consent: true,
        company: 'Factory',
        firstName: 'Buyer',
        lastName: `Number${people}`,
        ...overrides,
      },
      headers: WAIT_FOR_LEAD,
    }),
    201,
    'intake',
  );
  const lead = await ok<{ stage: string; ownerId: string | null; email: string }>(
    await call('GET', `/v1/leads/${leadId}`, { token: ws.tokens.admin }),
    200,
    'lead',
  );
  if (lead.stage !== 'mql' || !lead.ownerId) {
    throw new Error(`expected an MQL with an owner, got stage ${lead.stage}, owner ${lead.ownerId}`);
  }
  return { leadId, ownerId: lead.ownerId, email: lead.email };
}

/** Posts one action and returns the raw response. */
export function act(token: string, leadId: string, action: Record<string, unknown>): Promise<Response> {
  return call('POST', `/v1/leads/${leadId}/actions`, { token, json: action });
}

export interface ActionAnswer {
  lead: {
    id: string;
    stage: string;
    ownerId: string | null;
    salesTemperature: string | null;
    sales: Record<string, unknown> & { attempts: number; attemptChannels: string[]; reasons: string[] };
  };
  events: {
    type: string;
    seq: number;
    occurredAt: string;
    actor: { type: string; id: string | null };
    agreementVersion: number | null;
    payload: Record<string, unknown>;
  }[];
  outcome: Record<string, unknown> | null;
}

/** Posts one action that must succeed, and returns its answer. */
export async function actOk(
  token: string,
  leadId: string,
  action: Record<string, unknown>,
): Promise<ActionAnswer> {
  return ok<ActionAnswer>(await act(token, leadId, action), 200, `action ${String(action.type)}`);
}

/** Logs the starter agreement's minimum: 3 attempts over 2 channels, nobody reached. */
export async function logMinimumAttempts(token: string, leadId: string): Promise<void> {
  for (const channel of ['phone', 'phone', 'email'] as const) {
    await actOk(token, leadId, { type: 'attempt', channel, outcome: 'no_answer' });
  }
}
