import { drizzle } from 'drizzle-orm/d1';
import { describe, expect, it } from 'vitest';
import { erasedIndexes } from '../../worker/db/queries/erased-identities';
import { getLeadState, identityIndexes, listLeadEvents } from '../../worker/db/queries/leads';
import * as schema from '../../worker/db/schema';
import { personalMatcher, scrubPayload } from '../../worker/domain/ledger/erasure';
import { planErasure } from '../../worker/domain/ledger/erasure-plan';
import { applyEvent, type LedgerEvent, newLeadState } from '../../worker/domain/ledger/lead';
import { keyIdOfSealed, slot } from '../../worker/domain/privacy';
import { webHost } from '../../worker/platform/web-host';
import { call, env, expectProblem, WAIT_FOR_LEAD } from './harness';
import {
  act,
  actOk,
  createMql,
  type LeadWorkspace,
  logMinimumAttempts,
  signStarterAgreement,
} from './lead-fixtures';
import { testVault } from './test-vault';

const db = () => drizzle(env.DB, { schema });
const vault = (workspaceId: string) => testVault(db(), workspaceId);

/**
 * True when an e-mail or phone belongs to a person erased in this workspace, compared by blind
 * index (e-mail trimmed and lower-cased, phone as `+` and digits), as import's chunk read does.
 */
async function isErasedIdentity(
  database: ReturnType<typeof db>,
  v: ReturnType<typeof vault>,
  workspaceId: string,
  identity: { email?: string | null; phone?: string | null },
): Promise<boolean> {
  const { email, phone } = await identityIndexes(v, {
    email: identity.email ?? null,
    phone: identity.phone ?? null,
  });
  const [byEmail, byPhone] = await Promise.all([
    email ? erasedIndexes(database, workspaceId, 'email', [email]) : new Map(),
    phone ? erasedIndexes(database, workspaceId, 'phone', [phone]) : new Map(),
  ]);
  return byEmail.size > 0 || byPhone.size > 0;
}

interface Person {
  email: string;
  /** The phone of her first form; the second brings `phone`. */
  previousPhone: string;
  phone: string;
  firstName: string;
  lastName: string;
  company: string;
  title: string;
  industry: string;
  country: string;
  employees: number;
}

/** The person most tests here erase. */
const PERSON: Person = {
  email: 'Zofia.Wrzesniewska@kwiatpol-ogrody.pl',
  previousPhone: '+48 600 111 222',
  phone: '+48 512 934 781',
  firstName: 'Zofia',
  lastName: 'Wrzesniewska',
  company: 'Kwiatpol Ogrody',
  title: 'Prezes zarządu',
  industry: 'Manufacturing',
  country: 'PL',
  employees: 120,
};

/** Someone only the dump test names, so any match in the whole database can only be her trace. */
const DUMPED: Person = {
  email: 'Bozena.Szczepanowska@lesnydwor-meble.pl',
  previousPhone: '+48 733 204 918',
  phone: '+48 791 386 452',
  firstName: 'Bozena',
  lastName: 'Szczepanowska',
  company: 'Lesny Dwor Meble',
  title: 'Wlascicielka',
  industry: 'Manufacturing',
  country: 'PL',
  employees: 120,
};
const TRACES = [
  'bozena',
  'szczepanowska',
  'lesnydwor',
  'lesny dwor',
  '791386452',
  '791 386 452',
  '733204918',
  '733 204 918',
];

/** Every row of every table, as lower-cased JSON text per table. */
async function dumpEveryTable(): Promise<Record<string, string>> {
  const tables = await env.DB.prepare(
    "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '_cf_%'",
  ).all<{ name: string }>();
  const dump: Record<string, string> = {};
  for (const { name } of tables.results) {
    const rows = await env.DB.prepare(`select * from "${name}"`).all();
    dump[name] = JSON.stringify(rows.results).toLowerCase();
  }
  return dump;
}

