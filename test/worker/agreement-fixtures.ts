import type { Agreement, AgreementDraft, AgreementVersion } from '../../worker/domain/agreement';
import type { Side } from '../../worker/domain/constants';
import { call, createTestWorkspace, type TestWorkspace } from './harness';

/** A workspace plus one member per side and a token bound to each, so signatures have someone to sign as. */
export interface SigningWorkspace extends TestWorkspace {
  signers: Record<Side, { memberId: string; token: string }>;
}

const ROLE_OF_SIDE = { marketing: 'marketing', sales: 'sales', management: 'manager' } as const;
let people = 0;

export async function createSigningWorkspace(
  overrides: Parameters<typeof createTestWorkspace>[0] = {},
): Promise<SigningWorkspace> {
  const ws = await createTestWorkspace(overrides);
  const signers = {} as SigningWorkspace['signers'];
  for (const side of ['marketing', 'sales', 'management'] as const) {
    people += 1;
    const member = await call('POST', '/v1/members', {
      token: ws.tokens.admin,
      json: { name: `${side} lead ${people}`, email: `${side}${people}@acme.test`, side },
    });
    if (member.status !== 201) throw new Error(`member: ${member.status} ${await member.text()}`);
    const { id: memberId } = (await member.json()) as { id: string };
    const token = await call('POST', '/v1/tokens', {
      token: ws.tokens.admin,
      json: { role: ROLE_OF_SIDE[side], label: `${side} signer`, memberId },
    });
    if (token.status !== 201) throw new Error(`token: ${token.status} ${await token.text()}`);
    signers[side] = { memberId, token: ((await token.json()) as { token: string }).token };
  }
  return { ...ws, signers };
}

export async function readDraft(token: string): Promise<AgreementDraft> {
  const res = await call('GET', '/v1/agreement/draft', { token });
  if (res.status !== 200) throw new Error(`draft: ${res.status} ${await res.text()}`);
  return (await res.json()) as AgreementDraft;
}

export async function putDraft(token: string, content: unknown, etag?: string): Promise<Response> {
  return call('PUT', '/v1/agreement/draft', {
    token,
    json: content,
    headers: etag ? { 'if-match': etag } : {},
  });
}

export async function propose(token: string): Promise<AgreementVersion> {
  const res = await call('POST', '/v1/agreement/draft/propose', { token });
  if (res.status !== 201) throw new Error(`propose: ${res.status} ${await res.text()}`);
  return (await res.json()) as AgreementVersion;
}

export async function sign(token: string, n: number, json: unknown = {}): Promise<Response> {
  return call('POST', `/v1/agreement/versions/${n}/signatures`, { token, json });
}

/** Proposes the current draft and signs it for marketing and sales: the shortest path to an active version. */
export async function activateDraft(ws: SigningWorkspace): Promise<AgreementVersion> {
  const version = await propose(ws.tokens.marketing);
  for (const side of ['marketing', 'sales'] as const) {
    const res = await sign(ws.signers[side].token, version.number);
    if (res.status !== 201) throw new Error(`sign ${side}: ${res.status} ${await res.text()}`);
  }
  const res = await call('GET', `/v1/agreement/versions/${version.number}`, { token: ws.tokens.viewer });
  return (await res.json()) as AgreementVersion;
}

/** A deep copy to edit without touching the original. */
export function edit(agreement: Agreement, change: (draft: Agreement) => void): Agreement {
  const copy = structuredClone(agreement);
  change(copy);
  return copy;
}
