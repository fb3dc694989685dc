import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadViewHtml } from '../../../apps-script/src/lead-view-html';
import type { LeadAnswer, WorkContext } from '../../../apps-script/src/leads/lead-rows';
import { type LeadView, leadViewOf } from '../../../apps-script/src/leads/lead-view';
import { starterAgreement } from '../../../worker/domain/agreement/templates';
import type { Language, Role } from '../../../worker/domain/constants';
import { catalogueOf } from '../../../worker/domain/i18n';
import { launchChromium } from '../chromium';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  await mkdir('docs', { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

const EVIL = '<img src=x onerror="window.pwned=1">Ada';

/** A lead as `GET /v1/leads/{id}` answers it: an MQL with a form touch, assigned, one attempt logged. */
function leadAnswer(extraAttempt = false): LeadAnswer {
  const base = { sourceId: null, payload: {} as Record<string, unknown> };
  const events: LeadAnswer['events'] = [
    {
      ...base,
      seq: 1,
      type: 'created',
      occurredAt: '2026-03-02T08:00:00Z',
      actor: { type: 'source', id: 'src_web' },
    },
    {
      ...base,
      seq: 2,
      type: 'touch',
      occurredAt: '2026-03-02T08:00:00Z',
      actor: { type: 'source', id: 'src_web' },
      payload: { touchType: 'form_submitted' },
    },
    {
      ...base,
      seq: 3,
      type: 'mql',
      occurredAt: '2026-03-02T08:00:01Z',
      actor: { type: 'system', id: null },
      payload: { quadrant: 'fit' },
    },
    {
      ...base,
      seq: 4,
      type: 'assigned',
      occurredAt: '2026-03-02T08:00:01Z',
      actor: { type: 'system', id: null },
      payload: { memberId: 'mb_sam' },
    },
    {
      ...base,
      seq: 5,
      type: 'attempt',
      occurredAt: '2026-03-02T09:10:00Z',
      actor: { type: 'token', id: 'tk_sam' },
      payload: { memberId: 'mb_sam', channel: 'phone', outcome: 'no_answer', note: '<b>call</b> after 3' },
    },
  ];
  if (extraAttempt) {
    events.push({
      ...base,
      seq: 6,
      type: 'attempt',
      occurredAt: '2026-03-02T10:00:00Z',
      actor: { type: 'token', id: 'tk_sam' },
      payload: { memberId: 'mb_sam', channel: 'email', outcome: 'connected' },
    });
  }
  return {
    id: 'ld_01JQ7',
    stage: 'mql',
    email: 'ada@stalmet.pl',
    phone: '+48 600 100 200',
    firstName: EVIL,
    lastName: 'Buyer',
    company: 'Stalmet',
    ownerId: 'mb_sam',
    firstSourceId: 'src_web',
    campaign: 'webinar-q1',
    quadrant: 'fit',
    marketingTemperature: 'warm',
    salesTemperature: null,
    sales: {
      attempts: extraAttempt ? 2 : 1,
      firstAttemptAt: '2026-03-02T09:10:00Z',
      reachedAt: null,
      acceptedAt: null,
      sqlAt: null,
      opportunityAt: null,
      wonAt: null,
      closedAt: null,
    },
    events,
    sla: {
      next: { kind: 'first_touch', dueAt: '2026-03-02T16:00:00Z', status: 'due_soon' },
      worst: 'due_soon',
      deadlines: [
        { id: 'dl_1', kind: 'first_touch', status: 'due_soon', dueAt: '2026-03-02T16:00:00Z' },
        { id: 'dl_2', kind: 'decision', status: 'pending', dueAt: '2026-03-09T16:00:00Z' },
      ],
    },
    allowedActions: ['attempt', 'accept', 'reject', 'nurture', 'assign', 'feedback'],
    scores: {
      fit: {
        total: 45,
        threshold: 40,
        criteria: [
          { id: 'country', label: 'Based in our markets', kind: 'required', met: true, points: 0 },
          { id: 'size', label: '50+ employees', kind: 'weighted', met: true, points: 25 },
          { id: 'industry', label: 'Manufacturing', kind: 'weighted', met: false, points: 0 },
        ],
        role: { id: 'executive', label: 'Owner, CEO or another C-level executive', points: 20 },
      },
      engagement: {
        total: 20,
        threshold: 30,
        halfLifeDays: 30,
        touches: [{ type: 'form_submitted', count: 1, pointsEach: 20 }],
      },
      temperatureRule: { temperature: 'warm', label: 'Signed up and downloaded' },
    },
    businessHoursLeft: { dl_1: 1.5, dl_2: 40 },
  };
}

/** Sales members whose names try to be mark-up and a formula: the picker must show them as text. */
const SALES = [
  { id: 'mb_eve', name: '<img src=x onerror="window.pwned=2">Eve' },
  { id: 'mb_bea', name: '=HYPERLINK("http://evil.test","x") Bea' },
  { id: 'mb_sam', name: 'Sam Sales' },
];

function viewIn(
  language: Language,
  extraAttempt = false,
  role: Role | null = null,
  team: { sales: typeof SALES; ownerId: string | null } = { sales: SALES, ownerId: 'mb_sam' },
): LeadView {
  const context: WorkContext = {
    terms: { rejectionReasons: [], sqlCriteria: [] },
    agreement: starterAgreement(language, { timezone: 'Europe/Warsaw', country: 'PL' }),
    directory: { memberNames: { mb_sam: 'Sam Sales' }, sourceNames: { src_web: 'Website form' } },
    salesMembers: team.sales,
  };
  const lead = { ...leadAnswer(extraAttempt), ownerId: team.ownerId };
  return leadViewOf(lead, context, language, 'Europe/Warsaw', role);
}

/** A `google.script.run` stand-in that answers as the script would and records each call. */
function stub(view: LeadView, after: LeadView, refusal: string, sent: string): string {
  const data = JSON.stringify({ view, after, refusal, sent }).replace(/</g, '\\u003c');
  return `
  window.calls = [];
  const D = ${data};
  const answers = {
    getLeadView: () => ({ ok: true, view: D.view }),
    sendLeadAction: (r) => r.action.type === 'reject'
      ? { ok: false, kind: 'refused', message: D.refusal, view: null }
      : { ok: true, kind: 'sent', message: D.sent, view: D.after },
  };
  function runner(success, failure) {
    return new Proxy({}, {
      get(_, name) {
        if (name === 'withSuccessHandler') return (f) => runner(f, failure);
        if (name === 'withFailureHandler') return (f) => runner(success, f);
        return (...args) => {
          window.calls.push([name, ...JSON.parse(JSON.stringify(args))]);
          setTimeout(() => success && success(answers[name](...args)), 0);
        };
      },
    });
  }
  window.google = { script: { run: runner(null, null) } };
`;
}

const calls = (page: Page) => page.evaluate(() => (globalThis as unknown as { calls: unknown[][] }).calls);
const texts = (page: Page, selector: string) =>
  page.$$eval(selector, (nodes) => nodes.map((n) => n.textContent));

async function openPage(
  language: Language,
  refusal: string,
  role: Role | null = null,
  team?: Parameters<typeof viewIn>[3],
) {
  const t = catalogueOf(language).sheet.leadView;
  const view = viewIn(language, false, role, team);
  const after = viewIn(language, true, role, team);
  const page = await browser.newPage({ viewport: { width: 300, height: 1400 } });
  const sent = `${t.sent.replace('{action}', t.inputs.attempt)}`;
  await page.setContent(
    leadViewHtml(t).replace('<head>', `<head><script>${stub(view, after, refusal, sent)}</script>`),
  );
  await expect.poll(() => page.textContent('#name')).toBe(`${EVIL} Buyer`);
  return { page, view, after, t, sent };
}

describe('the lead view in Chromium', () => {
  it('should show one lead as text, keep a refused action’s input with the reason, and refresh after a sent one (en)', async () => {
    const refusal =
      'LeadPact refused this: The agreement asks for at least 3 attempts over 2 channels before a lead is rejected: log 2 more attempts first.';
    const { page, view, t, sent } = await openPage('en', refusal);
    expect((await calls(page))[0]).toEqual(['getLeadView', { leadId: '' }]);
    // A name with mark-up stays text: no element made, no script run.
    expect(await page.$('#name img')).toBeNull();
    expect(await page.$('img')).toBeNull();
    expect(await page.evaluate(() => (globalThis as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await texts(page, '#history .note')).toEqual(['<b>call</b> after 3']);
    expect(await page.$('#history b')).toBeNull();
    expect(await texts(page, '#profile td.label')).toEqual(view.profile.map((p) => p.label));
    expect(await texts(page, '#actions button')).toEqual([
      'Log an attempt',
      'Accept',
      'Reject',
      'Send to nurture',
      'Feedback',
    ]);
    expect(await texts(page, '#scores li')).toContain('✓ 50+ employees: +25');
    expect(await texts(page, '#scores li')).toContain('✗ Manufacturing');
    expect((await texts(page, '#deadlines li'))[0]).toContain('1.5 business hours left');
    expect((await texts(page, '#history li > div.muted'))[0]).toContain('Sam Sales');

    // Reject before the attempt rule is met: the Worker refuses; the person's ticks and note stay.
    await page.click('#actions button[data-action="reject"]');
    await page.check('#form input[name="reason"][value="no_budget"]');
    await page.fill('#form textarea[name="note"]', 'Maybe next year');
    await page.click('#send');
    await expect.poll(() => page.textContent('#status')).toBe(refusal);
    expect(await page.getAttribute('#status', 'class')).toBe('error');
    expect(await page.isChecked('#form input[name="reason"][value="no_budget"]')).toBe(true);
    expect(await page.inputValue('#form textarea[name="note"]')).toBe('Maybe next year');
    expect((await calls(page)).at(-1)).toEqual([
      'sendLeadAction',
      {
        leadId: 'ld_01JQ7',
        version: 5,
        action: { type: 'reject', reasons: ['no_budget'], note: 'Maybe next year' },
      },
    ]);

    await page.screenshot({ path: 'docs/sheet-lead-view.png', fullPage: true });

    // An attempt by e-mail that connected: sent, the view shows the new history and closes the form.
    await page.click('#actions button[data-action="attempt"]');
    await page.selectOption('#form select[name="channel"]', 'email');
    await page.selectOption('#form select[name="outcome"]', 'connected');
    await page.click('#send');
    await expect.poll(() => page.textContent('#status')).toBe(sent);
    expect((await calls(page)).at(-1)).toEqual([
      'sendLeadAction',
      { leadId: 'ld_01JQ7', version: 5, action: { type: 'attempt', channel: 'email', outcome: 'connected' } },
    ]);
    expect((await texts(page, '#history > li'))[0]).toContain('Contact attempt: E-mail · Connected');
    expect(await page.isHidden('#form')).toBe(true);
    expect(t.title).toBe('Lead');
    await page.close();
  });

  it('should speak the team’s language (ru): sections, labels, buttons, and the Worker’s refusal as it came', async () => {
    const refusal = 'LeadPact отклонил это: Соглашение требует не менее 3 попыток по 2 каналам.';
    const { page, t } = await openPage('ru', refusal);
    expect(await page.textContent('#profileTitle')).toBe('Профиль');
    expect(await page.textContent('#openSelected')).toBe(t.openSelected);
    expect(await texts(page, '#profile td.label')).toContain('Компания');
    expect(await texts(page, '#actions button')).toContain('Записать попытку');
    expect((await texts(page, '#deadlines li'))[0]).toContain('осталось 1,5 рабочего часа');
    expect(await page.$('img')).toBeNull();
    await page.click('#actions button[data-action="reject"]');
    await page.check('#form input[name="reason"][value="no_budget"]');
    await page.click('#send');
    await expect.poll(() => page.textContent('#status')).toBe(refusal);
    expect(await page.isChecked('#form input[name="reason"][value="no_budget"]')).toBe(true);
    await page.close();
  });

  it('should give a manager the assign picker: members as text, the owner marked and not choosable, the choice sent', async () => {
    const { page, sent } = await openPage('en', 'unused', 'manager');
    expect(await texts(page, '#actions button')).toEqual([
      'Log an attempt',
      'Accept',
      'Reject',
      'Send to nurture',
      'Feedback',
      'Assign',
    ]);
    await page.click('#actions button[data-action="assign"]');
    expect(await texts(page, '#form label')).toContain(
      `New owner${SALES.map((m) => m.name).join('')} (owns it now)`,
    );
    expect(await texts(page, '#form select[name="memberId"] option')).toEqual([
      SALES[0]?.name,
      SALES[1]?.name,
      'Sam Sales (owns it now)',
    ]);
    // Names are text: no element made from them, no script run.
    expect(await page.$('img')).toBeNull();
    expect(await page.evaluate(() => (globalThis as unknown as { pwned?: number }).pwned)).toBeUndefined();
    // The owner is preselected and cannot be chosen; Send waits for someone else.
    expect(await page.inputValue('#form select[name="memberId"]')).toBe('mb_sam');
    expect(await page.isDisabled('#form option[value="mb_sam"]')).toBe(true);
    expect(await page.isDisabled('#send')).toBe(true);
    await page.selectOption('#form select[name="memberId"]', 'mb_bea');
    expect(await page.isDisabled('#send')).toBe(false);
    await page.fill('#form textarea[name="note"]', 'Bea covers Silesia');
    await page.screenshot({ path: 'docs/sheet-lead-assign.png', fullPage: true });
    await page.click('#send');
    await expect.poll(() => page.textContent('#status')).toBe(sent);
    expect((await calls(page)).at(-1)).toEqual([
      'sendLeadAction',
      {
        leadId: 'ld_01JQ7',
        version: 5,
        action: { type: 'assign', memberId: 'mb_bea', note: 'Bea covers Silesia' },
      },
    ]);
    await page.close();
  });

  it('should start an unowned lead’s picker on “choose”, and say so when the owner is the only sales member (pl)', async () => {
    const unowned = await openPage('pl', 'unused', 'manager', { sales: SALES, ownerId: null });
    await unowned.page.click('#actions button[data-action="assign"]');
    expect(await texts(unowned.page, '#form select[name="memberId"] option')).toEqual([
      'Wybierz handlowca',
      ...SALES.map((m) => m.name),
    ]);
    expect(await unowned.page.inputValue('#form select[name="memberId"]')).toBe('');
    expect(await unowned.page.isDisabled('#send')).toBe(true);
    await unowned.page.selectOption('#form select[name="memberId"]', 'mb_sam');
    expect(await unowned.page.isDisabled('#send')).toBe(false);
    await unowned.page.close();

    const alone = await openPage('pl', 'unused', 'manager', {
      sales: [SALES[2] as (typeof SALES)[number]],
      ownerId: 'mb_sam',
    });
    await alone.page.click('#actions button[data-action="assign"]');
    expect(await texts(alone.page, '#form div.muted')).toContain(alone.t.inputs.noAssignee);
    expect(await texts(alone.page, '#form select[name="memberId"] option')).toEqual([
      'Sam Sales (obecny opiekun)',
    ]);
    expect(await alone.page.isDisabled('#send')).toBe(true);
    await alone.page.close();
  });
});
