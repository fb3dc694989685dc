// Bundles the add-on for Apps Script: one IIFE in apps-script/dist/Code.js whose entry points
// (the functions apps-script/src/index.ts exports) stay global, plus the manifest. clasp 3 pushes
// dist/ as is (it does not compile TypeScript).
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = join(ROOT, 'apps-script/src/index.ts');
const DIST = join(ROOT, 'apps-script/dist');
const GLOBAL = '__leadpact';
/**
 * Apps Script loads the whole file on every run: keep it small. Most of it is what validating an
 * agreement in the sheet needs — the shared zod schema with libphonenumber's metadata — and the
 * i18n catalogue the agreement's diff speaks; minified (names kept, so Apps Script's stack traces
 * still name functions) that was about 470 KB in December 2026, and the catalogue grows with every
 * text the Worker gains.
 */
export const BUNDLE_BUDGET_BYTES = 768 * 1024;

/** The names index.ts exports: each becomes a global function Apps Script can call. */
export async function entryPoints() {
  const source = await readFile(ENTRY, 'utf8');
  return [...source.matchAll(/^export function (\w+)\s*\(/gm)].map((m) => m[1]);
}

export async function buildAddon() {
  const names = await entryPoints();
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    platform: 'neutral',
    target: 'es2020',
    charset: 'utf8',
    legalComments: 'none',
    minify: true,
    keepNames: true,
    write: false,
    logLevel: 'silent',
  });
  const bundle = result.outputFiles[0].text;
  const footer = names
    .map((name) => `function ${name}() { return ${GLOBAL}.${name}.apply(this, arguments); }`)
    .join('\n');
  const code = `${bundle}\n// Entry points Apps Script calls by name.\n${footer}\n`;
  await mkdir(DIST, { recursive: true });
  await writeFile(join(DIST, 'Code.js'), code);
  await copyFile(join(ROOT, 'apps-script/appsscript.json'), join(DIST, 'appsscript.json'));
  return { names, bytes: Buffer.byteLength(code) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { names, bytes } = await buildAddon();
  const kb = (bytes / 1024).toFixed(1);
  console.log(
    `apps-script/dist/Code.js: ${kb} KB (budget ${BUNDLE_BUDGET_BYTES / 1024} KB), entry points: ${names.join(', ')}`,
  );
  if (bytes > BUNDLE_BUDGET_BYTES) {
    console.error(`The add-on bundle is over its budget of ${BUNDLE_BUDGET_BYTES / 1024} KB.`);
    process.exit(1);
  }
}
