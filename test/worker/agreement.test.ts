import { describe, expect, it } from 'vitest';
import { databaseFor } from '../../worker/db/client';
import { getActiveAgreement, getAgreementContent } from '../../worker/db/queries/agreement';
import type {
  Agreement,
  AgreementDraft,
  AgreementVersion,
  PersonaReview,
  VersionSummary,
} from '../../worker/domain/agreement';
import { getPersonaReviewStatus } from '../../worker/services/agreement';
import {
  activateDraft,
  createSigningWorkspace,
  edit,
  propose,
  putDraft,
  readDraft,
  type SigningWorkspace,
  sign,
} from './agreement-fixtures';
import { call, createTestWorkspace, env, expectProblem } from './harness';

interface Overview {
  enforced: boolean;
  notice: string;
  active: AgreementVersion | null;
  pending: AgreementVersion | null;
  draft: AgreementDraft;
}

async function overview(token: string): Promise<Overview> {
  const res = await call('GET', '/v1/agreement', { token });
  expect(res.status).toBe(200);
  return (await res.json()) as Overview;
}

/** An agreement that differs from the starter in every section and uses every optional shape. */
function customised(base: Agreement, guardianMemberId: string): Agreement {
  return edit(base, (a) => {
    a.title = 'Acme marketing–sales agreement 2027';
    a.glossary.terms.push({
      key: 'icp_account',
      term: 'ICP account',
      definition: 'A company matching every required ICP criterion.',
      examples: ['Acme Steel'],
    });
    a.glossary.leadExamples.isNot.push('A partner asking for a referral fee');
    a.icp.summary = 'Manufacturers of 50+ people in Poland and Romania.';
    a.icp.criteria = [
      {
        id: 'size',
        label: 'At least 50 employees',
        field: 'employees',
        operator: '>=',
        values: [50],
        kind: 'required',
      },
      {
        id: 'small_enough',
        label: 'At most 5,000 employees',
        field: 'employees',
        operator: '<=',
        values: [5000],
        kind: 'weighted',
        points: 5,
      },
      {
        id: 'markets',
        label: 'Poland or Romania',
        field: 'country',
        operator: 'in',
        values: ['PL', 'RO'],
        kind: 'required',
      },
      {
        id: 'not_gambling',
        label: 'Not gambling',
        field: 'industry',
        operator: 'not_in',
        values: ['Gambling'],
        kind: 'weighted',
        points: 3,
      },
      {
        id: 'senior',
        label: 'Director or above',
        field: 'seniority',
        operator: 'in',
        values: ['owner', 'c_level', 'vp', 'director'],
        kind: 'weighted',
        points: 10,
      },
      {
        id: 'it_dept',
        label: 'Works in IT',
        field: 'department',
        operator: 'matches',
        values: ['^it$|informat'],
        kind: 'weighted',
        points: 4,
      },
      {
        id: 'phone',
        label: 'Phone given',
        field: 'hasPhone',
        operator: 'in',
        values: [true],
        kind: 'weighted',
        points: 2,
      },
      {
        id: 'work_mail',
        label: 'Work e-mail',
        field: 'emailDomainType',
        operator: 'not_in',
        values: ['free'],
        kind: 'weighted',
        points: 2,
      },
      {
        id: 'domain',
        label: 'Known domain',
        field: 'companyDomain',
        operator: 'present',
        values: [],
        kind: 'weighted',
        points: 1,
      },
      {
        id: 'from_form',
        label: 'Came from the contact form',
        field: 'source',
        operator: 'in',
        values: ['Contact form'],
        kind: 'weighted',
        points: 6,
      },
      {
        id: 'title_buyer',
        label: 'Buyer in title',
        field: 'title',
        operator: 'matches',
        values: ['buyer|procurement'],
        kind: 'weighted',
        points: 3,
      },
    ];
    a.leadDefinition = {
      summary: 'Only explicit requests.',
      consentRequired: false,
      sources: [
        {
          key: 'trade_fair',
          label: 'Trade fair scan',
          creates: 'lead',
          note: 'Badge scan with a signed card.',
        },
      ],
    };
    a.temperature.sales = { hotUnderMonths: 3, coldOverMonths: 9 };
    a.temperature.marketing = [
      { temperature: 'hot', label: 'Asked for pricing twice', when: [{ touch: 'pricing_view', atLeast: 2 }] },
    ];
    a.scoring.fit.roles = [
      { id: 'cfo', label: 'CFO', field: 'title', operator: 'matches', values: ['\\bCFO\\b'], points: 12 },
    ];
    a.scoring.engagement = {
      points: { pricing_view: 12, meeting: 30 },
      pages: [{ urlContains: '/case-studies', points: 4 }],
      halfLifeDays: 14.5,
    };
    a.scoring.thresholds = { fit: 25, engagement: 15.5 };
    a.mql = {
      summary: 'Fit and engaged.',
      requireConsent: true,
      requireIcp: true,
      requiredFields: ['hasPhone', 'companyDomain'],
      minFit: 20,
      minEngagement: 10,
      quadrants: ['perfect', 'engaged'],
    };
    a.sqlCriteria = [
      { code: 'need', label: 'Need', required: true },
      { code: 'budget', label: 'Budget', description: 'Approved budget line.', required: true },
    ];
    a.rejectionReasons = [
      {
        code: 'no_need',
        label: 'No need',
        criterion: 'need',
        hardDisqualifier: false,
        destination: 'nurture',
      },
      {
        code: 'no_budget',
        label: 'No budget',
        criterion: 'budget',
        hardDisqualifier: false,
        destination: 'nurture',
      },
      {
        code: 'fraud',
        label: 'Fraud',
        criterion: 'budget',
        hardDisqualifier: true,
        destination: 'disqualified',
      },
      { code: 'spam', label: 'Spam', criterion: null, hardDisqualifier: true, destination: 'disqualified' },
    ];
    a.sla = {
      timezone: 'America/New_York',
      businessHours: {
        mon: [
          { open: '08:00', close: '12:00' },
          { open: '13:00', close: '17:30' },
        ],
        tue: { open: '08:00', close: '17:30' },
        wed: { open: '08:00', close: '17:30' },
        thu: { open: '08:00', close: '17:30' },
        fri: { open: '08:00', close: '14:00' },
        sat: { open: '10:00', close: '24:00' },
        sun: null,
      },
      holidays: ['2026-12-25', '2027-01-01'],
      firstTouchHours: { perfect: 0.5, engaged: 2, fit: 6, low: 16 },
      minAttempts: 4,
      minChannels: 3,
      attemptWindowDays: 7,
      decisionDays: 14,
    };
    a.goals = {
      period: 'year',
      currency: 'PLN',
      shared: { revenue: 1_000_000, note: 'One million.' },
      marketing: { sqls: 100, sourcedRevenue: 400_000, note: 'SQLs.' },
      sales: { closedRevenue: 1_000_000, note: 'Deals.' },
      rewards: 'Shared bonus pool.',
    };
    a.meetings = {
      weekly: { day: 'thu', time: '09:30', durationMinutes: 30, agenda: ['Breaches'] },
      managementReview: { everyMonths: 3, dayOfMonth: 10, time: '15:00', agenda: [] },
      agreementReviewEveryMonths: 12,
    };
    a.reporting = { cadence: 'quarterly', includes: ['won', 'sla_compliance'], weeklyAgenda: false };
    a.persona = {
      segments: [{ name: 'Steel', description: 'Steel mills.' }],
      roles: [{ name: 'Plant manager', problems: ['Downtime'], challenges: [] }],
      values: ['Uptime'],
      guardianMemberId,
      reviewEveryMonths: 6,
      lastReviewedOn: '2026-01-15',
    };
    a.feedback = {
      questions: [{ id: 'quality', question: 'Was it a real buyer?', answer: 'yes_no', required: true }],
    };
    a.signers = { marketing: true, sales: true, management: true };
  });
}

