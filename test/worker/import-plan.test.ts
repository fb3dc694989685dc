import { describe, expect, it } from 'vitest';
import { starterAgreement } from '../../worker/domain/agreement';
import { ImportIdentities } from '../../worker/domain/import/identities';
import { resolveMapping } from '../../worker/domain/import/mapping';
import { type ChunkReads, type ChunkSettings, planChunk } from '../../worker/domain/import/plan-chunk';
import { type Cell, importRowReader, type ReadyRow } from '../../worker/domain/import/row';
import { applyEvent, type LeadState, newLeadState } from '../../worker/domain/ledger/lead';
import { webHost } from '../../worker/platform/web-host';

// Pure: the import's decisions planned from made-up reads, without D1.
const NOW = new Date('2026-03-10T12:00:00Z');
const COLUMNS = ['id', 'email', 'phone', 'consent', 'date', 'owner', 'stage'];
const { mapping } = resolveMapping(COLUMNS, { id: 'externalId', date: 'submittedAt' });

async function readyRows(...cells: Record<string, Cell>[]): Promise<ReadyRow[]> {
  const read = importRowReader({
    mapping,
    defaults: {},
    defaultCountry: 'PL',
    consentRequired: false,
    now: NOW.getTime(),
    host: webHost,
  });
  const rows = await Promise.all(cells.map((c, i) => read(i + 1, c)));
  return rows.map((r) => {
    if (r.kind !== 'ready') throw new Error(`row ${r.row} refused: ${JSON.stringify(r.reasons)}`);
    return r;
  });
}

const settings: ChunkSettings = {
  agreement: { version: null, content: starterAgreement('en', { timezone: 'Europe/Warsaw', country: 'PL' }) },
  actor: { type: 'token', id: 'tok_import' },
  importKey: 'fair-2025',
  currency: 'PLN',
  owners: new Map([['ola@team.pl', 'mem_ola']]),
  sources: new Map(),
  columnOf: mapping.columnOf,
  now: NOW,
  host: webHost,
};

function readsOf(rows: readonly ReadyRow[], more: Partial<ChunkReads> = {}): ChunkReads {
  return {
    stored: new Map(),
    rowKeyIndex: new Map(rows.map((r) => [r.key, `index(${r.key})`])),
    leads: new Map(),
    erased: new Map(),
    ...more,
  };
}

function leadWith(
  id: string,
  email: string | null,
  phone: string | null,
  updatedAt = '2025-01-01T00:00:00Z',
) {
  const created = applyEvent(newLeadState(id, updatedAt), {
    type: 'created',
    occurredAt: updatedAt,
    actor: { type: 'system', id: null },
    sourceId: null,
    campaign: null,
    agreementVersion: null,
    payload: { profile: { email, phone }, createsLead: true },
  });
  return { ...created, updatedAt } satisfies LeadState;
}

