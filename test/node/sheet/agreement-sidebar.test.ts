import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conflictHtml } from '../../../apps-script/src/agreement/conflict-html';
import { reviewHtml } from '../../../apps-script/src/agreement/review-html';
import { compareEdits, diffAgreements, starterAgreement } from '../../../worker/domain/agreement';
import type { Agreement } from '../../../worker/domain/agreement/schema';
import type { Language } from '../../../worker/domain/constants';
import { catalogueOf, fill } from '../../../worker/domain/i18n';
import { launchChromium } from '../chromium';

/**
 * The agreement's sidebar views in Chromium with a stubbed `google.script.run`
 * that answers what the add-on's modules answer, built from real agreements
 * by the domain (compareEdits, the Worker's diff) in the workspace language.
 */
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  await mkdir('docs', { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

const XSS = '<img src=x onerror="window.pwned=1">';
/** What people typed: mark-up in the Polish runs (it must stay text), plain words in the English ones (the screenshots). */
const typed = (language: Language, plain: string) => (language === 'pl' ? XSS : plain);
const OPTIONS = { timezone: 'Europe/Warsaw', country: 'PL' };

function edited(agreement: Agreement, change: (draft: Agreement) => void): Agreement {
  const copy = structuredClone(agreement);
  change(copy);
  return copy;
}

/** Answers per function name, each a list used in turn (the last one repeats). */
function stub(answers: Record<string, unknown[]>): string {
  return `
  window.calls = [];
  const answers = ${JSON.stringify(answers).replace(/</g, '\\u003c')};
  const used = {};
  function runner(success, failure) {
    return new Proxy({}, {
      get(_, name) {
        if (name === 'withSuccessHandler') return (f) => runner(f, failure);
        if (name === 'withFailureHandler') return (f) => runner(success, f);
        return (...args) => {
          window.calls.push([name, ...args]);
          const list = answers[name];
          const i = Math.min(used[name] || 0, list.length - 1);
          used[name] = (used[name] || 0) + 1;
          setTimeout(() => success && success(list[i]), 0);
        };
      },
    });
  }
  window.google = { script: { run: runner(null, null) } };`;
}

async function open(html: string, answers: Record<string, unknown[]>): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  await page.setContent(html.replace('<head>', `<head><script>${stub(answers)}</script>`));
  return page;
}

const calls = (page: Page) => page.evaluate(() => (globalThis as unknown as { calls: unknown[][] }).calls);
const pwned = (page: Page) => page.evaluate(() => (globalThis as unknown as { pwned?: number }).pwned);

function conflictViews(language: Language) {
  const base = starterAgreement(language, OPTIONS);
  const mine = edited(base, (d) => {
    const term = d.glossary.terms[0];
    if (term) term.term = typed(language, 'Suspect company');
    d.sla.minAttempts = 5;
  });
  const theirs = edited(base, (d) => {
    d.sla.minAttempts = 4;
    d.meetings.weekly.durationMinutes = 50;
  });
  const view = (t: Agreement, etag: string) => {
    const comparison = compareEdits(base, mine, t, language);
    return {
      ok: true,
      etag,
      sections: comparison.sections.filter((s) => s.state !== 'unchanged'),
      conflicts: comparison.conflicts,
    };
  };
  return {
    first: view(theirs, '"draft-3"'),
    second: view(
      edited(theirs, (d) => {
        d.title = 'Changed meanwhile';
      }),
      '"draft-4"',
    ),
  };
}

describe.each(['en', 'pl'] as const)('the conflict view in Chromium (%s)', (language) => {
  const words = catalogueOf(language).review;

  it('should show each side’s changes per section, re-apply with the chosen sections, and show a second conflict in place', async () => {
    const { first, second } = conflictViews(language);
    const page = await open(conflictHtml(words), {
      getAgreementConflict: [first],
      reapplyMyEdits: [
        { ok: false, message: words.changedAgain, view: second },
        { ok: true, message: fill(words.reapplied, { revision: 5 }) },
      ],
    });
    await expect.poll(() => page.locator('.section').count()).toBe(3);
    expect(await page.textContent('#title')).toBe(words.conflictTitle);
    expect(await page.textContent('#reapply')).toBe(words.reapply);
    const sections = page.locator('.section');
    expect(await sections.nth(0).locator('h4').textContent()).toBe(
      catalogueOf(language).agreement.sections.glossary,
    );
    expect(await sections.nth(0).locator('.state').textContent()).toBe(words.states.mine);
    // The term a person typed is text on the page, never mark-up.
    expect(await sections.nth(0).locator('li').first().textContent()).toContain(
      typed(language, 'Suspect company'),
    );
    expect(await page.$('img')).toBeNull();
    expect(await sections.nth(1).locator('.state').textContent()).toBe(words.states.conflict);
    expect(await sections.nth(1).locator('li').allTextContents()).toEqual([
      'sla.minAttempts: 3 → 5.',
      'sla.minAttempts: 3 → 4.',
    ]);
    expect(await sections.nth(2).locator('.state').textContent()).toBe(words.states.theirs);
    // Only the conflicting section offers the choice.
    expect(await page.locator('input.keep').count()).toBe(1);
    await page.check('input.keep');
    await page.click('#reapply');
    await expect.poll(() => page.textContent('#status')).toBe(words.changedAgain);
    expect(await page.getAttribute('#status', 'class')).toBe('error');
    await expect.poll(() => page.locator('.section').count()).toBe(4);
    expect(await sections.nth(0).locator('h4').textContent()).toBe(words.parts.title);
    // The choice made before survives the new comparison.
    expect(await page.isChecked('input.keep')).toBe(true);
    if (language === 'en')
      await page.screenshot({ path: 'docs/sheet-agreement-conflict.png', fullPage: true });
    await page.click('#reapply');
    await expect.poll(() => page.textContent('#status')).toBe(fill(words.reapplied, { revision: 5 }));
    expect(await page.locator('.section').count()).toBe(0);
    expect(await page.isHidden('#reapply')).toBe(true);
    const made = (await calls(page)).filter((c) => c[0] === 'reapplyMyEdits');
    expect(made).toEqual([
      ['reapplyMyEdits', { etag: '"draft-3"', keepMine: ['sla'] }],
      ['reapplyMyEdits', { etag: '"draft-4"', keepMine: ['sla'] }],
    ]);
    expect(await pwned(page)).toBeUndefined();
    await page.close();
  });
});

function reviewViews(language: Language) {
  const c = catalogueOf(language);
  const w = c.review;
  const active = starterAgreement(language, OPTIONS);
  const draft = edited(active, (d) => {
    d.sla.firstTouchHours.perfect = 2;
    d.title = typed(language, 'Marketing and sales pact, 2027');
  });
  const diff = diffAgreements(active, draft, language);
  const labels: Record<string, string> = { ...c.agreement.sections, ...w.parts };
  const at = '1 Dec 2026, 10:00';
  const base = {
    ok: true,
    active: fill(w.active, { number: 1, at }),
    draft: {
      etag: '"draft-7"',
      heading: fill(w.draftAgainst, { from: 1 }),
      sections: diff.sections.map((s) => ({
        label: labels[s.section],
        changes: s.changes.map((x) => x.text),
      })),
      canPropose: true,
    },
    pending: null,
    noPending: w.noPending,
  };
  const pending = {
    number: 2,
    hash: 'a'.repeat(64),
    heading: fill(w.pending, { number: 2 }),
    sides: [
      {
        side: 'marketing',
        signed: true,
        // A member's name is the team's text: shown as typed.
        text: fill(w.signedBy, {
          side: c.agreement.sides.marketing,
          name: typed(language, 'Marta Nowak'),
          at,
        }),
      },
      { side: 'sales', signed: false, text: fill(w.notSigned, { side: c.agreement.sides.sales }) },
    ],
    signLabel: fill(w.signAs, { side: c.agreement.sides.sales }),
    canSign: true,
  };
  return {
    initial: base,
    proposed: { ...base, pending },
    activeNow: {
      ...base,
      active: fill(w.active, { number: 2, at }),
      draft: { ...base.draft, heading: fill(w.draftSame, { from: 2 }), sections: [], canPropose: false },
    },
  };
}

describe.each(['en', 'pl'] as const)('the agreement view in Chromium (%s)', (language) => {
  const c = catalogueOf(language);
  const words = c.review;

  it('should show the draft against the active version, propose it, show a refusal as text, and sign', async () => {
    const views = reviewViews(language);
    const refusal =
      `${typed(language, '')} ${language === 'pl' ? 'Brak uprawnień' : 'Your role may not propose.'}`.trim();
    const page = await open(reviewHtml(words), {
      getAgreementReview: [views.initial],
      proposeDraft: [
        { ok: false, message: refusal, view: views.initial },
        { ok: true, message: fill(words.proposed, { number: 2 }), view: views.proposed },
      ],
      signPendingVersion: [
        { ok: true, message: fill(words.nowActive, { number: 2 }), view: views.activeNow },
      ],
    });
    await expect.poll(() => page.textContent('#active')).toBe(views.initial.active);
    expect(await page.textContent('#title')).toBe(words.reviewTitle);
    expect(await page.textContent('#draftHeading')).toBe(fill(words.draftAgainst, { from: 1 }));
    const sections = page.locator('#draft .section');
    expect(await sections.locator('strong').allTextContents()).toEqual([
      words.parts.title,
      c.agreement.sections.sla,
    ]);
    expect(await sections.nth(1).locator('li').allTextContents()).toEqual([
      'sla.firstTouchHours.perfect: 1 → 2.',
    ]);
    expect(await sections.nth(0).locator('li').first().textContent()).toContain(
      typed(language, 'Marketing and sales pact, 2027'),
    );
    expect(await page.textContent('#pendingHeading')).toBe(words.noPending);
    expect(await page.isHidden('#sign')).toBe(true);
    expect(await page.textContent('#propose')).toBe(words.propose);

    await page.click('#propose');
    await expect.poll(() => page.textContent('#status')).toBe(refusal);
    expect(await page.getAttribute('#status', 'class')).toBe('error');
    await page.click('#propose');
    await expect.poll(() => page.textContent('#status')).toBe(fill(words.proposed, { number: 2 }));
    expect(await page.textContent('#pendingHeading')).toBe(fill(words.pending, { number: 2 }));
    expect(await page.locator('#sides li').allTextContents()).toEqual(
      views.proposed.pending.sides.map((s) => s.text),
    );
    expect(await page.getAttribute('#sides li >> nth=1', 'class')).toBe('unsigned');
    expect(await page.textContent('#sign')).toBe(fill(words.signAs, { side: c.agreement.sides.sales }));
    if (language === 'en') await page.screenshot({ path: 'docs/sheet-agreement-review.png', fullPage: true });

    await page.click('#sign');
    await expect.poll(() => page.textContent('#status')).toBe(fill(words.nowActive, { number: 2 }));
    expect(await page.textContent('#active')).toBe(views.activeNow.active);
    expect(await page.textContent('#pendingHeading')).toBe(words.noPending);
    expect(await page.locator('#sides li').count()).toBe(0);
    expect(await page.isHidden('#sign')).toBe(true);
    expect(await page.locator('#draft .section').count()).toBe(0);
    // The draft is the active version now: nothing to propose.
    expect(await page.isHidden('#propose')).toBe(true);

    const made = (await calls(page)).filter((call) => call[0] !== 'getAgreementReview');
    expect(made).toEqual([
      ['proposeDraft', { etag: '"draft-7"' }],
      ['proposeDraft', { etag: '"draft-7"' }],
      ['signPendingVersion', { number: 2, hash: 'a'.repeat(64) }],
    ]);
    expect(await page.$('img')).toBeNull();
    expect(await pwned(page)).toBeUndefined();
    await page.close();
  });
});
