import { describe, expect, it } from 'vitest';
import { TEXT_LIMITS } from '../../worker/domain/intake/normalise';
import tally from '../fixtures/intake/tally.json';
import typeform from '../fixtures/intake/typeform.json';
import webflow from '../fixtures/intake/webflow.json';
import { call, createTestWorkspace, env, expectProblem, type TestWorkspace, WAIT_FOR_LEAD } from './harness';
import { type Provider, signedHeaders } from './signing';
import { openConsentText, openLeadRow, openPayload } from './test-vault';

interface CreatedSource {
  id: string;
  url: string;
  secret: string;
}

async function createSource(ws: TestWorkspace, provider: Provider, extra: Record<string, unknown> = {}) {
  const res = await call('POST', '/v1/sources', {
    token: ws.tokens.marketing,
    json: { name: `${provider} form`, provider, origin: 'marketing', createsLead: true, ...extra },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as CreatedSource;
}

const lead = (overrides: Record<string, unknown> = {}) => ({
  email: ' Jan.Kowalski@Stalmet.pl ',
  phone: '600 100 200',
  firstName: 'Jan',
  lastName: 'Kowalski',
  company: 'Stalmet',
  title: 'Dyrektor IT',
  consent: true,
  consentText: 'Zgadzam się na kontakt telefoniczny.',
  submittedAt: '2026-11-20T10:00:00Z',
  ...overrides,
});

function postGeneric(
  source: CreatedSource,
  ws: TestWorkspace,
  body: unknown,
  headers: Record<string, string> = {},
) {
  return call('POST', `/v1/intake/${source.id}`, {
    token: ws.tokens.intake,
    json: body,
    headers: { ...WAIT_FOR_LEAD, ...headers },
  });
}

async function signedPost(
  provider: Provider,
  source: CreatedSource,
  body: string,
  headers: Record<string, string> = {},
) {
  return call('POST', `/v1/intake/${source.id}`, {
    body,
    headers: {
      'content-type': 'application/json',
      ...WAIT_FOR_LEAD,
      ...(await signedHeaders(provider, body, source.secret)),
      ...headers,
    },
  });
}

async function countRows(table: string, workspaceId: string) {
  const row = await env.DB.prepare(`select count(*) as n from ${table} where workspace_id = ?`)
    .bind(workspaceId)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

async function eventsOf(leadId: string) {
  const rows = await env.DB.prepare('select type, seq from lead_events where lead_id = ? order by seq')
    .bind(leadId)
    .all<{ type: string }>();
  return rows.results.map((r) => r.type);
}

describe('POST /v1/sources', () => {
  it('should answer the intake URL and a secret, and never show the secret again', async () => {
    const ws = await createTestWorkspace();
    const source = await createSource(ws, 'typeform');
    expect(source.url).toBe(`https://leadpact.test/v1/intake/${source.id}`);
    expect(source.secret).toMatch(/^whsec_[0-9a-f]{64}$/);
    const list = await call('GET', '/v1/sources', { token: ws.tokens.sales });
    expect(JSON.stringify(await list.json())).not.toContain(source.secret);
  });

  it('should let only admin and marketing create sources', async () => {
    const ws = await createTestWorkspace();
    for (const role of ['sales', 'viewer', 'intake', 'manager'] as const) {
      await expectProblem(
        await call('POST', '/v1/sources', {
          token: ws.tokens[role],
          json: { name: 'x', provider: 'generic', origin: 'marketing', createsLead: true },
        }),
        403,
      );
    }
  });

  it('should refuse an unknown provider and a bad field map, naming the field', async () => {
    const ws = await createTestWorkspace();
    const bad = await call('POST', '/v1/sources', {
      token: ws.tokens.admin,
      json: {
        name: 'x',
        provider: 'hubspot',
        origin: 'marketing',
        createsLead: true,
        fieldMap: { q1: 'shoeSize' },
      },
    });
    const problem = await expectProblem(bad, 422);
    const paths = (problem.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toContain('provider');
    expect(paths.some((p) => p.startsWith('fieldMap'))).toBe(true);
  });
});

describe('generic intake', () => {
  it('should create a normalised lead with a consent record and answer with its id and stage', async () => {
    const ws = await createTestWorkspace();
    const source = await createSource(ws, 'generic');
    const res = await postGeneric(source, ws, lead());
    expect(res.status, await res.clone().text()).toBe(201);
    const answer = (await res.json()) as { leadId: string; stage: string; duplicate: boolean };
    expect(answer).toMatchObject({ stage: 'lead', duplicate: false });

    const got = (await (
      await call('GET', `/v1/leads/${answer.leadId}`, { token: ws.tokens.sales })
    ).json()) as Record<string, unknown>;
    expect(got).toMatchObject({
      email: 'jan.kowalski@stalmet.pl',
      phone: '+48600100200',
      companyDomain: 'stalmet.pl',
      consent: true,
      submittedAt: '2026-11-20T10:00:00.000Z',
      stage: 'lead',
      firstSourceId: source.id,
    });
    expect((got.events as { type: string }[]).map((e) => e.type)).toEqual([
      'created',
      'touch',
      'consent_given',
      'scored',
    ]);
    const stored = await env.DB.prepare('select * from consents where lead_id = ?')
      .bind(answer.leadId)
      .first<{ id: string; text: string | null; workspace_id: string }>();
    // The text is sealed with the person's key: stored as ciphertext, read back whole.
    expect(stored?.text).not.toContain('Zgadzam');
    const consent = stored && { ...stored, text: await openConsentText(stored.workspace_id, stored) };
    expect(consent).toMatchObject({
      source_id: source.id,
      text: 'Zgadzam się na kontakt telefoniczny.',
      given_at: '2026-11-20T10:00:00.000Z',
    });
  });

  it('should accept application/x-www-form-urlencoded', async () => {
    const ws = await createTestWorkspace();
    const source = await createSource(ws, 'generic');
    const body = new URLSearchParams({
      email: 'ola@firma.pl',
      phone: '+48 601 000 000',
      consent: 'true',
    }).toString();
    const res = await call('POST', `/v1/intake/${source.id}`, {
      token: ws.tokens.intake,
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...WAIT_FOR_LEAD },
    });
    expect(res.status, await res.clone().text()).toBe(201);
  });

  it('should refuse a submission without consent with 422 and store nothing', async () => {
    const ws = await createTestWorkspace();
    const source = await createSource(ws, 'generic');
    const problem = await expectProblem(await postGeneric(source, ws, lead({ consent: false })), 422);
    expect((problem.errors as { path: string }[])[0]?.path).toBe('consent');
    await expectProblem(await postGeneric(source, ws, lead({ consent: undefined })), 422);
    expect(await countRows('leads', ws.id)).toBe(0);
    expect(await countRows('lead_events', ws.id)).toBe(0);
    expect(await countRows('intake_deliveries', ws.id)).toBe(0);
  });

  it('should refuse a person with neither e-mail nor phone, and a bad e-mail, naming the field', async () => {
    const ws = await createTestWorkspace();
    const source = await createSource(ws, 'generic');
    const none = await expectProblem(await postGeneric(source, ws, { consent: true, firstName: 'X' }), 422);
    expect((none.errors as { path: string }[])[0]?.path).toBe('email');
    const bad = await expectProblem(
      await postGeneric(source, ws, lead({ email: 'not-an-email', phone: undefined })),
      422,
    );
    expect((bad.errors as { path: string }[]).map((e) => e.path)).toContain('email');
    expect(await countRows('leads', ws.id)).toBe(0);
  });

  it('should verify LeadPact-Signature on the raw body and refuse tampering with 401, storing nothing', async () => {
    const ws = await createTestWorkspace();
    const source = await createSource(ws, 'generic');
    const body = JSON.stringify(lead());
    expect((await signedPost('generic', source, body)).status).toBe(201);
    const headers = await signedHeaders('generic', body, source.secret);
    const tampered = body.replace('Jan', 'Jon');
    await expectProblem(
      await call('POST', `/v1/intake/${source.id}`, {
        body: tampered,
        headers: { 'content-type': 'application/json', ...headers },
      }),
      401,
    );
    const stale = await signedHeaders('generic', body, source.secret, Date.now() - 301_000);
    await expectProblem(
      await call('POST', `/v1/intake/${source.id}`, {
        body,
        headers: { 'content-type': 'application/json', ...stale },
      }),
      401,
    );
    await expectProblem(
      await call('POST', `/v1/intake/${source.id}`, {
        body,
        headers: { 'content-type': 'application/json' },
      }),
      401,
    );
    expect(await countRows('intake_deliveries', ws.id)).toBe(1);
  });

  it('should not take a token of another workspace, nor a sales token', async () => {
    const [a, b] = await Promise.all([createTestWorkspace(), createTestWorkspace()]);
    const source = await createSource(a, 'generic');
    await expectProblem(await postGeneric(source, b, lead()), 404);
    // Even a token that could not submit anyway learns only that the source does not exist for it.
    await expectProblem(
      await call('POST', `/v1/intake/${source.id}`, { token: b.tokens.viewer, json: lead() }),
      404,
    );
    await expectProblem(
      await call('POST', `/v1/intake/${source.id}`, { token: a.tokens.sales, json: lead() }),
      403,
    );
    expect(await countRows('leads', a.id)).toBe(0);
  });

  it('should answer 404 for an unknown or archived source, 415 for other media and 413 over the cap', async () => {
    const ws = await createTestWorkspace();
    const source = await createSource(ws, 'generic');
    await expectProblem(
      await call('POST', '/v1/intake/src_nope', { token: ws.tokens.intake, json: lead() }),
      404,
    );
    await expectProblem(
      await call('POST', `/v1/intake/${source.id}`, {
        token: ws.tokens.intake,
        body: 'x',
        headers: { 'content-type': 'text/plain' },
      }),
      415,
    );
    await expectProblem(await postGeneric(source, ws, lead({ message: 'x'.repeat(300_000) })), 413);
    await call('PATCH', `/v1/sources/${source.id}`, { token: ws.tokens.marketing, json: { archived: true } });
    await expectProblem(await postGeneric(source, ws, lead()), 404);
  });
});

describe('forms tools', () => {
  it.each([
    ['typeform', typeform, 'laura.kowalski@northwind-analytics.com', '+48601234567'],
    ['tally', tally, 'agnieszka.wisniewska@hydro-tech.pl', '+48601234567'],
    ['webflow', webflow, 'zaphod@heartofgold.ro', '+40722123456'],
  ] as const)(
    'should take a signed %s delivery from its documented payload',
    async (provider, fixture, email, phone) => {
      const ws = await createTestWorkspace({ country: provider === 'webflow' ? 'RO' : 'PL' });
      const source = await createSource(ws, provider);
      const body = JSON.stringify(fixture);
      const res = await signedPost(provider, source, body);
      expect(res.status, await res.clone().text()).toBe(201);
      const { leadId } = (await res.json()) as { leadId: string };
      const got = (await (
        await call('GET', `/v1/leads/${leadId}`, { token: ws.tokens.viewer })
      ).json()) as Record<string, unknown>;
      expect(got).toMatchObject({ email, phone, consent: true, firstSourceId: source.id });

      const wrongSecret = await signedHeaders(provider, body, 'whsec_not-the-right-secret-000000');
      await expectProblem(
        await call('POST', `/v1/intake/${source.id}`, {
          body,
          headers: { 'content-type': 'application/json', ...wrongSecret },
        }),
        401,
      );
      // A token is no substitute for a forms tool's signature.
      await expectProblem(
        await call('POST', `/v1/intake/${source.id}`, {
          token: ws.tokens.intake,
          body,
          headers: { 'content-type': 'application/json' },
        }),
        401,
      );
    },
  );
});

describe('one person, one lead; one delivery, one write', () => {
  it('should return the original answer for a repeated delivery and write nothing new', async () => {
    const ws = await createTestWorkspace();
    const source = await createSource(ws, 'typeform');
    const body = JSON.stringify(typeform);
    const first = (await (await signedPost('typeform', source, body)).json()) as Record<string, unknown>;
    const events = await countRows('lead_events', ws.id);
    const second = (await (await signedPost('typeform', source, body)).json()) as Record<string, unknown>;
    expect(second).toEqual({ ...first, duplicate: true });
    expect(await countRows('lead_events', ws.id)).toBe(events);
  });

  it('should refuse the same Idempotency-Key with another body (422)', async () => {
    const ws = await createTestWorkspace();
    const source = await createSource(ws, 'generic');
    expect((await postGeneric(source, ws, lead(), { 'idempotency-key': 'order-1' })).status).toBe(201);
    const problem = await expectProblem(
      await postGeneric(source, ws, lead({ firstName: 'Janek' }), { 'idempotency-key': 'order-1' }),
      422,
    );
    expect((problem.errors as { path: string }[])[0]?.path).toBe('Idempotency-Key');
  });

  it('should turn twenty identical concurrent deliveries into one lead and one creation event', async () => {
    const ws = await createTestWorkspace();
    const source = await createSource(ws, 'generic');
    const body = lead({ externalId: 'form-77' });
    const answers = await Promise.all(Array.from({ length: 20 }, () => postGeneric(source, ws, body)));
    const bodies = (await Promise.all(answers.map((r) => r.json()))) as {
      leadId: string;
      duplicate: boolean;
    }[];
    // The one that stored it answers 201 (judged while it waited); the nineteen duplicates 200 with its lead.
    expect(answers.map((r) => r.status).sort()).toEqual([...Array(19).fill(200), 201]);
    expect(new Set(bodies.map((b) => b.leadId)).size).toBe(1);
    expect(bodies.filter((b) => !b.duplicate)).toHaveLength(1);
    expect(await countRows('leads', ws.id)).toBe(1);
    const created = await env.DB.prepare(
      "select count(*) as n from lead_events where workspace_id = ? and type = 'created'",
    )
      .bind(ws.id)
      .first<{ n: number }>();
    expect(created?.n).toBe(1);
  });

  it('should merge the same person arriving concurrently from different deliveries, keeping every touch', async () => {
    const ws = await createTestWorkspace();
    const source = await createSource(ws, 'generic');
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        postGeneric(source, ws, lead({ message: `visit ${i}`, externalId: `d-${i}` })),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(await countRows('leads', ws.id)).toBe(1);
    const touches = await env.DB.prepare(
      "select count(*) as n from lead_events where workspace_id = ? and type = 'touch'",
    )
      .bind(ws.id)
      .first<{ n: number }>();
    expect(touches?.n).toBe(8);
    const seqs = await env.DB.prepare('select seq from lead_events where workspace_id = ? order by seq')
      .bind(ws.id)
      .all<{ seq: number }>();
    expect(seqs.results.map((r) => r.seq)).toEqual(seqs.results.map((_, i) => i + 1));
  });

  it('should dedupe across sources by e-mail, refresh the profile and keep the history', async () => {
    const ws = await createTestWorkspace();
    const [generic, tallySource] = await Promise.all([
      createSource(ws, 'generic'),
      createSource(ws, 'tally'),
    ]);
    const email = 'agnieszka.wisniewska@hydro-tech.pl';
    const person = {
      email,
      firstName: 'Agnieszka',
      lastName: 'Wiśniewska',
      company: 'Hydro-Tech Sp. z o.o.',
    };
    const first = (await (await postGeneric(generic, ws, lead({ ...person, title: 'Engineer' }))).json()) as {
      leadId: string;
    };
    // The same person later fills in a Tally form (her address typed in capitals), signed as Tally signs it.
    const body = JSON.stringify(tally).replace(email, email.toUpperCase());
    const res = await signedPost('tally', tallySource, body);
    expect(res.status, await res.clone().text()).toBe(201);
    const again = (await res.json()) as { leadId: string; duplicate: boolean };
    expect(again).toMatchObject({ leadId: first.leadId, duplicate: false });
    expect(await countRows('leads', ws.id)).toBe(1);
    const sources = await env.DB.prepare(
      "select source_id as sourceId from lead_events where lead_id = ? and type = 'touch' order by seq",
    )
      .bind(first.leadId)
      .all<{ sourceId: string }>();
    expect(sources.results.map((r) => r.sourceId)).toEqual([generic.id, tallySource.id]);
    const types = await eventsOf(first.leadId);
    expect(types.filter((t) => t === 'touch')).toHaveLength(2);
    const history = await env.DB.prepare(
      "select id, workspace_id, payload, sealed_payload from lead_events where lead_id = ? and type = 'profile_updated'",
    )
      .bind(first.leadId)
      .first<{ id: string; workspace_id: string; payload: string; sealed_payload: string | null }>();
    // New values win, history kept; the title the Tally form did not ask for stays as it was.
    expect(history ? await openPayload(history.workspace_id, history) : {}).toEqual({
      changes: {
        phone: { from: '+48600100200', to: '+48601234567' },
        website: { from: null, to: 'https://www.hydro-tech.pl' },
      },
    });
    const lead2 = (await (
      await call('GET', `/v1/leads/${first.leadId}`, { token: ws.tokens.sales })
    ).json()) as {
      title: string;
      email: string;
    };
    expect(lead2).toMatchObject({ title: 'Engineer', email });
  });

  it("should keep workspaces apart: the same e-mail is two leads, and one cannot read the other's", async () => {
    const [a, b] = await Promise.all([createTestWorkspace(), createTestWorkspace()]);
    const [sa, sb] = await Promise.all([createSource(a, 'generic'), createSource(b, 'generic')]);
    const la = (await (await postGeneric(sa, a, lead())).json()) as { leadId: string };
    const lb = (await (await postGeneric(sb, b, lead())).json()) as { leadId: string };
    expect(la.leadId).not.toBe(lb.leadId);
    await expectProblem(await call('GET', `/v1/leads/${la.leadId}`, { token: b.tokens.admin }), 404);
    const list = (await (await call('GET', '/v1/leads', { token: b.tokens.admin })).json()) as {
      data: { id: string }[];
    };
    expect(list.data.map((l) => l.id)).toEqual([lb.leadId]);
  });
});

describe('very long values', () => {
  it('should keep every value up to its limit whole, and refuse one character more with 422 naming the field', async () => {
    const ws = await createTestWorkspace();
    const source = await createSource(ws, 'generic');
    const long = {
      firstName: 'J'.repeat(TEXT_LIMITS.firstName),
      company: 'Stalmet '.repeat(40).slice(0, TEXT_LIMITS.company),
      title: 'Dyrektor '.repeat(40).slice(0, TEXT_LIMITS.title),
      message: 'ż'.repeat(TEXT_LIMITS.message),
    };
    const kept = await postGeneric(source, ws, lead(long));
    expect(kept.status, await kept.clone().text()).toBe(201);
    const { leadId } = (await kept.json()) as { leadId: string };
    const row = await openLeadRow(
      await env.DB.prepare('select * from leads where id = ?').bind(leadId).first<Record<string, unknown>>(),
    );
    expect({ first_name: row?.first_name, company: row?.company, title: row?.title }).toEqual({
      first_name: long.firstName,
      company: long.company,
      title: long.title,
    });

    const before = await countRows('leads', ws.id);
    const deliveriesBefore = await countRows('intake_deliveries', ws.id);
    for (const field of ['firstName', 'company', 'title', 'campaign', 'message'] as const) {
      const value = 'x'.repeat(TEXT_LIMITS[field] + 1);
      const problem = await expectProblem(
        await postGeneric(source, ws, lead({ email: `${field}@stalmet.pl`, [field]: value })),
        422,
      );
      expect(problem.errors).toEqual([
        {
          path: field,
          message: expect.stringContaining(`At most ${TEXT_LIMITS[field].toLocaleString('en')} characters`),
        },
      ]);
    }
    expect(await countRows('leads', ws.id)).toBe(before);
    expect(await countRows('intake_deliveries', ws.id)).toBe(deliveriesBefore);
  });
});
