import { describe, expect, it } from 'vitest';
import { TEXT_LIMITS } from '../../worker/domain/intake/normalise';
import { activateDraft, createSigningWorkspace, edit, putDraft, readDraft } from './agreement-fixtures';
import { ADMIN_SECRET, call, createTestWorkspace, expectProblem, type TestWorkspace } from './harness';
import { actOk, addMember, createMql, signStarterAgreement } from './lead-fixtures';
import { signedHeaders } from './signing';

/*
 * Every refusal family said to a Polish reader: the same request asked in
 * English and in Polish must give the same status, codes and paths, and every
 * human text (`detail`, `errors[].message`, import row reasons) must differ from
 * the English one and hold no English sentence.
 */

/**
 * Words English sentences are made of and Polish never uses; identifiers,
 * headers and quoted values (`Idempotency-Key`, `application/json`) are not sentences.
 */
const ENGLISH =
  /\b(the|is|are|must|be|not|this|that|with|of|was|has|have|does|cannot|already|only|send|give|use|than|an|there|needs?|should|may|no such|at least|at most|per|before|after|looks|like|overlaps)\b/i;

function sentencesOf(text: string): string {
  return (
    text
      .replace(/`[^`]*`/g, ' ')
      .replace(/"[^"]*"|„[^”]*”|«[^»]*»/g, ' ')
      .replace(/<[^>]*>/g, ' ')
      // Lists of the team's codes ("known: reached, need, budget") are identifiers, not sentences.
      .replace(/\b[a-z_]+(?:, [a-z_]+)+\b/g, ' ')
      .replace(/\b[\w.-]*[_/:.=-][\w.:/=-]*\b/g, ' ')
  );
}

function expectPolish(pl: string, en: string, where: string): void {
  expect(pl, where).not.toBe(en);
  expect(sentencesOf(pl), `${where}: ${pl}`).not.toMatch(ENGLISH);
}

type Problem = Record<string, unknown> & { detail: string; errors?: { path: string; message: string }[] };

/** Sends the same refusal in English and in Polish; returns both, checked against each other. */
async function refusedInBoth(
  send: (headers: Record<string, string>) => Promise<Response>,
  status: number,
): Promise<{ en: Problem; pl: Problem }> {
  const en = (await expectProblem(await send({ 'accept-language': 'en' }), status)) as Problem;
  const pl = (await expectProblem(await send({ 'accept-language': 'pl' }), status)) as Problem;
  expect(pl.type).toBe(en.type);
  expectPolish(pl.detail, en.detail, 'detail');
  // The check itself must be able to fail: the English detail trips it.
  expect(sentencesOf(en.detail), `English detail: ${en.detail}`).toMatch(ENGLISH);
  expect((pl.errors ?? []).map((e) => e.path)).toEqual((en.errors ?? []).map((e) => e.path));
  (pl.errors ?? []).forEach((issue, i) => {
    expectPolish(issue.message, en.errors?.[i]?.message ?? '', `errors[${i}] (${issue.path})`);
  });
  return { en, pl };
}

/**
 * The same refusal in English, Polish and Russian: Polish as `refusedInBoth`
 * checks it, and Russian likewise (no English sentence, every text its own).
 * Returns the three, so a test can name the words it expects.
 */
async function refusedInPlAndRu(
  send: (headers: Record<string, string>) => Promise<Response>,
  status: number,
): Promise<{ en: Problem; pl: Problem; ru: Problem }> {
  const { en, pl } = await refusedInBoth(send, status);
  const ru = (await expectProblem(await send({ 'accept-language': 'ru' }), status)) as Problem;
  expect(ru.type).toBe(en.type);
  expectPolish(ru.detail, en.detail, 'ru detail');
  expect((ru.errors ?? []).map((e) => e.path)).toEqual((en.errors ?? []).map((e) => e.path));
  (ru.errors ?? []).forEach((issue, i) => {
    expectPolish(issue.message, en.errors?.[i]?.message ?? '', `ru errors[${i}] (${issue.path})`);
    expect(issue.message, issue.path).toMatch(/[а-яё]/i);
  });
  return { en, pl, ru };
}

/** `path → message` of a problem's field issues. */
const messagesOf = (problem: Problem) =>
  Object.fromEntries((problem.errors ?? []).map((e) => [e.path, e.message]));

async function createSource(ws: TestWorkspace, provider: 'generic' | 'typeform') {
  const res = await call('POST', '/v1/sources', {
    token: ws.tokens.marketing,
    json: { name: `${provider} form`, provider, origin: 'marketing', createsLead: true },
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; secret: string };
}

describe('intake refusals in Polish', () => {
  it('should refuse an unknown source, an unverified delivery and a token on a signed provider in Polish', async () => {
    const ws = await createTestWorkspace({ language: 'pl' });
    const typeform = await createSource(ws, 'typeform');
    await refusedInBoth(
      (headers) => call('POST', '/v1/intake/src_00000000000000000000000000', { json: {}, headers }),
      404,
    );
    const body = JSON.stringify({ event_type: 'form_response' });
    const { pl } = await refusedInBoth(
      (headers) =>
        call('POST', `/v1/intake/${typeform.id}`, {
          body,
          headers: { 'content-type': 'application/json', 'typeform-signature': 'sha256=AAAA', ...headers },
        }),
      401,
    );
    expect(pl.detail).toMatch(/^Nie udało się zweryfikować zgłoszenia: Nagłówek Typeform-Signature/);
    await refusedInBoth(
      (headers) => call('POST', `/v1/intake/${typeform.id}`, { token: ws.tokens.intake, json: {}, headers }),
      401,
    );
  });

  it('should refuse bodies that are not JSON objects, not leads, too long or badly keyed, in Polish', async () => {
    const ws = await createTestWorkspace({ language: 'pl' });
    const source = await createSource(ws, 'generic');
    const post =
      (body: string, extra: Record<string, string> = {}) =>
      (headers: Record<string, string>) =>
        call('POST', `/v1/intake/${source.id}`, {
          token: ws.tokens.intake,
          body,
          headers: { 'content-type': 'application/json', ...extra, ...headers },
        });
    await refusedInBoth(post('{"email": '), 400);
    await refusedInBoth(post('[1, 2]'), 422);
    await refusedInBoth(post(`${'{"a":'.repeat(40)}1${'}'.repeat(40)}`), 422);
    const { pl } = await refusedInBoth(
      post(
        JSON.stringify({
          email: 'not-an-address',
          consent: 'maybe',
          message: 'x'.repeat(TEXT_LIMITS.message + 1),
        }),
      ),
      422,
    );
    expect(pl.errors?.map((e) => e.path)).toEqual(expect.arrayContaining(['consent', 'email', 'message']));
    await refusedInBoth(post(JSON.stringify({ firstName: 'Jan' })), 422);
    await refusedInBoth(
      post(JSON.stringify({ email: 'jan@stalmet.pl' }), { 'idempotency-key': 'two words' }),
      422,
    );
    const signed = JSON.stringify({ email: 'jan@stalmet.pl', consent: true });
    await refusedInBoth(
      async (headers) =>
        call('POST', `/v1/intake/${source.id}`, {
          body: signed,
          headers: {
            'content-type': 'application/json',
            ...(await signedHeaders('generic', signed, `${source.secret}x`)),
            ...headers,
          },
        }),
      401,
    );
  });

  it('should refuse a reused idempotency key in Polish', async () => {
    const ws = await createTestWorkspace({ language: 'pl' });
    const source = await createSource(ws, 'generic');
    const send = (email: string) => (headers: Record<string, string>) =>
      call('POST', `/v1/intake/${source.id}`, {
        token: ws.tokens.intake,
        json: { email, consent: true },
        headers: { 'idempotency-key': 'delivery-1', ...headers },
      });
    expect((await send('jan@stalmet.pl')({})).status).toBe(202);
    await refusedInBoth(send('anna@stalmet.pl'), 422);
  });
});

describe('import refusals in Polish', () => {
  it('should refuse an empty file, a mapping that fits no column and query settings with JSON, in Polish', async () => {
    const ws = await createTestWorkspace({ language: 'pl' });
    const csv =
      (body: string, query = '') =>
      (headers: Record<string, string>) =>
        call('POST', `/v1/import${query}`, {
          token: ws.tokens.marketing,
          body,
          headers: { 'content-type': 'text/csv', ...headers },
        });
    await refusedInBoth(csv(''), 422);
    await refusedInBoth(csv('email,name\n"jan@stalmet.pl,Jan\n'), 422);
    await refusedInBoth(csv('name,company\nJan,Stalmet\n'), 422);
    await refusedInBoth(
      csv('email,name\njan@stalmet.pl,Jan\n', `?mapping=${encodeURIComponent('{"mail":"email"}')}`),
      422,
    );
    await refusedInBoth(
      (headers) =>
        call('POST', '/v1/import?importKey=x', {
          token: ws.tokens.marketing,
          json: { rows: [{ email: 'jan@stalmet.pl' }] },
          headers,
        }),
      422,
    );
  });

  it('should give each refused row its reasons in Polish, columns unchanged', async () => {
    const ws = await createTestWorkspace({ language: 'pl' });
    const rows = [
      { email: 'not-an-address', stage: 'someday', amount: 'lots' },
      { email: 'anna@stalmet.pl', owner: 'ghost@stalmet.pl', currency: 'euro' },
    ];
    const answer = async (language: string) => {
      const res = await call('POST', '/v1/import', {
        token: ws.tokens.marketing,
        json: { importKey: `list-${language}`, rows },
        headers: { 'accept-language': language },
      });
      expect(res.status).toBe(200);
      return (await res.json()) as {
        results: { status: string; reasons?: RowText[]; warnings?: RowText[] }[];
      };
    };
    type RowText = { path: string; column: string | null; message: string };
    const en = await answer('en');
    const pl = await answer('pl');
    const texts = (a: typeof en) => a.results.flatMap((r) => [...(r.reasons ?? []), ...(r.warnings ?? [])]);
    expect(texts(pl).map(({ path, column }) => ({ path, column }))).toEqual(
      texts(en).map(({ path, column }) => ({ path, column })),
    );
    expect(texts(pl).length).toBeGreaterThanOrEqual(4);
    texts(pl).forEach((t, i) => {
      expectPolish(t.message, texts(en)[i]?.message ?? '', `row ${t.path}`);
    });
  });
});

describe('authentication limits in Polish', () => {
  it('should tell a locked-out address to wait, in Polish', async () => {
    const ws = await createTestWorkspace({ language: 'pl' });
    const ip = `2001:db8:77::${crypto.getRandomValues(new Uint16Array(1))[0]?.toString(16)}`;
    const wrong = (headers: Record<string, string> = {}) =>
      call('GET', '/v1/members', {
        token: `lp_${ws.id}_wrongwrongwrongwrongwrongwrongwrongwrongwro`,
        headers: { 'cf-connecting-ip': ip, ...headers },
      });
    let status = 0;
    for (let i = 0; i < 45 && status !== 429; i++) status = (await wrong()).status;
    expect(status).toBe(429);
    await refusedInBoth(wrong, 429);
  });
});

describe('agreement refusals in Polish', () => {
  it('should refuse a draft that breaks the schema’s own rules, every field message in Polish', async () => {
    const ws = await createTestWorkspace({ language: 'pl' });
    const draft = await readDraft(ws.tokens.marketing);
    const broken = edit(draft.content, (a) => {
      a.title = ' ';
      const [first] = a.glossary.terms;
      if (first) a.glossary.terms.push({ ...first });
      a.icp.criteria.push(
        {
          id: 'size_band',
          label: 'Size',
          field: 'employees',
          operator: 'between',
          values: [500, 50],
          kind: 'weighted',
          points: 5,
        },
        { id: 'by_name', label: 'Name', field: 'industry', operator: '>=', values: [1], kind: 'required' },
        {
          id: 'no_points',
          label: 'Country',
          field: 'country',
          operator: 'in',
          values: ['XX'],
          kind: 'weighted',
        },
      );
      a.temperature.sales = { hotUnderMonths: 12, coldOverMonths: 6 };
      a.sla.minAttempts = 1;
      a.sla.minChannels = 3;
      a.sla.businessHours.mon = { open: '17:00', close: '09:00' };
      a.sla.businessHours.tue = [
        { open: '09:00', close: '13:00' },
        { open: '12:00', close: '17:00' },
      ];
      a.sla.holidays = ['2026-12-25', '2026-12-25'];
      const [reason] = a.rejectionReasons;
      if (reason)
        a.rejectionReasons.push({
          ...reason,
          code: 'no_criterion',
          criterion: null,
          hardDisqualifier: false,
        });
      a.goals.currency = 'zł';
    });
    const { pl } = await refusedInBoth(
      (headers) => call('PUT', '/v1/agreement/draft', { token: ws.tokens.marketing, json: broken, headers }),
      422,
    );
    expect((pl.errors ?? []).length).toBeGreaterThanOrEqual(10);
    await refusedInBoth(
      (headers) => call('PATCH', '/v1/agreement/draft', { token: ws.tokens.marketing, json: {}, headers }),
      422,
    );
  });

  it('should refuse a stale draft, a diff of version 1 and a review ahead of time in Polish', async () => {
    const ws = await createSigningWorkspace({ language: 'pl' });
    const draft = await readDraft(ws.tokens.marketing);
    expect((await putDraft(ws.tokens.marketing, draft.content, draft.etag)).status).toBe(200);
    await refusedInBoth(
      (headers) =>
        call('PUT', '/v1/agreement/draft', {
          token: ws.tokens.marketing,
          json: draft.content,
          headers: { 'if-match': draft.etag, ...headers },
        }),
      412,
    );
    await activateDraft(ws);
    await refusedInBoth(
      (headers) => call('GET', '/v1/agreement/versions/1/diff', { token: ws.tokens.viewer, headers }),
      422,
    );
    await refusedInBoth(
      (headers) => call('POST', '/v1/agreement/draft/propose', { token: ws.tokens.marketing, headers }),
      409,
    );
    await refusedInBoth(
      (headers) =>
        call('POST', '/v1/persona/reviews', {
          token: ws.tokens.manager,
          json: { reviewedOn: '2099-01-01', fromSales: 'Ceny', fromMarketing: 'Formularze', changes: 'Brak' },
          headers,
        }),
      422,
    );
  });
});

describe('lead action refusals in Polish', () => {
  it('should refuse callers, assignees, reasons, feedback and times in Polish', {
    timeout: 30_000,
  }, async () => {
    const ws = await signStarterAgreement(await createTestWorkspace({ language: 'pl' }));
    const { leadId } = await createMql(ws);
    const anna = await addMember(ws, 'sales', { name: 'Anna' });
    const idle = await addMember(ws, 'sales', { name: 'Idle', active: false });
    const send = (token: string, json: Record<string, unknown>) => (headers: Record<string, string>) =>
      call('POST', `/v1/leads/${leadId}/actions`, { token, json, headers });
    await refusedInBoth(send(ws.tokens.marketing, { type: 'accept' }), 403);
    await refusedInBoth(
      send(ws.tokens.marketing, { type: 'attempt', channel: 'phone', outcome: 'no_answer' }),
      403,
    );
    await refusedInBoth(send(anna.token, { type: 'accept' }), 403);
    await refusedInBoth(send(ws.tokens.manager, { type: 'assign', memberId: idle.memberId }), 422);
    await refusedInBoth(
      send(ws.tokens.manager, { type: 'assign', memberId: ws.signers.marketing.memberId }),
      422,
    );
    await refusedInBoth(send(ws.tokens.manager, { type: 'assign', memberId: 'mem_nobody' }), 422);
    await refusedInBoth(send(ws.tokens.manager, { type: 'reject', reasons: ['made_up'] }), 422);
    await refusedInBoth(send(ws.tokens.manager, { type: 'reject', reasons: [] }), 422);
    await refusedInBoth(send(ws.tokens.manager, { type: 'feedback', answers: { made_up: 'x' } }), 422);
    await refusedInBoth(
      send(ws.tokens.manager, { type: 'accept', occurredAt: '2099-01-01T00:00:00Z', note: 'x'.repeat(4001) }),
      422,
    );
    await refusedInBoth(send(ws.tokens.manager, { type: 'accept', occurredAt: '2099-01-01T00:00:00Z' }), 422);
    await refusedInBoth(send(ws.tokens.manager, { type: 'accept', occurredAt: '2001-01-01T00:00:00Z' }), 422);
    await refusedInBoth(
      (headers) =>
        call('POST', `/v1/leads/${leadId}/actions`, {
          token: ws.tokens.manager,
          json: { type: 'accept' },
          headers: { 'if-match': '"lead-0"', ...headers },
        }),
      412,
    );
    await actOk(ws.signers.sales.token, leadId, { type: 'accept' });
    await refusedInBoth(send(ws.tokens.manager, { type: 'qualify', answers: { made_up: true } }), 422);
  });
});

describe('SLA and channel refusals in Polish', () => {
  it('should refuse a week that does not exist and channel URLs that cannot receive, in Polish', async () => {
    const ws = await createTestWorkspace({ language: 'pl' });
    await refusedInBoth(
      (headers) => call('GET', '/v1/agenda?week=2026-48', { token: ws.tokens.viewer, headers }),
      422,
    );
    await refusedInBoth(
      (headers) => call('GET', '/v1/agenda?week=2027-W53', { token: ws.tokens.viewer, headers }),
      422,
    );
    const channel = (json: Record<string, unknown>) => (headers: Record<string, string>) =>
      call('POST', '/v1/notification-channels', { token: ws.tokens.admin, json, headers });
    await refusedInBoth(
      channel({ kind: 'slack', name: 'Sales', url: 'http://hooks.slack.com/services/x' }),
      422,
    );
    await refusedInBoth(channel({ kind: 'slack', name: 'Sales', url: 'https://example.com/x' }), 422);
    await refusedInBoth(channel({ kind: 'google_chat', name: 'Sales', url: 'https://example.com/x' }), 422);
    await refusedInBoth(channel({ kind: 'generic', name: 'Sales', url: 'https://u:p@example.com/x' }), 422);
    await refusedInBoth(channel({ kind: 'generic', name: 'Sales', url: 'not a url' }), 422);
    await refusedInBoth(
      channel({ kind: 'generic', name: 'Sales', url: 'https://example.com/x', memberId: 'mem_nobody' }),
      422,
    );
  });
});

describe('member, campaign and routing refusals in Polish', () => {
  it('should refuse a taken e-mail, an empty change, a campaign ending before it starts and routing to marketing, in Polish', async () => {
    const ws = await createSigningWorkspace({ language: 'pl' });
    const member = { name: 'Anna', email: 'anna@acme.pl', side: 'sales' };
    expect((await call('POST', '/v1/members', { token: ws.tokens.admin, json: member })).status).toBe(201);
    await refusedInBoth(
      (headers) => call('POST', '/v1/members', { token: ws.tokens.admin, json: member, headers }),
      409,
    );
    await refusedInBoth(
      (headers) =>
        call('PATCH', `/v1/members/${ws.signers.sales.memberId}`, {
          token: ws.tokens.admin,
          json: {},
          headers,
        }),
      422,
    );
    await refusedInBoth(
      (headers) =>
        call('PUT', '/v1/routing', {
          token: ws.tokens.admin,
          json: {
            rules: [
              { id: 'pl', field: 'country', values: ['PL'], memberIds: [ws.signers.marketing.memberId] },
            ],
          },
          headers,
        }),
      422,
    );
  });
});

describe('schema and refusal texts written for one endpoint, in Polish and Russian', () => {
  it('should refuse funnel inputs with the plan’s own words: rates, money, periods, history', async () => {
    const ws = await createTestWorkspace({ language: 'pl' });
    const compute = (json: unknown) => (headers: Record<string, string>) =>
      call('POST', '/v1/funnel/compute', { token: ws.tokens.manager, json, headers });
    const first = await refusedInPlAndRu(
      compute({ revenueTarget: -5, averageDealSize: 'x', rates: { mql_sql: 2 } }),
      422,
    );
    expect(messagesOf(first.pl)).toEqual({
      revenueTarget: 'Musi być większe od 0.',
      averageDealSize: 'Musi być liczbą.',
      'rates.mql_sql': 'Musi być współczynnikiem konwersji większym od 0 i najwyżej 1 (0,25 oznacza 25%).',
    });
    expect(messagesOf(first.ru)['rates.mql_sql']).toBe(
      'Должно быть коэффициентом конверсии больше 0 и не больше 1 (0,25 — это 25%).',
    );
    const second = await refusedInPlAndRu(
      compute({ revenueTarget: 1e16, averageDealSize: 10, marketingBudget: -1 }),
      422,
    );
    expect(messagesOf(second.pl)).toEqual({
      revenueTarget: 'Musi wynosić najwyżej 10^15.',
      marketingBudget: 'Musi wynosić 0 lub więcej.',
    });
    const third = await refusedInPlAndRu(
      compute({
        revenueTarget: 1e14,
        averageDealSize: 1,
        period: { start: '2026-01-01', end: '2040-01-01' },
      }),
      422,
    );
    expect(third.pl.detail).toBe('Nie da się obliczyć planu.');
    expect(messagesOf(third.pl)['period.end']).toBe('Najdłuższy okres w dniach: 3660.');
    expect(messagesOf(third.ru)['period.end']).toBe('Наибольшая длина периода в днях: 3660.');
    expect(messagesOf(third.pl).revenueTarget).toMatch(/^Plan wymagałby więcej leadów niż 1000000000;/);
    const backwards = await refusedInPlAndRu(
      compute({
        revenueTarget: 1000,
        averageDealSize: 10,
        period: { start: '2026-02-01', end: '2026-01-01' },
      }),
      422,
    );
    expect(messagesOf(backwards.pl)['period.end']).toBe('Musi być późniejsze niż period.start.');
    const plan = (period: string, json: unknown) => (headers: Record<string, string>) =>
      call('PUT', `/v1/funnel/plans/${period}`, { token: ws.tokens.manager, json, headers });
    const key = await refusedInPlAndRu(
      plan('2026-13', { revenueTarget: 100000, averageDealSize: 1000 }),
      422,
    );
    expect(messagesOf(key.pl)['param.period']).toBe(
      'Musi być rokiem (2026), kwartałem (2026-Q1) albo miesiącem (2026-03), od 2000 do 2099.',
    );
    const history = await refusedInPlAndRu(
      plan('2026', { revenueTarget: 100000, averageDealSize: 1000, rates: { lead_mql: 'history' } }),
      422,
    );
    expect(history.pl.detail).toBe('Własnego współczynnika zespołu nie da się jeszcze obliczyć.');
    expect(messagesOf(history.pl)['rates.lead_mql']).toMatch(/^Za mało historii: w ostatnich 365 dniach/);
    expect(messagesOf(history.ru)['rates.lead_mql']).toMatch(/^Недостаточно истории: за последние 365 дней/);
  });

  it('should refuse report spans and touches in the team’s words', async () => {
    const ws = await createTestWorkspace({ language: 'pl' });
    const report = (query: string) => (headers: Record<string, string>) =>
      call('GET', `/v1/reports?${query}`, { token: ws.tokens.viewer, headers });
    const half = await refusedInPlAndRu(report('from=2026-03-01'), 422);
    expect(messagesOf(half.pl)['query.to']).toBe(
      'Podaj oba pola, from i to, albo żadnego (bieżący miesiąc).',
    );
    const backwards = await refusedInPlAndRu(report('from=2026-03-10&to=2026-03-01'), 422);
    expect(messagesOf(backwards.pl)['query.to']).toBe('Musi przypadać w dniu from lub później.');
    const long = await refusedInPlAndRu(report('from=2020-01-01&to=2026-03-01'), 422);
    expect(messagesOf(long.ru)['query.to']).toBe(
      'Наибольшая длина отчёта в днях: 731; разбейте более длинные периоды.',
    );
    const touches = (events: unknown[]) => (headers: Record<string, string>) =>
      call('POST', '/v1/events', { token: ws.tokens.marketing, json: { events }, headers });
    const bad = await refusedInPlAndRu(
      touches([
        { email: 'a@stalmet.pl', leadId: 'ld_x', type: 'page_view', url: 'nope', occurredAt: 'wczoraj' },
      ]),
      422,
    );
    expect(messagesOf(bad.pl)).toEqual({
      'events[0].url': 'Musi być pełnym adresem URL.',
      'events[0].occurredAt': 'Musi być datą i godziną ISO 8601.',
      'events[0].email': 'Wskaż osobę dokładnie jednym polem: email albo leadId.',
    });
    const touch = { email: 'a@stalmet.pl', type: 'page_view', occurredAt: '2026-01-01T00:00:00Z' };
    const many = await refusedInPlAndRu(touches(Array.from({ length: 101 }, () => touch)), 422);
    expect(messagesOf(many.pl).events).toBe('Największa liczba interakcji w jednym żądaniu: 100.');
  });

  it('should refuse a sheet connection, snapshot and page cursors, a hash and an unknown field in the team’s words', async () => {
    const ws = await createSigningWorkspace({ language: 'pl' });
    const connect = await refusedInPlAndRu(
      (headers) =>
        call('PUT', '/v1/sheet/connection', {
          token: ws.tokens.admin,
          json: {
            spreadsheetId: 'https://docs.google.com/spreadsheets/d/abc/edit',
            serviceAccount: { type: 'authorized_user', client_email: 'x', private_key: 'y' },
          },
          headers,
        }),
      422,
    );
    expect(messagesOf(connect.pl)).toEqual({
      spreadsheetId: 'Musi być identyfikatorem z adresu arkusza (/spreadsheets/d/<id>/edit).',
      'serviceAccount.type': 'Musi być kluczem konta usługi ("type": "service_account").',
      'serviceAccount.client_email': 'Musi być adresem e-mail konta usługi.',
      'serviceAccount.private_key': 'Musi być kluczem prywatnym PEM z pliku klucza JSON.',
    });
    const none = await refusedInPlAndRu(
      (headers) => call('DELETE', '/v1/sheet/connection', { token: ws.tokens.admin, headers }),
      404,
    );
    expect(none.pl.detail).toBe('Nie znaleziono w tym obszarze roboczym: połączenie z arkuszem.');
    const snapshot = await refusedInPlAndRu(
      (headers) => call('GET', '/v1/sheet/snapshot?known=x&since=y', { token: ws.tokens.viewer, headers }),
      422,
    );
    expect(messagesOf(snapshot.pl)['query.since']).toBe(
      'Przekaż leads.cursor z poprzedniej odpowiedzi bez zmian.',
    );
    const cursor = await refusedInPlAndRu(
      (headers) => call('GET', '/v1/sla?cursor=nope', { token: ws.tokens.viewer, headers }),
      422,
    );
    expect(cursor.pl.detail).toBe('Tego kursora nie wydało to API.');
    const hash = await refusedInPlAndRu(
      (headers) =>
        call('POST', '/v1/agreement/versions/1/signatures', {
          token: ws.signers.sales.token,
          json: { hash: 'xyz' },
          headers,
        }),
      422,
    );
    expect(messagesOf(hash.pl).hash).toBe('Musi być skrótem SHA-256 wersji (64 znaki szesnastkowe).');
    const unknown = await refusedInPlAndRu(
      (headers) =>
        call('POST', '/v1/members', {
          token: ws.tokens.admin,
          json: { name: 'Anna', email: 'anna@acme.pl', side: 'sales', isAdmin: true },
          headers,
        }),
      422,
    );
    expect(messagesOf(unknown.pl).isAdmin).toBe(
      'Nieznane pole: to API przyjmuje tylko pola opisane w dokumentacji.',
    );
    const campaign = await refusedInPlAndRu(
      (headers) =>
        call('POST', '/v1/campaigns', {
          token: ws.tokens.marketing,
          json: {
            name: 'Targi',
            channel: 'event',
            startsOn: '2026-1-1',
            contentLinks: [{ label: 'Strona', url: 'ftp://targi.pl' }],
          },
          headers,
        }),
      422,
    );
    expect(messagesOf(campaign.pl)).toEqual({
      startsOn: 'Musi być datą RRRR-MM-DD.',
      'contentLinks[0].url': 'Musi być adresem URL http(s).',
    });
  });

  it('should refuse a new workspace’s time zone and country in the language the request asks for', async () => {
    const { pl, ru } = await refusedInPlAndRu(
      (headers) =>
        call('POST', '/v1/workspaces', {
          token: ADMIN_SECRET,
          json: { name: 'Acme', timezone: 'Mars/Base', language: 'pl', country: 'XX' },
          headers,
        }),
      422,
    );
    expect(messagesOf(pl)).toEqual({
      timezone: 'Musi być strefą czasową IANA, np. Europe/Warsaw.',
      country: 'Musi być kodem kraju ISO 3166-1 alfa-2, np. PL.',
    });
    expect(messagesOf(ru).timezone).toBe('Должно быть часовым поясом IANA, например Europe/Warsaw.');
  });
});
