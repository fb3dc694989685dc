import { drizzle } from 'drizzle-orm/d1';
import { describe, expect, it } from 'vitest';
import { loadJudgingAgreement } from '../../worker/db/queries/judging';
import { getWorkspace } from '../../worker/db/queries/workspaces';
import * as schema from '../../worker/db/schema';
import { resolveMapping } from '../../worker/domain/import/mapping';
import { importRowReader } from '../../worker/domain/import/row';
import { webHost } from '../../worker/platform/web-host';
import { importLeadRows } from '../../worker/services/import/import-rows';
import { resolveSources } from '../../worker/services/import/resolve-sources';
import { call, createTestWorkspace, env, expectProblem, type TestWorkspace, WAIT_FOR_LEAD } from './harness';
import { openLeadRow, openPayload } from './test-vault';

interface RowResult {
  row: number;
  status: 'created' | 'merged' | 'unchanged' | 'refused';
  leadId: string | null;
  reasons?: { path: string; column: string | null; message: string }[];
  warnings?: { path: string; column: string | null; message: string }[];
  sameAs?: number;
}

interface Answer {
  importKey: string;
  columns: Record<string, string | null>;
  total: number;
  offset: number;
  next: number | null;
  summary: Record<'created' | 'merged' | 'unchanged' | 'refused', number>;
  results: RowResult[];
}

function importJson(ws: TestWorkspace, body: unknown, options: { token?: string; query?: string } = {}) {
  return call('POST', `/v1/import${options.query ?? ''}`, {
    token: options.token ?? ws.tokens.marketing,
    json: body,
  });
}

function importCsv(ws: TestWorkspace, csv: string, query: Record<string, string> = {}, token?: string) {
  const qs = new URLSearchParams(query).toString();
  return call('POST', `/v1/import${qs ? `?${qs}` : ''}`, {
    token: token ?? ws.tokens.marketing,
    body: csv,
    headers: { 'content-type': 'text/csv; charset=utf-8' },
  });
}

async function ok(res: Response): Promise<Answer> {
  const text = await res.text();
  if (res.status !== 200) throw new Error(`expected 200, got ${res.status}: ${text}`);
  return JSON.parse(text) as Answer;
}

