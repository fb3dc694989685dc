import { describe, expect, it } from 'vitest';
import { backoffMs, type PushCandidate, schedulePushes } from '../../../worker/domain/live-sheet/schedule';

const sheet = (
  workspaceId: string,
  account: string,
  urgent: boolean,
  waitingSince: string,
): PushCandidate => ({
  workspaceId,
  account,
  urgent,
  waitingSince,
});

describe('schedulePushes', () => {
  it('should put sheets with SLA transitions first, then the longest waiting, within each account budget', () => {
    const picked = schedulePushes(
      [
        sheet('calm-old', 'shared', false, '2026-12-01T08:00:00Z'),
        sheet('calm-new', 'shared', false, '2026-12-01T09:00:00Z'),
        sheet('breach-new', 'shared', true, '2026-12-01T09:30:00Z'),
        sheet('breach-old', 'shared', true, '2026-12-01T07:00:00Z'),
        sheet('own-key', 'team', false, '2026-12-01T09:59:00Z'),
      ],
      new Map([
        ['shared', { reads: 3, writes: 3 }],
        ['team', { reads: 60, writes: 60 }],
      ]),
    );
    expect(picked.map((p) => p.workspaceId)).toEqual(['breach-old', 'breach-new', 'calm-old', 'own-key']);
  });

  it('should pick nothing for an account whose reads or writes are spent', () => {
    const candidates = [sheet('a', 'x', true, '2026-12-01T08:00:00Z')];
    expect(schedulePushes(candidates, new Map([['x', { reads: 0, writes: 60 }]]))).toEqual([]);
    expect(schedulePushes(candidates, new Map([['x', { reads: 60, writes: 0 }]]))).toEqual([]);
    expect(schedulePushes(candidates, new Map())).toEqual([]);
  });

  it('should never pick more sheets than the budget for any number of candidates', () => {
    const many = Array.from({ length: 500 }, (_, i) =>
      sheet(`ws${i}`, i % 2 ? 'a' : 'b', i % 7 === 0, `2026-12-01T08:${String(i % 60).padStart(2, '0')}:00Z`),
    );
    const picked = schedulePushes(
      many,
      new Map([
        ['a', { reads: 60, writes: 17 }],
        ['b', { reads: 5, writes: 60 }],
      ]),
    );
    expect(picked.filter((p) => p.account === 'a')).toHaveLength(17);
    expect(picked.filter((p) => p.account === 'b')).toHaveLength(5);
    expect(new Set(picked.map((p) => p.workspaceId)).size).toBe(22);
  });
});

describe('backoffMs', () => {
  it('should wait a random share of a doubling window, capped', () => {
    expect([0, 1, 2, 3, 4, 5].map((attempt) => backoffMs(attempt, 0.5))).toEqual([
      250, 500, 1000, 2000, 4000, 4000,
    ]);
    expect(backoffMs(3, 0)).toBe(0);
    expect(backoffMs(10, 0.999)).toBeLessThan(8000);
  });
});
