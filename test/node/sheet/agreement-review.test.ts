import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  readAgreementBase,
  readPendingEdits,
  savePendingEdits,
} from '../../../apps-script/src/agreement/pending-edits';
import { buildAddon } from '../../../scripts/sheets-build.mjs';
import type { Agreement } from '../../../worker/domain/agreement/schema';
import { startWorkerServer, type WorkerServer } from '../worker-server';
import { SyncFetcher, type SyncResponse } from './fakes/sync-fetch';
import { sharedSheet } from './shared-sheet';
import { api, type SeededTeam, seedTeam } from './team-seed';

/**
 * The agreement's review from the sidebar: the built bundle in a bare V8
 * context with the fakes, against the real Worker. Each person opens the same
 * spreadsheet with their own user properties (their own token).
 */
let server: WorkerServer;
let fetcher: SyncFetcher;

beforeAll(async () => {
  [server] = await Promise.all([startWorkerServer(), buildAddon()]);
  fetcher = new SyncFetcher();
}, 180_000);

afterAll(async () => {
  await fetcher?.close();
  await server?.dispose();
});

type Fetch = SyncFetcher['fetch'];

/** The shared sheet whose `intercept` sees every call before the Worker does. */
async function sheetWithIntercept() {
  let intercept: ((url: string, init: Parameters<Fetch>[1]) => void) | null = null;
  const through = {
    fetch: (url: string, init: Parameters<Fetch>[1]): SyncResponse => {
      intercept?.(url, init);
      return fetcher.fetch(url, init);
    },
  } as unknown as SyncFetcher;
  return {
    ...(await sharedSheet(server.url, through)),
    intercept: (f: typeof intercept) => {
      intercept = f;
    },
  };
}

async function draftOf(team: SeededTeam) {
  const res = await api(team.url, 'GET', '/v1/agreement/draft', team.admin);
  return res.body as unknown as { content: Agreement; etag: string; revision: number };
}

/** Replaces the draft through the API as `token`, the way another person's edit lands. */
async function editDraft(team: SeededTeam, token: string, change: (content: Agreement) => void) {
  const draft = await draftOf(team);
  change(draft.content);
  const res = await api(team.url, 'PUT', '/v1/agreement/draft', token, draft.content, {
    'if-match': draft.etag,
  });
  expect(res.status).toBe(200);
}

interface ReviewView {
  ok: boolean;
  message?: string;
  active: string;
  draft: {
    etag: string;
    heading: string;
    sections: Array<{ label: string; changes: string[] }>;
    canPropose: boolean;
  };
  pending: null | {
    number: number;
    hash: string;
    heading: string;
    sides: Array<{ side: string; signed: boolean; text: string }>;
    signLabel: string;
    canSign: boolean;
  };
}
interface ActionAnswer {
  ok: boolean;
  message: string;
  view?: ReviewView;
}

