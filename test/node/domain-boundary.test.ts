import { execFile } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** A file written into worker/domain for one check, so biome's override and the domain tsconfig apply to it. */
const PROBE = `worker/domain/zz-boundary-probe-${process.pid}.ts`;
const PROBE_TSCONFIG = `worker/domain/tsconfig.zz-boundary-probe-${process.pid}.json`;

async function failureOf(command: string, args: string[]): Promise<string | null> {
  try {
    await run(command, args, { maxBuffer: 16 * 1024 * 1024 });
    return null;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    return `${stdout}\n${stderr}`;
  }
}

/** Biome's verdict on the probe, or null when it passes. */
function lint(): Promise<string | null> {
  return failureOf('node_modules/.bin/biome', ['lint', PROBE]);
}

/** The domain tsconfig's verdict on the probe alone (and what it imports), or null when it passes. */
async function typecheck(): Promise<string | null> {
  await writeFile(
    PROBE_TSCONFIG,
    JSON.stringify({
      extends: './tsconfig.json',
      include: [],
      files: [PROBE.replace('worker/domain/', './')],
    }),
  );
  return failureOf('node_modules/.bin/tsc', ['--noEmit', '-p', PROBE_TSCONFIG]);
}

afterEach(async () => {
  await rm(PROBE, { force: true });
  await rm(PROBE_TSCONFIG, { force: true });
});

describe('the domain boundary', () => {
  it('should pass a domain file that imports zod and its own modules', async () => {
    await writeFile(
      PROBE,
      "import { z } from 'zod';\nimport { canonicalJson } from './agreement/canonical';\n\nexport const probe = [z.string(), canonicalJson];\n",
    );
    expect(await lint()).toBeNull();
    expect(await typecheck()).toBeNull();
  }, 120_000);

  it('should reject a domain file importing hono/factory, in biome and in the domain typecheck', async () => {
    await writeFile(
      PROBE,
      "import { createFactory } from 'hono/factory';\n\nexport const probe = createFactory();\n",
    );
    expect(await lint()).toContain('The domain knows no HTTP.');
    expect(await typecheck()).toContain(`Module '"hono/factory"' has no exported member 'createFactory'`);
  }, 120_000);

  it('should reject a domain file importing ../db/client, in biome and in the domain typecheck', async () => {
    await writeFile(
      PROBE,
      "import { databaseFor } from '../db/client';\n\nexport const probe = databaseFor;\n",
    );
    expect(await lint()).toContain('The domain imports no upper layer');
    // No @cloudflare/workers-types in the domain: the database layer's D1 types do not exist there.
    expect(await typecheck()).toContain("Cannot find name 'D1Database'");
  }, 120_000);

  it('should reject a domain file reaching for a host API, in the domain typecheck', async () => {
    await writeFile(
      PROBE,
      "export const probe = [new TextEncoder(), crypto.getRandomValues(new Uint8Array(1)), new URL('https://a.test'), Buffer.from('')];\n",
    );
    const verdict = await typecheck();
    for (const name of ['TextEncoder', 'crypto', 'URL', 'Buffer']) {
      expect(verdict).toContain(`Cannot find name '${name}'`);
    }
  }, 120_000);
});
