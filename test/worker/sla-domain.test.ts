import { describe, expect, it } from 'vitest';
import { starterAgreement } from '../../worker/domain/agreement';
import { LANGUAGES } from '../../worker/domain/constants';
import {
  agendaPeriod,
  backoffMs,
  CHANNEL_DELETED_ERROR,
  channelBody,
  channelUrlIssue,
  DELIVERY_BACKOFF_BASE_MS,
  DELIVERY_BACKOFF_CAP_MS,
  DELIVERY_MAX_ATTEMPTS,
  isoWeekOf,
  mondayOfIsoWeek,
  nextWeeklyMeeting,
  noticeLines,
  outboxStep,
  planLeadDeadlines,
  settlementsOf,
  signatureHeader,
  summarizeDeadlines,
  sweepDeadline,
  verifySignatureHeader,
  weeklyMeetingAt,
  zonedInstant,
} from '../../worker/domain/sla';
import { webHost } from '../../worker/platform/web-host';

const sla = starterAgreement('en', { timezone: 'Europe/Warsaw', country: 'PL' }).sla;
const weekly = { day: 'mon' as const, time: '10:00', durationMinutes: 45, agenda: [] };

describe('lead deadlines (pure)', () => {
  it('should give the first touch the quadrant’s business hours', () => {
    const at = { submittedAt: '2026-11-23T08:00:00Z', mqlAt: '2026-11-23T08:00:00Z' }; // Monday 09:00 Warsaw
    const perfect = planLeadDeadlines(sla, { quadrant: 'perfect', ...at });
    const low = planLeadDeadlines(sla, { quadrant: 'low', ...at });
    expect(perfect[0]).toMatchObject({
      kind: 'first_touch',
      businessHours: 1,
      dueAt: '2026-11-23T09:00:00.000Z',
    });
    // 24 business hours from Monday 09:00 on a 09:00–17:00 week: Wednesday 17:00.
    expect(low[0]).toMatchObject({ businessHours: 24, dueAt: '2026-11-25T16:00:00.000Z' });
    expect(perfect[1]).toMatchObject({ kind: 'attempts', minAttempts: 3, minChannels: 2, businessDays: 5 });
    expect(perfect[2]).toMatchObject({ kind: 'decision', businessDays: 10 });
  });
});

describe('the sweep’s steps (pure)', () => {
  const d = {
    kind: 'first_touch' as const,
    dueSoonAt: '2026-11-23T11:00:00.000Z',
    dueAt: '2026-11-23T12:00:00.000Z',
    escalateAt: '2026-11-23T16:00:00.000Z',
    escalatedAt: null,
  };
  it.each([
    ['pending', '2026-11-23T10:59:59Z', null],
    ['pending', '2026-11-23T11:00:00Z', { steps: ['due_soon'], status: 'due_soon', nextAt: d.dueAt }],
    ['due_soon', '2026-11-23T12:00:00Z', { steps: ['breached'], status: 'breached', nextAt: d.escalateAt }],
    ['pending', '2026-11-23T12:30:00Z', { steps: ['breached'], status: 'breached', nextAt: d.escalateAt }],
    [
      'pending',
      '2026-11-24T09:00:00Z',
      { steps: ['breached', 'escalated'], status: 'breached', nextAt: null },
    ],
    ['breached', '2026-11-23T16:00:00Z', { steps: ['escalated'], status: 'breached', nextAt: null }],
    ['met', '2026-11-30T00:00:00Z', null],
  ] as const)(
    'should sweep a deadline that is %s at %s to the expected steps, or to none',
    (status, now, expected) => {
      expect(sweepDeadline({ ...d, status }, new Date(now))).toEqual(expected);
    },
  );

  it('should never escalate twice or escalate what has no escalation time', () => {
    const at = new Date('2026-12-01T00:00:00Z');
    expect(
      sweepDeadline({ ...d, status: 'breached', escalatedAt: '2026-11-23T16:00:00.000Z' }, at),
    ).toBeNull();
    expect(sweepDeadline({ ...d, kind: 'persona_review', escalateAt: null, status: 'due_soon' }, at)).toEqual(
      {
        steps: ['breached'],
        status: 'breached',
        nextAt: null,
      },
    );
  });

  it('should post the weekly agenda once, on time or late', () => {
    const w = { ...d, kind: 'weekly_report' as const, escalateAt: null, status: 'pending' as const };
    expect(sweepDeadline(w, new Date('2026-11-23T10:59:00Z'))).toBeNull();
    expect(sweepDeadline(w, new Date('2026-11-23T11:00:00Z'))).toEqual({
      steps: ['settled'],
      status: 'met',
      nextAt: null,
    });
    expect(sweepDeadline(w, new Date('2026-11-23T13:00:00Z'))?.status).toBe('met_late');
    expect(sweepDeadline({ ...w, status: 'met' }, new Date('2026-11-23T13:00:00Z'))).toBeNull();
  });
});