describe('proposing and signing from the sidebar', () => {
  it('should make a proposal signed by both sides, each with their own token, the active version', async () => {
    const team = await seedTeam(server.url, server.adminSecret);
    await editDraft(team, team.members.marketing.token, (c) => {
      c.sla.firstTouchHours.perfect = 2;
    });
    const { fake, as } = await sharedSheet(server.url, fetcher);
    const mia = await as(team.members.marketing.token);
    const sam = await as(team.members.sales.token);

    const review = mia.globals.getAgreementReview?.() as ReviewView;
    expect(review.ok).toBe(true);
    expect(review.active).toMatch(/^Active: version 1, since .+\.$/);
    expect(review.draft.heading).toBe('What the draft changes against version 1:');
    expect(review.draft.sections).toEqual([
      { label: 'Handoff SLA', changes: ['sla.firstTouchHours.perfect: 1 → 2.'] },
    ]);
    expect(review.pending).toBeNull();
    expect(review.draft.canPropose).toBe(true);

    const proposed = mia.globals.proposeDraft?.({ etag: review.draft.etag }) as ActionAnswer;
    expect(proposed).toMatchObject({ ok: true, message: 'Version 2 is proposed and awaits signatures.' });
    const pending = proposed.view?.pending;
    expect(pending).toMatchObject({
      number: 2,
      heading: 'Version 2 awaits signatures',
      signLabel: 'Sign as Marketing',
    });
    expect(pending?.sides.map((s) => s.text)).toEqual(['Marketing: not signed yet', 'Sales: not signed yet']);
    const proposeCall = fake.fetches.find(
      (f) => f.method === 'POST' && f.url.endsWith('/v1/agreement/draft/propose'),
    );
    expect(proposeCall?.headers).toMatchObject({
      authorization: `Bearer ${team.members.marketing.token}`,
      'if-match': review.draft.etag,
    });

    const first = mia.globals.signPendingVersion?.({
      number: pending?.number,
      hash: pending?.hash,
    }) as ActionAnswer;
    expect(first).toMatchObject({ ok: true, message: 'Signed for Marketing.' });
    expect(first.view?.pending?.sides[0]?.text).toMatch(
      new RegExp(`^Marketing: signed by ${team.members.marketing.name}, .+`),
    );
    expect(first.view?.pending?.canSign).toBe(false);

    // Sam opens the sidebar with his own token and signs for sales.
    const samView = sam.globals.getAgreementReview?.() as ReviewView;
    expect(samView.pending).toMatchObject({ number: 2, signLabel: 'Sign as Sales', canSign: true });
    const before = fake.fetches.length;
    const second = sam.globals.signPendingVersion?.({
      number: samView.pending?.number,
      hash: samView.pending?.hash,
    }) as ActionAnswer;
    expect(second).toMatchObject({ ok: true, message: 'Version 2 is active now; the sheet is refreshed.' });
    expect(second.view?.active).toMatch(/^Active: version 2, since .+\.$/);
    expect(second.view?.pending).toBeNull();
    expect(second.view?.draft).toMatchObject({
      heading: 'The draft is the same as version 2.',
      sections: [],
      canPropose: false,
    });
    const calls = fake.fetches.slice(before);
    const signCall = calls.find((f) => f.url.endsWith('/v1/agreement/versions/2/signatures'));
    expect(signCall?.headers.authorization).toBe(`Bearer ${team.members.sales.token}`);
    expect(signCall?.status).toBe(201);

    const overview = (await api(team.url, 'GET', '/v1/agreement', team.admin)).body as {
      active: { number: number; signatures: Array<{ side: string; memberName: string }> };
      pending: null;
    };
    expect(overview.active.number).toBe(2);
    expect(overview.active.signatures.map((s) => [s.side, s.memberName])).toEqual([
      ['marketing', team.members.marketing.name],
      ['sales', team.members.sales.name],
    ]);
    expect(overview.pending).toBeNull();

    // The sheet was refreshed after the signature: the Agreement tab says who signed version 2.
    expect(
      calls.some((f) => f.url.includes('/v1/sheet/snapshot?') || f.url.endsWith('/v1/sheet/snapshot')),
    ).toBe(true);
    const grid = fake.spreadsheet.sheet('Agreement').dump();
    const row = (label: string) => grid.find((r) => r[0] === label) ?? [];
    expect(row('Active version')[1]).toBe(2);
    const signatures = grid.findIndex((r) => r[0] === 'Signatures of version 2');
    expect(signatures).toBeGreaterThan(0);
    expect(grid.slice(signatures + 2, signatures + 4).map((r) => r.slice(0, 2))).toEqual([
      ['Marketing', team.members.marketing.name],
      ['Sales', team.members.sales.name],
    ]);
  });

  it('should show the Worker’s refusal to a role that may not propose or sign, and change nothing', async () => {
    const team = await seedTeam(server.url, server.adminSecret);
    await editDraft(team, team.members.marketing.token, (c) => {
      c.title = 'Our pact, second edition';
    });
    const viewerToken = String(
      (await api(team.url, 'POST', '/v1/tokens', team.admin, { role: 'viewer', label: 'board' })).body.token,
    );
    const { as } = await sharedSheet(server.url, fetcher);
    const viewer = await as(viewerToken);
    const view = viewer.globals.getAgreementReview?.() as ReviewView;
    const refused = viewer.globals.proposeDraft?.({ etag: view.draft.etag }) as ActionAnswer;
    const direct = await api(team.url, 'POST', '/v1/agreement/draft/propose', viewerToken);
    expect(direct.status).toBe(403);
    expect(refused).toMatchObject({ ok: false, message: String(direct.body.detail) });
    expect(refused.view?.pending).toBeNull();

    // A proposal exists; the admin's token may not sign (signing is a side's, not the admin's).
    const version = await api(team.url, 'POST', '/v1/agreement/draft/propose', team.members.marketing.token);
    expect(version.status).toBe(201);
    const admin = await as(team.admin);
    const adminView = admin.globals.getAgreementReview?.() as ReviewView;
    expect(adminView.pending).toMatchObject({ number: 2, signLabel: 'Sign', canSign: true });
    const noSide = admin.globals.signPendingVersion?.({
      number: adminView.pending?.number,
      hash: adminView.pending?.hash,
    }) as ActionAnswer;
    expect(noSide.ok).toBe(false);
    const again = await api(team.url, 'POST', '/v1/agreement/versions/2/signatures', team.admin, {});
    expect(again.status).toBe(403);
    expect(noSide.message).toBe(String(again.body.detail));
    const after = (await api(team.url, 'GET', '/v1/agreement/versions/2', team.admin)).body as {
      status: string;
      signatures: unknown[];
    };
    expect(after).toMatchObject({ status: 'proposed', signatures: [] });
    const versions = (await api(team.url, 'GET', '/v1/agreement/versions', team.admin)).body
      .data as unknown[];
    expect(versions).toHaveLength(2);
  });

  it('should refuse to sign content other than what was reviewed', async () => {
    const team = await seedTeam(server.url, server.adminSecret);
    await editDraft(team, team.members.marketing.token, (c) => {
      c.sla.minAttempts = 4;
    });
    const version = (await api(team.url, 'POST', '/v1/agreement/draft/propose', team.members.marketing.token))
      .body as { number: number };
    const { as } = await sharedSheet(server.url, fetcher);
    const sam = await as(team.members.sales.token);
    const stale = sam.globals.signPendingVersion?.({
      number: version.number,
      hash: '0'.repeat(64),
    }) as ActionAnswer;
    expect(stale.ok).toBe(false);
    expect(stale.message).toContain(`${version.number}`);
    const after = (await api(team.url, 'GET', `/v1/agreement/versions/${version.number}`, team.admin)).body;
    expect(after.signatures).toEqual([]);
  });
});

