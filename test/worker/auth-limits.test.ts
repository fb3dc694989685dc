import { describe, expect, it } from 'vitest';
import { ADMIN_SECRET, call, createTestWorkspace, expectProblem } from './harness';

let nextIp = 0;
const run = crypto.getRandomValues(new Uint16Array(1))[0]?.toString(16) ?? '0';
/** A fresh documentation-range address per use: limits are per address. */
const freshIp = () => {
  nextIp += 1;
  return `2001:db8:${run}::${nextIp.toString(16)}`;
};

const randomToken = (workspaceId: string) =>
  `lp_${workspaceId}_${btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')}`;

const asIp = (ip: string, token: string) =>
  call('GET', '/v1/members', { token, headers: { 'cf-connecting-ip': ip } });

async function expectLimited(res: Response) {
  const problem = await expectProblem(res, 429);
  expect(problem.title).toBe('Too many requests');
  const retry = Number(res.headers.get('retry-after'));
  expect(retry).toBeGreaterThanOrEqual(1);
  expect(retry).toBeLessThanOrEqual(60);
  return problem;
}

describe('failed authentication per client address', () => {
  it('should answer 401 twenty times, then 429 with Retry-After, and lock only that address', async () => {
    const ws = await createTestWorkspace();
    const attacker = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await asIp(attacker, randomToken(ws.id))).status);
    // 20 a minute; a window boundary may let up to 20 more through once.
    const unauthorized = statuses.filter((s) => s === 401).length;
    expect(unauthorized).toBeGreaterThanOrEqual(20);
    expect(statuses.slice(unauthorized)).toEqual(Array(25 - unauthorized).fill(429));
    const locked = await asIp(attacker, randomToken(ws.id));
    expect((await expectLimited(locked)).detail).toContain('failed authentications from this address');
    // The locked address waits even with a valid token: it is refused before any lookup.
    await expectLimited(await asIp(attacker, ws.tokens.viewer));
    // Malformed tokens and other workspaces from that address too.
    await expectLimited(await asIp(attacker, 'not-a-token'));
    // The team, from its own address, is not affected.
    expect((await asIp(freshIp(), ws.tokens.viewer)).status).toBe(200);
  });

  it('should count the admin secret too, and let the right secret through from another address', async () => {
    const attacker = freshIp();
    const create = (ip: string, secret: string) =>
      call('POST', '/v1/workspaces', {
        token: secret,
        headers: { 'cf-connecting-ip': ip },
        json: { name: 'Guess', timezone: 'Europe/Warsaw', language: 'en', country: 'PL' },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await create(attacker, `guess-${i}`)).status);
    expect(statuses.filter((s) => s === 401).length).toBeGreaterThanOrEqual(20);
    expect(statuses.at(-1)).toBe(429);
    await expectLimited(await create(attacker, ADMIN_SECRET));
    expect((await create(freshIp(), ADMIN_SECRET)).status).toBe(201);
  });
});

describe('failed authentication per workspace, from many addresses', () => {
  it('should answer 429 to failures past 100 a minute, lock each failing address, and keep valid tokens working', async () => {
    const ws = await createTestWorkspace();
    const other = await createTestWorkspace();
    const attackers = Array.from({ length: 60 }, freshIp);
    const statuses: number[] = [];
    // Three failures from each of 60 addresses: no address reaches its own limit of 20.
    for (let round = 0; round < 3; round++) {
      for (const ip of attackers) statuses.push((await asIp(ip, randomToken(ws.id))).status);
    }
    const unauthorized = statuses.filter((s) => s === 401).length;
    expect(unauthorized).toBeGreaterThanOrEqual(100);
    expect(unauthorized).toBeLessThan(180);
    const limited = statuses.indexOf(429);
    expect(limited).toBeGreaterThanOrEqual(100);
    // An address that failed past the limit is locked out of this workspace, valid token or not…
    const lastAttacker = attackers.at(-1) ?? '';
    const problem = await expectLimited(await asIp(lastAttacker, ws.tokens.viewer));
    expect(problem.detail).toContain('this workspace');
    // …but not out of another workspace, and the team's own addresses never failed, so they work.
    expect((await asIp(lastAttacker, other.tokens.viewer)).status).toBe(200);
    expect((await asIp(freshIp(), ws.tokens.viewer)).status).toBe(200);
    expect((await asIp(freshIp(), ws.tokens.admin)).status).toBe(200);
    // A fresh address guessing now is refused at its first failure.
    await expectLimited(await asIp(freshIp(), randomToken(ws.id)));
    // Another workspace's failures were never counted against it.
    expect((await asIp(freshIp(), randomToken(other.id))).status).toBe(401);
  }, 60_000);
});