describe('what settles a deadline (pure)', () => {
  it.each([
    ['attempt', {}, ['meet', 'meet_attempt_rule']],
    ['qualified', { sql: true }, ['meet_all']],
    ['qualified', { sql: false }, []],
    ['rejected', {}, ['meet_all']],
    ['nurtured', {}, ['meet_all']],
    ['won', {}, ['meet_all']],
    ['erased', {}, ['cancel_all']],
    ['accepted', {}, []],
    ['feedback', {}, []],
    ['touch', {}, []],
  ] as const)(
    'should turn a %s event with payload %j into exactly the expected settlements',
    (type, payload, expected) => {
      expect(settlementsOf({ type, payload }).map((s) => s.type)).toEqual(expected);
    },
  );

  it('should show the next open deadline and the worst status', () => {
    const rows = [
      { kind: 'first_touch' as const, status: 'met_late' as const, dueAt: '2026-11-23T12:00:00Z' },
      { kind: 'attempts' as const, status: 'due_soon' as const, dueAt: '2026-11-30T08:00:00Z' },
      { kind: 'decision' as const, status: 'pending' as const, dueAt: '2026-12-07T08:00:00Z' },
    ];
    expect(summarizeDeadlines(rows)).toEqual({ next: rows[1], worst: 'due_soon' });
    expect(summarizeDeadlines([])).toEqual({ next: null, worst: null });
  });
});

describe('weeks, meetings and wall clocks (pure)', () => {
  it('should read ISO weeks, including week 53 and the turn of the year', () => {
    expect(mondayOfIsoWeek('2026-W48')).toBe('2026-11-23');
    expect(mondayOfIsoWeek('2026-W01')).toBe('2025-12-29');
    expect(mondayOfIsoWeek('2026-W53')).toBe('2026-12-28');
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53');
    expect(isoWeekOf('2026-11-29')).toBe('2026-W48');
    expect(() => mondayOfIsoWeek('2027-W53')).toThrow(/ISO week/);
    expect(() => mondayOfIsoWeek('2026-W00')).toThrow(/ISO week/);
  });

  it('should place wall-clock times on DST days as Temporal does', () => {
    expect(zonedInstant('2026-03-29', '02:30', 'Europe/Warsaw').toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    ); // 03:30 CEST
    expect(zonedInstant('2026-10-25', '02:30', 'Europe/Warsaw').toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    ); // first 02:30
    expect(zonedInstant('2026-11-02', '10:00', 'America/New_York').toISOString()).toBe(
      '2026-11-02T15:00:00.000Z',
    );
  });

  it('should find the meeting of a week and the period its agenda covers, across DST', () => {
    expect(weeklyMeetingAt(weekly, 'Europe/Warsaw', '2026-W48').toISOString()).toBe(
      '2026-11-23T09:00:00.000Z',
    );
    const period = agendaPeriod(weekly, 'Europe/Warsaw', '2026-W14'); // 30 March 2026, first Monday of CEST
    expect(period.start.toISOString()).toBe('2026-03-23T09:00:00.000Z');
    expect(period.end.toISOString()).toBe('2026-03-30T08:00:00.000Z');
    expect(nextWeeklyMeeting(weekly, 'Europe/Warsaw', new Date('2026-11-23T09:00:00Z')).week).toBe(
      '2026-W49',
    );
    expect(nextWeeklyMeeting(weekly, 'Europe/Warsaw', new Date('2026-11-23T08:59:00Z')).week).toBe(
      '2026-W48',
    );
  });
});