interface ConflictView {
  ok: boolean;
  etag: string;
  sections: Array<{ section: string; state: string; label: string; mine: string[]; theirs: string[] }>;
  conflicts: string[];
}

describe('re-applying my edits after a stale push', () => {
  it('should show both sides’ changes, overwrite nothing when the draft moves again, then re-apply on top', async () => {
    const team = await seedTeam(server.url, server.adminSecret);
    const { fake, as, intercept } = await sheetWithIntercept();
    const mia = await as(team.members.marketing.token);
    // What the sheet last rendered, and what Mia typed in the tabs since (a push answered 412 stores these).
    const base = await draftOf(team);
    const mine = structuredClone(base.content);
    const term = mine.glossary.terms[0];
    if (term) term.definition = 'Any manufacturer in Poland.';
    mine.sla.minAttempts = 5;
    // Meanwhile Sam changed the attempts and the weekly meeting through the API.
    await editDraft(team, team.members.sales.token, (c) => {
      c.sla.minAttempts = 4;
      c.meetings.weekly.durationMinutes = 50;
    });
    savePendingEdits(mia.services, { mine, base: base.content, baseEtag: base.etag });

    mia.globals.showAgreementConflict?.();
    expect(fake.ui.sidebars.at(-1)?.title).toBe('The agreement changed since your last refresh');
    const view = mia.globals.getAgreementConflict?.() as ConflictView;
    expect(view.ok).toBe(true);
    expect(view.sections.map((s) => [s.section, s.state])).toEqual([
      ['glossary', 'mine'],
      ['sla', 'conflict'],
      ['meetings', 'theirs'],
    ]);
    expect(view.conflicts).toEqual(['sla']);
    expect(view.sections[1]).toMatchObject({
      label: 'Handoff SLA',
      mine: ['sla.minAttempts: 3 → 5.'],
      theirs: ['sla.minAttempts: 3 → 4.'],
    });

    // Max changes the title between Mia's read of the draft and her write.
    intercept((url, init) => {
      if (init.method !== 'PUT' || !url.endsWith('/v1/agreement/draft')) return;
      intercept(null);
      const now = JSON.parse(
        fetcher.fetch(url, { method: 'GET', headers: { authorization: `Bearer ${team.admin}` } }).body,
      );
      now.content.title = 'Changed by Max meanwhile';
      const put = fetcher.fetch(url, {
        method: 'PUT',
        headers: {
          authorization: `Bearer ${team.members.management.token}`,
          'content-type': 'application/json',
          'if-match': now.etag,
        },
        body: JSON.stringify(now.content),
      });
      expect(put.status).toBe(200);
    });
    const stale = mia.globals.reapplyMyEdits?.({ etag: view.etag, keepMine: ['sla'] }) as {
      ok: boolean;
      message: string;
      view?: ConflictView;
    };
    expect(stale.ok).toBe(false);
    expect(stale.message).toBe(
      'The draft changed again meanwhile, so nothing was overwritten. These are the changes as they stand now.',
    );
    expect(stale.view?.sections.map((s) => [s.section, s.state])).toEqual([
      ['title', 'theirs'],
      ['glossary', 'mine'],
      ['sla', 'conflict'],
      ['meetings', 'theirs'],
    ]);
    const untouched = (await draftOf(team)).content;
    expect(untouched.title).toBe('Changed by Max meanwhile');
    expect(untouched.glossary).toEqual(base.content.glossary);
    expect(untouched.sla.minAttempts).toBe(4);
    expect(readPendingEdits(mia.services)?.mine).toEqual(mine);

    // Looking at an older comparison than the draft is refused without a write as well.
    const puts = () => fake.fetches.filter((f) => f.method === 'PUT').length;
    const putsBefore = puts();
    const old = mia.globals.reapplyMyEdits?.({ etag: view.etag, keepMine: ['sla'] }) as { ok: boolean };
    expect(old.ok).toBe(false);
    expect(puts()).toBe(putsBefore);

    const done = mia.globals.reapplyMyEdits?.({ etag: stale.view?.etag, keepMine: ['sla'] }) as {
      ok: boolean;
      message: string;
    };
    expect(done.ok).toBe(true);
    const merged = await draftOf(team);
    expect(done.message).toBe(
      `Your edits are in the draft (revision ${merged.revision}) and the tabs are refreshed.`,
    );
    expect(merged.content.title).toBe('Changed by Max meanwhile');
    expect(merged.content.glossary).toEqual(mine.glossary);
    expect(merged.content.sla.minAttempts).toBe(5);
    expect(merged.content.meetings.weekly.durationMinutes).toBe(50);
    const lastPut = fake.fetches.filter((f) => f.method === 'PUT').at(-1);
    expect(lastPut?.headers.authorization).toBe(`Bearer ${team.members.marketing.token}`);
    expect(readPendingEdits(mia.services)).toBeNull();
    expect(readAgreementBase(mia.services)?.etag).toBe(merged.etag);
  });

  it('should take a push refused as stale from the tabs through the conflict view to a draft with both changes, and rewrite the tabs', async () => {
    const team = await seedTeam(server.url, server.adminSecret);
    const { fake, as } = await sharedSheet(server.url, fetcher);
    const mia = await as(team.members.marketing.token);
    mia.globals.refreshNow?.();
    const base = await draftOf(team);
    // Sam changes the attempts rule through the API after Mia's refresh; Mia edits a definition in the Glossary tab.
    await editDraft(team, team.members.sales.token, (c) => {
      c.sla.minAttempts = 4;
    });
    const glossary = fake.spreadsheet.sheet('Glossary');
    let lead = 0;
    for (let row = 1; row < 200 && lead === 0; row++) if (glossary.peek(row, 1)?.value === 'lead') lead = row;
    expect(lead).toBeGreaterThan(0);
    glossary.type(lead, 3, 'Anyone who left a phone number and consent.');

    const pushed = mia.globals.pushAgreementEdits?.() as { ok: boolean };
    expect(pushed.ok).toBe(false);
    expect(fake.ui.sidebars.at(-1)?.title).toBe('The agreement changed since your last refresh');
    const view = mia.globals.getAgreementConflict?.() as ConflictView;
    expect(view.sections.map((s) => [s.section, s.state])).toEqual([
      ['glossary', 'mine'],
      ['sla', 'theirs'],
    ]);
    expect(view.sections[0]?.mine).toEqual([
      expect.stringMatching(
        /^glossary\.terms\[lead\]\.definition: .+ → "Anyone who left a phone number and consent\."\.$/,
      ),
    ]);

    const done = mia.globals.reapplyMyEdits?.({ etag: view.etag, keepMine: [] }) as { ok: boolean };
    expect(done.ok).toBe(true);
    const merged = await draftOf(team);
    expect(merged.content.glossary.terms.find((t) => t.key === 'lead')?.definition).toBe(
      'Anyone who left a phone number and consent.',
    );
    expect(merged.content.sla.minAttempts).toBe(4);
    expect(merged.revision).toBe(base.revision + 2);
    // The refresh after the re-apply rewrote the tabs from the merged draft: no "edits kept" line, the new base.
    expect(glossary.peek(lead, 3)?.value).toBe('Anyone who left a phone number and consent.');
    expect(String(glossary.peek(1, 1)?.value)).toMatch(/^LeadPact · refreshed/);
    expect(readPendingEdits(mia.services)).toBeNull();
    expect(readAgreementBase(mia.services)).toMatchObject({ etag: merged.etag, rendered: true });
    // A second push with nothing changed since is accepted against that base.
    expect(mia.globals.pushAgreementEdits?.()).toMatchObject({ ok: true });
  });

  it('should keep their version of a section both changed unless the person keeps mine', async () => {
    const team = await seedTeam(server.url, server.adminSecret);
    const { as } = await sharedSheet(server.url, fetcher, 'pl');
    const mia = await as(team.members.marketing.token);
    const base = await draftOf(team);
    const mine = structuredClone(base.content);
    mine.sla.minAttempts = 5;
    await editDraft(team, team.members.sales.token, (c) => {
      c.sla.minAttempts = 4;
    });
    savePendingEdits(mia.services, { mine, base: base.content, baseEtag: base.etag });
    const view = mia.globals.getAgreementConflict?.() as ConflictView & {
      sections: Array<{ stateText: string }>;
    };
    expect(view.sections).toMatchObject([
      {
        section: 'sla',
        label: 'SLA przekazania leadów',
        stateText: 'Zmienione przez Ciebie i przez kogoś innego',
      },
    ]);
    const done = mia.globals.reapplyMyEdits?.({ etag: view.etag, keepMine: [] }) as {
      ok: boolean;
      message: string;
    };
    expect(done.ok).toBe(true);
    expect(done.message).toMatch(/^Twoje zmiany są w szkicu \(rewizja \d+\)/);
    expect((await draftOf(team)).content.sla.minAttempts).toBe(4);
  });

  it('should show the Worker’s refusal when the chosen sections do not fit together, and change nothing', async () => {
    const team = await seedTeam(server.url, server.adminSecret);
    const { as } = await sharedSheet(server.url, fetcher);
    const mia = await as(team.members.marketing.token);
    const base = await draftOf(team);
    const reason = base.content.rejectionReasons.find((r) => r.criterion !== null);
    const criterion = reason?.criterion ?? '';
    expect(criterion).not.toBe('');
    // Mia relabels a reason tied to a criterion; meanwhile Sam drops that criterion and the reasons naming it.
    const mine = structuredClone(base.content);
    const relabelled = mine.rejectionReasons.find((r) => r.code === reason?.code);
    if (relabelled) relabelled.label = 'Relabelled by Mia';
    await editDraft(team, team.members.sales.token, (c) => {
      c.sqlCriteria = c.sqlCriteria.filter((x) => x.code !== criterion);
      c.rejectionReasons = c.rejectionReasons.filter((r) => r.criterion !== criterion);
    });
    savePendingEdits(mia.services, { mine, base: base.content, baseEtag: base.etag });
    const view = mia.globals.getAgreementConflict?.() as ConflictView;
    expect(view.conflicts).toEqual(['rejectionReasons']);
    const before = await draftOf(team);
    // Keeping mine there brings back a reason whose criterion is gone: the Worker refuses, naming the field.
    const refused = mia.globals.reapplyMyEdits?.({ etag: view.etag, keepMine: ['rejectionReasons'] }) as {
      ok: boolean;
      message: string;
    };
    expect(refused.ok).toBe(false);
    expect(refused.message).toMatch(/\(rejectionReasons\[\d+\]\.criterion: No SQL criterion /);
    expect(refused.message).toContain(criterion);
    const after = await draftOf(team);
    expect(after.etag).toBe(before.etag);
    expect(readPendingEdits(mia.services)?.mine).toEqual(mine);
  });

  it('should say there is nothing to re-apply when no push was refused', async () => {
    const team = await seedTeam(server.url, server.adminSecret);
    const { fake, as } = await sharedSheet(server.url, fetcher);
    const sam = await as(team.members.sales.token);
    expect(sam.globals.getAgreementConflict?.()).toEqual({
      ok: false,
      message:
        'No edits of yours are waiting: push the agreement tabs first (LeadPact › Push agreement edits).',
    });
    expect(sam.globals.reapplyMyEdits?.({})).toMatchObject({ ok: false });
    expect(fake.fetches.filter((f) => f.method === 'PUT')).toHaveLength(0);
  });
});