describe('the starter agreement', () => {
  it.each([
    ['en', 'Europe/Warsaw', 'PL', 'Service level agreement between marketing and sales'],
    ['pl', 'Europe/Warsaw', 'PL', 'Umowa SLA — umowa współpracy marketingu i sprzedaży'],
    ['ro', 'Europe/Bucharest', 'RO', 'Acord SLA (acord privind serviciile) între marketing și vânzări'],
    ['ru', 'Europe/Moscow', 'RU', 'Соглашение об уровне сервиса (SLA) между продажами и маркетингом'],
  ])(
    'should give a new %s workspace its starter draft in its language and time zone',
    async (language, timezone, country, title) => {
      const ws = await createTestWorkspace({ language, timezone, country });
      const view = await overview(ws.tokens.viewer);
      expect(view.active).toBeNull();
      expect(view.pending).toBeNull();
      expect(view.enforced).toBe(false);
      // The notice is said in the workspace's language; asked for English, every workspace reads the same words.
      const asked = await call('GET', '/v1/agreement', {
        token: ws.tokens.viewer,
        headers: { 'accept-language': 'en' },
      });
      expect(((await asked.json()) as Overview).notice).toMatch(/no SLA clock starts/);
      expect(view.notice.length).toBeGreaterThan(0);
      const { content } = view.draft;
      expect(content.language).toBe(language);
      expect(content.title).toBe(title);
      expect(content.sla.timezone).toBe(timezone);
      expect(content.icp.criteria.find((c) => c.field === 'country')?.values).toEqual([country]);
      expect(content.icp.criteria.every((c) => c.kind === 'weighted')).toBe(true);
      expect(content.mql).toMatchObject({
        requireConsent: true,
        requiredFields: ['hasPhone'],
        minFit: null,
        minEngagement: null,
      });
      expect(content.sla.firstTouchHours).toEqual({ perfect: 1, engaged: 4, fit: 8, low: 24 });
      expect(view.draft.etag).toBe('"draft-1"');
    },
  );

  it('should store the draft in the same batch as the workspace', async () => {
    const ws = await createTestWorkspace();
    const row = await env.DB.prepare(
      'select revision, based_on_version from agreement_drafts where workspace_id = ?',
    )
      .bind(ws.id)
      .first();
    expect(row).toEqual({ revision: 1, based_on_version: null });
  });

  it('should serve each template with the workspace time zone', async () => {
    const ws = await createTestWorkspace({ timezone: 'Europe/Bucharest', country: 'RO' });
    for (const language of ['en', 'pl', 'ro', 'ru']) {
      const res = await call('GET', `/v1/agreement/templates/${language}`, { token: ws.tokens.viewer });
      expect(res.status).toBe(200);
      const content = (await res.json()) as Agreement;
      expect(content.language).toBe(language);
      expect(content.sla.timezone).toBe('Europe/Bucharest');
    }
    await expectProblem(await call('GET', '/v1/agreement/templates/de', { token: ws.tokens.viewer }), 422);
  });
});