describe('notifications (pure)', () => {
  const notice = {
    topic: 'breached' as const,
    kind: 'first_touch' as const,
    dueAt: '2026-11-23T12:00:00Z',
    lead: { id: 'lead_1', name: 'Jan Kowalski (Hutmen)' },
    ownerName: 'Adam',
    recipients: [
      { memberId: 'm1', name: 'Adam', role: 'owner' as const },
      { memberId: 'm2', name: 'Olga', role: 'sales_lead' as const },
    ],
  };

  it.each([
    [
      'en',
      '🔴 SLA breached: first touch for Jan Kowalski (Hutmen) was due 23 Nov 2026, 13:00.',
      'For: Adam (owner), Olga (sales lead).',
    ],
    [
      'pl',
      '🔴 Naruszenie SLA: pierwszy kontakt dla Jan Kowalski (Hutmen) — termin minął 23 lis 2026, 13:00.',
      'Do: Adam (opiekun), Olga (szef sprzedaży).',
    ],
    [
      'ro',
      '🔴 SLA încălcat: primul contact pentru Jan Kowalski (Hutmen) avea termen 23 nov. 2026, 13:00.',
      'Pentru: Adam (responsabil), Olga (șeful vânzărilor).',
    ],
    [
      'ru',
      '🔴 Нарушение SLA: первый контакт по лиду Jan Kowalski (Hutmen), срок истёк 23 нояб. 2026 г., 13:00.',
      'Кому: Adam (ответственный), Olga (руководитель продаж).',
    ],
  ] as const)('should word a breach in %s', (language, first, last) => {
    const lines = noticeLines(notice, language, 'Europe/Warsaw');
    expect(lines[0]).toBe(first);
    expect(lines.at(-1)).toBe(last);
  });

  it('should have every language cover every topic and kind', () => {
    for (const language of LANGUAGES) {
      for (const topic of ['due_soon', 'breached', 'escalated'] as const) {
        for (const lead of [notice.lead, null]) {
          const [line] = noticeLines(
            { ...notice, topic, lead, kind: lead ? 'decision' : 'persona_review' },
            language,
            'UTC',
          );
          expect(line).not.toMatch(/\{\w+\}/);
        }
      }
    }
  });

  it('should escape chat markup in names and keep webhook payloads machine-readable', () => {
    const message = {
      id: 'k',
      type: 'sla.breached' as const,
      createdAt: '2026-11-23T12:00:00Z',
      workspaceId: 'ws_1',
      language: 'en' as const,
      lines: ['Lead <script> & co'],
      link: { url: 'https://x.test/v1/leads/1', label: 'Open the lead' },
      data: { lead: { id: '1' } },
    };
    expect(JSON.parse(channelBody('slack', message))).toEqual({
      text: 'Lead &lt;script&gt; &amp; co\n<https://x.test/v1/leads/1|Open the lead>',
    });
    expect(JSON.parse(channelBody('webhook', message))).toEqual({
      id: 'k',
      type: 'sla.breached',
      createdAt: '2026-11-23T12:00:00Z',
      workspaceId: 'ws_1',
      language: 'en',
      text: 'Lead <script> & co',
      url: 'https://x.test/v1/leads/1',
      lead: { id: '1' },
    });
  });

  it('should accept only real incoming webhook URLs', () => {
    expect(
      channelUrlIssue(
        'google_chat',
        'https://chat.googleapis.com/v1/spaces/A/messages?key=k',
        false,
        webHost,
      ),
    ).toBeNull();
    expect(
      channelUrlIssue('google_chat', 'https://chat.googleapis.com/v1/spaces/A/members', false, webHost),
    ).not.toBeNull();
    expect(channelUrlIssue('slack', 'https://hooks.slack.com/services/T/B/X', false, webHost)).toBeNull();
    expect(channelUrlIssue('webhook', 'https://user:pw@crm.test/hook', false, webHost)).not.toBeNull();
    expect(channelUrlIssue('webhook', 'http://127.0.0.1:8080/hook', false, webHost)).not.toBeNull();
    // The refusal says how a developer turns loopback on, and where.
    for (const url of ['http://127.0.0.1:8080/hook', 'http://localhost:3000/x', 'https://[::1]/x']) {
      const message = channelUrlIssue('webhook', url, false, webHost)?.message ?? '';
      expect(message).toContain('LEADPACT_ALLOW_LOOPBACK_WEBHOOKS=true');
      expect(message).toContain('.dev.vars');
      expect(message).toContain('restart');
    }
    expect(channelUrlIssue('webhook', 'http://127.0.0.1:8080/hook', true, webHost)).toBeNull();
  });

  it('should sign like Stripe and back off exponentially', async () => {
    const header = await signatureHeader('whsec_s', '{"a":1}', 1_700_000_000, webHost);
    // The MAC computed here, independently: HMAC-SHA256(secret, "t.body") in hex.
    const enc = new TextEncoder();
    const key = await crypto.subtle.importKey(
      'raw',
      enc.encode('whsec_s'),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, enc.encode('1700000000.{"a":1}')));
    const hex = [...mac].map((b) => b.toString(16).padStart(2, '0')).join('');
    expect(header).toBe(`t=1700000000,v1=${hex}`);
    expect(await verifySignatureHeader(header, '{"a":1}', 'whsec_s', 1_700_000_100, 300, webHost)).toBe(true);
    expect(
      await verifySignatureHeader(`${header},v1=00`, '{"a":1}', 'whsec_s', 1_700_000_100, 300, webHost),
    ).toBe(true);
    expect(await verifySignatureHeader(header, '{"a":2}', 'whsec_s', 1_700_000_100, 300, webHost)).toBe(
      false,
    );
    expect([1, 2, 3, 4].map((n) => backoffMs(n, 60_000, 600_000))).toEqual([
      60_000, 120_000, 240_000, 480_000,
    ]);
    expect(backoffMs(10, 60_000, 600_000)).toBe(600_000);
  });
});

