import { execFile } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** A route file written for one check, so biome's override for worker/routes applies to it. */
const PROBE = `worker/routes/zz-layer-probe-${process.pid}.ts`;
/** The same for a query file, under worker/db's override. */
const QUERY_PROBE = `worker/db/queries/zz-layer-probe-${process.pid}.ts`;

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

/** Every import of every file under `dir`, its subfolders included. */
async function importsUnder(dir: string): Promise<{ file: string; from: string }[]> {
  const found = await importsOf(dir);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) found.push(...(await importsUnder(`${dir}/${entry.name}`)));
  }
  return found;
}

async function lint(file = PROBE): Promise<string | null> {
  try {
    await run('node_modules/.bin/biome', ['lint', file], { maxBuffer: 16 * 1024 * 1024 });
    return null;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    return `${stdout}\n${stderr}`;
  }
}

afterEach(async () => {
  await rm(PROBE, { force: true });
  await rm(QUERY_PROBE, { force: true });
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

  it('should find db importing no service and no text: data access says no words and decides no refusal', async () => {
    const imports = await importsUnder('worker/db');
    expect(imports.length).toBeGreaterThan(150);
    expect(imports.filter(({ from }) => /(^|\/)(services|routes|http|jobs)(\/|$)/.test(from))).toEqual([]);
    expect(imports.filter(({ from }) => /(^|\/)domain\/i18n(\/|$)/.test(from))).toEqual([]);
  });

  it('should make biome refuse a query that imports services or the catalogue', async () => {
    await writeFile(
      QUERY_PROBE,
      "import { say } from '../../domain/i18n';\n\nexport const probe = say('busy', { what: () => 'x' });\n",
    );
    expect(await lint(QUERY_PROBE)).toContain('db says no words');
    await writeFile(
      QUERY_PROBE,
      "import { getLead } from '../../services/leads';\n\nexport const probe = getLead;\n",
    );
    expect(await lint(QUERY_PROBE)).toContain('db is data access below services');
  }, 120_000);

  it('should let a query name a missing row through the domain', async () => {
    await writeFile(
      QUERY_PROBE,
      "import { missing } from '../../domain/errors';\n\nexport const probe = () => missing('lead');\n",
    );
    expect(await lint(QUERY_PROBE)).toBeNull();
  }, 120_000);

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