describe('editing the draft', () => {
  it('should round-trip every section through PUT', async () => {
    const ws = await createSigningWorkspace();
    const draft = await readDraft(ws.tokens.marketing);
    const content = customised(draft.content, ws.signers.marketing.memberId);
    const res = await putDraft(ws.tokens.marketing, content, draft.etag);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('etag')).toBe('"draft-2"');
    const saved = await readDraft(ws.tokens.viewer);
    expect(saved.content).toEqual(content);
    expect(saved.revision).toBe(2);
  });

  it.each([
    'glossary',
    'icp',
    'leadDefinition',
    'temperature',
    'scoring',
    'mql',
    'sqlCriteria',
    'rejectionReasons',
    'sla',
    'goals',
    'meetings',
    'reporting',
    'persona',
    'feedback',
    'signers',
    'title',
  ] as const)('should round-trip the %s section through PATCH alone', async (section) => {
    const ws = await createSigningWorkspace();
    const draft = await readDraft(ws.tokens.sales);
    const target = customised(draft.content, ws.signers.sales.memberId);
    // Sections that reference each other travel together, as a client editing one tab would send them.
    const patch: Partial<Agreement> =
      section === 'rejectionReasons' || section === 'sqlCriteria'
        ? { sqlCriteria: target.sqlCriteria, rejectionReasons: target.rejectionReasons }
        : { [section]: target[section] };
    const res = await call('PATCH', '/v1/agreement/draft', {
      token: ws.tokens.sales,
      json: patch,
      headers: { 'if-match': draft.etag },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const saved = await readDraft(ws.tokens.viewer);
    expect(saved.content[section]).toEqual(target[section]);
    const untouched = Object.keys(draft.content).filter((k) => !(k in patch)) as (keyof Agreement)[];
    for (const key of untouched) expect(saved.content[key]).toEqual(draft.content[key]);
  });

  it('should answer 412 to a stale If-Match and change nothing', async () => {
    const ws = await createTestWorkspace();
    const first = await readDraft(ws.tokens.marketing);
    const mine = edit(first.content, (a) => {
      a.sla.decisionDays = 7;
    });
    const theirs = edit(first.content, (a) => {
      a.sla.decisionDays = 12;
    });
    expect((await putDraft(ws.tokens.sales, theirs, first.etag)).status).toBe(200);
    await expectProblem(await putDraft(ws.tokens.marketing, mine, first.etag), 412);
    await expectProblem(
      await call('PATCH', '/v1/agreement/draft', {
        token: ws.tokens.marketing,
        json: { sla: mine.sla },
        headers: { 'if-match': first.etag },
      }),
      412,
    );
    await expectProblem(
      await call('POST', '/v1/agreement/draft/propose', {
        token: ws.tokens.marketing,
        headers: { 'if-match': first.etag },
      }),
      412,
    );
    await expectProblem(await putDraft(ws.tokens.marketing, mine, 'W/"draft-2"'), 412);
    const now = await readDraft(ws.tokens.viewer);
    expect(now.content.sla.decisionDays).toBe(12);
    expect(now.revision).toBe(2);
    expect(
      (await call('GET', '/v1/agreement/versions', { token: ws.tokens.viewer }).then((r) =>
        r.json(),
      )) as unknown,
    ).toEqual({ data: [] });
  });

  it('should accept If-Match: * and a write without If-Match', async () => {
    const ws = await createTestWorkspace();
    const draft = await readDraft(ws.tokens.marketing);
    expect((await putDraft(ws.tokens.marketing, draft.content, '*')).status).toBe(200);
    expect((await putDraft(ws.tokens.marketing, draft.content)).status).toBe(200);
    expect((await readDraft(ws.tokens.viewer)).revision).toBe(3);
  });

  it('should answer 400 to malformed JSON', async () => {
    const ws = await createTestWorkspace();
    const res = await call('PUT', '/v1/agreement/draft', {
      token: ws.tokens.marketing,
      body: '{"title":',
      headers: { 'content-type': 'application/json' },
    });
    await expectProblem(res, 400);
  });
});

type Mutation = (a: Agreement & Record<string, unknown>) => void;

const BAD_INPUT: [string, string, Mutation][] = [
  [
    'an invalid IANA time zone',
    'sla.timezone',
    (a) => {
      a.sla.timezone = 'Mars/Olympus';
    },
  ],
  [
    'a time zone that is not IANA',
    'sla.timezone',
    (a) => {
      a.sla.timezone = 'CET+1';
    },
  ],
  [
    'inverted business hours',
    'sla.businessHours.mon.close',
    (a) => {
      a.sla.businessHours.mon = { open: '17:00', close: '09:00' };
    },
  ],
  [
    'overlapping business hours',
    'sla.businessHours.tue[1]',
    (a) => {
      a.sla.businessHours.tue = [
        { open: '09:00', close: '13:00' },
        { open: '12:30', close: '17:00' },
      ];
    },
  ],
  [
    'a malformed opening time',
    'sla.businessHours.wed.open',
    (a) => {
      a.sla.businessHours.wed = { open: '9am', close: '17:00' };
    },
  ],
  [
    'a week with no business hours',
    'sla.businessHours',
    (a) => {
      a.sla.businessHours = {
        mon: null,
        tue: null,
        wed: null,
        thu: null,
        fri: null,
        sat: null,
        sun: null,
      };
    },
  ],
  [
    'a zero first-touch deadline',
    'sla.firstTouchHours.perfect',
    (a) => {
      a.sla.firstTouchHours.perfect = 0;
    },
  ],
  [
    'a negative first-touch deadline',
    'sla.firstTouchHours.low',
    (a) => {
      a.sla.firstTouchHours.low = -4;
    },
  ],
  [
    'zero attempts',
    'sla.minAttempts',
    (a) => {
      a.sla.minAttempts = 0;
    },
  ],
  [
    'zero channels',
    'sla.minChannels',
    (a) => {
      a.sla.minChannels = 0;
    },
  ],
  [
    'fractional attempts',
    'sla.minAttempts',
    (a) => {
      a.sla.minAttempts = 2.5;
    },
  ],
  [
    'a zero attempt window',
    'sla.attemptWindowDays',
    (a) => {
      a.sla.attemptWindowDays = 0;
    },
  ],
  [
    'a negative decision deadline',
    'sla.decisionDays',
    (a) => {
      a.sla.decisionDays = -1;
    },
  ],
  [
    'more channels than attempts',
    'sla.minChannels',
    (a) => {
      a.sla.minAttempts = 1;
      a.sla.minChannels = 2;
    },
  ],
  [
    'a malformed holiday',
    'sla.holidays[0]',
    (a) => {
      a.sla.holidays = ['2026-02-30'];
    },
  ],
  [
    'an unknown lead field',
    'icp.criteria[0].field',
    (a) => {
      a.icp.criteria[0] = {
        id: 'mood',
        label: 'Happy',
        field: 'mood' as never,
        operator: 'in',
        values: ['happy'],
        kind: 'required',
      };
    },
  ],
  [
    'a free-text criterion',
    'icp.criteria[1]',
    (a) => {
      a.icp.criteria[1] = 'a client who wants to buy' as never;
    },
  ],
  [
    'a criterion with only words',
    'icp.criteria[2].field',
    (a) => {
      a.icp.criteria[2] = {
        id: 'buyer',
        label: 'a client who wants to buy',
        kind: 'required',
      } as never;
    },
  ],
  [
    'an operator that does not fit the field',
    'icp.criteria[0].operator',
    (a) => {
      a.icp.criteria[0] = {
        id: 'ind',
        label: 'Big industry',
        field: 'industry',
        operator: '>=',
        values: [5],
        kind: 'required',
      };
    },
  ],
  [
    'an inverted between',
    'icp.criteria[0].values',
    (a) => {
      a.icp.criteria[0] = {
        id: 'size',
        label: 'Size',
        field: 'employees',
        operator: 'between',
        values: [500, 50],
        kind: 'weighted',
        points: 5,
      };
    },
  ],
  [
    'an unknown country code',
    'icp.criteria[0].values[0]',
    (a) => {
      a.icp.criteria[0] = {
        id: 'c',
        label: 'Country',
        field: 'country',
        operator: 'in',
        values: ['XX'],
        kind: 'required',
      };
    },
  ],
  [
    'a broken regular expression',
    'icp.criteria[0].values[0]',
    (a) => {
      a.icp.criteria[0] = {
        id: 't',
        label: 'Title',
        field: 'title',
        operator: 'matches',
        values: ['(ceo'],
        kind: 'required',
      };
    },
  ],
  [
    'a weighted criterion without points',
    'icp.criteria[0].points',
    (a) => {
      a.icp.criteria[0] = {
        id: 'p',
        label: 'Phone',
        field: 'hasPhone',
        operator: 'present',
        values: [],
        kind: 'weighted',
      };
    },
  ],
  [
    'duplicate criterion ids',
    'icp.criteria[1].id',
    (a) => {
      (a.icp.criteria[1] as { id: string }).id = a.icp.criteria[0]?.id ?? '';
    },
  ],
  [
    'duplicate reason codes',
    'rejectionReasons[1].code',
    (a) => {
      (a.rejectionReasons[1] as { code: string }).code = a.rejectionReasons[0]?.code ?? '';
    },
  ],
  [
    'a rejection reason pointing to no criterion',
    'rejectionReasons[0].criterion',
    (a) => {
      (a.rejectionReasons[0] as { criterion: string | null }).criterion = 'weird_voice';
    },
  ],
  [
    'a rejection reason with neither criterion nor hard disqualifier',
    'rejectionReasons[0].criterion',
    (a) => {
      (a.rejectionReasons[0] as { criterion: string | null }).criterion = null;
    },
  ],
  [
    'a glossary without SQL',
    'glossary.terms',
    (a) => {
      a.glossary.terms = a.glossary.terms.filter((t) => t.key !== 'sql');
    },
  ],
  [
    'marketing not signing',
    'signers.marketing',
    (a) => {
      (a.signers as { marketing: boolean }).marketing = false;
    },
  ],
  [
    'an unknown section',
    'notes',
    (a) => {
      a.notes = 'free text';
    },
  ],
  [
    'an inverted sales temperature',
    'temperature.sales.coldOverMonths',
    (a) => {
      a.temperature.sales = { hotUnderMonths: 12, coldOverMonths: 6 };
    },
  ],
];

describe('bad input', () => {
  let shared:
    | Promise<{ ws: Awaited<ReturnType<typeof createTestWorkspace>>; draft: AgreementDraft }>
    | undefined;
  const fixture = () => {
    shared ??= createTestWorkspace().then(async (ws) => ({ ws, draft: await readDraft(ws.tokens.admin) }));
    return shared;
  };

  it.each(BAD_INPUT)('should refuse %s naming %s, and save nothing (PUT)', async (_name, path, mutate) => {
    const { ws, draft } = await fixture();
    const bad = edit(draft.content, mutate as (a: Agreement) => void);
    const problem = await expectProblem(await putDraft(ws.tokens.admin, bad, draft.etag), 422);
    expect((problem.errors as { path: string }[]).map((e) => e.path)).toContain(path);
    const after = await readDraft(ws.tokens.viewer);
    expect(after.revision).toBe(draft.revision);
    expect(after.content).toEqual(draft.content);
  });

  it.each(BAD_INPUT.filter(([, path]) => path !== 'notes'))(
    'should refuse %s naming %s, and save nothing (PATCH)',
    async (_name, path, mutate) => {
      const { ws, draft } = await fixture();
      const bad = edit(draft.content, mutate as (a: Agreement) => void);
      const section = path.split(/[.[]/)[0] as keyof Agreement;
      const res = await call('PATCH', '/v1/agreement/draft', {
        token: ws.tokens.admin,
        json: { [section]: bad[section] },
        headers: { 'if-match': draft.etag },
      });
      const problem = await expectProblem(res, 422);
      expect((problem.errors as { path: string }[]).map((e) => e.path)).toContain(path);
      expect((await readDraft(ws.tokens.viewer)).revision).toBe(draft.revision);
    },
  );

  it('should refuse a persona guardian who is not a member of the workspace', async () => {
    const [a, b] = await Promise.all([createSigningWorkspace(), createTestWorkspace()]);
    const draft = await readDraft(b.tokens.admin);
    const bad = edit(draft.content, (x) => {
      x.persona.guardianMemberId = a.signers.marketing.memberId;
    });
    const problem = await expectProblem(await putDraft(b.tokens.admin, bad, draft.etag), 422);
    expect(problem.errors).toEqual([expect.objectContaining({ path: 'persona.guardianMemberId' })]);
    expect((await readDraft(b.tokens.viewer)).revision).toBe(1);
  });

  it('should refuse an empty PATCH', async () => {
    const { ws } = await fixture();
    await expectProblem(
      await call('PATCH', '/v1/agreement/draft', { token: ws.tokens.admin, json: {} }),
      422,
    );
  });
});

describe('versions and signatures', () => {
  it('should go propose → sign → active → edit → new draft → new version, superseding the old one', async () => {
    const ws = await createSigningWorkspace();
    const draft = await readDraft(ws.tokens.marketing);

    const v1 = await propose(ws.tokens.marketing);
    expect(v1).toMatchObject({
      number: 1,
      status: 'proposed',
      hash: draft.hash,
      missingSides: ['marketing', 'sales'],
      signatures: [],
    });
    expect(v1.content).toEqual(draft.content);
    await expectProblem(await call('POST', '/v1/agreement/draft/propose', { token: ws.tokens.sales }), 409);

    const afterMarketing = (await (await sign(ws.signers.marketing.token, 1)).json()) as AgreementVersion;
    expect(afterMarketing.status).toBe('proposed');
    expect(afterMarketing.missingSides).toEqual(['sales']);
    expect(afterMarketing.signatures[0]).toMatchObject({
      side: 'marketing',
      memberId: ws.signers.marketing.memberId,
      hash: v1.hash,
    });
    await expectProblem(await sign(ws.signers.marketing.token, 1), 409);
    expect((await overview(ws.tokens.viewer)).pending?.number).toBe(1);

    const signed = await sign(ws.signers.sales.token, 1, { hash: v1.hash });
    expect(signed.status).toBe(201);
    const active = (await signed.json()) as AgreementVersion;
    expect(active.status).toBe('active');
    expect(active.activatedAt).not.toBeNull();
    expect(active.missingSides).toEqual([]);

    const view = await overview(ws.tokens.viewer);
    expect(view.enforced).toBe(true);
    expect(view.notice).toMatch(/Version 1/);
    expect(view.active?.number).toBe(1);
    expect(view.pending).toBeNull();
    expect(view.draft.changedSinceLatestVersion).toBe(false);
    expect(view.draft.basedOnVersion).toBe(1);

    const patched = await call('PATCH', '/v1/agreement/draft', {
      token: ws.tokens.sales,
      json: { sla: { ...draft.content.sla, firstTouchHours: { perfect: 2, engaged: 4, fit: 8, low: 24 } } },
      headers: { 'if-match': view.draft.etag },
    });
    expect(patched.status).toBe(200);
    const edited = await overview(ws.tokens.viewer);
    expect(edited.draft.changedSinceLatestVersion).toBe(true);
    expect(edited.active?.content.sla.firstTouchHours.perfect).toBe(1);

    const diffOfDraft = (await call('GET', '/v1/agreement/draft/diff', { token: ws.tokens.viewer }).then(
      (r) => r.json(),
    )) as {
      sections: { section: string }[];
    };
    expect(diffOfDraft.sections.map((s) => s.section)).toEqual(['sla']);

    const v2 = await propose(ws.tokens.sales);
    expect(v2.number).toBe(2);
    expect(v2.signatures).toEqual([]);
    expect(v2.hash).not.toBe(v1.hash);
    expect((await sign(ws.signers.sales.token, 2)).status).toBe(201);
    expect((await overview(ws.tokens.viewer)).active?.number).toBe(1);
    expect((await sign(ws.signers.marketing.token, 2)).status).toBe(201);

    const list = (await call('GET', '/v1/agreement/versions', { token: ws.tokens.viewer }).then((r) =>
      r.json(),
    )) as {
      data: VersionSummary[];
    };
    expect(list.data.map((v) => [v.number, v.status])).toEqual([
      [2, 'active'],
      [1, 'superseded'],
    ]);
    const old = (await call('GET', '/v1/agreement/versions/1', { token: ws.tokens.viewer }).then((r) =>
      r.json(),
    )) as AgreementVersion;
    expect(old.content.sla.firstTouchHours.perfect).toBe(1);
    expect(old.supersededAt).not.toBeNull();
    expect(old.signatures).toHaveLength(2);
    await expectProblem(await sign(ws.signers.management.token, 1), 409);

    const diff = await call('GET', '/v1/agreement/versions/2/diff?from=1', { token: ws.tokens.viewer });
    expect(diff.status).toBe(200);
    const body = (await diff.json()) as {
      from: number;
      to: number;
      changed: number;
      sections: { section: string; changes: { path: string; text: string }[] }[];
      markdown: string;
    };
    expect(body).toMatchObject({ from: 1, to: 2, changed: 1 });
    expect(body.sections).toEqual([
      {
        section: 'sla',
        changes: [
          expect.objectContaining({
            path: 'sla.firstTouchHours.perfect',
            kind: 'changed',
            before: 1,
            after: 2,
          }),
        ],
      },
    ]);
    expect(body.markdown).toContain('## sla');
    expect(body.markdown).toContain('sla.firstTouchHours.perfect: 1 → 2.');
    const implicit = (await call('GET', '/v1/agreement/versions/2/diff', { token: ws.tokens.viewer }).then(
      (r) => r.json(),
    )) as { from: number };
    expect(implicit.from).toBe(1);
    await expectProblem(await call('GET', '/v1/agreement/versions/1/diff', { token: ws.tokens.viewer }), 422);
    await expectProblem(
      await call('GET', '/v1/agreement/versions/2/diff?from=9', { token: ws.tokens.viewer }),
      404,
    );
  });

  it('should withdraw an unsigned proposal when a newer one is proposed; signatures never carry over', async () => {
    const ws = await createSigningWorkspace();
    await propose(ws.tokens.marketing);
    expect((await sign(ws.signers.marketing.token, 1)).status).toBe(201);
    const draft = await readDraft(ws.tokens.marketing);
    await putDraft(
      ws.tokens.marketing,
      edit(draft.content, (a) => {
        a.title = 'Changed after signing';
      }),
      draft.etag,
    );
    const v2 = await propose(ws.tokens.marketing);
    expect(v2.signatures).toEqual([]);
    const v1 = (await call('GET', '/v1/agreement/versions/1', { token: ws.tokens.viewer }).then((r) =>
      r.json(),
    )) as AgreementVersion;
    expect(v1.status).toBe('withdrawn');
    const refused = await expectProblem(await sign(ws.signers.sales.token, 1), 409);
    expect(refused.detail).toMatch(/withdrawn/);
    expect((await overview(ws.tokens.viewer)).active).toBeNull();
  });

  it('should refuse a signature over a different hash', async () => {
    const ws = await createSigningWorkspace();
    await propose(ws.tokens.marketing);
    const problem = await expectProblem(
      await sign(ws.signers.marketing.token, 1, { hash: 'a'.repeat(64) }),
      409,
    );
    expect(problem.reason).toBe('hash_mismatch');
    await expectProblem(await sign(ws.signers.marketing.token, 1, { hash: 'not-a-hash' }), 422);
  });

  it('should need the manager when management must sign', async () => {
    const ws = await createSigningWorkspace();
    const draft = await readDraft(ws.tokens.admin);
    await putDraft(
      ws.tokens.admin,
      edit(draft.content, (a) => {
        a.signers.management = true;
      }),
      draft.etag,
    );
    const v1 = await propose(ws.tokens.admin);
    expect(v1.requiredSides).toEqual(['marketing', 'sales', 'management']);
    await sign(ws.signers.marketing.token, 1);
    const two = (await (await sign(ws.signers.sales.token, 1)).json()) as AgreementVersion;
    expect(two.status).toBe('proposed');
    expect(two.missingSides).toEqual(['management']);
    const three = (await (await sign(ws.signers.management.token, 1)).json()) as AgreementVersion;
    expect(three.status).toBe('active');
    expect(three.signatures.map((s) => s.side).sort()).toEqual(['management', 'marketing', 'sales']);
  });

  it('should let an optional manager sign without blocking activation', async () => {
    const ws = await createSigningWorkspace();
    await propose(ws.tokens.admin);
    const withManager = (await (await sign(ws.signers.management.token, 1)).json()) as AgreementVersion;
    expect(withManager.status).toBe('proposed');
    expect(withManager.missingSides).toEqual(['marketing', 'sales']);
    await sign(ws.signers.marketing.token, 1);
    const active = (await (await sign(ws.signers.sales.token, 1)).json()) as AgreementVersion;
    expect(active.status).toBe('active');
  });

  it('should activate exactly once when both sides sign at the same moment', async () => {
    const ws = await createSigningWorkspace();
    await activateDraft(ws);
    const draft = await readDraft(ws.tokens.admin);
    await putDraft(
      ws.tokens.admin,
      edit(draft.content, (a) => {
        a.title = 'Second';
      }),
      draft.etag,
    );
    await propose(ws.tokens.admin);
    const results = await Promise.all([sign(ws.signers.marketing.token, 2), sign(ws.signers.sales.token, 2)]);
    expect(results.map((r) => r.status)).toEqual([201, 201]);
    const rows = await env.DB.prepare(
      'select number, status from agreement_versions where workspace_id = ? order by number',
    )
      .bind(ws.id)
      .all();
    expect(rows.results).toEqual([
      { number: 1, status: 'superseded' },
      { number: 2, status: 'active' },
    ]);
  });

  it.each([
    ['a token bound to no member', 'token_not_bound_to_member'],
    ['a member of the other side', 'member_side_mismatch'],
    ['an inactive member', 'member_inactive'],
  ])('should refuse to sign with %s (409, reason %s)', async (_name, reason) => {
    const ws = await createSigningWorkspace();
    await propose(ws.tokens.marketing);
    let token = ws.tokens.marketing;
    if (reason === 'member_side_mismatch') {
      const res = await call('POST', '/v1/tokens', {
        token: ws.tokens.admin,
        json: { role: 'sales', label: 'wrong side', memberId: ws.signers.marketing.memberId },
      });
      token = ((await res.json()) as { token: string }).token;
    }
    if (reason === 'member_inactive') {
      await call('PATCH', `/v1/members/${ws.signers.marketing.memberId}`, {
        token: ws.tokens.admin,
        json: { active: false },
      });
      token = ws.signers.marketing.token;
    }
    const problem = await expectProblem(await sign(token, 1), 409);
    expect(problem.reason).toBe(reason);
    const v1 = (await call('GET', '/v1/agreement/versions/1', { token: ws.tokens.viewer }).then((r) =>
      r.json(),
    )) as AgreementVersion;
    expect(v1.signatures).toEqual([]);
  });

  it('should answer 404 for a version that does not exist', async () => {
    const ws = await createSigningWorkspace();
    await expectProblem(await call('GET', '/v1/agreement/versions/3', { token: ws.tokens.viewer }), 404);
    await expectProblem(await sign(ws.signers.sales.token, 3), 404);
    await expectProblem(await call('GET', '/v1/agreement/versions/zero', { token: ws.tokens.viewer }), 422);
    await expectProblem(await call('GET', '/v1/agreement/draft/diff', { token: ws.tokens.viewer }), 404);
  });

  it("should not show or sign another workspace's versions", async () => {
    const [a, b] = await Promise.all([createSigningWorkspace(), createSigningWorkspace()]);
    await activateDraft(a);
    await expectProblem(await call('GET', '/v1/agreement/versions/1', { token: b.tokens.admin }), 404);
    await expectProblem(
      await call('GET', '/v1/agreement/versions/1/diff?from=1', { token: b.tokens.admin }),
      404,
    );
    await expectProblem(await sign(b.signers.sales.token, 1), 404);
    const list = (await call('GET', '/v1/agreement/versions', { token: b.tokens.admin }).then((r) =>
      r.json(),
    )) as { data: unknown[] };
    expect(list.data).toEqual([]);
    expect((await overview(b.tokens.viewer)).active).toBeNull();
  });
});

describe('the shared page', () => {
  async function shareUrl(ws: SigningWorkspace): Promise<string> {
    const res = await call('POST', '/v1/agreement/share', { token: ws.tokens.manager });
    expect([200, 201]).toContain(res.status);
    return ((await res.json()) as { url: string }).url;
  }

  it('should give one stable, unguessable link until revoked', async () => {
    const ws = await createSigningWorkspace();
    const created = await call('POST', '/v1/agreement/share', { token: ws.tokens.admin });
    expect(created.status).toBe(201);
    const { url } = (await created.json()) as { url: string };
    expect(url).toMatch(new RegExp(`^https://leadpact.test/a/${ws.id}_[A-Za-z0-9_-]{43}$`));
    const again = await call('POST', '/v1/agreement/share', { token: ws.tokens.manager });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { url: string }).url).toBe(url);
    expect((await call('DELETE', '/v1/agreement/share', { token: ws.tokens.admin })).status).toBe(204);
    const gone = await call('GET', new URL(url).pathname);
    expect(gone.status).toBe(404);
    expect(await gone.text()).toContain('revoked');
    const fresh = await shareUrl(ws);
    expect(fresh).not.toBe(url);
  });

  it('should render the active version in its language with version, signatures and dates', async () => {
    const ws = await createSigningWorkspace({ language: 'pl' });
    const url = await shareUrl(ws);
    const before = await call('GET', new URL(url).pathname);
    expect(before.status).toBe(200);
    expect(await before.text()).toContain('Żadna wersja umowy nie została jeszcze podpisana.');

    const version = await activateDraft(ws);
    const res = await call('GET', new URL(url).pathname);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('x-robots-tag')).toContain('noindex');
    const page = await res.text();
    expect(page).toContain('<html lang="pl">');
    expect(page).toContain('Umowa SLA — umowa współpracy marketingu i sprzedaży');
    expect(page).toContain('Obowiązuje');
    expect(page).toContain('Lead marketingowy kwalifikowany (MQL)');
    expect(page).toContain(version.hash);
    // Dates in Polish, on the team's clock (Warsaw).
    const when = (iso: string | null) =>
      new Intl.DateTimeFormat('pl-PL', {
        dateStyle: 'long',
        timeStyle: 'short',
        timeZone: 'Europe/Warsaw',
      }).format(new Date(iso ?? Number.NaN));
    expect(version.number).toBe(1);
    expect(page).toContain(`Wersja 1 · obowiązuje od ${when(version.activatedAt)}`);
    // Both required sides signed: one row each, with the signer and the time of signing.
    expect(version.signatures.map((s) => s.side).sort()).toEqual(['marketing', 'sales']);
    const table = page.slice(page.indexOf('<section id="signatures"'));
    expect(table.match(/<tr><td>/g)).toHaveLength(2);
    const sideName = { marketing: 'Marketing', sales: 'Sprzedaż' } as Record<string, string>;
    for (const signature of version.signatures) {
      expect(table).toContain(
        `<tr><td>${sideName[signature.side]}</td><td>${signature.memberName}</td><td>${when(signature.signedAt)}</td></tr>`,
      );
    }
    expect(page).not.toMatch(/<script|<link[^>]+href="https?:|src="https?:/);
  });

  it('should escape the team’s own text', async () => {
    const ws = await createSigningWorkspace();
    const draft = await readDraft(ws.tokens.admin);
    await putDraft(
      ws.tokens.admin,
      edit(draft.content, (a) => {
        a.title = '<script>alert(1)</script> & co';
      }),
      draft.etag,
    );
    await activateDraft(ws);
    const page = await (await call('GET', new URL(await shareUrl(ws)).pathname)).text();
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
  });

  it('should answer 404 for malformed, unknown and cross-workspace ids', async () => {
    const [a, b] = await Promise.all([createSigningWorkspace(), createSigningWorkspace()]);
    const url = await shareUrl(a);
    // The id is `<workspace id>_<secret>`, and the base64url secret may itself contain `_`.
    const secret = new URL(url).pathname.slice(`/a/${a.id}_`.length);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    for (const path of ['/a/nothing', `/a/${a.id}_${'A'.repeat(43)}`, `/a/${b.id}_${secret}`]) {
      const res = await call('GET', path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    }
  });
});

