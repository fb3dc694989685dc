import { mkdir } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium';
import { startWorkerServer, type WorkerServer } from './worker-server';

describe('GET /docs in a real browser', () => {
  let server: WorkerServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startWorkerServer(), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('should render the API reference with no console errors and no outside requests', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    const outside: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => !r.url().startsWith(server.url) && outside.push(r.url()));
    const res = await page.goto(`${server.url}/docs`);
    expect(res?.status()).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toContain('LeadPact API');
    expect(await page.locator('article.op').count()).toBeGreaterThan(5);
    await expect(page.locator('#problem-validation_failed').textContent()).resolves.toContain('422');
    await mkdir('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/docs.png', fullPage: false });
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
  });
});
