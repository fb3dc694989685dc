import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullLeadRows, type SendResult } from '../../../apps-script/src/leads/send-pending';
import { buildAddon } from '../../../scripts/sheets-build.mjs';
import { startWorkerServer, type WorkerServer } from '../worker-server';
import type { FakeSheet } from './fakes/fake-spreadsheet';
import { SyncFetcher } from './fakes/sync-fetch';
import { columnOf, type Globals, rowOf, sharedSheet } from './shared-sheet';
import { api, type SeededTeam, seedMql, seedTeam } from './team-seed';

/**
 * The team works its leads in the sheet: the built bundle in a bare V8
 * context with the faithful fakes, against the real Worker. Each person has
 * their own user properties (their token, their pending rows); they share
 * the spreadsheet and its document properties.
 */
let server: WorkerServer;
let fetcher: SyncFetcher;
let team: SeededTeam;

beforeAll(async () => {
  [server] = await Promise.all([startWorkerServer(), buildAddon()]);
  fetcher = new SyncFetcher();
  team = await seedTeam(server.url, server.adminSecret);
}, 180_000);

afterAll(async () => {
  await fetcher?.close();
  await server?.dispose();
});

/** A person types into a Leads cell; Apps Script then runs the simple onEdit trigger as them. */
function typeAs(person: { globals: Globals }, sheet: FakeSheet, leadId: string, key: string, value: string) {
  const row = rowOf(sheet, leadId);
  const column = columnOf(sheet, key);
  sheet.type(row, column, value);
  person.globals.onEdit?.({ range: sheet.getRange(row, column, 1, 1) });
}

/** "Send my pending rows", clicked by this person. */
function send(person: { globals: Globals }): SendResult {
  const fn = person.globals.sendMyPendingRows;
  if (!fn) throw new Error('the bundle has no sendMyPendingRows');
  return fn() as SendResult;
}

const cell = (sheet: FakeSheet, leadId: string, key: string) =>
  sheet.peek(rowOf(sheet, leadId), columnOf(sheet, key));

async function eventsOf(leadId: string, type?: string) {
  const lead = await api(server.url, 'GET', `/v1/leads/${leadId}`, team.admin);
  const events = lead.body.events as Array<{ type: string }>;
  return type ? events.filter((e) => e.type === type) : events;
}