describe('persona reviews', () => {
  it('should record a review and set the next due date from the cadence', async () => {
    const ws = await createSigningWorkspace();
    const res = await call('POST', '/v1/persona/reviews', {
      token: ws.signers.sales.token,
      json: {
        reviewedOn: '2026-01-31',
        fromSales: 'Customers now ask about data residency first.',
        fromMarketing: 'Search for "lead SLA" doubled; the pricing form converts best.',
        changes: 'Nothing changed yet.',
      },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const review = (await res.json()) as PersonaReview;
    expect(review).toMatchObject({
      reviewedOn: '2026-01-31',
      nextDueOn: '2026-04-30',
      personaChanged: false,
      recordedByMemberId: ws.signers.sales.memberId,
    });
    expect((await readDraft(ws.tokens.viewer)).revision).toBe(1);
    const list = (await call('GET', '/v1/persona/reviews', { token: ws.tokens.viewer }).then((r) =>
      r.json(),
    )) as {
      nextDueOn: string;
      lastReviewedOn: string;
      data: PersonaReview[];
    };
    expect(list).toMatchObject({ nextDueOn: '2026-04-30', lastReviewedOn: '2026-01-31' });
    expect(list.data).toHaveLength(1);
  });

  it('should write a changed persona to the draft, to be signed like any change', async () => {
    const ws = await createSigningWorkspace();
    const draft = await readDraft(ws.tokens.marketing);
    const persona = {
      ...draft.content.persona,
      values: ['Data stays in the EU'],
      guardianMemberId: ws.signers.marketing.memberId,
      reviewEveryMonths: 6,
    };
    const res = await call('POST', '/v1/persona/reviews', {
      token: ws.tokens.marketing,
      json: {
        reviewedOn: '2026-03-01',
        fromSales: 'Residency.',
        fromMarketing: 'Forms.',
        changes: 'Stress EU hosting.',
        persona,
      },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    expect(((await res.json()) as PersonaReview).nextDueOn).toBe('2026-09-01');
    const after = await readDraft(ws.tokens.viewer);
    expect(after.revision).toBe(2);
    expect(after.content.persona).toEqual({ ...persona, lastReviewedOn: '2026-03-01' });
    expect(after.changedSinceLatestVersion).toBe(true);
    const stored = await env.DB.prepare(
      'select reviewed_on as reviewedOn, persona_changed as personaChanged, changes from persona_reviews where workspace_id = ?',
    )
      .bind(ws.id)
      .all();
    expect(stored.results).toEqual([
      { reviewedOn: '2026-03-01', personaChanged: 1, changes: 'Stress EU hosting.' },
    ]);
  });

  it.each([
    ['a review dated in the future', { reviewedOn: '2999-01-01' }, 'reviewedOn'],
    ['a next review before this one', { reviewedOn: '2026-03-01', nextDueOn: '2026-02-01' }, 'nextDueOn'],
    ['an empty account from sales', { fromSales: '' }, 'fromSales'],
  ])('should refuse %s', async (_name, patch, path) => {
    const ws = await createTestWorkspace();
    const res = await call('POST', '/v1/persona/reviews', {
      token: ws.tokens.manager,
      json: { fromSales: 'a', fromMarketing: 'b', changes: 'c', ...patch },
    });
    const problem = await expectProblem(res, 422);
    expect((problem.errors as { path: string }[]).map((e) => e.path)).toContain(path);
    const rows = await env.DB.prepare('select count(*) as n from persona_reviews where workspace_id = ?')
      .bind(ws.id)
      .first<{ n: number }>();
    expect(rows?.n).toBe(0);
  });
});

describe('the API reference', () => {
  it('should document every agreement route', async () => {
    const res = await call('GET', '/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/agreement',
        '/v1/agreement/draft',
        '/v1/agreement/draft/diff',
        '/v1/agreement/draft/propose',
        '/v1/agreement/versions',
        '/v1/agreement/versions/{n}',
        '/v1/agreement/versions/{n}/signatures',
        '/v1/agreement/versions/{n}/diff',
        '/v1/agreement/templates/{language}',
        '/v1/agreement/share',
        '/v1/persona/reviews',
      ]),
    );
    expect(doc.paths['/v1/agreement/draft']).toHaveProperty('patch');
    expect(JSON.stringify(doc.paths['/v1/agreement/draft'])).toContain('if-match');
  });
});

describe('query helpers for the features that judge leads', () => {
  it('should give the active agreement, a version by number and the persona due date', async () => {
    const ws = await createSigningWorkspace({ timezone: 'Europe/Bucharest', country: 'RO', language: 'ro' });
    const db = databaseFor(env, ws.id);
    expect(await getActiveAgreement(db, ws.id)).toBeNull();
    expect(await getPersonaReviewStatus({ ctx: { db, workspaceId: ws.id, now: new Date() } })).toEqual({
      lastReviewedOn: null,
      nextDueOn: null,
      guardianMemberId: null,
    });
    const proposed = await propose(ws.tokens.admin);
    // A signature with no body at all is as good as `{}`.
    expect(
      (await call('POST', '/v1/agreement/versions/1/signatures', { token: ws.signers.marketing.token }))
        .status,
    ).toBe(201);
    expect(await getActiveAgreement(db, ws.id)).toBeNull();
    await sign(ws.signers.sales.token, 1);
    const active = await getActiveAgreement(db, ws.id);
    expect(active).toMatchObject({ version: 1, hash: proposed.hash, content: proposed.content });
    expect(active?.activatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(active?.content.sla.timezone).toBe('Europe/Bucharest');
    expect(await getAgreementContent(db, ws.id, 1)).toEqual(proposed.content);
    await expect(getAgreementContent(db, ws.id, 2)).rejects.toThrow(/not found/);
    await call('POST', '/v1/persona/reviews', {
      token: ws.tokens.manager,
      json: { reviewedOn: '2026-05-31', fromSales: 'a', fromMarketing: 'b', changes: 'c' },
    });
    expect(await getPersonaReviewStatus({ ctx: { db, workspaceId: ws.id, now: new Date() } })).toMatchObject({
      lastReviewedOn: '2026-05-31',
      nextDueOn: '2026-08-31',
    });
  });

  it('should send the draft ETag as a header', async () => {
    const ws = await createTestWorkspace();
    const res = await call('GET', '/v1/agreement/draft', { token: ws.tokens.viewer });
    expect(res.headers.get('etag')).toBe('"draft-1"');
  });
});
