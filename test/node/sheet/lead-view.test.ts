import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LeadActionAnswer, LeadView, LeadViewAnswer } from '../../../apps-script/src/leads/lead-view';
import { pullLeadRows } from '../../../apps-script/src/leads/send-pending';
import { buildAddon } from '../../../scripts/sheets-build.mjs';
import { catalogueOf } from '../../../worker/domain/i18n';
import { startWorkerServer, type WorkerServer } from '../worker-server';
import type { fakeServices } from './fakes/fake-services';
import { SyncFetcher } from './fakes/sync-fetch';
import { columnOf, rowOf, sharedSheet } from './shared-sheet';
import { api, type SeededTeam, seedMql, seedTeam } from './team-seed';

/**
 * The sidebar's one-lead view: the built bundle in a bare V8 context with the
 * fakes, against the real Worker. Each person has their own user properties
 * (their token); the view's actions go out under that token.
 */
let server: WorkerServer;
let fetcher: SyncFetcher;
let team: SeededTeam;
let polish: SeededTeam;

beforeAll(async () => {
  [server] = await Promise.all([startWorkerServer(), buildAddon()]);
  fetcher = new SyncFetcher();
  [team, polish] = await Promise.all([
    seedTeam(server.url, server.adminSecret),
    seedTeam(server.url, server.adminSecret, { language: 'pl' }),
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

async function eventsOf(t: SeededTeam, leadId: string, type?: string) {
  const lead = await api(server.url, 'GET', `/v1/leads/${leadId}`, t.admin);
  const events = lead.body.events as Array<{ type: string; payload: Record<string, unknown> }>;
  return type ? events.filter((e) => e.type === type) : events;
}

const posts = (fake: ReturnType<typeof fakeServices>) => fake.fetches.filter((f) => f.method === 'POST');

describe('opening one lead in the sidebar', () => {
  it('should open the selected row’s lead with profile, scores, history, deadlines and this person’s actions', async () => {
    const leadId = await seedMql(team, '<img src=x onerror="alert(1)">Ada');
    const { fake, as } = await sharedSheet(server.url, fetcher);
    const sam = await as(team.members.sales.token);
    pullLeadRows(sam.services, [leadId]);
    const sheet = fake.spreadsheet.sheet('Leads');

    // Nothing selected yet: the view says how to open a lead.
    expect(sam.call<LeadViewAnswer>('getLeadView', {})).toEqual({
      ok: false,
      message: catalogueOf('en').sheet.leadView.selectRow,
    });
    fake.spreadsheet.select('Leads', rowOf(sheet, leadId), 3);
    const view = opened(sam.call<LeadViewAnswer>('getLeadView', {}));
    expect(view.leadId).toBe(leadId);
    expect(view.name).toMatch(/^<img src=x onerror="alert\(1\)">Ada Buyer\d+$/);
    const profile = Object.fromEntries(view.profile.map((p) => [p.label, p.value]));
    expect(profile).toMatchObject({
      Company: 'Factory',
      Source: 'Contact form',
      Stage: 'MQL',
      Owner: team.members.sales.name,
      Version: String(view.version),
    });
    expect(view.scores[0]).toMatch(/^Quadrant: /);
    expect(view.scores.some((line) => /^Fit: \d+ points \(high from 40\)$/.test(line))).toBe(true);
    expect(view.scores).toContain('1 × Form submitted: 20 points each');
    // The whole history, newest first, each with who did it.
    const lead = await api(server.url, 'GET', `/v1/leads/${leadId}`, team.admin);
    expect(view.history).toHaveLength((lead.body.events as unknown[]).length);
    expect(view.history[0]).toMatchObject({ what: `Assigned: ${team.members.sales.name}`, who: 'LeadPact' });
    expect(view.history.at(-1)?.who).toBe('form: Contact form');
    const firstTouch = view.deadlines.find((d) => d.what === 'First touch');
    expect(firstTouch?.left).toMatch(/^[\d.]+ business hours left$/);
    // What the Worker allows this person, with a form for each (assign needs a manager's picker).
    expect(view.actions.map((a) => a.type)).toEqual(['attempt', 'accept', 'reject', 'nurture', 'feedback']);
    expect(view.choices.nurtureReasons.length).toBeGreaterThan(0);
    expect(view.choices.questions.map((q) => q.id)).toContain('conversation');

    // Someone on marketing sees the same lead and only what marketing may do.
    const mia = await as(team.members.marketing.token);
    const theirs = opened(mia.call<LeadViewAnswer>('getLeadView', { leadId }));
    expect(theirs.history).toEqual(view.history);
    expect(theirs.actions.map((a) => a.type)).toEqual(['feedback']);
    expect(mia.call<LeadViewAnswer>('getLeadView', { leadId: 'ld_nope' })).toEqual({
      ok: false,
      message: 'No lead ld_nope in this workspace.',
    });
  });
});

describe('acting from the lead view', () => {
  it('should send an action as the person, through If-Match and an idempotency key, once however often it is clicked', async () => {
    const leadId = await seedMql(team);
    const { fake, as } = await sharedSheet(server.url, fetcher);
    const sam = await as(team.members.sales.token);
    pullLeadRows(sam.services, [leadId]);
    const view = opened(sam.call<LeadViewAnswer>('getLeadView', { leadId }));
    const request = {
      leadId,
      version: view.version,
      action: { type: 'attempt', channel: 'phone', outcome: 'left_message', note: 'Call back Monday' },
    };
    const answer = sam.call<LeadActionAnswer>('sendLeadAction', request);
    expect(answer).toMatchObject({ ok: true, kind: 'sent', message: 'Recorded: Log an attempt.' });
    expect(answer.view?.version).toBe(view.version + 1);
    expect(answer.view?.history[0]).toMatchObject({
      what: 'Contact attempt: Phone · Left a message',
      who: team.members.sales.name,
      note: 'Call back Monday',
    });
    const [post] = posts(fake);
    expect(post?.headers.authorization).toBe(`Bearer ${team.members.sales.token}`);
    expect(post?.headers['if-match']).toBe(`"lead-${view.version}"`);
    expect(post?.headers['idempotency-key']).toMatch(
      new RegExp(`^sidebar:${leadId}:v${view.version}:[0-9a-f]{16}$`),
    );
    // The row shows it too.
    const sheet = fake.spreadsheet.sheet('Leads');
    expect(sheet.peek(rowOf(sheet, leadId), columnOf(sheet, 'attempts'))?.value).toBe(1);

    // A double click sends the same request again: the Worker replays its answer and records nothing new.
    const again = sam.call<LeadActionAnswer>('sendLeadAction', request);
    expect(again).toMatchObject({ ok: true, kind: 'sent' });
    expect(posts(fake)).toHaveLength(2);
    expect(posts(fake)[1]?.headers['idempotency-key']).toBe(post?.headers['idempotency-key']);
    expect(await eventsOf(team, leadId, 'attempt')).toHaveLength(1);
  });

  it('should work a lead from hand-over to won and feedback with each action’s inputs', async () => {
    const leadId = await seedMql(team);
    const { as } = await sharedSheet(server.url, fetcher);
    const sam = await as(team.members.sales.token);
    let view = opened(sam.call<LeadViewAnswer>('getLeadView', { leadId }));
    const act = (action: Record<string, unknown>) => {
      const answer = sam.call<LeadActionAnswer>('sendLeadAction', { leadId, version: view.version, action });
      expect({ type: action.type, kind: answer.kind, message: answer.message }).toMatchObject({
        type: action.type,
        kind: 'sent',
      });
      if (answer.view) view = answer.view;
      return answer;
    };
    act({ type: 'attempt', channel: 'email', outcome: 'connected' });
    act({ type: 'accept', note: 'Demo next week' });
    expect(view.actions.map((a) => a.type)).toContain('qualify');
    const criteria = view.choices.criteria.map((c) => c.code);
    act({
      type: 'qualify',
      answers: Object.fromEntries(criteria.map((c) => [c, true])),
      buyingHorizonMonths: 3,
    });
    act({ type: 'opportunity', amount: 18000, currency: 'EUR' });
    act({ type: 'won', amount: 20000 });
    act({ type: 'feedback', answers: { conversation: 5, as_promised: true, best_contacts: 'The CFO' } });
    expect(Object.fromEntries(view.profile.map((p) => [p.label, p.value])).Stage).toBe('Won');
    expect(view.history.slice(0, 5).map((h) => h.what)).toEqual([
      'Feedback: How did the conversation go? (1 = poor, 5 = excellent) 5 · Was the lead what marketing said it would be? Yes · Which contacts in the company were the most interesting? The CFO',
      'Won: €20,000.00',
      'Opportunity: €18,000.00',
      'Qualified: SQL',
      'Accepted by sales',
    ]);
    expect(view.actions.map((a) => a.type)).toEqual(['feedback']);
    const types = (await eventsOf(team, leadId)).map((e) => e.type);
    expect(types.slice(-6)).toEqual(['attempt', 'accepted', 'qualified', 'opportunity', 'won', 'feedback']);
  });

  it('should show the Worker’s refusal verbatim in the team’s language and change nothing', async () => {
    const leadId = await seedMql(polish);
    const { fake, as } = await sharedSheet(server.url, fetcher, 'pl');
    const sam = await as(polish.members.sales.token);
    // The menu item opens the view in the team's language.
    sam.call('showLead');
    expect(fake.ui.sidebars.at(-1)?.title).toBe(catalogueOf('pl').sheet.leadView.title);
    expect(fake.ui.sidebars.at(-1)?.html).toContain(catalogueOf('pl').sheet.leadView.openSelected);
    const view = opened(sam.call<LeadViewAnswer>('getLeadView', { leadId }));
    expect(view.profile[1]?.label).toBe('Firma');
    const before = await eventsOf(polish, leadId);
    const action = { type: 'reject', reasons: ['no_budget'], note: 'Może za rok' };
    const answer = sam.call<LeadActionAnswer>('sendLeadAction', { leadId, version: view.version, action });
    // The same request straight to the Worker, as Sam: its problem detail is what the sidebar shows.
    const direct = await api(
      server.url,
      'POST',
      `/v1/leads/${leadId}/actions`,
      polish.members.sales.token,
      action,
    );
    expect(direct.status).toBe(409);
    expect(answer).toEqual({
      ok: false,
      kind: 'refused',
      message: `LeadPact odrzucił to: ${String(direct.body.detail)}`,
      view: null,
    });
    expect(String(direct.body.detail)).toContain('Umowa wymaga co najmniej');
    expect(posts(fake)).toHaveLength(1);
    expect(await eventsOf(polish, leadId)).toHaveLength(before.length);
  });

  it('should refuse an action on a stale view, show the lead as it is now and what happened since', async () => {
    const leadId = await seedMql(team);
    const { fake, as } = await sharedSheet(server.url, fetcher);
    const sam = await as(team.members.sales.token);
    pullLeadRows(sam.services, [leadId]);
    const view = opened(sam.call<LeadViewAnswer>('getLeadView', { leadId }));
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
    const answer = sam.call<LeadActionAnswer>('sendLeadAction', {
      leadId,
      version: view.version,
      action: { type: 'accept' },
    });
    expect(answer.kind).toBe('stale');
    expect(answer.message).toBe(
      `The lead changed since you opened it, so nothing was sent. Since then: Contact attempt: E-mail · No answer (${team.members.management.name}). Check it and send again.`,
    );
    expect(answer.view?.version).toBe(view.version + 1);
    expect(await eventsOf(team, leadId, 'accepted')).toHaveLength(0);
    const sheet = fake.spreadsheet.sheet('Leads');
    expect(sheet.peek(rowOf(sheet, leadId), columnOf(sheet, 'attempts'))?.value).toBe(1);
  });
});
