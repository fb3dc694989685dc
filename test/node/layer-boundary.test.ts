import { execFile } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** A route file written for one check, so biome's override for worker/routes applies to it. */
const PROBE = `worker/routes/zz-layer-probe-${process.pid}.ts`;

async function importsOf(dir: string): Promise<{ file: string; from: string }[]> {
  const found: { file: string; from: string }[] = [];
  for (const name of await readdir(dir)) {
    if (!name.endsWith('.ts') || name.startsWith('zz-')) continue;
    const text = await readFile(`${dir}/${name}`, 'utf8');
    for (const match of text.matchAll(/\bfrom\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/g)) {
      found.push({ file: `${dir}/${name}`, from: match[1] ?? match[2] ?? '' });
    }
  }
  return found;
}

async function lint(): Promise<string | null> {
  try {
    await run('node_modules/.bin/biome', ['lint', PROBE], { maxBuffer: 16 * 1024 * 1024 });
    return null;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    return `${stdout}\n${stderr}`;
  }
}

afterEach(async () => {
  await rm(PROBE, { force: true });
});

describe('the layers read downward: routes and jobs → services → db/queries and domain', () => {
  it('should find no route importing the db layer (queries, client, batch): routes call services', async () => {
    const imports = await importsOf('worker/routes');
    expect(imports.length).toBeGreaterThan(50);
    expect(imports.filter(({ from }) => /(^|\/)db(\/|$)/.test(from))).toEqual([]);
  });

  it('should find jobs taking only the databases from worker/db and calling services for the rest', async () => {
    const imports = await importsOf('worker/jobs');
    expect(imports.filter(({ from }) => /(^|\/)db(\/|$)/.test(from) && from !== '../db/client')).toEqual([]);
    expect(imports.some(({ from }) => from.startsWith('../services/'))).toBe(true);
  });

  it('should make biome refuse a route that imports db/queries', async () => {
    await writeFile(
      PROBE,
      "import { getLeadState } from '../db/queries/leads';\n\nexport const probe = getLeadState;\n",
    );
    expect(await lint()).toContain('Routes call the verbs in worker/services');
  }, 120_000);

  it('should make biome refuse a route that takes a database handle itself', async () => {
    await writeFile(
      PROBE,
      "import { databaseFor } from '../db/client';\n\nexport const probe = databaseFor;\n",
    );
    expect(await lint()).toContain('no db import in a route');
  }, 120_000);

  it('should let a route import services and the http context helpers', async () => {
    await writeFile(
      PROBE,
      "import { callerContext } from '../http/service-context';\nimport { getLead } from '../services/leads';\n\nexport const probe = [callerContext, getLead];\n",
    );
    expect(await lint()).toBeNull();
  }, 120_000);
});
