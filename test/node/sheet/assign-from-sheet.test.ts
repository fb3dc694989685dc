import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LeadActionAnswer, LeadView, LeadViewAnswer } from '../../../apps-script/src/leads/lead-view';
import { pullLeadRows, type SendResult } from '../../../apps-script/src/leads/send-pending';
import { buildAddon } from '../../../scripts/sheets-build.mjs';
import { catalogueOf } from '../../../worker/domain/i18n';
import { fill } from '../../../worker/domain/i18n/format';
import { startWorkerServer, type WorkerServer } from '../worker-server';
import type { fakeServices } from './fakes/fake-services';
import { SyncFetcher } from './fakes/sync-fetch';
import { columnOf, rowOf, sharedSheet } from './shared-sheet';
import { addMember, api, type SeededTeam, seedMql, seedTeam } from './team-seed';

/**
 * A sales manager reassigns a lead from the sheet: the BUILT bundle in a bare
 * V8 context with the fakes that count calls, against the real Worker. Rep A
 * is the seeded sales member, rep B joins; the manager moves leads from A to
 * B in the sidebar and in a Leads row; reps get no picker and the Worker
 * refuses a rep who assigns someone else's lead.
 */
let server: WorkerServer;
let fetcher: SyncFetcher;
let team: SeededTeam;
let polish: SeededTeam;
type Person = { id: string; name: string; token: string };
let repB: Person;
let plRepB: Person;

beforeAll(async () => {
  [server] = await Promise.all([startWorkerServer(), buildAddon()]);
  fetcher = new SyncFetcher();
  [team, polish] = await Promise.all([
    seedTeam(server.url, server.adminSecret),
    seedTeam(server.url, server.adminSecret, { language: 'pl' }),
  ]);
  [repB, plRepB] = await Promise.all([
    addMember(team, 'Bea Sales'),
    addMember(polish, 'Beata Zielińska'),
    addMember(team, 'Idle Rep', { active: false }),
  ]);
}, 180_000);

afterAll(async () => {
  await fetcher?.close();
  await server?.dispose();
});

function opened(answer: LeadViewAnswer): LeadView {
  if (!answer.ok) throw new Error(`the view did not open: ${answer.message}`);
  return answer.view;
}

async function leadOf(t: SeededTeam, leadId: string) {
  const lead = await api(server.url, 'GET', `/v1/leads/${leadId}`, t.admin);
  return lead.body as {
    ownerId: string | null;
    allowedActions: string[];
    events: Array<{ type: string; payload: Record<string, unknown> }>;
  };
}

/** An MQL owned by `owner`: routing picks among the sales members, so the manager moves it there if needed. */
async function mqlOwnedBy(t: SeededTeam, owner: string): Promise<string> {
  const leadId = await seedMql(t);
  if ((await leadOf(t, leadId)).ownerId !== owner) {
    const moved = await api(server.url, 'POST', `/v1/leads/${leadId}/actions`, t.members.management.token, {
      type: 'assign',
      memberId: owner,
    });
    if (moved.status !== 200) throw new Error(`setup assign: ${moved.status}`);
  }
  return leadId;
}

/** The lead's open deadlines as `GET /v1/sla?owner=` lists them for one member. */
async function deadlinesOf(t: SeededTeam, memberId: string, leadId: string) {
  const page = await api(server.url, 'GET', `/v1/sla?owner=${memberId}&limit=200`, t.admin);
  return (page.body.data as Array<{ leadId: string; kind: string; ownerId: string }>).filter(
    (d) => d.leadId === leadId,
  );
}

const posts = (fake: ReturnType<typeof fakeServices>) => fake.fetches.filter((f) => f.method === 'POST');