function tracesIn(dump: Record<string, string>): string[] {
  return Object.entries(dump).flatMap(([table, text]) =>
    TRACES.filter((t) => text.includes(t)).map((t) => `${table}: ${t}`),
  );
}

/**
 * A lead with personal data everywhere: profile, a phone she changed, form
 * answers, a delivery key holding her address, a touch URL, notes, text feedback.
 */
async function richLead(ws: LeadWorkspace, person: Person = PERSON) {
  const { previousPhone, ...profile } = person;
  const { leadId } = await createMql(ws, {
    ...profile,
    phone: previousPhone,
    message: `${person.firstName} here, please call me about the garden project.`,
    consentText: `I, ${person.firstName} ${person.lastName}, agree to be contacted.`,
    campaign: 'spring-webinar',
    utmSource: 'newsletter',
  });
  // The same person again from another delivery, keyed by an id that happens to hold her address.
  const again = await call('POST', `/v1/intake/${ws.sourceId}`, {
    token: ws.tokens.intake,
    json: { ...profile, consent: true, message: 'Second form, new phone number' },
    headers: { 'idempotency-key': `form-${person.email.toLowerCase()}`, ...WAIT_FOR_LEAD },
  });
  expect(again.status, await again.clone().text()).toBe(201);
  expect(((await again.json()) as { leadId: string }).leadId).toBe(leadId);
  const touch = await call('POST', '/v1/events', {
    token: ws.tokens.marketing,
    json: {
      events: [
        {
          email: person.email.toLowerCase(),
          type: 'pricing_view',
          url: `https://example.com/pricing?email=${encodeURIComponent(person.email)}`,
          occurredAt: new Date().toISOString(),
        },
      ],
    },
  });
  expect(touch.status, await touch.clone().text()).toBe(200);

  const rep = ws.signers.sales.token;
  await actOk(rep, leadId, {
    type: 'attempt',
    channel: 'phone',
    outcome: 'connected',
    note: `${person.firstName} asked for a quote`,
  });
  await actOk(rep, leadId, { type: 'accept' });
  await actOk(rep, leadId, {
    type: 'qualify',
    answers: { reached: true, need: true, decision_maker: true, timeframe: true, acceptable_deal: true },
    buyingHorizonMonths: 2,
    note: `${person.lastName} decides alone`,
  });
  await actOk(rep, leadId, { type: 'opportunity', amount: 9_000, currency: 'PLN' });
  await actOk(rep, leadId, { type: 'won', amount: 12_500, note: `Signed by ${person.firstName}` });
  await actOk(rep, leadId, {
    type: 'feedback',
    answers: {
      conversation: 5,
      as_promised: true,
      best_contacts: `${person.firstName} ${person.lastName}, the owner`,
    },
    note: `Call ${person.firstName} for a reference`,
  });
  return leadId;
}

describe('GET /v1/leads/{id}/export', () => {
  it('should give everything held about the person: lead, events, consents, deliveries', async () => {
    const ws = await signStarterAgreement();
    const leadId = await richLead(ws);
    const res = await call('GET', `/v1/leads/${leadId}/export`, { token: ws.tokens.manager });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      lead: { email: string; phone: string; firstName: string };
      events: { type: string; payload: Record<string, unknown> }[];
      consents: { text: string | null; givenAt: string }[];
      deliveries: { key: string; response: { leadId: string } }[];
    };
    expect(body.lead).toMatchObject({
      email: PERSON.email.toLowerCase(),
      phone: '+48512934781',
      firstName: 'Zofia',
    });
    expect(body.events.map((e) => e.type)).toContain('won');
    expect(body.events.find((e) => e.type === 'feedback')?.payload.note).toBe('Call Zofia for a reference');
    expect(body.consents.map((c) => c.text)).toContain('I, Zofia Wrzesniewska, agree to be contacted.');
    expect(body.deliveries).toHaveLength(2);
    expect(body.deliveries.every((d) => d.response.leadId === leadId)).toBe(true);
  });

  it('should be for admins and managers only, and 404 across workspaces', async () => {
    const ws = await signStarterAgreement();
    const other = await signStarterAgreement();
    const { leadId } = await createMql(ws);
    for (const role of ['sales', 'marketing', 'viewer', 'intake'] as const) {
      await expectProblem(await call('GET', `/v1/leads/${leadId}/export`, { token: ws.tokens[role] }), 403);
    }
    expect((await call('GET', `/v1/leads/${leadId}/export`, { token: ws.tokens.admin })).status).toBe(200);
    await expectProblem(await call('GET', `/v1/leads/${leadId}/export`, { token: other.tokens.admin }), 404);
  });
});