describe('planning a chunk of an import', () => {
  it('should create a lead, merge the same e-mail into it and answer a repeated row unchanged', async () => {
    const rows = await readyRows(
      { id: 'a1', email: 'anna@firma.pl', consent: 'yes', date: '2025-05-01', stage: 'lead' },
      { id: 'a2', email: 'ANNA@firma.pl', phone: '+48 600 100 200', stage: 'mql' },
      { id: 'a1', email: 'anna@firma.pl', consent: 'yes', date: '2025-05-01', stage: 'lead' },
    );
    const plan = planChunk(rows, readsOf(rows), new Map(), settings);
    const [first, second, third] = plan.results;
    expect(first).toMatchObject({ row: 1, status: 'created' });
    expect(second).toMatchObject({ row: 2, status: 'merged', leadId: first?.leadId });
    expect(third).toEqual({ row: 3, status: 'unchanged', leadId: first?.leadId, sameAs: 1 });
    expect(plan.leads).toHaveLength(1);
    const lead = plan.leads[0];
    expect(lead?.fromSeq).toBe(0);
    expect(lead?.events.map((e) => e.type)).toEqual([
      'created',
      'consent_given',
      'imported',
      'profile_updated',
      'imported',
      'scored',
    ]);
    // History is scored but never made an MQL: no agreement version, no clock.
    expect(lead?.events.every((e) => e.agreementVersion === null)).toBe(true);
    expect(lead?.state.profile.phone).toBe('+48600100200');
    expect(plan.consents).toEqual([
      {
        id: expect.stringMatching(/^cns_/),
        leadId: first?.leadId,
        sourceId: null,
        givenAt: '2025-05-01T00:00:00.000Z',
        text: null,
        purposes: ['contact'],
        deliveryKey: 'import:fair-2025:index(ext:a1)',
      },
    ]);
    // Row 3 repeats row 1: its key is stored once.
    expect(plan.rowKeys).toEqual([
      {
        rowKey: 'index(ext:a1)',
        contentHash: rows[0]?.contentHash,
        leadId: first?.leadId,
        outcome: 'created',
      },
      {
        rowKey: 'index(ext:a2)',
        contentHash: rows[1]?.contentHash,
        leadId: first?.leadId,
        outcome: 'merged',
      },
    ]);
    expect(plan.seen.get('ext:a2')).toEqual({
      contentHash: rows[1]?.contentHash,
      leadId: first?.leadId,
      row: 2,
    });
  });

  it('should merge into a stored lead after its seq, and warn of an owner who is no member', async () => {
    const rows = await readyRows({ email: 'jan@firma.pl', owner: 'nobody@team.pl', stage: 'sql' });
    const stored = { ...leadWith('lead_jan', 'jan@firma.pl', null), seq: 4 };
    const plan = planChunk(
      rows,
      readsOf(rows, { leads: new Map([['lead_jan', stored]]) }),
      new Map(),
      settings,
    );
    expect(plan.results).toEqual([
      {
        row: 1,
        status: 'merged',
        leadId: 'lead_jan',
        warnings: [expect.objectContaining({ path: 'owner', column: 'owner' })],
      },
    ]);
    expect(plan.results[0]?.warnings?.[0]?.message).toContain('nobody@team.pl');
    expect(plan.leads[0]?.fromSeq).toBe(4);
    expect(plan.consents).toEqual([]);
  });

  it('should refuse an erased person unless the row dates fresh consent after the erasure', async () => {
    const rows = await readyRows(
      { email: 'ewa@firma.pl', consent: 'yes', stage: 'lead' },
      { email: 'ewa@firma.pl', consent: 'yes', date: '2026-02-01', stage: 'lead' },
    );
    const erased = new Map([['email:ewa@firma.pl', '2026-01-15T08:00:00.000Z']]);
    const refused = planChunk([rows[0] as ReadyRow], readsOf(rows, { erased }), new Map(), settings);
    expect(refused.results).toEqual([
      {
        row: 1,
        status: 'refused',
        leadId: null,
        reasons: [expect.objectContaining({ path: 'email', column: 'email' })],
      },
    ]);
    expect(refused.results[0]?.reasons?.[0]?.say?.('pl')).toContain('2026');
    expect(refused.leads).toEqual([]);
    expect(refused.rowKeys).toEqual([]);
    const back = planChunk([rows[1] as ReadyRow], readsOf(rows, { erased }), new Map(), settings);
    expect(back.results[0]?.status).toBe('created');
  });

  it('should refuse a row whose new e-mail another lead holds, naming that lead', async () => {
    const rows = await readyRows({ id: 'x', email: 'new@firma.pl', stage: 'lead' });
    const leads = new Map([
      ['lead_old', leadWith('lead_old', 'old@firma.pl', null)],
      ['lead_new', leadWith('lead_new', 'new@firma.pl', null)],
    ]);
    // The row's external id made lead_old before; now its e-mail is lead_new's.
    const stored = new Map([['ext:x', { contentHash: 'before', leadId: 'lead_old' }]]);
    const plan = planChunk(rows, readsOf(rows, { leads, stored }), new Map(), settings);
    expect(plan.results[0]).toMatchObject({ status: 'refused', leadId: null });
    expect(plan.results[0]?.reasons?.[0]?.message).toContain('lead_new');
    expect(plan.leads).toEqual([]);
  });
});

describe('who is who inside a chunk', () => {
  it('should find by e-mail, then the phone-only lead, then the last updated lead with the phone', () => {
    const ids = new ImportIdentities();
    ids.index(leadWith('lead_a', 'a@firma.pl', '+48600000001', '2025-01-01T00:00:00Z'));
    ids.index(leadWith('lead_b', 'b@firma.pl', '+48600000001', '2025-06-01T00:00:00Z'));
    ids.index(leadWith('lead_p', null, '+48600000002'));
    expect(ids.find('a@firma.pl', '+48600000001')).toBe('lead_a');
    expect(ids.find('c@firma.pl', '+48600000002')).toBe('lead_p');
    expect(ids.find(null, '+48600000001')).toBe('lead_b');
    expect(ids.find('c@firma.pl', null)).toBeUndefined();
    expect(ids.clash(leadWith('lead_z', 'a@firma.pl', null))).toBe('lead_a');
    expect(ids.clash(leadWith('lead_z', null, '+48600000002'))).toBe('lead_p');
    expect(ids.clash(leadWith('lead_z', null, '+48600000001'))).toBeUndefined();
  });
});