describe('the sales manager reassigns from the sidebar', () => {
  it('should offer the manager a picker of active sales members, move the lead from A to B, and refresh row, ledger and SLA', async () => {
    const repA = team.members.sales;
    const manager = team.members.management;
    const leadId = await mqlOwnedBy(team, repA.id);
    expect(await deadlinesOf(team, repA.id, leadId)).not.toHaveLength(0);
    const { fake, as } = await sharedSheet(server.url, fetcher);
    const max = await as(manager.token);
    pullLeadRows(max.services, [leadId]);
    const sheet = fake.spreadsheet.sheet('Leads');
    const ownerCell = () => sheet.peek(rowOf(sheet, leadId, 'en'), columnOf(sheet, 'owner', 'en'));
    expect(ownerCell()?.value).toBe(repA.name);

    const view = opened(max.call<LeadViewAnswer>('getLeadView', { leadId }));
    expect(view.actions.find((a) => a.type === 'assign')).toEqual({ type: 'assign', label: 'Assign' });
    expect(view.ownerId).toBe(repA.id);
    // Every active sales member, the owner marked; nobody inactive, from marketing or management.
    expect(view.choices.assignees).toEqual(
      [
        { code: repB.id, label: repB.name, current: false },
        { code: repA.id, label: `${repA.name} (owns it now)`, current: true },
      ].sort((a, b) => a.label.localeCompare(b.label)),
    );

    fake.fetches.length = 0;
    const answer = max.call<LeadActionAnswer>('sendLeadAction', {
      leadId,
      version: view.version,
      action: { type: 'assign', memberId: repB.id, note: 'Bea covers Silesia' },
    });
    expect(answer).toMatchObject({ ok: true, kind: 'sent', message: 'Recorded: Assign.' });
    expect(posts(fake)).toHaveLength(1);
    expect(posts(fake)[0]?.headers.authorization).toBe(`Bearer ${manager.token}`);
    expect(posts(fake)[0]?.headers['if-match']).toBe(`"lead-${view.version}"`);
    const after = answer.view as LeadView;
    expect(Object.fromEntries(after.profile.map((p) => [p.label, p.value])).Owner).toBe(repB.name);
    expect(after.history[0]).toMatchObject({
      what: `Assigned: ${repB.name}`,
      who: manager.name,
      note: 'Bea covers Silesia',
    });
    expect(after.choices.assignees.filter((a) => a.current).map((a) => a.code)).toEqual([repB.id]);
    // The row's owner is rewritten at once.
    expect(ownerCell()?.value).toBe(repB.name);

    // The ledger: one assigned event from A to B by the manager; the open deadlines are B's now.
    const lead = await leadOf(team, leadId);
    expect(lead.ownerId).toBe(repB.id);
    expect(lead.events.filter((e) => e.type === 'assigned').at(-1)?.payload).toMatchObject({
      memberId: repB.id,
      previousMemberId: repA.id,
      byMemberId: manager.id,
      note: 'Bea covers Silesia',
    });
    expect(await deadlinesOf(team, repA.id, leadId)).toEqual([]);
    const bs = await deadlinesOf(team, repB.id, leadId);
    expect(bs.map((d) => d.kind)).toContain('first_touch');
    expect(bs.every((d) => d.ownerId === repB.id)).toBe(true);
  });

  it('should give reps no picker, and show the Worker’s refusal when rep A assigns a lead that is B’s now', async () => {
    const repA = team.members.sales;
    const leadId = await mqlOwnedBy(team, repB.id);
    const { fake, as } = await sharedSheet(server.url, fetcher);
    // Bea owns it: the Worker would let her hand it on, but the picker is the manager's.
    const bea = await as(repB.token);
    expect((await api(server.url, 'GET', `/v1/leads/${leadId}`, repB.token)).body.allowedActions).toContain(
      'assign',
    );
    const hers = opened(bea.call<LeadViewAnswer>('getLeadView', { leadId }));
    expect(hers.actions.map((a) => a.type)).toEqual(['attempt', 'accept', 'reject', 'nurture', 'feedback']);
    expect(hers.choices.assignees).toEqual([]);
    // Sam sees Bea's lead with feedback only, and no role lookup was needed for it.
    const sam = await as(repA.token);
    fake.fetches.length = 0;
    const his = opened(sam.call<LeadViewAnswer>('getLeadView', { leadId }));
    expect(his.actions.map((a) => a.type)).toEqual(['feedback']);
    expect(fake.fetches.some((f) => f.url.includes('/v1/sheet/snapshot'))).toBe(false);

    const before = (await leadOf(team, leadId)).events.length;
    const action = { type: 'assign', memberId: repA.id };
    const refused = sam.call<LeadActionAnswer>('sendLeadAction', { leadId, version: his.version, action });
    const direct = await api(server.url, 'POST', `/v1/leads/${leadId}/actions`, repA.token, action);
    expect(direct.status).toBe(403);
    expect(refused).toEqual({
      ok: false,
      kind: 'refused',
      message: `LeadPact refused this: ${String(direct.body.detail)}`,
      view: null,
    });
    expect(String(direct.body.detail)).toContain('ask a manager to reassign it');
    expect((await leadOf(team, leadId)).events).toHaveLength(before);
    expect((await leadOf(team, leadId)).ownerId).toBe(repB.id);
  });
});