describe('working a lead from its row', () => {
  it('should send an accept as the person who chose it and write stage, owner, SLA and deadline back', async () => {
    const leadId = await seedMql(team);
    const { fake, as } = await sharedSheet(server.url, fetcher);
    const sam = await as(team.members.sales.token);
    expect(pullLeadRows(sam.services, [leadId])).toBe(1);
    const sheet = fake.spreadsheet.sheet('Leads');
    expect(cell(sheet, leadId, 'stage')?.value).toBe('MQL');
    const before = cell(sheet, leadId, 'version')?.value;

    typeAs(sam, sheet, leadId, 'action', 'Accept');
    // The trigger only marks the row: no network, the row waits in Sam's own properties.
    expect(fake.fetches.filter((f) => f.method === 'POST')).toHaveLength(0);
    expect(cell(sheet, leadId, 'action')?.note).toContain('Send my pending rows');
    expect(Object.keys(JSON.parse(sam.userProperties.values.get('LEADPACT_PENDING') ?? '{}'))).toEqual([
      leadId,
    ]);

    const result = send(sam);
    expect(result.sent).toEqual([leadId]);
    const posts = fake.fetches.filter((f) => f.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.headers.authorization).toBe(`Bearer ${team.members.sales.token}`);
    expect(posts[0]?.headers['if-match']).toBe(`"lead-${before}"`);
    expect(posts[0]?.headers['idempotency-key']).toMatch(
      new RegExp(`^sheet:${leadId}:v${before}:[0-9a-f]{16}$`),
    );

    expect(cell(sheet, leadId, 'stage')?.value).toBe('SAL (accepted)');
    expect(cell(sheet, leadId, 'owner')?.value).toBe(team.members.sales.name);
    expect(cell(sheet, leadId, 'version')?.value).toBe(Number(before) + 1);
    expect(String(cell(sheet, leadId, 'next_deadline')?.value)).not.toBe('');
    expect(String(cell(sheet, leadId, 'sla_status')?.value)).not.toBe('');
    expect(cell(sheet, leadId, 'action')?.value).toBe('');
    expect(cell(sheet, leadId, 'action')?.note).toBe('');
    expect(sam.userProperties.values.has('LEADPACT_PENDING')).toBe(false);
    const accepted = (await eventsOf(leadId, 'accepted')) as unknown as Array<{ actor: { id: string } }>;
    expect(accepted).toHaveLength(1);
  });

  it('should land an action once when the answer was lost and the row is sent again', async () => {
    const leadId = await seedMql(team);
    // A fetcher that lets the Worker record the first POST but loses its answer, as a timeout would.
    let lose = 1;
    const lossy = {
      fetch(url: string, init: { method: string; headers: Record<string, string>; body?: string }) {
        const response = fetcher.fetch(url, init);
        if (init.method === 'POST' && lose-- > 0) throw new Error('Exception: Timeout: the answer was lost');
        return response;
      },
    } as unknown as SyncFetcher;
    const { fake, as } = await sharedSheet(server.url, lossy);
    const sam = await as(team.members.sales.token);
    pullLeadRows(sam.services, [leadId]);
    const sheet = fake.spreadsheet.sheet('Leads');
    typeAs(sam, sheet, leadId, 'action', 'Call attempt');
    typeAs(sam, sheet, leadId, 'reason', 'Left a message');

    const first = send(sam);
    expect(first.waiting).toEqual([leadId]);
    expect(cell(sheet, leadId, 'action')?.value).toBe('Call attempt');
    expect(cell(sheet, leadId, 'action')?.note).toContain('could not be reached');

    const second = send(sam);
    expect(second.sent).toEqual([leadId]);
    const posts = fake.fetches.filter((f) => f.method === 'POST');
    expect(posts).toHaveLength(1);
    // Both sends carried the same key; the Worker recorded one attempt.
    const attempts = await eventsOf(leadId, 'attempt');
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ payload: { channel: 'phone', outcome: 'left_message' } });
    expect(cell(sheet, leadId, 'attempts')?.value).toBe(1);
    expect(cell(sheet, leadId, 'action')?.value).toBe('');
    // A third send finds nothing pending and sends nothing.
    expect(send(sam).message).toBe('You have no pending rows.');
    expect(await eventsOf(leadId, 'attempt')).toHaveLength(1);
  });

  it('should keep a refused action in the row with the Worker’s reason, and record nothing', async () => {
    const leadId = await seedMql(team);
    const { fake, as } = await sharedSheet(server.url, fetcher);
    const sam = await as(team.members.sales.token);
    pullLeadRows(sam.services, [leadId]);
    const sheet = fake.spreadsheet.sheet('Leads');
    const eventsBefore = (await eventsOf(leadId)).length;
    // Rejecting before the attempt rule (3 attempts over 2 channels) is met.
    typeAs(sam, sheet, leadId, 'action', 'Reject');
    typeAs(sam, sheet, leadId, 'reason', 'no_budget');
    typeAs(sam, sheet, leadId, 'note', 'They said maybe next year');

    const result = send(sam);
    expect(result.refused).toEqual([leadId]);
    const action = cell(sheet, leadId, 'action');
    expect(action?.value).toBe('Reject');
    expect(cell(sheet, leadId, 'reason')?.value).toBe('no_budget');
    expect(cell(sheet, leadId, 'note')?.value).toBe('They said maybe next year');
    expect(action?.note).toContain('LeadPact refused this');
    expect(action?.note).toContain('attempts');
    expect(action?.background).toBe('#fce8e6');
    expect(cell(sheet, leadId, 'stage')?.value).toBe('MQL');
    expect(await eventsOf(leadId)).toHaveLength(eventsBefore);
  });

  it('should catch bad input in the row before anything is sent', async () => {
    const leadId = await seedMql(team);
    const { fake, as } = await sharedSheet(server.url, fetcher);
    const sam = await as(team.members.sales.token);
    pullLeadRows(sam.services, [leadId]);
    const sheet = fake.spreadsheet.sheet('Leads');
    typeAs(sam, sheet, leadId, 'action', 'Send to nurture');
    const result = send(sam);
    expect(result.refused).toEqual([leadId]);
    expect(cell(sheet, leadId, 'action')?.note).toContain('needs a reason');
    expect(fake.fetches.filter((f) => f.method === 'POST')).toHaveLength(0);
  });

  it('should refuse a row edited on a stale view, refresh it showing what changed, and keep the input', async () => {
    const leadId = await seedMql(team);
    const { fake, as } = await sharedSheet(server.url, fetcher);
    const sam = await as(team.members.sales.token);
    pullLeadRows(sam.services, [leadId]);
    const sheet = fake.spreadsheet.sheet('Leads');
    // Someone logs an attempt through the API after the sheet was refreshed.
    const other = await api(
      server.url,
      'POST',
      `/v1/leads/${leadId}/actions`,
      team.members.management.token,
      {
        type: 'attempt',
        channel: 'email',
        outcome: 'no_answer',
      },
    );
    expect(other.status).toBe(200);
    typeAs(sam, sheet, leadId, 'action', 'Accept');

    const result = send(sam);
    expect(result.stale).toEqual([leadId]);
    expect(await eventsOf(leadId, 'accepted')).toHaveLength(0);
    const action = cell(sheet, leadId, 'action');
    expect(action?.value).toBe('Accept');
    expect(action?.note).toContain('The lead changed since this row was refreshed');
    expect(action?.note).toContain('Attempts: 0 → 1');
    expect(cell(sheet, leadId, 'attempts')?.value).toBe(1);

    // Having seen the change, the person sends again: the row is still theirs and lands on the new version.
    const again = send(sam);
    expect(again.sent).toEqual([leadId]);
    expect(await eventsOf(leadId, 'accepted')).toHaveLength(1);
    expect(cell(sheet, leadId, 'stage')?.value).toBe('SAL (accepted)');
  });
});

