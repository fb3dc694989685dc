/**
 * One run through the domain, the same code in Node and in a bare `vm` context (see
 * domain-portable.test.ts): every result is plain JSON, so the two runs can be compared exactly.
 */
import {
  agreementHash,
  diffAgreements,
  evaluateMql,
  quadrantOf,
  scoreFit,
  starterAgreement,
} from '../../worker/domain/agreement';
import {
  addBusinessDays,
  addBusinessHours,
  type BusinessCalendar,
  businessHoursBetween,
  isWithinBusinessHours,
  nextOpening,
} from '../../worker/domain/business-time';
import { LANGUAGES } from '../../worker/domain/constants';
import { base64url } from '../../worker/domain/encoding';
import { computeFunnel, FunnelInput } from '../../worker/domain/funnel';
import type { Host } from '../../worker/domain/host';
import { catalogueOf, formatInstant, formatMoney, pluralFor } from '../../worker/domain/i18n';
import { newId } from '../../worker/domain/ids';
import { readCsv } from '../../worker/domain/import/csv';
import { resolveMapping } from '../../worker/domain/import/mapping';
import { importRowReader } from '../../worker/domain/import/row';
import { readIntake, signLeadPactBody } from '../../worker/domain/intake';
import { judgeLead } from '../../worker/domain/ledger/judge';
import { newLeadState } from '../../worker/domain/ledger/lead';
import { metricsOf, quantile } from '../../worker/domain/reports/metrics';
import { planLeadDeadlines, requestIdOf, verifySignatureHeader } from '../../worker/domain/sla';
import { mintToken, sha256Hex, timingSafeEqualText } from '../../worker/domain/tokens';
import { localDateOf, zonedInstant } from '../../worker/domain/zoned-time';

const NOW = Date.parse('2026-03-27T15:10:00Z');
const FIXED = (n: number) => new Uint8Array(n).map((_, i) => (i * 37 + 11) % 256);

/** Whatever a step throws, as data: a portability failure shows as a difference, not a crash of the run. */
async function attempt<T>(step: () => T | Promise<T>): Promise<T | { threw: string }> {
  try {
    return await step();
  } catch (error) {
    return { threw: `${(error as Error).name}: ${(error as Error).message}` };
  }
}