describe('the sales manager reassigns from a Leads row', () => {
  it('should send Assign with the new owner named in the Note, in the team’s language, and refuse unknown or ambiguous names unsent', async () => {
    const repA = polish.members.sales;
    const manager = polish.members.management;
    const [ola1, ola2] = await Promise.all([
      addMember(polish, 'Ola Nowak'),
      addMember(polish, 'Ola Kowalska'),
    ]);
    const leadId = await mqlOwnedBy(polish, repA.id);
    const { fake, as } = await sharedSheet(server.url, fetcher, 'pl');
    const max = await as(manager.token);
    pullLeadRows(max.services, [leadId]);
    const sheet = fake.spreadsheet.sheet('Leads');
    const at = (key: string) => [rowOf(sheet, leadId, 'pl'), columnOf(sheet, key, 'pl')] as const;
    const type = (key: string, value: string) => {
      const [row, column] = at(key);
      const typed = sheet.typeChecked(row, column, value);
      expect(typed).toEqual({ accepted: true, message: '' });
      max.globals.onEdit?.({ range: sheet.getRange(row, column, 1, 1) });
    };
    const cell = (key: string) => sheet.peek(...at(key));
    const send = () => max.call<SendResult>('sendMyPendingRows');
    // The Action dropdown offers the assign verb in the team's words.
    expect(cell('action')?.validation?.values).toContain('Przypisz');

    // A name nobody has: refused in the row, nothing sent.
    fake.fetches.length = 0;
    type('action', 'Przypisz');
    type('note', 'Nikt Taki');
    expect(send().refused).toEqual([leadId]);
    expect(posts(fake)).toHaveLength(0);
    expect(cell('action')?.note).toContain('„Nikt Taki” nie jest aktywnym handlowcem tego zespołu');
    expect(cell('action')?.note).toContain(plRepB.name);
    expect(cell('action')?.note).not.toContain(polish.members.marketing.name);
    // A first name two people share: refused, nothing sent, both named with their ids.
    type('note', 'ola');
    expect(send().refused).toEqual([leadId]);
    expect(posts(fake)).toHaveLength(0);
    expect(cell('action')?.note).toContain(`${ola1.name} (${ola1.id})`);
    expect(cell('action')?.note).toContain(`${ola2.name} (${ola2.id})`);

    // The full name without its accents, a note after `;`: one POST as the manager, the row rewritten.
    type('note', 'beata zielinska; przejmuje Śląsk');
    const sent = send();
    expect(sent.sent).toEqual([leadId]);
    expect(posts(fake)).toHaveLength(1);
    expect(posts(fake)[0]?.headers.authorization).toBe(`Bearer ${manager.token}`);
    expect(cell('owner')?.value).toBe(plRepB.name);
    expect(cell('action')?.value).toBe('');
    expect(cell('action')?.note).toBe('');
    const lead = await leadOf(polish, leadId);
    expect(lead.ownerId).toBe(plRepB.id);
    expect(lead.events.at(-1)).toMatchObject({
      type: 'assigned',
      payload: { memberId: plRepB.id, previousMemberId: repA.id, note: 'przejmuje Śląsk' },
    });
    expect((await deadlinesOf(polish, plRepB.id, leadId)).length).toBeGreaterThan(0);

    // Assigning to the owner again: the Worker's polite refusal, in Polish, in the row; nothing recorded.
    type('action', 'Przypisz');
    type('note', plRepB.name);
    expect(send().refused).toEqual([leadId]);
    expect(posts(fake)).toHaveLength(2);
    expect(cell('action')?.note).toContain(`${plRepB.name} już prowadzi tego leada.`);
    expect((await leadOf(polish, leadId)).events).toHaveLength(lead.events.length);
  });

  it('should keep a member’s name that looks like a formula as text in the Owner cell', async () => {
    const evil = await addMember(team, '=HYPERLINK("http://evil.test","x") Eve');
    const leadId = await mqlOwnedBy(team, team.members.sales.id);
    const { fake, as } = await sharedSheet(server.url, fetcher);
    const max = await as(team.members.management.token);
    pullLeadRows(max.services, [leadId]);
    const sheet = fake.spreadsheet.sheet('Leads');
    const row = rowOf(sheet, leadId, 'en');
    sheet.typeChecked(row, columnOf(sheet, 'action', 'en'), 'Assign');
    // Typed with Sheets' text prefix, as a person must to write `=` as text.
    sheet.type(row, columnOf(sheet, 'note', 'en'), `'${evil.name}`);
    max.globals.onEdit?.({ range: sheet.getRange(row, columnOf(sheet, 'note', 'en'), 1, 1) });
    expect(max.call<SendResult>('sendMyPendingRows').sent).toEqual([leadId]);
    const owner = sheet.peek(row, columnOf(sheet, 'owner', 'en'));
    expect(owner?.value).toBe(evil.name);
    expect(owner?.formula ?? null).toBeNull();
    expect((await leadOf(team, leadId)).ownerId).toBe(evil.id);
    // The sidebar's picker carries the name as plain data, for the page's textContent.
    const view = opened(max.call<LeadViewAnswer>('getLeadView', { leadId }));
    expect(view.choices.assignees.find((a) => a.code === evil.id)?.label).toBe(
      fill(catalogueOf('en').sheet.leadView.inputs.currentOwner, { name: evil.name }),
    );
  });
});
