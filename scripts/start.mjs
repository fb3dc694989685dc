// `npm start`: migrate the local D1, start wrangler dev, seed the demo
// workspace (first run only) and print what a newcomer needs. No account, no internet.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_STEPS, DEMO_TOKEN_MEMBERS, seedDemo } from './seed.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const HOST = '127.0.0.1';
const PORT = Number(process.env.PORT ?? 8787);
const PERSIST = process.env.LEADPACT_PERSIST_DIR ?? join(ROOT, '.wrangler', 'state');
const env = { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' };
const wrangler = join(ROOT, 'node_modules', '.bin', 'wrangler');

function run(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(wrangler, args, { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`wrangler ${args.join(' ')} exited ${code}`)),
    );
  });
}

/**
 * Local secrets live in .dev.vars (gitignored), each made once from random bytes: the admin
 * secret, and the master key personal data is sealed under (without it intake answers 503).
 * Nothing secret is printed.
 */
async function devSecret(name, make) {
  const file = join(ROOT, '.dev.vars');
  const text = existsSync(file) ? await readFile(file, 'utf8') : '';
  const found = new RegExp(`^${name}\\s*=\\s*"?([^"\\n]+)"?`, 'm').exec(text)?.[1];
  if (found) return found;
  const secret = make();
  await appendFile(file, `${text && !text.endsWith('\n') ? '\n' : ''}${name}="${secret}"\n`);
  return secret;
}

const adminSecret = () =>
  devSecret('LEADPACT_ADMIN_SECRET', () => `lpadmin_${randomBytes(24).toString('base64url')}`);
const encryptionKey = () => devSecret('LEADPACT_ENCRYPTION_KEY', () => randomBytes(32).toString('base64'));

/** One hash of every migration's name and text: the schema the local D1 was made with. */
async function migrationsDigest() {
  const dir = join(ROOT, 'migrations');
  const hash = createHash('sha256');
  for (const name of (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort()) {
    hash.update(`${name}\0${await readFile(join(dir, name), 'utf8')}\0`);
  }
  return hash.digest('hex');
}

/**
 * wrangler applies a migration once by name, and 0000_init.sql is rewritten in place until the first
 * release: a local D1 made from an older one would be served with the old tables. Refuse, saying how
 * to start afresh, rather than fail later on a missing column (or delete someone's local data).
 */
async function checkSchemaUnchanged(stamp, digest) {
  if (!existsSync(stamp) || (await readFile(stamp, 'utf8')).trim() === digest) return;
  console.error(
    `The schema in migrations/ changed since the local D1 in ${PERSIST} was made, and wrangler does not\n` +
      `apply a migration twice. Start afresh (a new demo workspace and tokens): rm -rf ${PERSIST} && npm start`,
  );
  process.exit(1);
}

async function waitForHealth(baseUrl, child) {
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error('wrangler dev exited before it was ready');
    try {
      const res = await fetch(`${baseUrl}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('wrangler dev did not become healthy within 60 s');
}

const secret = await adminSecret();
await encryptionKey();
await mkdir(PERSIST, { recursive: true });
const schemaStamp = join(PERSIST, 'migrations.sha256');
const schema = await migrationsDigest();
await checkSchemaUnchanged(schemaStamp, schema);
console.log('› Applying migrations to the local D1…');
await run(['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', PERSIST]);
await writeFile(schemaStamp, `${schema}\n`);

console.log('› Starting wrangler dev…');
const dev = spawn(
  wrangler,
  [
    'dev',
    '--ip',
    HOST,
    '--port',
    String(PORT),
    '--persist-to',
    PERSIST,
    '--show-interactive-dev-session=false',
  ],
  { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] },
);
const stop = () => dev.kill('SIGINT');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
dev.on('exit', (code) => process.exit(code ?? 0));

const baseUrl = `http://${HOST}:${PORT}`;
await waitForHealth(baseUrl, dev);
const demo = await seedDemo({
  baseUrl,
  adminSecret: secret,
  stateFile: join(PERSIST, 'demo-workspace.json'),
  steps: DEMO_STEPS,
});

const pad = (s) => s.padEnd(10);
const speaksFor = (role) => (DEMO_TOKEN_MEMBERS[role] ? `  as ${DEMO_TOKEN_MEMBERS[role]}` : '');
const contactUrl = demo.sources?.contact?.url ?? '';
// The sweep script's default URL is port 8787: name this one when PORT moved it.
const sweep = `npm run sweep --${PORT === 8787 ? '' : ` --url ${baseUrl}`} --at <date-time>`;
console.log(`
LeadPact is running.

  API           ${baseUrl}
  API reference ${baseUrl}/docs   (OpenAPI: ${baseUrl}/openapi.json)
  Health        ${baseUrl}/health

Demo workspace ${demo.workspaceId} (${demo.created ? 'created now' : 'already seeded'})
${Object.entries(demo.tokens)
  .map(([role, token]) => `  ${pad(role)} ${token}${speaksFor(role)}`)
  .join('\n')}

The starter agreement is signed: a lead with consent and a phone becomes an MQL with an owner.
Contact form (generic source): ${contactUrl}
Try:  curl -H "Authorization: Bearer ${demo.tokens.manager}" ${baseUrl}/v1/members
      curl -H "Authorization: Bearer ${demo.tokens.sales}" ${baseUrl}/v1/leads
      curl -X POST ${contactUrl} -H "Authorization: Bearer ${demo.tokens.intake}" -H 'Prefer: wait=5' -H 'content-type: application/json' -d '{"email":"jan@stalmet.pl","phone":"+48 601 234 567","consent":true}'
No cron fires here: ${sweep} runs the SLA sweep once, as of then (without --at: now).
Admin secret for POST /v1/workspaces and the local encryption key are in .dev.vars. Stop with Ctrl+C.
LEADPACT_READY ${JSON.stringify({ baseUrl, workspaceId: demo.workspaceId, tokens: demo.tokens })}
`);