/** Runs every part of the domain the add-on will use; `host` supplies crypto, URLs and the zone clock. */
export async function runDomainScenario(host: Host): Promise<string> {
  const out: Record<string, unknown> = {};
  const agreements = LANGUAGES.map((language) =>
    starterAgreement(language, { timezone: 'Europe/Warsaw', country: 'PL' }),
  );
  const [en] = agreements;
  if (!en) throw new Error('no starter');

  out.agreements = await attempt(async () =>
    Promise.all(
      agreements.map(async (a) => ({
        hash: await agreementHash(a, host),
        glossary: a.glossary,
        icp: a.icp.criteria.map((c) => c.id),
      })),
    ),
  );
  out.diff = await attempt(() => diffAgreements(en, { ...en, sla: { ...en.sla, decisionDays: 11 } }));

  out.funnel = await attempt(() =>
    computeFunnel(
      FunnelInput.parse({
        revenueTarget: 1_000_000,
        averageDealSize: 20_000,
        rates: { lead_mql: 1, mql_sql: 0.5, sql_opportunity: 1, opportunity_won: 0.5 },
        period: { start: '2026-01-01', end: '2026-12-31' },
      }),
    ),
  );
  out.funnelRefusal = await attempt(() => FunnelInput.safeParse({ revenueTarget: -1 }).error?.issues);

  // Business time across the spring-forward night in Warsaw (29 March 2026), with Intl and with the host's clock.
  const calendar: BusinessCalendar = {
    timezone: en.sla.timezone,
    businessHours: en.sla.businessHours,
    holidays: ['2026-04-06'],
  };
  const start = new Date(NOW);
  const times = (clock?: Host['wallClock']) => ({
    plus5h: addBusinessHours(start, 5, calendar, clock),
    plus3d: addBusinessDays(start, 3, calendar, clock),
    between: businessHoursBetween(start, new Date(Date.parse('2026-04-08T12:00:00Z')), calendar, clock),
    opening: nextOpening(new Date(Date.parse('2026-03-28T10:00:00Z')), calendar, clock),
    within: isWithinBusinessHours(start, calendar, clock),
    meeting: zonedInstant('2026-03-29', '02:30', 'Europe/Warsaw', clock),
    localDate: localDateOf(new Date(Date.parse('2026-03-28T23:30:00Z')), 'Europe/Warsaw', clock),
  });
  out.businessTime = await attempt(() => times());
  out.businessTimeHostClock = await attempt(() => times(host.wallClock));

  out.deadlines = await attempt(() =>
    planLeadDeadlines(en.sla, {
      quadrant: 'perfect',
      submittedAt: new Date(NOW).toISOString(),
      mqlAt: '2026-03-27T15:20:00Z',
    }),
  );

  const profile = { industry: 'Manufacturing', employees: 250, country: 'PL', title: 'CEO', hasPhone: true };
  out.scoring = await attempt(() => {
    const fit = scoreFit(en, profile);
    return {
      fit,
      quadrant: quadrantOf(fit.fit, 40, en.scoring),
      mql: evaluateMql(en, { consent: true, profile, fit: fit.fit, engagement: 40 }),
    };
  });
  out.judgement = await attempt(() =>
    judgeLead({
      state: {
        ...newLeadState(newId('lead', NOW, FIXED(10)), new Date(NOW).toISOString()),
        consent: true,
        touchCounts: { form: 1, pricing_page: 2 },
        engagement: 35,
        engagementAt: new Date(NOW - 86_400_000).toISOString(),
        submittedAt: new Date(NOW).toISOString(),
      },
      touches: [
        { type: 'page_view', occurredAt: new Date(NOW).toISOString(), url: 'https://acme.test/pricing' },
      ],
      profile,
      agreement: { version: 3, content: en },
      candidates: [{ memberId: 'mem_a' }, { memberId: 'mem_b' }],
      routing: { rules: [], lastMemberId: 'mem_a' },
      actor: { type: 'system', id: null },
      now: new Date(NOW),
    }),
  );

  // Intake: a signed JSON delivery and a form body, verified, parsed and normalised.
  const secret = 'whsec_portable';
  const json = new Uint8Array(
    [
      ...JSON.stringify({
        email: 'Anna.Nowak@Hydro-Tech.PL',
        phone: '600 100 200',
        fullName: 'Anna Nowak',
        website: 'пример.рф/kontakt',
        company: 'Hydro-Tech',
        consent: 'tak',
        submittedAt: '2026-03-27T15:00:00Z',
      }),
    ].map((c) => c.charCodeAt(0) & 0xff),
  );
  const intake = async (body: Uint8Array, contentType: string, signature: string | null) =>
    readIntake({
      provider: 'generic',
      body,
      headers: {
        get: (name: string) =>
          name.toLowerCase() === 'content-type'
            ? contentType
            : name.toLowerCase() === 'leadpact-signature'
              ? signature
              : null,
      },
      secrets: [secret],
      verifySignature: signature !== null,
      fieldMap: null,
      workspaceCountry: 'PL',
      now: NOW,
      host,
    });
  out.intakeSigned = await attempt(async () =>
    intake(json, 'application/json', await signLeadPactBody(secret, json, NOW / 1000, host)),
  );
  out.intakeForged = await attempt(async () =>
    intake(json, 'application/json', await signLeadPactBody('whsec_wrong', json, NOW / 1000, host)),
  );
  const form =
    'email=ivan%40uralmash.ru&phone=%2B7+912+345-67-89&firstName=%D0%98%D0%B2%D0%B0%D0%BD&consent=yes';
  out.intakeForm = await attempt(async () =>
    intake(new Uint8Array([...form].map((c) => c.charCodeAt(0))), 'application/x-www-form-urlencoded', null),
  );

  out.import = await attempt(async () => {
    const table = readCsv(
      '\uFEFFE-mail;Telefon;Etap;Zgoda\nola@firma.pl;600100200;mql;tak\n;;;\nzle@;;lead;tak\n',
    );
    const { mapping } = resolveMapping(table.columns, null);
    const read = importRowReader({
      mapping,
      defaults: {},
      defaultCountry: 'PL',
      consentRequired: true,
      now: NOW,
      host,
    });
    return { table, rows: await Promise.all(table.rows.map((cells, i) => read(i + 1, cells))) };
  });

  out.reports = await attempt(() => ({
    metrics: metricsOf(
      {
        stages: [
          {
            key: null,
            metric: 'lead',
            leads: 75,
            icpMatch: 40,
            owned: 0,
            open: 0,
            revenue: 0,
            marketingRevenue: 0,
          },
          {
            key: null,
            metric: 'mql',
            leads: 12,
            icpMatch: 10,
            owned: 11,
            open: 9,
            revenue: 0,
            marketingRevenue: 0,
          },
          {
            key: null,
            metric: 'won',
            leads: 1,
            icpMatch: 1,
            owned: 1,
            open: 0,
            revenue: 48_000,
            marketingRevenue: 48_000,
          },
        ],
        reasons: [{ key: null, kind: 'nurture', reason: 'no_budget', leads: 3 }],
        firstTouches: [
          {
            key: null,
            startedAt: '2026-03-27T15:00:00Z',
            firstTouchAt: '2026-03-30T07:30:00Z',
            agreementVersion: 3,
          },
          {
            key: null,
            startedAt: '2026-03-26T09:00:00Z',
            firstTouchAt: '2026-03-26T09:20:00Z',
            agreementVersion: 3,
          },
          { key: null, startedAt: '2026-03-26T10:00:00Z', firstTouchAt: null, agreementVersion: 3 },
        ],
        sla: [
          { key: null, kind: 'first_touch', outcome: 'met', deadlines: 9 },
          { key: null, kind: 'first_touch', outcome: 'breached', deadlines: 1 },
        ],
      },
      () => calendar,
    ),
    p90: quantile([1, 2, 3, 4, 10], 0.9),
  }));

  out.i18n = await attempt(() =>
    LANGUAGES.map((language) => ({
      catalogue: catalogueOf(language),
      leads: [1, 2, 5, 22].map((n) => pluralFor(language, catalogueOf(language).agenda.handedOverLine, n)),
      money: formatMoney(language, 48_000.5, 'PLN'),
      instant: formatInstant(language, '2026-03-29T01:30:00Z', 'Europe/Warsaw'),
    })),
  );

  out.crypto = await attempt(async () => ({
    id: newId('evt', NOW, FIXED(10)),
    token: mintToken('ws_01JABCDEFGHJKMNPQRSTVWXYZ0', FIXED),
    base64url: base64url(FIXED(32)),
    sha: await sha256Hex('zażółć gęślą jaźń', host),
    same: timingSafeEqualText('abc', 'abc', host),
    differ: timingSafeEqualText('abc', 'abd', host),
    requestId: await requestIdOf('msg-1', host),
    webhook: await verifySignatureHeader(
      await signLeadPactBody(secret, new Uint8Array([123, 125]), 1_700_000_000, host),
      '{}',
      secret,
      1_700_000_010,
      300,
      host,
    ),
  }));
  return JSON.stringify(out);
}