describe('DELETE /v1/leads/{id}', () => {
  it('should leave no trace of the e-mail, phone or name in any table, and keep the anonymous tombstone', async () => {
    const ws = await signStarterAgreement();
    const leadId = await richLead(ws, DUMPED);
    // Sealed at rest: even before erasure the lead, its events and consents hold no plaintext of her…
    expect(tracesIn(await dumpEveryTable()).filter((t) => /^(leads|lead_events): /.test(t))).toEqual([]);
    // …while the API still reads her (the same detector finds her in the export).
    const exported = await call('GET', `/v1/leads/${leadId}/export`, { token: ws.tokens.admin });
    expect(tracesIn({ export: (await exported.text()).toLowerCase() })).toEqual(
      expect.arrayContaining(['export: bozena', 'export: szczepanowska']),
    );
    const before = await getLeadState(db(), vault(ws.id), ws.id, leadId);

    const res = await call('DELETE', `/v1/leads/${leadId}`, { token: ws.tokens.admin });
    expect(res.status, await res.clone().text()).toBe(200);
    const { lead, erased } = (await res.json()) as { lead: Record<string, unknown>; erased: boolean };
    expect(erased).toBe(true);

    expect(tracesIn(await dumpEveryTable())).toEqual([]);

    // What statistics need stays: stage, dates, amounts, source, campaign, scores, company facts.
    expect(lead).toMatchObject({
      id: leadId,
      stage: 'won',
      email: null,
      phone: null,
      firstName: null,
      lastName: null,
      company: null,
      title: null,
      industry: 'Manufacturing',
      country: 'PL',
      employees: 120,
      campaign: 'spring-webinar',
      firstSourceId: ws.sourceId,
      ownerId: before.ownerId,
      mqlAt: before.mqlAt,
      submittedAt: before.submittedAt,
      agreementVersion: before.agreementVersion,
      fit: before.fit,
    });
    expect(lead.erasedAt).toEqual(expect.any(String));
    expect(lead.sales).toEqual(before.sales);
    expect((lead.sales as { wonAmount: number }).wonAmount).toBe(12_500);

    // The ledger keeps every event, facts intact, and closes with `erased`.
    const events = await listLeadEvents(db(), vault(ws.id), ws.id, leadId);
    expect(events.at(-1)).toMatchObject({ type: 'erased', actor: { type: 'token', id: expect.any(String) } });
    expect(events.find((e) => e.type === 'won')?.payload).toMatchObject({ amount: 12_500, currency: 'PLN' });
    expect(events.find((e) => e.type === 'qualified')?.payload).toMatchObject({
      sql: true,
      salesTemperature: 'hot',
    });
    expect(events.find((e) => e.type === 'feedback')?.payload).toMatchObject({
      answers: { conversation: 5, as_promised: true },
      note: '',
    });
    expect(
      events.find((e) => e.type === 'touch' && e.payload.touchType === 'pricing_view')?.payload.url,
    ).toBe('https://example.com/pricing');
    // The row is still the fold of the (scrubbed) ledger.
    const row = await getLeadState(db(), vault(ws.id), ws.id, leadId);
    expect(events.reduce(applyEvent, newLeadState(leadId, row.createdAt))).toEqual(row);

    // The consent stays as an anonymous fact: when and through which source.
    const consents = await env.DB.prepare('select text, given_at, source_id from consents where lead_id = ?')
      .bind(leadId)
      .all<{ text: string | null; given_at: string; source_id: string }>();
    expect(consents.results).toHaveLength(2); // one per form she sent
    expect(consents.results.every((c) => c.text === null && c.source_id === ws.sourceId)).toBe(true);
  });

  it('should keep counts and revenue: the tombstone still lists as won', async () => {
    const ws = await signStarterAgreement();
    const leadId = await richLead(ws);
    expect((await call('DELETE', `/v1/leads/${leadId}`, { token: ws.tokens.admin })).status).toBe(200);
    const won = await call('GET', '/v1/leads?stage=won', { token: ws.tokens.manager });
    const body = (await won.json()) as { data: { id: string; sales: { wonAmount: number } }[] };
    expect(body.data.map((l) => [l.id, l.sales.wonAmount])).toEqual([[leadId, 12_500]]);
  });

  it('should remember the erased e-mail and phone by hash, so import can refuse them; a fresh form may re-create', async () => {
    const ws = await signStarterAgreement();
    const leadId = await richLead(ws);
    expect(await isErasedIdentity(db(), vault(ws.id), ws.id, { email: PERSON.email })).toBe(false);
    // What a copy of the database taken now (a backup, Time Travel) holds of her: ciphertext only.
    const oldPersonal =
      (
        await env.DB.prepare('select personal from leads where id = ?')
          .bind(leadId)
          .first<{ personal: string | null }>()
      )?.personal ?? null;
    const oldKey = keyIdOfSealed(oldPersonal);
    expect(oldKey).toMatch(/^pk/);
    const oldSealedEvents = (
      await env.DB.prepare(
        'select id, sealed_payload from lead_events where lead_id = ? and sealed_payload is not null',
      )
        .bind(leadId)
        .all<{ id: string; sealed_payload: string }>()
    ).results;
    expect(oldSealedEvents.length).toBeGreaterThan(0);
    expect(
      await vault(ws.id).open(oldSealedEvents[0]?.sealed_payload, slot.event(oldSealedEvents[0]?.id ?? '')),
    ).toContain('Zofia');
    expect((await call('DELETE', `/v1/leads/${leadId}`, { token: ws.tokens.admin })).status).toBe(200);

    expect(
      await isErasedIdentity(db(), vault(ws.id), ws.id, { email: `  ${PERSON.email.toUpperCase()} ` }),
    ).toBe(true);
    expect(await isErasedIdentity(db(), vault(ws.id), ws.id, { phone: '+48512934781' })).toBe(true);
    // The phone she had before also belonged to her.
    expect(await isErasedIdentity(db(), vault(ws.id), ws.id, { phone: '+48600111222' })).toBe(true);
    expect(
      await isErasedIdentity(db(), vault(ws.id), ws.id, {
        email: 'someone.else@kwiatpol-ogrody.pl',
        phone: '+48500000000',
      }),
    ).toBe(false);
    expect(await isErasedIdentity(db(), vault(ws.id), ws.id, {})).toBe(false);
    // Salted per workspace: another tenant knows nothing about her.
    const other = await signStarterAgreement();
    expect(await isErasedIdentity(db(), vault(other.id), other.id, { email: PERSON.email })).toBe(false);
    const stored = await env.DB.prepare('select hash from erased_identities where workspace_id = ?')
      .bind(ws.id)
      .all<{ hash: string }>();
    expect(stored.results).toHaveLength(3); // her e-mail and both phones
    expect(stored.results.every((r) => /^[0-9a-f]{64}$/.test(r.hash))).toBe(true);

    // A tracked touch (a page view, an e-mail click) does not bring her back.
    const touch = await call('POST', '/v1/events', {
      token: ws.tokens.marketing,
      json: {
        events: [
          { email: PERSON.email.toUpperCase(), type: 'page_view', occurredAt: new Date().toISOString() },
        ],
      },
    });
    const refused = await expectProblem(touch, 422);
    expect((refused.errors as { path: string }[])[0]?.path).toBe('events[0].email');
    const count = await env.DB.prepare('select count(*) as n from leads where workspace_id = ?')
      .bind(ws.id)
      .first<{ n: number }>();
    expect(count?.n).toBe(1);

    // She fills in a form again, with fresh consent: a new lead, the tombstone untouched.
    const back = await call('POST', `/v1/intake/${ws.sourceId}`, {
      token: ws.tokens.intake,
      json: { email: PERSON.email, phone: PERSON.phone, consent: true },
      headers: WAIT_FOR_LEAD,
    });
    expect(back.status).toBe(201);
    const fresh = (await back.json()) as { leadId: string; stage: string };
    expect(fresh.leadId).not.toBe(leadId);
    expect(fresh.stage).toBe('mql');
    // A new person, a new key: her old history stays unreadable with every key left in the system.
    const keyOf = async (id: string) =>
      keyIdOfSealed(
        (
          await env.DB.prepare('select personal from leads where id = ?')
            .bind(id)
            .first<{ personal: string | null }>()
        )?.personal,
      );
    expect(await keyOf(leadId)).toBeNull();
    const freshKey = await keyOf(fresh.leadId);
    expect(freshKey).toMatch(/^pk/);
    expect(freshKey).not.toBe(oldKey);
    const keysNow = await env.DB.prepare('select id from person_keys where workspace_id = ?')
      .bind(ws.id)
      .all<{ id: string }>();
    expect(keysNow.results.map((k) => k.id)).not.toContain(oldKey);
    const reader = vault(ws.id);
    await reader.load([oldKey, freshKey]);
    expect(await reader.open(oldPersonal, slot.lead(leadId))).toBeNull();
    for (const e of oldSealedEvents) expect(await reader.open(e.sealed_payload, slot.event(e.id))).toBeNull();
    // Not even under the new lead's slot or with her new key's id.
    expect(await reader.open(oldPersonal, slot.lead(fresh.leadId))).toBeNull();
    expect((await getLeadState(db(), vault(ws.id), ws.id, fresh.leadId)).profile.email).toBe(
      PERSON.email.toLowerCase(),
    );
    expect((await getLeadState(db(), vault(ws.id), ws.id, leadId)).stage).toBe('won');
  }, 30_000);

  it('should erase an imported person too, down to a row key that was her address, and refuse the same list again', async () => {
    const ws = await signStarterAgreement();
    const row = {
      externalId: 'henryka.olszewska@sadowniczy-zaklad.pl',
      email: 'henryka.olszewska@sadowniczy-zaklad.pl',
      phone: '+48 664 218 905',
      firstName: 'Henryka',
      lastName: 'Olszewska',
      company: 'Sadowniczy Zaklad',
      message: 'Henryka met us at the fair',
      consent: true,
      consentText: 'Henryka Olszewska agreed at the fair.',
      stage: 'won',
      amount: 4_000,
      currency: 'PLN',
      reason: 'Henryka liked the demo',
      submittedAt: '2025-05-01',
    };
    const imported = await call('POST', '/v1/import', {
      token: ws.tokens.marketing,
      json: { importKey: 'fair-2025', rows: [row] },
    });
    expect(imported.status, await imported.clone().text()).toBe(200);
    const { results } = (await imported.json()) as { results: { status: string; leadId: string | null }[] };
    const leadId = results[0]?.leadId ?? '';
    expect(results[0]?.status).toBe('created');

    expect((await call('DELETE', `/v1/leads/${leadId}`, { token: ws.tokens.admin })).status).toBe(200);
    const dump = await dumpEveryTable();
    const traces = ['henryka', 'olszewska', 'sadowniczy', '664218905'];
    expect(
      Object.entries(dump).flatMap(([table, text]) =>
        traces.filter((t) => text.includes(t)).map((t) => `${table}: ${t}`),
      ),
    ).toEqual([]);
    const lead = await getLeadState(db(), vault(ws.id), ws.id, leadId);
    expect(lead).toMatchObject({ stage: 'won', sales: { wonAmount: 4_000, currency: 'PLN' } });

    const again = await call('POST', '/v1/import', {
      token: ws.tokens.marketing,
      json: { importKey: 'fair-2025', rows: [row] },
    });
    const answer = (await again.json()) as { results: { status: string }[] };
    expect(answer.results[0]?.status).toBe('refused');
  });

  it('should refuse any further action on the erased lead, and erase once', async () => {
    const ws = await signStarterAgreement();
    const { leadId } = await createMql(ws, { firstName: 'Zofia', lastName: 'Wrzesniewska' });
    await logMinimumAttempts(ws.signers.sales.token, leadId);
    const first = await call('DELETE', `/v1/leads/${leadId}`, { token: ws.tokens.admin });
    expect(first.status).toBe(200);
    const seq = (await getLeadState(db(), vault(ws.id), ws.id, leadId)).seq;

    const again = await call('DELETE', `/v1/leads/${leadId}`, { token: ws.tokens.admin });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { erased: boolean }).erased).toBe(false);
    expect((await getLeadState(db(), vault(ws.id), ws.id, leadId)).seq).toBe(seq);

    const refused = await expectProblem(await act(ws.signers.sales.token, leadId, { type: 'accept' }), 409);
    expect(refused.allowedActions).toEqual([]);
  });

  it('should be for admins only, and 404 across workspaces', async () => {
    const ws = await signStarterAgreement();
    const other = await signStarterAgreement();
    const { leadId } = await createMql(ws);
    for (const role of ['manager', 'sales', 'marketing', 'viewer', 'intake'] as const) {
      await expectProblem(await call('DELETE', `/v1/leads/${leadId}`, { token: ws.tokens[role] }), 403);
    }
    await expectProblem(await call('DELETE', `/v1/leads/${leadId}`, { token: other.tokens.admin }), 404);
    expect((await getLeadState(db(), vault(ws.id), ws.id, leadId)).erasedAt).toBeNull();
  });
});