describe('the outbox step after a try', () => {
  const now = new Date('2026-11-23T08:00:00Z');

  it('should deliver a sent message, give up on a final failure or the last try, and back off otherwise', () => {
    expect(outboxStep({ ok: true }, 1, now)).toEqual({ status: 'delivered' });
    expect(outboxStep({ ok: false, error: CHANNEL_DELETED_ERROR, final: true }, 1, now)).toEqual({
      status: 'failed',
      error: CHANNEL_DELETED_ERROR,
    });
    expect(outboxStep({ ok: false, error: 'HTTP 500', final: false }, DELIVERY_MAX_ATTEMPTS, now)).toEqual({
      status: 'failed',
      error: 'HTTP 500',
    });
    expect(outboxStep({ ok: false, error: 'HTTP 500', final: false }, 1, now)).toEqual({
      status: 'retry',
      error: 'HTTP 500',
      retryAt: new Date(now.getTime() + DELIVERY_BACKOFF_BASE_MS),
    });
    // The wait doubles per failure, never past the cap.
    const third = outboxStep({ ok: false, error: 'x', final: false }, 3, now);
    expect(third.status === 'retry' && third.retryAt.getTime() - now.getTime()).toBe(
      4 * DELIVERY_BACKOFF_BASE_MS,
    );
    const last = outboxStep({ ok: false, error: 'x', final: false }, DELIVERY_MAX_ATTEMPTS - 1, now);
    const longest = Math.min(
      DELIVERY_BACKOFF_CAP_MS,
      DELIVERY_BACKOFF_BASE_MS * 2 ** (DELIVERY_MAX_ATTEMPTS - 2),
    );
    expect(last.status === 'retry' && last.retryAt.getTime() - now.getTime()).toBe(longest);
  });
});
