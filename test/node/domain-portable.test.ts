import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import type { Host } from '../../worker/domain/host';
import { intlWallClock } from '../../worker/domain/zoned-time';
import { runDomainScenario } from './domain-scenario';

const DOMAIN = 'worker/domain';

/** The host the add-on's would be, built from node:crypto and WHATWG URL, handed into the vm as a global. */
const nodeHost: Host = {
  sha256: async (data) => new Uint8Array(createHash('sha256').update(data).digest()),
  hmacSha256: async (key, message) => new Uint8Array(createHmac('sha256', key).update(message).digest()),
  randomBytes: (n) => new Uint8Array(randomBytes(n)),
  timingSafeEqual: (a, b) => timingSafeEqual(a, b),
  parseUrl: (text) => {
    if (!URL.canParse(text)) return null;
    const { protocol, username, password, hostname, origin, pathname } = new URL(text);
    return { protocol, username, password, hostname, origin, pathname };
  },
  wallClock: intlWallClock,
};

/** Every TypeScript module of the domain (barrels and the files behind them). */
async function domainModules(): Promise<string[]> {
  const entries = await readdir(DOMAIN, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => relative(DOMAIN, join(e.parentPath, e.name)).replace(/\\/g, '/'))
    .sort();
}

/** One IIFE as Apps Script would load it: no Node, no browser, only what the bundle carries. */
async function bundle(contents: string, minify: boolean): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), sourcefile: 'entry.ts', loader: 'ts' },
    bundle: true,
    format: 'iife',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2020',
    minify,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

/** A context with the ECMAScript built-ins and Intl only, as in Apps Script's V8. */
function bareContext(globals: Record<string, unknown> = {}) {
  const context = createContext({ ...globals });
  const missing = runInContext(
    `['TextEncoder','TextDecoder','crypto','URL','URLSearchParams','atob','btoa','Buffer','fetch','setTimeout','process']
      .filter((name) => typeof globalThis[name] !== 'undefined')`,
    context,
  ) as string[];
  expect([...missing]).toEqual([]);
  expect(runInContext('typeof Intl.DateTimeFormat.prototype.formatToParts', context)).toBe('function');
  return context;
}

describe('the domain outside the Worker', () => {
  it('should load every module in a bare vm context, and say how big it is', async () => {
    const modules = await domainModules();
    expect(modules.length).toBeGreaterThan(60);
    const entry = [
      ...modules.map((m, i) => `import * as m${i} from './${DOMAIN}/${m}';`),
      `globalThis.LeadPactDomain = { ${modules.map((m, i) => `${JSON.stringify(m)}: m${i}`).join(', ')} };`,
    ].join('\n');
    const code = await bundle(entry, true);
    const gzip = gzipSync(code).length;
    console.log(
      `worker/domain, ${modules.length} modules as one minified IIFE: ${(code.length / 1024).toFixed(1)} KiB, ${(gzip / 1024).toFixed(1)} KiB gzip`,
    );
    const context = bareContext();
    runInContext(code, context);
    const exported = runInContext(
      'Object.fromEntries(Object.entries(LeadPactDomain).map(([m, ns]) => [m, Object.keys(ns).length]))',
      context,
    ) as Record<string, number>;
    expect(Object.keys(exported).sort()).toEqual(modules);
    // A module with no values at run time must be one that declares none (types only, like host.ts).
    for (const [m, n] of Object.entries(exported)) {
      const declaresValues = /^export (const|let|function|async function|class|\{|\*)/m.test(
        await readFile(join(DOMAIN, m), 'utf8'),
      );
      expect({ module: m, loaded: n > 0 }).toEqual({ module: m, loaded: declaresValues });
    }
  }, 120_000);

  it('should compute in a bare vm context exactly what it computes in Node', async () => {
    const code = await bundle(
      "import { runDomainScenario } from './test/node/domain-scenario';\nglobalThis.runDomainScenario = runDomainScenario;",
      false,
    );
    const context = bareContext({ host: nodeHost });
    runInContext(code, context);
    const inVm = await (runInContext('runDomainScenario(host)', context) as Promise<string>);
    const inNode = await runDomainScenario(nodeHost);
    expect(inNode).not.toContain('"threw"');
    expect(JSON.parse(inVm)).toEqual(JSON.parse(inNode));
    const results = JSON.parse(inNode) as Record<string, unknown>;
    // The runs did real work: a signed delivery became a lead, a forged one was refused.
    expect(results.intakeSigned).toMatchObject({ kind: 'submission', submission: { phone: '+48600100200' } });
    expect(results.intakeForged).toMatchObject({ kind: 'refused', check: { reason: 'signature_mismatch' } });
    expect(results.businessTimeHostClock).toEqual(results.businessTime);
  }, 120_000);
});