describe('scrubbing a payload', () => {
  const personal = personalMatcher({
    emails: ['jan@firma.pl'],
    phones: ['+48600100200'],
    names: ['Jan', 'Kowalski'],
    texts: ['Firma Sp. z o.o.'],
  });

  it('should keep only the facts of each event type and blank any text that still names the person', () => {
    expect(
      scrubPayload(
        'attempt',
        { memberId: 'mem_1', channel: 'phone', outcome: 'connected', note: 'Jan' },
        personal,
        webHost,
      ),
    ).toEqual({
      memberId: 'mem_1',
      channel: 'phone',
      outcome: 'connected',
    });
    expect(
      scrubPayload(
        'created',
        {
          profile: { email: 'jan@firma.pl', industry: 'Retail' },
          utm: { campaign: 'jan-kowalski' },
          createsLead: true,
        },
        personal,
        webHost,
      ),
    ).toEqual({ profile: { industry: 'Retail' }, utm: { campaign: null }, createsLead: true });
    expect(
      scrubPayload(
        'profile_updated',
        { changes: { phone: { from: '+48600100200', to: null }, country: { from: null, to: 'PL' } } },
        personal,
        webHost,
      ),
    ).toEqual({
      changes: { country: { from: null, to: 'PL' } },
    });
    // Types nobody listed keep nothing: new event types are private until someone says otherwise.
    expect(
      scrubPayload('touch', { touchType: 'chat', transcript: 'Hi, Jan here' }, personal, webHost),
    ).toEqual({
      touchType: 'chat',
    });
    expect(
      scrubPayload(
        'rejected',
        { reasons: ['no_need'], criteria: ['need'], destination: 'nurture', note: 'x' },
        personal,
        webHost,
      ),
    ).toEqual({
      reasons: ['no_need'],
      criteria: ['need'],
      destination: 'nurture',
    });
  });

  it('should match names as whole words, e-mails and phone digits anywhere', () => {
    expect(personal('Call JAN tomorrow')).toBe(true);
    expect(personal('January report')).toBe(false);
    expect(personal('Reach 600 100 200 after 5')).toBe(true);
    expect(personal('mail: Jan@Firma.pl')).toBe(true);
    expect(personal('firma sp. z o.o. invoice')).toBe(true);
    expect(personal('no_need')).toBe(false);
  });

  it('should find a name standing alone after it appeared inside a word, with Unicode letters as word parts', () => {
    // The first "Jan" is inside "Janek", the second stands alone: the search goes on past the first.
    expect(personal('Janek said Jan called')).toBe(true);
    expect(personal('Kowalskiego, Janowi')).toBe(false);
    expect(personal('ŁJan and KowalskiŁ')).toBe(false);
    expect(personal('(Kowalski)')).toBe(true);
    // The same matcher answers each text afresh (its patterns keep no position between texts).
    expect(personal('Janek Janek Jan')).toBe(true);
    expect(personal('Jan')).toBe(true);
  });
});

