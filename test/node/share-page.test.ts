import { mkdir } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium';
import { startWorkerServer, type WorkerServer } from './worker-server';

interface Signed {
  admin: string;
  shareUrl: string;
  title: string;
  hash: string;
  signerNames: string[];
}

/** Drives the real API the way a team would: workspace, two signers, propose, both sign, share. */
async function signedAgreement(server: WorkerServer): Promise<Signed> {
  const api = async (method: string, path: string, token: string, json?: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(json === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<Record<string, unknown>>;
  };
  const ws = await api('POST', '/v1/workspaces', server.adminSecret, {
    name: 'Fabrica de Mobilă SRL',
    timezone: 'Europe/Bucharest',
    language: 'ro',
    country: 'RO',
  });
  const admin = ws.adminToken as string;
  const signerNames = ['Ioana Marin', 'Andrei Popescu'];
  const tokens: string[] = [];
  for (const [i, side] of (['marketing', 'sales'] as const).entries()) {
    const member = await api('POST', '/v1/members', admin, {
      name: signerNames[i],
      email: `${side}@mobila.test`,
      side,
    });
    const token = await api('POST', '/v1/tokens', admin, {
      role: side,
      label: `${side} lead`,
      memberId: member.id,
    });
    tokens.push(token.token as string);
  }
  const version = await api('POST', '/v1/agreement/draft/propose', admin);
  for (const token of tokens)
    await api('POST', '/v1/agreement/versions/1/signatures', token, { hash: version.hash });
  const share = await api('POST', '/v1/agreement/share', admin);
  const content = version.content as { title: string };
  return {
    admin,
    shareUrl: share.url as string,
    title: content.title,
    hash: version.hash as string,
    signerNames,
  };
}

describe('GET /a/{shareId} in a real browser', () => {
  let server: WorkerServer;
  let browser: Browser;
  let signed: Signed;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWorkerServer(), launchChromium()]);
    signed = await signedAgreement(server);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('should render the signed agreement in its language, printable, with no console errors and no outside requests', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
    const errors: string[] = [];
    const outside: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on(
      'request',
      (r) => !r.url().startsWith(server.url) && !r.url().startsWith('data:') && outside.push(r.url()),
    );

    expect(signed.shareUrl.startsWith(`${server.url}/a/`)).toBe(true);
    const res = await page.goto(signed.shareUrl);
    expect(res?.status()).toBe(200);

    expect(await page.getAttribute('html', 'lang')).toBe('ro');
    await expect(page.locator('h1').textContent()).resolves.toBe(signed.title);
    const header = (await page.locator('header').textContent()) ?? '';
    expect(header).toContain('Fabrica de Mobilă SRL');
    expect(header).toContain('Versiunea 1');
    expect(header).toContain('În vigoare');
    expect(header).toMatch(/în vigoare din \d{1,2} \p{L}+ \d{4}/u);
    expect(await page.locator('main > section h2').allTextContents()).toEqual([
      '1. Glosar',
      '2. Profilul clientului ideal',
      '3. Ce este un lead',
      '4. Temperatura lead-urilor',
      '5. Scoring',
      '6. Lead calificat de marketing (MQL)',
      '7. Criteriile pentru lead calificat de vânzări (SQL)',
      '8. Motive de respingere',
      '9. SLA de predare a lead-urilor',
      '10. Obiective',
      '11. Întâlniri',
      '12. Raportare',
      '13. Buyer persona',
      '14. Feedback de la vânzări',
      'Semnături',
    ]);
    await expect(page.locator('#s1').textContent()).resolves.toContain('Lead calificat de marketing (MQL)');
    await expect(page.locator('#s9').textContent()).resolves.toContain('Europe/Bucharest');
    const signatures = (await page.locator('#signatures').textContent()) ?? '';
    for (const name of signed.signerNames) expect(signatures).toContain(name);
    expect(signatures).toContain(signed.hash);
    expect(await page.locator('#signatures tbody tr').count()).toBe(2);

    await mkdir('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/agreement-share-top.png' });
    await page.screenshot({ path: 'test-artifacts/agreement-share.png', fullPage: true });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({
      path: 'test-artifacts/agreement-share.pdf',
      format: 'A4',
      printBackground: false,
    });
    expect(pdf.byteLength).toBeGreaterThan(10_000);

    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });

  it('should answer 404 to a forged link and stop serving the page once the link is revoked', async () => {
    const page = await browser.newPage();
    const forged = await page.goto(signed.shareUrl.replace(/.{4}$/, 'AAAA'));
    expect(forged?.status()).toBe(404);
    await expect(page.locator('h1').first().textContent()).resolves.toBe('Link not found');
    expect((await page.goto(signed.shareUrl))?.status()).toBe(200);
    const revoked = await fetch(`${server.url}/v1/agreement/share`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${signed.admin}` },
    });
    expect(revoked.status).toBe(204);
    const res = await page.goto(signed.shareUrl);
    expect(res?.status()).toBe(404);
    await expect(page.locator('section[lang="ro"] h1').textContent()).resolves.toBe('Link negăsit');
    await page.close();
  });
});