describe('attribution', () => {
  it('should send only the rows this person edited, never another’s, under their own token', async () => {
    const mine = await seedMql(team);
    const theirs = await seedMql(team);
    const { fake, as } = await sharedSheet(server.url, fetcher);
    const sam = await as(team.members.sales.token);
    const max = await as(team.members.management.token);
    pullLeadRows(sam.services, [mine, theirs]);
    const sheet = fake.spreadsheet.sheet('Leads');
    typeAs(sam, sheet, mine, 'action', 'Accept');
    typeAs(max, sheet, theirs, 'action', 'E-mail attempt');

    const samSends = send(sam);
    expect(samSends.sent).toEqual([mine]);
    expect(await eventsOf(theirs, 'attempt')).toHaveLength(0);
    expect(cell(sheet, theirs, 'action')?.value).toBe('E-mail attempt');

    const maxSends = send(max);
    expect(maxSends.sent).toEqual([theirs]);
    const posts = fake.fetches.filter((f) => f.method === 'POST');
    expect(posts.map((p) => p.headers.authorization)).toEqual([
      `Bearer ${team.members.sales.token}`,
      `Bearer ${team.members.management.token}`,
    ]);
  });

  it('should not send under one person’s name what another typed over their row', async () => {
    const leadId = await seedMql(team);
    const { fake, as } = await sharedSheet(server.url, fetcher);
    const sam = await as(team.members.sales.token);
    const max = await as(team.members.management.token);
    pullLeadRows(sam.services, [leadId]);
    const sheet = fake.spreadsheet.sheet('Leads');
    typeAs(sam, sheet, leadId, 'action', 'Accept');
    typeAs(max, sheet, leadId, 'action', 'Call attempt');

    const samSends = send(sam);
    expect(samSends.sent).toEqual([]);
    expect(cell(sheet, leadId, 'action')?.note).toContain('Someone else changed this row');
    expect(fake.fetches.filter((f) => f.method === 'POST')).toHaveLength(0);
    const maxSends = send(max);
    expect(maxSends.sent).toEqual([leadId]);
    expect(await eventsOf(leadId, 'attempt')).toHaveLength(1);
    expect(await eventsOf(leadId, 'accepted')).toHaveLength(0);
  });
});