describe('planning an erasure (pure: no D1)', () => {
  const at = '2026-03-02T09:00:00.000Z';
  const created: LedgerEvent & { id: string } = {
    id: 'evt_1',
    type: 'created',
    occurredAt: at,
    actor: { type: 'system', id: null },
    sourceId: 'src_1',
    campaign: 'targi',
    agreementVersion: 1,
    payload: {
      profile: { email: 'jan@firma.pl', phone: '+48600100200', firstName: 'Jan', industry: 'Retail' },
      createsLead: true,
    },
  };
  const attempt: LedgerEvent & { id: string } = {
    ...created,
    id: 'evt_2',
    type: 'attempt',
    payload: { memberId: 'mem_1', channel: 'phone', outcome: 'connected' },
  };
  const state = [created, attempt].reduce(applyEvent, newLeadState('lead_1', at));

  const plan = planErasure({
    state,
    events: [created, attempt],
    consents: [
      { id: 'cns_1', text: 'Jan agrees to be called', sealedText: 'lps1.sealed-1' },
      { id: 'cns_2', text: 'I agree to be contacted', sealedText: 'lps1.sealed-2' },
    ],
    deliveries: [{ sourceId: 'src_1', key: 'k1', response: { leadId: 'lead_1', stage: 'lead', x: 'Jan' } }],
    caller: { tokenId: 'tok_1', memberId: 'mem_9' },
    agreementVersion: 3,
    now: new Date('2026-03-05T10:00:00Z'),
    host: webHost,
  });

  it('should close the history with an erased event by the caller under the active version', () => {
    expect(plan.event).toMatchObject({
      type: 'erased',
      occurredAt: '2026-03-05T10:00:00.000Z',
      actor: { type: 'token', id: 'tok_1' },
      agreementVersion: 3,
      payload: { byMemberId: 'mem_9' },
    });
    expect(plan.next.erasedAt).toBe('2026-03-05T10:00:00.000Z');
    expect(plan.next.profile.email).toBeNull();
    expect(plan.next.profile.industry).toBe('Retail');
  });

  it('should rewrite only the payloads that change, drop consent texts naming the person, keep anonymous answers', () => {
    expect(plan.scrubbedEvents).toEqual([
      { id: 'evt_1', payload: { profile: { industry: 'Retail' }, createsLead: true } },
    ]);
    expect(plan.consentTexts).toEqual([
      { id: 'cns_1', text: null },
      { id: 'cns_2', text: 'lps1.sealed-2' },
    ]);
    expect(plan.deliveryAnswers).toEqual([
      { sourceId: 'src_1', key: 'k1', response: { leadId: 'lead_1', stage: 'lead', duplicate: false } },
    ]);
    expect(plan.identities).toEqual([
      { kind: 'email', value: 'jan@firma.pl' },
      { kind: 'phone', value: '+48600100200' },
    ]);
  });
});
