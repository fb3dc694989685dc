import type { Language } from '../../../worker/domain/constants';
import { buildReport, type ReportInput, reportRangeOf } from '../../../worker/domain/reports';
import type { AgreementPart } from '../../../worker/domain/sheet/snapshot-parts';
import { type AgendaInput, buildAgenda } from '../../../worker/domain/sla/agenda';

/** Parts of the snapshot as the Worker builds them, for the read-only tabs' tests and screenshots. */
export const TZ = 'Europe/Warsaw';

const zero = { icpMatch: 0, owned: 0, open: 0, revenue: 0, marketingRevenue: 0 };

export function sampleReport(overrides: Partial<ReportInput> = {}) {
  return buildReport({
    range: reportRangeOf({ from: '2026-03-01', to: '2026-03-31' }, TZ, new Date('2026-03-20T10:00:00Z')),
    groupBy: 'source',
    currency: 'EUR',
    rows: {
      stages: [
        { key: 'src_web', metric: 'lead', leads: 10, ...zero },
        { key: 'src_web', metric: 'mql', leads: 4, ...zero, icpMatch: 3, owned: 4, open: 2 },
        { key: 'src_web', metric: 'sql', leads: 2, ...zero },
        { key: 'src_web', metric: 'won', leads: 1, ...zero, revenue: 25_000, marketingRevenue: 25_000 },
        { key: null, metric: 'lead', leads: 2, ...zero },
      ],
      reasons: [
        { key: 'src_web', kind: 'rejected', reason: 'no_budget', leads: 1 },
        { key: 'src_web', kind: 'nurture', reason: '=too_early', leads: 2 },
      ],
      firstTouches: [],
      sla: [
        { key: 'src_web', kind: 'first_touch', outcome: 'met', deadlines: 3 },
        { key: 'src_web', kind: 'first_touch', outcome: 'breached', deadlines: 1 },
      ],
    },
    campaigns: [
      {
        campaign: '=webinar-mar',
        touched: 75,
        leads: 10,
        mqls: 4,
        sqls: 2,
        opportunities: 1,
        won: 1,
        revenue: 25_000,
      },
    ],
    coverage: { icpAccounts: 4, covered: 1 },
    otherCurrencies: [],
    labels: new Map([['src_web', 'Website form']]),
    campaignRecords: new Map([['=webinar-mar', { id: 'cmp_1', name: 'March webinar', channel: 'webinar' }]]),
    calendarOf: () => null,
    ...overrides,
  });
}

export function sampleAgenda(language: Language, overrides: Partial<AgendaInput> = {}) {
  return buildAgenda(
    {
      week: '2026-W12',
      language,
      timeZone: TZ,
      meetingAt: '2026-03-23T09:00:00.000Z',
      durationMinutes: 45,
      period: { start: '2026-03-16T09:00:00.000Z', end: '2026-03-23T09:00:00.000Z' },
      standingItems: ['Pipeline review'],
      handedOver: [
        {
          leadId: 'ld_1',
          name: 'Jan Kowalski',
          ownerId: 'mb_a',
          ownerName: 'Anna Kowalska',
          mqlAt: '2026-03-17T08:00:00.000Z',
          worked: false,
        },
        {
          leadId: 'ld_2',
          name: '=cmd',
          ownerId: null,
          ownerName: null,
          mqlAt: '2026-03-18T08:00:00.000Z',
          worked: false,
        },
        {
          leadId: 'ld_3',
          name: 'Ioana Pop',
          ownerId: 'mb_b',
          ownerName: 'Ivan Petrov',
          mqlAt: '2026-03-18T09:00:00.000Z',
          worked: true,
        },
      ],
      breaches: [
        { leadId: 'ld_1', kind: 'first_touch', ownerId: 'mb_a', ownerName: 'Anna Kowalska' },
        { leadId: 'ld_4', kind: 'decision', ownerId: 'mb_b', ownerName: 'Ivan Petrov' },
        { leadId: 'ld_5', kind: 'first_touch', ownerId: 'mb_b', ownerName: 'Ivan Petrov' },
      ],
      rejections: [{ leadId: 'ld_6', reasons: [{ code: 'no_budget', label: 'No budget' }] }],
      nurtures: [],
      campaigns: [],
      pace: null,
      personaReview: { dueOn: '2026-03-25', guardianName: 'Marta Nowak' },
      pendingAgreement: { version: 3, missingSides: ['sales'] },
      ...overrides,
    },
    new Date('2026-03-20T10:00:00Z'),
  );
}

export const sampleAgreement: AgreementPart = {
  enforced: true,
  notice: '',
  active: {
    number: 2,
    status: 'active',
    requiredSides: ['marketing', 'sales'],
    signatures: [
      { side: 'marketing', memberName: 'Marta Nowak', signedAt: '2026-03-02T08:00:00.000Z' },
      { side: 'sales', memberName: 'Sorin Popescu', signedAt: '2026-03-02T09:30:00.000Z' },
    ],
    missingSides: [],
    activatedAt: '2026-03-02T09:30:00.000Z',
    warnings: [],
  },
  pending: {
    number: 3,
    status: 'proposed',
    requiredSides: ['marketing', 'sales', 'management'],
    signatures: [{ side: 'marketing', memberName: 'Marta Nowak', signedAt: '2026-03-16T10:00:00.000Z' }],
    missingSides: ['sales', 'management'],
    activatedAt: null,
    warnings: [],
  },
  draft: {
    content: {},
    etag: '"draft-9"',
    revision: 9,
    changedSinceLatestVersion: false,
    warnings: [
      {
        code: 'threshold_unreachable',
        path: 'mql.minFit',
        threshold: 90,
        reachable: 75,
        message: 'mql.minFit is 90, but the highest fit a lead can score under this agreement is 75.',
      },
    ],
  },
  share: {
    url: 'https://leadpact.example.com/a/ws_01JQ8ZK3W4X5Y6Z7A8B9C0D1E2_k3Jd9Qx_Lm2PzR8vT0wYb5Nc7Hf1Ga4Se6Ui-Oq3Xz9',
    createdAt: '2026-03-03T12:00:00.000Z',
  },
};