describe('every action a row can carry', () => {
  /** This person types a whole row (Note, Reason, then Action) and sends it; answers the send. */
  function actInRow(
    person: { globals: Globals },
    sheet: FakeSheet,
    leadId: string,
    input: { action: string; reason?: string; note?: string },
  ): SendResult {
    typeAs(person, sheet, leadId, 'note', input.note ?? '');
    typeAs(person, sheet, leadId, 'reason', input.reason ?? '');
    typeAs(person, sheet, leadId, 'action', input.action);
    return send(person);
  }

  it('should send attempt, accept, qualify, opportunity, won and feedback from a row, each landing once', async () => {
    const leadId = await seedMql(team);
    const { fake, as } = await sharedSheet(server.url, fetcher);
    const sam = await as(team.members.sales.token);
    pullLeadRows(sam.services, [leadId]);
    const sheet = fake.spreadsheet.sheet('Leads');
    const steps: Array<[{ action: string; reason?: string; note?: string }, string]> = [
      [{ action: 'E-mail attempt', reason: 'Connected' }, 'MQL'],
      [{ action: 'Accept', note: 'Demo on Friday' }, 'SAL (accepted)'],
      [{ action: 'Qualify (SQL)' }, 'SQL'],
      [{ action: 'Opportunity', note: '40 000 EUR' }, 'Opportunity'],
      [{ action: 'Won', note: '52 000 EUR signed' }, 'Won'],
      [{ action: 'Feedback', note: '5; yes; the CFO' }, 'Won'],
    ];
    for (const [input, stage] of steps) {
      const result = actInRow(sam, sheet, leadId, input);
      expect({ action: input.action, sent: result.sent, note: cell(sheet, leadId, 'action')?.note }).toEqual({
        action: input.action,
        sent: [leadId],
        note: '',
      });
      expect(cell(sheet, leadId, 'stage')?.value).toBe(stage);
    }
    const events = (await eventsOf(leadId)) as unknown as Array<{
      type: string;
      payload: Record<string, unknown>;
    }>;
    const worked = events.filter((e) =>
      ['attempt', 'accepted', 'qualified', 'opportunity', 'won', 'feedback'].includes(e.type),
    );
    expect(worked.map((e) => e.type)).toEqual([
      'attempt',
      'accepted',
      'qualified',
      'opportunity',
      'won',
      'feedback',
    ]);
    expect(worked[0]?.payload).toMatchObject({ channel: 'email', outcome: 'connected' });
    expect(worked[3]?.payload).toMatchObject({ amount: 40000, currency: 'EUR' });
    expect(worked[4]?.payload).toMatchObject({ amount: 52000, currency: 'EUR' });
    expect(worked[5]?.payload).toMatchObject({
      answers: { conversation: 5, as_promised: true, best_contacts: 'the CFO' },
    });
    // Each was one POST under Sam's token.
    const posts = fake.fetches.filter((f) => f.method === 'POST');
    expect(posts).toHaveLength(6);
    expect(new Set(posts.map((p) => p.headers.authorization))).toEqual(
      new Set([`Bearer ${team.members.sales.token}`]),
    );
  });

  it('should send reject (a hard disqualifier), nurture after the attempts, and lost', async () => {
    const [spam, cold, lost] = [await seedMql(team), await seedMql(team), await seedMql(team)];
    const { fake, as } = await sharedSheet(server.url, fetcher);
    const sam = await as(team.members.sales.token);
    pullLeadRows(sam.services, [spam, cold, lost]);
    const sheet = fake.spreadsheet.sheet('Leads');
    expect(
      actInRow(sam, sheet, spam, { action: 'Reject', reason: 'Spam or fake contact data' }).sent,
    ).toEqual([spam]);
    expect(cell(sheet, spam, 'stage')?.value).toBe('Disqualified');
    for (const action of ['Call attempt', 'Call attempt', 'E-mail attempt'])
      expect(actInRow(sam, sheet, cold, { action }).sent).toEqual([cold]);
    expect(
      actInRow(sam, sheet, cold, { action: 'Send to nurture', reason: 'No budget this year' }).sent,
    ).toEqual([cold]);
    expect(cell(sheet, cold, 'stage')?.value).toBe('Nurture');
    expect(actInRow(sam, sheet, lost, { action: 'Accept' }).sent).toEqual([lost]);
    expect(actInRow(sam, sheet, lost, { action: 'Qualify (SQL)' }).sent).toEqual([lost]);
    expect(actInRow(sam, sheet, lost, { action: 'Lost', reason: 'A competitor' }).sent).toEqual([lost]);
    expect(cell(sheet, lost, 'stage')?.value).toBe('Lost');
    expect(await eventsOf(spam, 'rejected')).toHaveLength(1);
    expect(await eventsOf(cold, 'nurtured')).toHaveLength(1);
    expect(await eventsOf(lost, 'lost')).toHaveLength(1);
  });

  it('should keep the input and the Worker’s reason when a reason contradicts the checklist, or the lead is another rep’s', async () => {
    const leadId = await seedMql(team);
    const { fake, as } = await sharedSheet(server.url, fetcher);
    const sam = await as(team.members.sales.token);
    pullLeadRows(sam.services, [leadId]);
    const sheet = fake.spreadsheet.sheet('Leads');
    actInRow(sam, sheet, leadId, { action: 'Accept' });
    // Qualified with "no need" failing (a required criterion): still SAL, budget answered as met.
    expect(
      actInRow(sam, sheet, leadId, { action: 'Qualify (SQL)', reason: 'No need we can address today' }).sent,
    ).toEqual([leadId]);
    expect(cell(sheet, leadId, 'stage')?.value).toBe('SAL (accepted)');
    const before = (await eventsOf(leadId)).length;
    const refused = actInRow(sam, sheet, leadId, {
      action: 'Reject',
      reason: 'No budget this year',
      note: 'No money',
    });
    expect(refused.refused).toEqual([leadId]);
    expect(cell(sheet, leadId, 'action')?.value).toBe('Reject');
    expect(cell(sheet, leadId, 'reason')?.value).toBe('No budget this year');
    expect(cell(sheet, leadId, 'note')?.value).toBe('No money');
    expect(cell(sheet, leadId, 'action')?.note).toContain('"budget" was met');

    // Another sales rep with their own token may not work Sam's lead.
    const member = await api(server.url, 'POST', '/v1/members', team.admin, {
      name: 'Rita Rep',
      email: `rita.${leadId}@acme.test`,
      side: 'sales',
    });
    const token = await api(server.url, 'POST', '/v1/tokens', team.admin, {
      role: 'sales',
      label: 'Rita',
      memberId: member.body.id,
    });
    const rita = await as(String(token.body.token));
    const hers = actInRow(rita, sheet, leadId, { action: 'Call attempt', note: 'Tried anyway' });
    expect(hers.refused).toEqual([leadId]);
    expect(cell(sheet, leadId, 'action')?.value).toBe('Call attempt');
    expect(cell(sheet, leadId, 'note')?.value).toBe('Tried anyway');
    expect(cell(sheet, leadId, 'action')?.note).toContain(`belongs to member ${team.members.sales.id}`);
    expect(await eventsOf(leadId)).toHaveLength(before);
  });
});