async function count(table: string, workspaceId: string, where = '') {
  const row = await env.DB.prepare(`select count(*) as n from ${table} where workspace_id = ? ${where}`)
    .bind(workspaceId)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

async function leadRow(id: string) {
  return openLeadRow(
    await env.DB.prepare('select * from leads where id = ?').bind(id).first<Record<string, unknown>>(),
  );
}

async function eventsOf(leadId: string) {
  const rows = await env.DB.prepare(
    'select id, workspace_id, type, occurred_at, agreement_version, payload, sealed_payload from lead_events where lead_id = ? order by seq',
  )
    .bind(leadId)
    .all<{
      id: string;
      workspace_id: string;
      type: string;
      occurred_at: string;
      agreement_version: number | null;
      payload: string;
      sealed_payload: string | null;
    }>();
  return Promise.all(
    rows.results.map(async ({ id: _id, workspace_id, sealed_payload: _sealed, ...r }) => ({
      ...r,
      payload: await openPayload(workspace_id, { id: _id, payload: r.payload, sealed_payload: _sealed }),
    })),
  );
}

async function addMember(ws: TestWorkspace, email: string, side = 'sales') {
  const res = await call('POST', '/v1/members', {
    token: ws.tokens.admin,
    json: { name: email.split('@')[0], email, side },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const consented = { consent: true, consentText: 'Agreed to be contacted at the 2025 trade fair.' };

describe('POST /v1/import: CSV', () => {
  it('should map columns by name and by mapping, normalise like intake and record history without an SLA clock', async () => {
    const ws = await createTestWorkspace();
    const ownerId = await addMember(ws, 'ola@acme.test');
    // A Polish Excel export: semicolons, decimal commas, a BOM, localised headers.
    const csv = [
      '\ufeffAdres e-mail;Telefon;Imię;Nazwisko;Firma;Etap;Data etapu;Zgoda;Opiekun;Kwota;Źródło;Notatka',
      ' Jan.Kowalski@Stalmet.PL ;600 100 200;Jan;Kowalski;Stalmet;Klient;2025-03-14;tak;OLA@acme.test;"12 000,50";Targi 2025;VIP',
      'anna@firma.pl;;Anna;Nowak;Firma;MQL;2025-06-01T09:00:00Z;tak;;;Targi 2025;',
    ].join('\r\n');
    const answer = await ok(
      await importCsv(ws, csv, {
        importKey: 'crm-export.csv',
        mapping: JSON.stringify({ 'Adres e-mail': 'email', Notatka: 'ignore', 'Data etapu': 'stageAt' }),
        sourceOrigin: 'marketing',
      }),
    );
    expect(answer.columns).toEqual({
      'Adres e-mail': 'email',
      Telefon: 'phone',
      Imię: 'firstName',
      Nazwisko: 'lastName',
      Firma: 'company',
      Etap: 'stage',
      'Data etapu': 'stageAt',
      Zgoda: 'consent',
      Opiekun: 'owner',
      Kwota: 'amount',
      Źródło: 'sourceName',
      Notatka: null,
    });
    expect(answer.summary).toEqual({ created: 2, merged: 0, unchanged: 0, refused: 0 });
    expect(answer.results.map((r) => [r.row, r.status])).toEqual([
      [1, 'created'],
      [2, 'created'],
    ]);
    expect(answer.next).toBeNull();

    const jan = await leadRow(answer.results[0]?.leadId ?? '');
    expect(jan).toMatchObject({
      email: 'jan.kowalski@stalmet.pl',
      phone: '+48600100200',
      company_domain: 'stalmet.pl',
      stage: 'won',
      owner_id: ownerId,
      won_at: '2025-03-14T00:00:00.000Z',
      won_amount: 12000.5,
      created_at: '2025-03-14T00:00:00.000Z',
      consent: 1,
      agreement_version: null,
      mql_at: null,
    });
    const events = await eventsOf(String(jan?.id));
    expect(events.map((e) => e.type)).toEqual(['created', 'consent_given', 'imported', 'scored']);
    const imported = events[2];
    expect(imported?.occurred_at).toBe('2025-03-14T00:00:00.000Z');
    expect(imported?.agreement_version).toBeNull();
    expect(imported?.payload).toMatchObject({
      importKey: 'crm-export.csv',
      row: 1,
      outcome: 'created',
      stage: 'won',
      amount: 12000.5,
      ownerId,
      sourceName: 'Targi 2025',
    });

    const anna = await leadRow(answer.results[1]?.leadId ?? '');
    expect(anna).toMatchObject({ stage: 'mql', mql_at: '2025-06-01T09:00:00.000Z', agreement_version: null });
    // History starts no clock: no MQL event, no deadline.
    expect(await count('lead_events', ws.id, "and type = 'mql'")).toBe(0);
    expect(await count('sla_deadlines', ws.id)).toBe(0);

    // The unknown source name became an archived source that labels both leads.
    const sources = await env.DB.prepare(
      'select id, name, origin, archived_at from sources where workspace_id = ?',
    )
      .bind(ws.id)
      .all<{ id: string; name: string; origin: string; archived_at: string | null }>();
    expect(sources.results).toHaveLength(1);
    expect(sources.results[0]).toMatchObject({ name: 'Targi 2025', origin: 'marketing' });
    expect(sources.results[0]?.archived_at).not.toBeNull();
    expect(jan?.first_source_id).toBe(sources.results[0]?.id);
    expect(anna?.first_source_id).toBe(sources.results[0]?.id);
    expect(await count('consents', ws.id)).toBe(2);
  });

  it('should refuse an unreadable file and a mapping that names no column, storing nothing', async () => {
    const ws = await createTestWorkspace();
    const broken = await expectProblem(await importCsv(ws, 'email,phone\n"jan@firma.pl,600100200\n'), 422);
    expect((broken.errors as { path: string }[])[0]?.path).toBe('body');
    const typo = await expectProblem(
      await importCsv(ws, 'email,phone\njan@firma.pl,600100200\n', {
        mapping: JSON.stringify({ Emial: 'email' }),
      }),
      422,
    );
    expect((typo.errors as { path: string }[])[0]?.path).toBe('mapping.Emial');
    const noContact = await expectProblem(await importCsv(ws, 'name,company\nJan,Stalmet\n'), 422);
    expect((noContact.errors as { path: string }[])[0]?.path).toBe('mapping');
    const badMapping = await expectProblem(
      await importCsv(ws, 'email\njan@firma.pl\n', { mapping: '{not json' }),
      422,
    );
    expect((badMapping.errors as { path: string }[])[0]?.path).toBe('query.mapping');
    expect(await count('leads', ws.id)).toBe(0);
  });

  it('should refuse other media types with 415', async () => {
    const ws = await createTestWorkspace();
    await expectProblem(
      await call('POST', '/v1/import', {
        token: ws.tokens.marketing,
        body: 'email\njan@firma.pl',
        headers: { 'content-type': 'text/plain' },
      }),
      415,
    );
  });
});

describe('POST /v1/import: JSON rows', () => {
  it('should let admin, manager and marketing import, and no one else', async () => {
    const ws = await createTestWorkspace();
    for (const role of ['sales', 'viewer', 'intake'] as const) {
      await expectProblem(
        await importJson(ws, { rows: [{ email: 'x@firma.pl', ...consented }] }, { token: ws.tokens[role] }),
        403,
      );
    }
    for (const role of ['admin', 'manager', 'marketing'] as const) {
      const answer = await ok(
        await importJson(
          ws,
          { rows: [{ email: `${role}@firma.pl`, ...consented }] },
          { token: ws.tokens[role] },
        ),
      );
      expect(answer.summary.created).toBe(1);
    }
    await expectProblem(await call('POST', '/v1/import', { json: { rows: [{ email: 'y@firma.pl' }] } }), 401);
  });

  it('should refuse bad rows with their reasons and columns while good rows land', async () => {
    const ws = await createTestWorkspace();
    const rows = [
      { Mail: 'good@firma.pl', Phone: '', Stage: 'sql', Consent: 'yes' },
      { Mail: 'not-an-email', Phone: '', Stage: 'lead', Consent: 'yes' },
      { Mail: '', Phone: '', Stage: 'lead', Consent: 'yes' },
      { Mail: 'stage@firma.pl', Phone: '', Stage: 'hot prospect', Consent: 'yes' },
      { Mail: 'noconsent@firma.pl', Phone: '', Stage: 'lead', Consent: '' },
      { Mail: 'declined@firma.pl', Phone: '', Stage: 'lead', Consent: 'no' },
      { Mail: 'won@firma.pl', Phone: '', Stage: 'won', Consent: 'yes' },
      { Mail: 'date@firma.pl', Phone: '', Stage: 'lead', Consent: 'yes', When: 'last tuesday' },
      { Mail: 'bad@@mail', Phone: '+48 601 000 000', Stage: 'lead', Consent: 'yes' },
    ];
    const answer = await ok(
      await importJson(ws, {
        rows,
        mapping: { Mail: 'email', Phone: 'phone', Stage: 'stage', Consent: 'consent', When: 'submittedAt' },
      }),
    );
    expect(answer.summary).toEqual({ created: 2, merged: 0, unchanged: 0, refused: 7 });
    const byRow = new Map(answer.results.map((r) => [r.row, r]));
    expect(byRow.get(1)?.status).toBe('created');
    const reason = (row: number) => byRow.get(row)?.reasons?.map((r) => [r.path, r.column]);
    expect(reason(2)).toEqual([['email', 'Mail']]);
    expect(reason(3)).toEqual([['email', 'Mail']]);
    expect(reason(4)).toEqual([['stage', 'Stage']]);
    expect(byRow.get(4)?.reasons?.[0]?.message).toContain('lead, mql, sal');
    expect(reason(5)).toEqual([['consent', 'Consent']]);
    expect(reason(6)).toEqual([['consent', 'Consent']]);
    expect(reason(7)).toEqual([['amount', null]]);
    expect(reason(8)).toEqual([['submittedAt', 'When']]);
    // A bad address with a usable phone keeps the lead, as intake does, and says so.
    expect(byRow.get(9)?.status).toBe('created');
    expect(byRow.get(9)?.warnings?.map((w) => w.path)).toContain('email');
    expect(await count('leads', ws.id)).toBe(2);
    expect(await count('import_rows', ws.id)).toBe(2);
  });

  it('should merge duplicates within the list and against existing leads, and never move a lead back', async () => {
    const ws = await createTestWorkspace();
    const source = (await (
      await call('POST', '/v1/sources', {
        token: ws.tokens.marketing,
        json: { name: 'Contact form', provider: 'generic', origin: 'marketing', createsLead: true },
      })
    ).json()) as { id: string };
    const intake = await call('POST', `/v1/intake/${source.id}`, {
      token: ws.tokens.intake,
      json: {
        email: 'known@firma.pl',
        firstName: 'Known',
        consent: true,
        submittedAt: '2026-01-10T10:00:00Z',
      },
      headers: WAIT_FOR_LEAD,
    });
    const knownId = ((await intake.json()) as { leadId: string }).leadId;

    const answer = await ok(
      await importJson(ws, {
        rows: [
          { email: 'KNOWN@firma.pl', title: 'CTO', stage: 'lead', submittedAt: '2025-01-01', ...consented },
          { email: 'twice@firma.pl', stage: 'sql', submittedAt: '2025-02-01', ...consented },
          {
            email: 'twice@firma.pl',
            stage: 'lead',
            company: 'Twice Ltd',
            submittedAt: '2025-03-01',
            ...consented,
          },
          { email: 'twice@firma.pl', stage: 'sql', submittedAt: '2025-02-01', ...consented },
          { phone: '600 200 300', stage: 'lead', ...consented },
          {
            phone: '+48600200300',
            email: 'phoneonly@firma.pl',
            stage: 'opportunity',
            amount: 5000,
            ...consented,
          },
        ],
      }),
    );
    expect(answer.results.map((r) => r.status)).toEqual([
      'merged',
      'created',
      'merged',
      'unchanged',
      'created',
      'merged',
    ]);
    expect(answer.results[0]?.leadId).toBe(knownId);
    expect(answer.results[2]?.leadId).toBe(answer.results[1]?.leadId);
    expect(answer.results[3]).toMatchObject({ leadId: answer.results[1]?.leadId, sameAs: 2 });
    expect(answer.results[5]?.leadId).toBe(answer.results[4]?.leadId);

    const known = await leadRow(knownId);
    expect(known).toMatchObject({ stage: 'lead', title: 'CTO', first_name: 'Known' });
    const knownEvents = (await eventsOf(knownId)).map((e) => e.type);
    expect(knownEvents.filter((t) => t === 'created')).toHaveLength(1);
    expect(knownEvents).toContain('imported');
    expect(knownEvents).toContain('profile_updated');

    // The later "lead" row is older history than the "sql" row: the lead stays an SQL.
    const twice = await leadRow(answer.results[1]?.leadId ?? '');
    expect(twice).toMatchObject({ stage: 'sql', company: 'Twice Ltd', sql_at: '2025-02-01T00:00:00.000Z' });
    const phoneLead = await leadRow(answer.results[4]?.leadId ?? '');
    expect(phoneLead).toMatchObject({
      email: 'phoneonly@firma.pl',
      phone: '+48600200300',
      stage: 'opportunity',
      opportunity_amount: 5000,
    });
    expect(await count('leads', ws.id)).toBe(3);
  });

  it('should name people by a phone as intake does: a row with only a phone joins the lead that has it beside an e-mail', async () => {
    const ws = await createTestWorkspace();
    const first = await ok(
      await importJson(ws, {
        rows: [{ email: 'ewa@firma.pl', phone: '600 700 800', stage: 'lead', ...consented }],
      }),
    );
    const ewa = first.results[0]?.leadId;
    expect(first.results[0]?.status).toBe('created');
    // A later list (a call log) knows only the number, typed another way.
    const later = await ok(
      await importJson(ws, {
        importKey: 'calls',
        rows: [{ phone: '+48 600-700-800', stage: 'sql', ...consented }],
      }),
    );
    expect(later.results[0]).toMatchObject({ status: 'merged', leadId: ewa });
    expect(await count('leads', ws.id)).toBe(1);
    expect(await leadRow(ewa ?? '')).toMatchObject({
      email: 'ewa@firma.pl',
      phone: '+48600700800',
      stage: 'sql',
    });
  });

  it('should store each row key as a blind index: no external id or address in import_rows or its consents, and the list again writes nothing', async () => {
    const ws = await createTestWorkspace();
    const body = {
      importKey: 'sheet-blind',
      rows: [
        { id: 'jadwiga.blind@firma.pl', email: 'jadwiga.blind@firma.pl', stage: 'lead', ...consented },
        { id: 'CRM-7781', email: 'kazimierz.blind@firma.pl', stage: 'mql', ...consented },
      ],
      mapping: { id: 'externalId' },
    };
    const first = await ok(await importJson(ws, body));
    expect(first.summary).toEqual({ created: 2, merged: 0, unchanged: 0, refused: 0 });
    const stored = await env.DB.prepare('select row_key from import_rows where workspace_id = ?')
      .bind(ws.id)
      .all<{ row_key: string }>();
    expect(stored.results).toHaveLength(2);
    for (const r of stored.results) expect(r.row_key).toMatch(/^[0-9a-f]{64}$/);
    const keys = await env.DB.prepare('select delivery_key from consents where workspace_id = ?')
      .bind(ws.id)
      .all<{ delivery_key: string }>();
    const raw = JSON.stringify([stored.results, keys.results]);
    for (const marker of ['jadwiga', 'CRM-7781', 'ext:']) expect(raw).not.toContain(marker);

    const events = await count('lead_events', ws.id);
    const again = await ok(await importJson(ws, body));
    expect(again.summary).toEqual({ created: 0, merged: 0, unchanged: 2, refused: 0 });
    expect(await count('lead_events', ws.id)).toBe(events);
  });

  it('should be idempotent per row: the same list again writes nothing, a changed row with an id merges', async () => {
    const ws = await createTestWorkspace();
    const body = {
      importKey: 'sheet-1',
      rows: [
        { id: 'r1', email: 'a@firma.pl', stage: 'lead', ...consented },
        { id: 'r2', email: 'b@firma.pl', stage: 'mql', ...consented },
        { email: 'c@firma.pl', stage: 'lead', ...consented },
      ],
      mapping: { id: 'externalId' },
    };
    const first = await ok(await importJson(ws, body));
    expect(first.summary).toEqual({ created: 3, merged: 0, unchanged: 0, refused: 0 });
    const events = await count('lead_events', ws.id);
    const consents = await count('consents', ws.id);

    const again = await ok(await importJson(ws, body));
    expect(again.summary).toEqual({ created: 0, merged: 0, unchanged: 3, refused: 0 });
    expect(again.results.map((r) => r.leadId)).toEqual(first.results.map((r) => r.leadId));
    expect(await count('lead_events', ws.id)).toBe(events);
    expect(await count('consents', ws.id)).toBe(consents);
    expect(await count('leads', ws.id)).toBe(3);

    // The sheet corrected r1's address and moved r2 on: r1 keeps its lead, r2 advances.
    const changed = await ok(
      await importJson(ws, {
        ...body,
        rows: [
          { id: 'r1', email: 'a.fixed@firma.pl', stage: 'lead', ...consented },
          { id: 'r2', email: 'b@firma.pl', stage: 'sal', ...consented },
          { email: 'c@firma.pl', stage: 'lead', ...consented },
        ],
      }),
    );
    expect(changed.results.map((r) => r.status)).toEqual(['merged', 'merged', 'unchanged']);
    expect(changed.results[0]?.leadId).toBe(first.results[0]?.leadId);
    expect(await leadRow(first.results[0]?.leadId ?? '')).toMatchObject({ email: 'a.fixed@firma.pl' });
    expect(await leadRow(first.results[1]?.leadId ?? '')).toMatchObject({ stage: 'sal' });
    expect(await count('leads', ws.id)).toBe(3);

    // Another import key is another list: the same person merges into the same lead.
    const other = await ok(await importJson(ws, { ...body, importKey: 'sheet-2' }));
    expect(other.summary).toEqual({ created: 1, merged: 2, unchanged: 0, refused: 0 });
  });

  it('should keep one key for an id repeated with other values, and warn about an owner nobody is', async () => {
    const ws = await createTestWorkspace();
    const answer = await ok(
      await importJson(ws, {
        mapping: { Id: 'externalId', Owner: 'owner' },
        rows: [
          { Id: 'crm-7', email: 'seven@firma.pl', stage: 'lead', Owner: 'ghost@acme.test', ...consented },
          { Id: 'crm-7', email: 'seven@firma.pl', stage: 'opportunity', amount: '7.500', ...consented },
        ],
      }),
    );
    expect(answer.results.map((r) => r.status)).toEqual(['created', 'merged']);
    expect(answer.results[0]?.warnings).toEqual([
      {
        path: 'owner',
        column: 'Owner',
        message: 'No member of this workspace has the e-mail ghost@acme.test; imported without an owner.',
      },
    ]);
    expect(await count('import_rows', ws.id)).toBe(1);
    expect(await leadRow(answer.results[0]?.leadId ?? '')).toMatchObject({
      stage: 'opportunity',
      owner_id: null,
      opportunity_amount: 7500,
    });
  });

  it('should refuse a person erased earlier unless the row brings consent given after the erasure', async () => {
    const ws = await createTestWorkspace();
    const first = await ok(
      await importJson(ws, { rows: [{ email: 'gone@firma.pl', phone: '600300400', ...consented }] }),
    );
    const leadId = first.results[0]?.leadId ?? '';
    const erased = await call('DELETE', `/v1/leads/${leadId}`, { token: ws.tokens.admin });
    expect(erased.status, await erased.clone().text()).toBe(200);

    const old = await ok(
      await importJson(ws, {
        importKey: 'old-list',
        rows: [
          { email: 'gone@firma.pl', ...consented, submittedAt: '2024-05-01' },
          { phone: '+48 600 300 400', ...consented },
          { email: 'GONE@firma.pl', ...consented },
        ],
      }),
    );
    expect(old.results.map((r) => r.status)).toEqual(['refused', 'refused', 'refused']);
    expect(old.results.map((r) => r.reasons?.[0]?.path)).toEqual(['email', 'phone', 'email']);
    expect(old.results[0]?.reasons?.[0]?.message).toContain('erased');

    // Consent given after the erasure (the import clamps a date after its own clock to now).
    await new Promise((resolve) => setTimeout(resolve, 20));
    const fresh = new Date().toISOString();
    const back = await ok(
      await importJson(ws, {
        importKey: 'new-fair',
        rows: [{ email: 'gone@firma.pl', ...consented, submittedAt: fresh }],
      }),
    );
    expect(back.results[0]?.status).toBe('created');
    expect(back.results[0]?.leadId).not.toBe(leadId);
  });

  it('should say where to resume when a window is given, and finish on the same body', async () => {
    const ws = await createTestWorkspace();
    const rows = Array.from({ length: 5 }, (_, i) => ({ email: `p${i}@firma.pl`, ...consented }));
    const part = await ok(await importJson(ws, { rows }, { query: '?limit=2' }));
    expect(part).toMatchObject({ total: 5, offset: 0, next: 2 });
    expect(part.results.map((r) => r.row)).toEqual([1, 2]);
    const rest = await ok(await importJson(ws, { rows }, { query: '?offset=2' }));
    expect(rest).toMatchObject({ offset: 2, next: null });
    expect(rest.results.map((r) => [r.row, r.status])).toEqual([
      [3, 'created'],
      [4, 'created'],
      [5, 'created'],
    ]);
    expect(await count('leads', ws.id)).toBe(5);
    await expectProblem(await importJson(ws, { rows }, { query: '?importKey=x' }), 422);
  });
});

describe('import writes', () => {
  it('should land each person once when the same list is sent twice at the same time', async () => {
    const ws = await createTestWorkspace();
    const rows = Array.from({ length: 450 }, (_, i) => ({ email: `same${i}@firma.pl`, ...consented }));
    const answers = await Promise.all(
      [importJson(ws, { rows }), importJson(ws, { rows })].map(async (r) => ok(await r)),
    );
    const created = answers.reduce((n, a) => n + a.summary.created, 0);
    const unchanged = answers.reduce((n, a) => n + a.summary.unchanged, 0);
    expect(created).toBe(450);
    expect(unchanged).toBe(450);
    expect(await count('leads', ws.id)).toBe(450);
    expect(await count('lead_events', ws.id, "and type = 'created'")).toBe(450);
    expect(await count('import_rows', ws.id)).toBe(450);
  });
  it('should bind at most 100 parameters per statement and use few D1 calls per chunk', async () => {
    const ws = await createTestWorkspace();
    const stats = { calls: 0, statements: 0, maxParams: 0, maxBatch: 0 };
    const binding = new Proxy(env.DB, {
      get(target, prop) {
        if (prop === 'prepare') {
          return (query: string) => {
            const stmt = target.prepare(query);
            const placeholders = (query.match(/\?/g) ?? []).length;
            stats.maxParams = Math.max(stats.maxParams, placeholders);
            return stmt;
          };
        }
        if (prop === 'batch') {
          return (statements: D1PreparedStatement[]) => {
            stats.calls += 1;
            stats.statements += statements.length;
            stats.maxBatch = Math.max(stats.maxBatch, statements.length);
            return target.batch(statements);
          };
        }
        const value = Reflect.get(target, prop);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const db = drizzle(binding, { schema });
    const workspace = await getWorkspace(db, ws.id);
    if (!workspace) throw new Error('workspace');
    const agreement = await loadJudgingAgreement(db, workspace);
    const { mapping } = resolveMapping(['email', 'phone', 'consent', 'stage', 'sourceName'], null);
    const now = new Date();
    const readRow = importRowReader({
      mapping,
      defaults: {},
      defaultCountry: 'PL',
      consentRequired: true,
      now: now.getTime(),
      host: webHost,
    });
    const rows = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        readRow(i + 1, {
          email: `p${i % 900}@firma.pl`,
          phone: null,
          consent: 'yes',
          stage: 'lead',
          sourceName: 'Fair',
        }),
      ),
    );
    const ctx = { db, workspaceId: ws.id, now, encryption: { key: env.LEADPACT_ENCRYPTION_KEY } };
    const out = await importLeadRows({
      ctx,
      input: {
        agreement,
        actor: { type: 'system', id: null },
        importKey: 'k',
        sources: await resolveSources(ctx, new Set(['Fair']), 'other'),
        rows,
        columnOf: mapping.columnOf,
      },
    });
    expect(out.handled).toBe(1000);
    expect(out.results.filter((r) => r.status === 'created')).toHaveLength(900);
    expect(out.results.filter((r) => r.status === 'unchanged')).toHaveLength(100);
    expect(stats.maxParams).toBeLessThanOrEqual(100);
    // One read and one write batch per chunk of 200 rows.
    expect(stats.calls).toBe(10);
    expect(stats.maxBatch).toBeLessThan(1500);
  });
});

describe('an import of 20,000 rows', () => {
  it('should land in one call with duplicates and bad rows, with the exact counts', {
    timeout: 120_000,
  }, async () => {
    const ws = await createTestWorkspace();
    const stages = ['lead', 'mql', 'sal', 'sql', 'opportunity', 'lost', 'nurture', 'disqualified'];
    const line = (email: string, phone: string, stage: string, consent: string, extra = '') =>
      `${email},${phone},Person,${extra},${stage},${stage === 'won' ? '1200' : ''},${consent},2025-0${(email.length % 9) + 1}-15`;
    const header = 'email,phone,name,title,stage,amount,consent,date';

    // 1,000 people the workspace already has, from an older list.
    const known = Array.from({ length: 1000 }, (_, b) => line(`known${b}@old.pl`, '', 'lead', 'yes'));
    const seeded = await ok(await importCsv(ws, [header, ...known].join('\n'), { importKey: 'old-crm' }));
    expect(seeded.summary.created).toBe(1000);

    const lines: string[] = [];
    for (let b = 0; b < 1000; b++) {
      const fresh: string[] = [];
      for (let k = 0; k < 15; k++) {
        const stage = k === 14 ? 'won' : (stages[(b + k) % stages.length] ?? 'lead');
        fresh.push(
          line(`p${b}-${k}@firma${b % 50}.pl`, `+4860${String(b * 20 + k).padStart(7, '0')}`, stage, 'yes'),
        );
      }
      lines.push(...fresh);
      lines.push(fresh[0] ?? ''); // an exact repeat: unchanged
      lines.push(line(`p${b}-1@firma${b % 50}.pl`, '', 'sql', 'yes', 'CEO')); // the same person again: merged
      lines.push(line(`broken${b}@`, '', 'lead', 'yes')); // no usable contact: refused
      lines.push(
        b % 2 === 0
          ? line(`odd${b}@firma.pl`, '', 'hot', 'yes') // unknown stage: refused
          : line(`silent${b}@firma.pl`, '', 'lead', ''), // no consent: refused
      );
      lines.push(line(`known${b}@old.pl`, '', 'mql', 'yes', 'Buyer')); // an existing lead: merged
    }
    const csv = [header, ...lines].join('\n');
    expect(lines).toHaveLength(20_000);

    const started = Date.now();
    const answer = await ok(
      await importCsv(ws, csv, {
        importKey: 'big-list',
        mapping: JSON.stringify({ date: 'submittedAt', name: 'firstName' }),
      }),
    );
    const ms = Date.now() - started;
    console.log(
      `20,000 rows (${(csv.length / 1e6).toFixed(1)} MB CSV) in ${ms} ms: ${Math.round(20_000 / (ms / 1000))} rows/s`,
    );

    expect(answer.next).toBeNull();
    expect(answer.total).toBe(20_000);
    expect(answer.summary).toEqual({ created: 15_000, merged: 2_000, unchanged: 1_000, refused: 2_000 });
    expect(answer.results).toHaveLength(20_000);
    expect(answer.results.every((r, i) => r.row === i + 1)).toBe(true);
    expect(answer.results[15]).toMatchObject({ status: 'unchanged', sameAs: 1 });
    expect(answer.results[16]).toMatchObject({ status: 'merged', leadId: answer.results[1]?.leadId });
    expect(answer.results[17]?.reasons?.[0]).toMatchObject({ path: 'email', column: 'email' });
    expect(answer.results[18]?.reasons?.[0]).toMatchObject({ path: 'stage' });
    expect(answer.results[38]?.reasons?.[0]).toMatchObject({ path: 'consent' });

    expect(await count('leads', ws.id)).toBe(16_000);
    expect(await count('leads', ws.id, "and stage = 'won'")).toBe(1000);
    expect(await count('import_rows', ws.id, "and import_key = 'big-list'")).toBe(17_000);
    expect(await count('lead_events', ws.id, "and type = 'imported'")).toBe(18_000);
    expect(await count('lead_events', ws.id, "and type = 'created'")).toBe(16_000);

    // The same file again: every row answered from the import keys, nothing written.
    const events = await count('lead_events', ws.id);
    const againStarted = Date.now();
    const again = await ok(
      await importCsv(ws, csv, {
        importKey: 'big-list',
        mapping: JSON.stringify({ date: 'submittedAt', name: 'firstName' }),
      }),
    );
    console.log(`the same 20,000 rows again in ${Date.now() - againStarted} ms`);
    expect(again.summary).toEqual({ created: 0, merged: 0, unchanged: 18_000, refused: 2_000 });
    expect(await count('lead_events', ws.id)).toBe(events);
  });
});

describe('the import in the API reference', () => {
  it('should document both body formats and the resume parameters', async () => {
    const res = await call('GET', '/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { paths: Record<string, { post?: Record<string, unknown> }> };
    const post = doc.paths['/v1/import']?.post as {
      requestBody: { content: Record<string, unknown> };
      parameters: { name: string }[];
    };
    expect(Object.keys(post.requestBody.content).sort()).toEqual(['application/json', 'text/csv']);
    expect(post.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(['offset', 'limit', 'mapping']),
    );
  });
});
