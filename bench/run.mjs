// `npm run bench`: measures LeadPact on this machine and writes docs/benchmarks.md.
//
// Timed parts start the real Worker (wrangler's dev server over workerd, with a local D1 migrated by
// `wrangler d1 migrations apply --local`) and time it over HTTP from Node as RATIOS to baselines measured
// in the same run: `GET /v1/workspace` (the floor every API call pays) and, for intake, the one-insert
// Worker in bench/baseline. Rows read come from D1 itself: the metered part runs the same Worker code in
// the vitest pool (workerd, real migrated D1), where every statement's `meta.rows_read` is summed
// (bench/pool). Big ledgers are written with bulk SQL (bench/ledger-seed.ts): into the pool's D1 directly,
// and into the dev server's local D1 file with `wrangler d1 execute --local --file` while the server is stopped.
//
//   npm run bench                         every part (about 20 minutes on the shared 2-core machine, load ~15)
//   npm run bench -- --only=sweep,bundles  some parts: bundles, sweep, reports, leads, snapshot, intake
//   npm run bench -- --scale=0.1           every size × 0.1 (a quick run); --intake-runs=N (default 2)
//   npm run bench -- --json=out.json       also writes the figures as JSON; --out=file writes the Markdown elsewhere
//
// A run rewrites only the sections of the parts it measured; text outside the generated sections stays.
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { arch, cpus, loadavg, platform, release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { unstable_startWorker } from 'wrangler';
import { LOCAL_ENV, startWorkerServer } from '../test/node/worker-server.ts';
import { ledgerSeedSql } from './ledger-seed.ts';
import { REPORT_SCENARIOS, SEED_FROM, SEED_UNTIL } from './pool/scenarios.ts';

process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= 'false';
process.env.WRANGLER_SEND_METRICS ??= 'false';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const run = promisify(execFile);

const PARTS = ['bundles', 'sweep', 'reports', 'leads', 'snapshot', 'intake'];
const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? null;
const ONLY = arg('only')?.split(',') ?? PARTS;
for (const part of ONLY) if (!PARTS.includes(part)) throw new Error(`--only: no part "${part}" (${PARTS})`);
const SCALE = Number(arg('scale') ?? 1);
const JSON_OUT = arg('json');
/** `--out=file` writes elsewhere (a trial run that should not touch docs/benchmarks.md). */
const OUT = arg('out') ?? join(ROOT, 'docs/benchmarks.md');
const INTAKE_RUNS = Number(arg('intake-runs') ?? 2);
const wants = (part) => ONLY.includes(part);
const scaled = (n) => Math.max(10, Math.round(n * SCALE));

const SWEEP_OPEN = [1000, 10_000, 100_000].map(scaled);
const SWEEP_DUE = 40;
const REPORT_LEADS = [10_000, 100_000].map(scaled);
/** The workspace the lead list and the sheet snapshot read: leads imported through the API. */
const IMPORT_ROWS = scaled(10_000);
const INTAKE_DELIVERIES = Number(process.env.BENCH_INTAKE ?? 1000);
/** Intake as the issue measures it: 50 connections, against the one-insert baseline Worker. */
const INTAKE_CONCURRENCY = Number(process.env.BENCH_INTAKE_CONCURRENCY ?? 50);
const CONCURRENCY = 8;
const SAMPLES = 30;

function quantile(sorted, p) {
  const rank = (sorted.length - 1) * p;
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    median: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    p99: quantile(sorted, 0.99),
    n: sorted.length,
  };
}

const fmt = (x, digits = 1) => x.toFixed(digits);
const int = (n) => Math.round(n).toLocaleString('en');
const kb = (bytes) => `${fmt(bytes / 1024, 1)} KB`;
const load = () =>
  loadavg()
    .map((l) => fmt(l, 1))
    .join(' / ');
const met = (ok) => (ok ? '**met**' : '**missed**');

async function request(base, method, path, { token, json, headers = {}, expect = [200, 201] } = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: json !== undefined ? JSON.stringify(json) : undefined,
  });
  const text = await res.text();
  if (!expect.includes(res.status))
    throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 500)}`);
  return text && (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text;
}

/**
 * The floor again right before a part: on a machine shared with other work the load moves within minutes,
 * and a ratio means something only against a baseline taken at the same moment.
 */
function baselineNow(base, viewerToken) {
  return latency(() => request(base, 'GET', '/v1/workspace', { token: viewerToken }), 20);
}

/** Sequential latency of one request, after two warm-up calls. */
async function latency(fn, samples = SAMPLES) {
  await fn();
  await fn();
  const times = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return stats(times);
}

/** Requests per second with `concurrency` in flight, and their latencies. */
async function throughput(count, fn, concurrency = CONCURRENCY) {
  const times = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const t = performance.now();
        await fn(i);
        times.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: count / seconds, ...stats(times) };
}

async function gitCommit() {
  // A tree without git (an exported commit, to compare with an earlier one) names itself.
  if (process.env.BENCH_COMMIT) return process.env.BENCH_COMMIT;
  const { stdout } = await run('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT });
  const dirty = (await run('git', ['status', '--porcelain', '--', 'worker', 'migrations'], { cwd: ROOT }))
    .stdout;
  return `${stdout.trim()}${dirty.trim() ? ' (with uncommitted Worker changes)' : ''}`;
}

/** What every section says about when and where it was measured. */
async function provenance(extra = '') {
  return `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC at commit ${await gitCommit()}, load average ${load()} on ${cpus().length} cores${extra}.`;
}

// ——— the workspaces ———

async function token(base, admin, role, label, memberId) {
  return (
    await request(base, 'POST', '/v1/tokens', {
      token: admin,
      json: { role, label, ...(memberId ? { memberId } : {}) },
    })
  ).token;
}

/** The team of the lead list, the snapshot and intake: members, a signed starter agreement, ten forms. */
async function seedWorkspace(base, adminSecret) {
  const ws = await request(base, 'POST', '/v1/workspaces', {
    token: adminSecret,
    json: { name: 'Bench', timezone: 'Europe/Warsaw', language: 'en', country: 'PL' },
  });
  const admin = ws.adminToken;
  const tokens = { admin };
  for (const [side, role, name] of [
    ['marketing', 'marketing', 'Marta Nowak'],
    ['sales', 'sales', 'Sorin Popescu'],
    ['sales', null, 'Anna Kowalska'],
    ['management', 'manager', 'Maria Ionescu'],
  ]) {
    const member = await request(base, 'POST', '/v1/members', {
      token: admin,
      json: { name, email: `${name.split(' ')[0].toLowerCase()}@bench.test`, side },
    });
    if (role) tokens[role] = await token(base, admin, role, `${role} (bench)`, member.id);
  }
  // One token per measured part: each has its own API allowance (1,200 requests a minute).
  for (const name of ['viewer', 'leads', 'snapshot', 'intake', 'intake2'])
    tokens[name] = await token(
      base,
      admin,
      name.startsWith('intake') ? 'intake' : 'viewer',
      `${name} (bench)`,
    );
  // The starter agreement, signed: deliveries are judged, become MQLs, are routed and start SLA clocks.
  const version = await request(base, 'POST', '/v1/agreement/draft/propose', { token: tokens.marketing });
  for (const side of ['marketing', 'sales'])
    await request(base, 'POST', `/v1/agreement/versions/${version.number}/signatures`, {
      token: tokens[side],
      json: {},
    });
  // Ten forms, so no form passes its own rate limit (600 deliveries a minute) during the run.
  const sources = [];
  for (let i = 0; i < 10; i++) {
    const source = await request(base, 'POST', '/v1/sources', {
      token: tokens.marketing,
      json: {
        name: `Form ${i + 1}`,
        provider: 'generic',
        origin: i < 7 ? 'marketing' : 'partner',
        createsLead: true,
      },
    });
    sources.push(source.id);
  }
  await request(base, 'POST', '/v1/campaigns', {
    token: tokens.marketing,
    json: { name: 'Q1 webinar', key: 'webinar-q1', channel: 'webinar', startsOn: '2026-01-15' },
  });
  return { workspaceId: ws.id, tokens, sources };
}

/** History from "the old sheet": stages, sources, campaigns, won amounts, from 2025 to autumn 2026. */
function historyRows(count) {
  const stages = ['lead', 'lead', 'mql', 'mql', 'sal', 'sql', 'opportunity', 'won', 'lost', 'nurture'];
  const start = Date.parse('2025-01-01T08:00:00Z');
  const span = Date.parse('2026-09-30T08:00:00Z') - start;
  return Array.from({ length: count }, (_, i) => {
    const submitted = new Date(start + Math.floor((span * i) / count));
    const stage = stages[i % stages.length];
    const stageAt = new Date(submitted.getTime() + ((i % 20) + 1) * 86_400_000);
    return {
      email: `person${i}@company${i % 1500}.example`,
      phone: `+48 600 ${String(100 + (i % 900)).padStart(3, '0')} ${String(i % 1000).padStart(3, '0')}`,
      firstName: 'Person',
      lastName: `Number ${i}`,
      company: `Company ${i % 1500}`,
      consent: 'yes',
      submittedAt: submitted.toISOString(),
      stage,
      stageAt: stageAt.toISOString(),
      sourceName: ['Old website form', 'Trade fair list', 'Partner referrals'][i % 3],
      campaign: `campaign-${i % 12}`,
      ...(stage === 'won' ? { amount: 5000 + (i % 7) * 1000, currency: 'EUR' } : {}),
      ...(stage === 'lost' || stage === 'nurture' ? { reason: ['price', 'timing', 'no_budget'][i % 3] } : {}),
    };
  });
}

async function importHistory(base, tokens, count) {
  const started = performance.now();
  const rows = historyRows(count);
  let offset = 0;
  for (;;) {
    const answer = await request(base, 'POST', `/v1/import${offset ? `?offset=${offset}` : ''}`, {
      token: tokens.marketing,
      json: { importKey: 'bench-history', sourceOrigin: 'marketing', rows },
    });
    if (answer.next === null) break;
    offset = answer.next;
  }
  return (performance.now() - started) / 1000;
}

// ——— bundles ———

async function measureBundles() {
  console.log('› Bundles: wrangler deploy --dry-run --minify, npm run sheets:build');
  const out = await mkdtemp(join(tmpdir(), 'leadpact-bench-bundle-'));
  try {
    await run('npx', ['wrangler', 'deploy', '--dry-run', '--minify', '--outdir', out], {
      cwd: ROOT,
      env: LOCAL_ENV,
      maxBuffer: 1 << 26,
    });
    const files = (await readdir(out)).filter((f) => f.endsWith('.js'));
    let bytes = 0;
    let gzipped = 0;
    for (const f of files) {
      const content = await readFile(join(out, f));
      bytes += content.length;
      gzipped += gzipSync(content).length;
    }
    await run('npm', ['run', 'sheets:build'], { cwd: ROOT, env: LOCAL_ENV });
    const addon = await readFile(join(ROOT, 'apps-script/dist/Code.js'));
    return {
      worker: { files: files.length, bytes, gzipped },
      addon: { bytes: addon.length, gzipped: gzipSync(addon).length },
    };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

function bundlesSection(b, when) {
  return [
    '## Bundle sizes',
    '',
    '| bundle | size | gzipped | limit |',
    '| --- | ---: | ---: | --- |',
    `| Worker (\`wrangler deploy --dry-run --minify --outdir\`, ${b.worker.files} file${b.worker.files === 1 ? '' : 's'}) | ${kb(b.worker.bytes)} | ${kb(b.worker.gzipped)} | 3 MB gzipped on the free plan, 10 MB paid: ${met(b.worker.gzipped < 3 * 1024 * 1024)} |`,
    `| Sheets add-on (\`npm run sheets:build\`, apps-script/dist/Code.js) | ${kb(b.addon.bytes)} | ${kb(b.addon.gzipped)} | the build's own budget, 768 KB: ${met(b.addon.bytes <= 768 * 1024)} |`,
    '',
    'Apps Script loads the add-on’s whole file on every run (no gzip there), so its raw size is the one that costs.',
    when,
    '',
  ];
}

// ——— the metered part (vitest pool) ———

/** Runs bench/pool files in the vitest pool and collects their `BENCH {...}` lines. */
function runPool(files, scales) {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['vitest', 'run', '--config', 'bench/pool/vitest.config.ts', ...files], {
      cwd: ROOT,
      env: { ...LOCAL_ENV, BENCH_SCALES: JSON.stringify(scales) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const figures = [];
    let output = '';
    const take = (chunk) => {
      output += chunk;
      const lines = output.split('\n');
      output = lines.pop() ?? '';
      for (const line of lines) {
        const at = line.indexOf('BENCH {');
        if (at >= 0) figures.push(JSON.parse(line.slice(at + 6)));
        else if (/FAIL|Error|✗|×/.test(line)) console.log(line);
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('close', (code) =>
      code === 0 ? resolve(figures) : reject(new Error(`the bench's vitest pool exited with ${code}`)),
    );
  });
}

function sweepSection(rows, when) {
  const bound = (due) => 3 * due + 20;
  const lines = [
    '## SLA sweep: rows read',
    '',
    `The minute sweep (\`sweepDeadlines\`) over a database of open MQLs, three pending deadlines each (first touch,`,
    `attempts, decision), ${SWEEP_DUE} of them past their first-touch deadline. Seeded with bulk SQL in the vitest pool`,
    '(bench/pool/sweep.pool.ts, the real service in workerd over a real migrated D1); rows read is the sum of D1’s',
    '`meta.rows_read` over every statement the sweep runs (test/worker/metered-d1.ts), its writes’ lookups included.',
    '',
    '| open leads | pending deadlines | due | rows read | per due | target ≤ 3 × due + 20 | of which by its reads (selects) | statements | rows read by an idle sweep |',
    '| ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${int(r.open)} | ${int(r.deadlines)} | ${r.due} | ${int(r.rowsRead)} | ${fmt(r.rowsRead / r.due, 1)} | ≤ ${bound(r.due)}: ${met(r.rowsRead <= bound(r.due))} | ${int(r.selectRowsRead)} | ${r.statements} | ${r.idleRowsRead} |`,
    ),
    '',
  ];
  const last = rows[rows.length - 1];
  if (last?.byShape) {
    lines.push(
      `Where the rows of the largest run go (statement → statements run, rows read):`,
      '',
      '| statement | run | rows read |',
      '| --- | ---: | ---: |',
      ...Object.entries(last.byShape).map(
        ([shape, s]) =>
          `| \`${shape.replace(/\|/g, '\\|').replace(/"/g, '')}…\` | ${s.statements} | ${s.rowsRead} |`,
      ),
      '',
    );
  }
  if (last?.plans) {
    lines.push(
      'Their query plans (SQLite’s `explain query plan`):',
      '',
      ...Object.entries(last.plans).map(
        ([table, plan]) => `- \`${table}\`: ${plan.map((d) => `\`${d}\``).join(' → ')}`,
      ),
      '',
    );
  }
  lines.push(when, '');
  return lines;
}

// ——— reports, on the dev server over SQL-seeded ledgers ———

/** A second workspace for the big ledgers: members to own leads, sources, the 2026 plan. */
async function seedLedgerWorkspace(base, adminSecret) {
  const ws = await request(base, 'POST', '/v1/workspaces', {
    token: adminSecret,
    json: { name: 'Bench ledger', timezone: 'Europe/Warsaw', language: 'en', country: 'PL' },
  });
  const admin = ws.adminToken;
  const owners = [];
  for (let i = 0; i < 5; i++) {
    const member = await request(base, 'POST', '/v1/members', {
      token: admin,
      json: { name: `Rep ${i + 1}`, email: `rep${i + 1}@ledger.test`, side: 'sales' },
    });
    owners.push(member.id);
  }
  const sources = [];
  for (const name of ['Website', 'Trade fair', 'Partners']) {
    const source = await request(base, 'POST', '/v1/sources', {
      token: admin,
      json: { name, provider: 'generic', origin: 'marketing', createsLead: true },
    });
    sources.push(source.id);
  }
  await request(base, 'PUT', '/v1/funnel/plans/2026', {
    token: admin,
    json: { revenueTarget: 2_000_000, averageDealSize: 8_000, rates: { mql_sql: 0.4 } },
  });
  return {
    workspaceId: ws.id,
    owners,
    sources,
    viewer: await token(base, admin, 'viewer', 'reports (bench)'),
  };
}

/** Stops the dev server, runs the SQL on its local D1 file, starts it again on the same files. */
async function seedStopped(server, statements) {
  await server.stop();
  const file = join(server.persistDir, 'bench-seed.sql');
  await writeFile(file, `${statements.map((s) => s.trim()).join(';\n')};\n`);
  const started = performance.now();
  await run(
    'npx',
    [
      'wrangler',
      'd1',
      'execute',
      'DB',
      '--local',
      '--persist-to',
      server.persistDir,
      '--file',
      file,
      '--yes',
    ],
    { cwd: ROOT, env: LOCAL_ENV, maxBuffer: 1 << 26 },
  );
  const seconds = (performance.now() - started) / 1000;
  await rm(file);
  return { server: await startWorkerServer({ persistDir: server.persistDir, vars: server.vars }), seconds };
}

function reportsSection(timed, metered, when) {
  const meteredOf = (leads, name) => metered.find((m) => m.leads === leads && m.scenario === name);
  return [
    `## Reports and the plan over ${REPORT_LEADS.map(int).join(' and ')} leads`,
    '',
    `Leads spread evenly over 2025–2026 with their ledger events (bench/ledger-seed.ts: every lead created and`,
    'touched, every 2nd an MQL, 4th attempted, 8th an SQL, 16th an opportunity, 32nd won), written with bulk SQL: into',
    'the dev server’s local D1 file with `wrangler d1 execute --local --file` while the server is stopped (time), and',
    'into the vitest pool’s D1 (rows read: the same request through the real Worker entry point, D1’s `rows_read`',
    `summed over its statements). Time: sequential requests after two warm-ups, ${SAMPLES} samples (10 from 50,000`,
    'leads on); ratio to the baseline `GET /v1/workspace` measured just before each size’s requests',
    `(${timed
      .filter((t, i) => i === 0 || timed[i - 1].leads !== t.leads)
      .map((t) => `${fmt(t.floor.median)} ms at ${int(t.leads)} leads`)
      .join(', ')}).`,
    '',
    '| leads | request | median | p90 | ratio | rows read | leads in range | rows read per lead in range |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...timed.map(({ leads, name, path, s, floor }) => {
      const m = meteredOf(leads, name);
      return `| ${int(leads)} | ${name} (\`${path.replace(/\|/g, '\\|')}\`) | ${fmt(s.median)} ms | ${fmt(s.p90)} ms | ${fmt(s.median / floor.median, 1)}× | ${m ? int(m.rowsRead) : '—'} | ${m ? int(m.leadsInRange) : '—'} | ${m ? fmt(m.rowsPerLeadInRange, 1) : '—'} |`;
    }),
    '',
    'Rows read per lead in range is the figure that must not grow with the ledger: ten times the leads in the same',
    'two years puts ten times the leads in every range, and each costs the same rows. The plan’s range is its year',
    'and the 365 days before (the team’s own conversion rates for the rates it does not set).',
    when,
    '',
  ];
}

// ——— the lead list and the sheet snapshot (leads imported through the API) ———

async function measureLeadList(base, tokens) {
  const first = await latency(() => request(base, 'GET', '/v1/leads?limit=50', { token: tokens.leads }));
  // Walking the list: 20 pages of 50 by cursor, each timed.
  const times = [];
  let cursor = null;
  for (let page = 0; page < 20; page++) {
    const started = performance.now();
    const answer = await request(
      base,
      'GET',
      `/v1/leads?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      { token: tokens.leads },
    );
    times.push(performance.now() - started);
    if (answer.data.length !== 50) throw new Error(`page ${page} held ${answer.data.length} leads`);
    cursor = answer.nextCursor;
    if (!cursor) break;
  }
  return { first, walk: stats(times) };
}

async function measureSnapshot(base, tokens) {
  const times = [];
  let bytes = 0;
  let gzipped = 0;
  let rows = 0;
  for (let i = 0; i < 12; i++) {
    const started = performance.now();
    const res = await fetch(`${base}/v1/sheet/snapshot`, {
      headers: { authorization: `Bearer ${tokens.snapshot}` },
    });
    const body = Buffer.from(await res.arrayBuffer());
    const ms = performance.now() - started;
    if (res.status !== 200)
      throw new Error(`snapshot answered ${res.status}: ${body.toString().slice(0, 300)}`);
    if (i >= 2) times.push(ms); // two warm-ups
    bytes = body.length;
    gzipped = gzipSync(body).length;
    rows = JSON.parse(body.toString()).leads.rows.length;
  }
  return { ...stats(times), bytes, gzipped, rows };
}

function leadsSection(list, baseline, importInfo, when) {
  return [
    '## The lead list',
    '',
    `${int(IMPORT_ROWS)} leads imported through \`POST /v1/import\` (${fmt(importInfo.seconds, 1)} s,`,
    `${fmt(IMPORT_ROWS / importInfo.seconds, 0)} rows/s), so every value is written as the Worker writes it.`,
    '',
    `Ratios to the baseline \`GET /v1/workspace\` measured just before (${fmt(baseline.median)} ms).`,
    '',
    '| request | median | p90 | ratio (median) |',
    '| --- | ---: | ---: | ---: |',
    `| First page, 50 leads (\`GET /v1/leads?limit=50\`, ${list.first.n} samples) | ${fmt(list.first.median)} ms | ${fmt(list.first.p90)} ms | ${fmt(list.first.median / baseline.median, 1)}× |`,
    `| The next ${list.walk.n} pages by cursor, 50 each | ${fmt(list.walk.median)} ms | ${fmt(list.walk.p90)} ms | ${fmt(list.walk.median / baseline.median, 1)}× |`,
    '',
    when,
    '',
  ];
}

function snapshotSection(snap, baseline, when) {
  return [
    `## Sheet snapshot for ${int(snap.rows)} leads`,
    '',
    `\`GET /v1/sheet/snapshot\` without a cursor (what the add-on’s first refresh asks): every part and all ${int(snap.rows)}`,
    `lead rows of the imported workspace. Time is the client’s on loopback (${snap.n} samples after two warm-ups), i.e.`,
    `the server’s time plus a local socket; the baseline \`GET /v1/workspace\` just before: ${fmt(baseline.median)} ms.`,
    '',
    '| measure | value | ratio to the baseline |',
    '| --- | ---: | ---: |',
    `| time, median | ${fmt(snap.median)} ms | ${fmt(snap.median / baseline.median, 1)}× |`,
    `| time, p90 | ${fmt(snap.p90)} ms | |`,
    `| body | ${int(snap.bytes)} bytes (${kb(snap.bytes)}; ${fmt(snap.bytes / snap.rows, 0)} per lead) | |`,
    `| body gzipped | ${int(snap.gzipped)} bytes (${kb(snap.gzipped)}) | |`,
    '',
    when,
    '',
  ];
}

// ——— intake ———

/**
 * CPU time each workerd process has used so far, in ms (Linux's /proc; an empty map elsewhere). Wrangler's
 * dev server runs a Worker in two: its own proxy and the workerd that holds the Worker, its D1, queue and
 * rate limiter. CPU per delivery is the steadier figure on a shared machine: it counts work, not waiting.
 */
async function workerdCpu() {
  const cpu = new Map();
  let entries = [];
  try {
    entries = await readdir('/proc');
  } catch {
    return cpu;
  }
  const tick = 10; // ms per clock tick (USER_HZ is 100 on Linux)
  await Promise.all(
    entries
      .filter((d) => /^\d+$/.test(d))
      .map(async (pid) => {
        try {
          const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
          if (!stat.includes('(workerd)')) return;
          const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          cpu.set(pid, (Number(fields[11]) + Number(fields[12])) * tick);
        } catch {
          // Gone meanwhile.
        }
      }),
  );
  return cpu;
}

/** CPU ms the processes `pids` used between two readings, per delivery; null where /proc is not there. */
function cpuPerDelivery(pids, before, after, deliveries) {
  const used = [...pids].reduce((sum, pid) => sum + ((after.get(pid) ?? 0) - (before.get(pid) ?? 0)), 0);
  return pids.size > 0 ? used / deliveries : null;
}

/** The one-insert baseline Worker (bench/baseline), on its own local D1, beside LeadPact. */
async function startBaseline() {
  const persist = await mkdtemp(join(tmpdir(), 'leadpact-bench-baseline-'));
  const worker = await unstable_startWorker({
    config: fileURLToPath(new URL('./baseline/wrangler.toml', import.meta.url)),
    dev: {
      persist,
      server: { hostname: '127.0.0.1', port: 0 },
      inspector: false,
      watch: false,
      logLevel: 'warn',
    },
  });
  const url = (await worker.url).toString().replace(/\/$/, '');
  await fetch(`${url}/setup`);
  return {
    url,
    dispose: async () => {
      await worker.dispose();
      await rm(persist, { recursive: true, force: true });
    },
  };
}

/**
 * The queue consumer's batches, read from wrangler's own log lines (`QUEUE leadpact-intake 20/20 (352ms)`):
 * locally the consumer runs in the same workerd process as the requests, so its time is taken from theirs.
 */
function watchConsumer() {
  const totals = { batches: 0, messages: 0, ms: 0 };
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk, ...rest) => {
    for (const m of String(chunk).matchAll(/QUEUE leadpact-intake (\d+)\/\d+ \((\d+)ms\)/g)) {
      totals.batches += 1;
      totals.messages += Number(m[1]);
      totals.ms += Number(m[2]);
    }
    return write(chunk, ...rest);
  };
  return {
    totals,
    stop: () => {
      process.stdout.write = write;
    },
  };
}

function deliveryBody(i) {
  return {
    email: `live${i}@buyer${i % 300}.example`,
    phone: `+48 601 ${String(100 + (i % 900)).padStart(3, '0')} ${String(i % 1000).padStart(3, '0')}`,
    firstName: 'Live',
    lastName: `Buyer ${i}`,
    company: `Buyer ${i % 300}`,
    title: i % 3 === 0 ? 'CEO' : 'Engineer',
    consent: true,
    campaign: i % 2 === 0 ? 'webinar-q1' : 'ebook-2026',
  };
}

/**
 * Intake against the one-insert baseline, the same payloads at the same concurrency, then the time from
 * arrival to judged lead (the server's receivedAt and judgedAt, read after the queue drained).
 */
async function measureIntake(base, tokens, sources, round) {
  const offset = round * 100_000; // new people each round
  const loadBefore = load();
  console.log(`› Intake round ${round + 1}: the one-insert baseline Worker`);
  // LeadPact's processes are the workerd ones running now; the baseline's are those its start adds.
  const leadpactPids = new Set((await workerdCpu()).keys());
  const baseline = await startBaseline();
  const baselinePids = new Set([...(await workerdCpu()).keys()].filter((pid) => !leadpactPids.has(pid)));
  let floor;
  let floorCpu;
  try {
    const post = (i) => request(baseline.url, 'POST', '/', { json: deliveryBody(offset + i), expect: [202] });
    await throughput(100, post, INTAKE_CONCURRENCY);
    const before = await workerdCpu();
    floor = await throughput(INTAKE_DELIVERIES, post, INTAKE_CONCURRENCY);
    floorCpu = cpuPerDelivery(baselinePids, before, await workerdCpu(), INTAKE_DELIVERIES);
  } finally {
    await baseline.dispose();
  }
  console.log(
    `› Intake round ${round + 1}: ${INTAKE_DELIVERIES} deliveries, ${INTAKE_CONCURRENCY} at a time`,
  );
  const ids = [];
  const deliver = (from, keep) => async (i) => {
    const answer = await request(base, 'POST', `/v1/intake/${sources[i % sources.length]}`, {
      token: i % 2 === 0 ? tokens.intake : tokens.intake2,
      json: deliveryBody(from + i),
      expect: [202],
    });
    if (keep) ids.push(answer.deliveryId);
  };
  // The same warm-up the baseline gets (100 deliveries), judged before the clock starts: the intake code
  // and its isolate caches start warm in both rounds, and the consumer starts with no backlog.
  await throughput(100, deliver(offset + 50_000, false), INTAKE_CONCURRENCY);
  await untilJudged(base, tokens);
  const consumer = watchConsumer();
  const cpuBefore = await workerdCpu();
  const intake = await throughput(INTAKE_DELIVERIES, deliver(offset, true), INTAKE_CONCURRENCY);
  const cpuRequests = await workerdCpu();
  const duringRequests = { ...consumer.totals };
  // The queue judges after the answers: wait (bounded) until nothing is stored, then read each delivery's times.
  await untilJudged(base, tokens);
  const cpuJudged = await workerdCpu();
  const judgedIn = [];
  let notJudged = 0;
  // Every fourth delivery: the admin token's API allowance (1,200 a minute) must last both rounds.
  for (const id of ids.filter((_, i) => i % 4 === 0)) {
    const view = await request(base, 'GET', `/v1/intake/deliveries/${id}`, { token: tokens.admin });
    if (view.status === 'judged' && view.judgedAt)
      judgedIn.push(Date.parse(view.judgedAt) - Date.parse(view.receivedAt));
    else notJudged += 1;
  }
  consumer.stop();
  return {
    floor,
    intake,
    cpu: {
      baseline: floorCpu,
      requests: cpuPerDelivery(leadpactPids, cpuBefore, cpuRequests, INTAKE_DELIVERIES),
      judged: cpuPerDelivery(leadpactPids, cpuBefore, cpuJudged, INTAKE_DELIVERIES),
    },
    judged: stats(judgedIn),
    notJudged,
    loadBefore,
    loadAfter: load(),
    consumer: { duringRequests, total: { ...consumer.totals } },
  };
}

/** Waits (bounded, 5 minutes) until the queue has judged every stored delivery. */
async function untilJudged(base, tokens) {
  for (let i = 0; i < 600; i++) {
    const waiting = await request(base, 'GET', '/v1/intake/deliveries?status=stored&limit=1', {
      token: tokens.admin,
    });
    if (waiting.data.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function intakeSection(rounds, sourceCount, when) {
  const lines = [
    '## Intake',
    '',
    `${INTAKE_DELIVERIES} JSON deliveries per round (generic forms tool, intake token), ${INTAKE_CONCURRENCY} in flight, spread`,
    `over ${sourceCount} forms, under a signed agreement. Store first, judge after: the request verifies the token,`,
    'reads source, workspace, consent rule and token in one D1 round trip (held 10 s per isolate), spends the',
    "source's allowance (one rate-limit call), seals the body under the workspace's keys (held 60 s per isolate), stores the raw",
    'delivery with one write and answers 202; its id goes to the queue with the others the isolate stores within',
    '50 ms (one sendBatch). The queue consumer then normalises, deduplicates, scores, makes MQLs,',
    'routes them and starts their SLA clocks, 20 deliveries per batch and one D1 write batch each. The baseline is',
    'bench/baseline: a Worker that stores each delivery with one D1 insert, started just before each round with the',
    'same payloads and concurrency. Both get the same 100-delivery warm-up before the clock starts (the warm-up',
    'deliveries are judged first, so the consumer starts each round with no backlog).',
    '',
    '| round | load average (1/5/15 min) | baseline deliveries/s | intake deliveries/s | ratio (first step ≥ 0.5× / target ≥ 0.8×) | baseline p99 | intake p99 | ratio (first step ≤ 2× / target ≤ 1.5×) | arrival → judged p50 / p99 |',
    '| ---: | --- | ---: | ---: | --- | ---: | ---: | --- | ---: |',
  ];
  rounds.forEach((r, i) => {
    const ratio = r.intake.perSecond / r.floor.perSecond;
    const p99 = r.intake.p99 / r.floor.p99;
    lines.push(
      `| ${i + 1} | ${r.loadBefore} | ${fmt(r.floor.perSecond, 0)} | ${fmt(r.intake.perSecond, 0)} | ${fmt(ratio, 2)}×: ${met(ratio >= 0.5)} / ${met(ratio >= 0.8)} | ${fmt(r.floor.p99)} ms | ${fmt(r.intake.p99)} ms | ${fmt(p99, 2)}×: ${met(p99 <= 2)} / ${met(p99 <= 1.5)} | ${fmt(r.judged.median, 0)} / ${fmt(r.judged.p99, 0)} ms${r.notJudged ? ` (${r.notJudged} not judged when read)` : ''} |`,
    );
  });
  lines.push(
    '',
    `The consumer in the same process: ${rounds
      .map(
        (r, i) =>
          `round ${i + 1}: ${r.consumer.duringRequests.batches} batches (${int(r.consumer.duringRequests.messages)} deliveries) judged in ${fmt(r.consumer.duringRequests.ms / 1000, 1)} s of batch time while the ${fmt(INTAKE_DELIVERIES / r.intake.perSecond, 1)} s of requests ran, ${r.consumer.total.batches} batches in ${fmt(r.consumer.total.ms / 1000, 1)} s in all`,
      )
      .join('; ')} (wrangler's own log of each batch).`,
    ...(rounds.every((r) => r.cpu.baseline !== null)
      ? [
          `CPU per delivery in the Worker's two workerd processes (from /proc: work done, not time waited): ${rounds
            .map(
              (r, i) =>
                `round ${i + 1}: baseline ${fmt(r.cpu.baseline, 2)} ms, intake ${fmt(r.cpu.requests, 2)} ms while the requests ran (with the judging done meanwhile) and ${fmt(r.cpu.judged, 2)} ms with all of its judging`,
            )
            .join('; ')}.`,
        ]
      : []),
    `Arrival to judged lead is the server's receivedAt → judgedAt of every fourth delivery. Median latencies: ${rounds
      .map((r) => `baseline ${fmt(r.floor.median)} ms, intake ${fmt(r.intake.median)} ms`)
      .join('; ')}.`,
    when,
    '',
  );
  return lines;
}

// ——— docs/benchmarks.md ———

const HEADER = [
  '# Benchmarks',
  '',
  'Written by `npm run bench` (bench/run.mjs; `--only=` re-measures some parts, `--scale=` sizes them). The real',
  'Worker runs in workerd under wrangler’s dev server with a local D1 (SQLite) migrated like `npm start`; the client',
  'is Node on the same machine. Absolute times depend on the machine and on what else it runs, so times are',
  '**ratios to a baseline measured in the same run**: `GET /v1/workspace` (token check plus a one-row D1 read, the',
  'floor every API call pays) and, for intake, a Worker that stores a delivery with one D1 insert. Rows read are',
  'D1’s own `rows_read`, summed over every statement in the vitest pool (same workerd, same migrated D1). Each',
  'section says when, at which commit and under which load it was measured.',
  '',
];

/** Replaces the generated sections this run measured; keeps every other section and hand-written text. */
async function writeDoc(sections) {
  let doc;
  try {
    doc = await readFile(OUT, 'utf8');
  } catch {
    doc = '';
  }
  if (!doc.includes('<!-- bench:')) doc = `${HEADER.join('\n')}\n`;
  const order = ['machine', 'baseline', ...PARTS];
  for (const [name, lines] of Object.entries(sections)) {
    const open = `<!-- bench:${name} -->`;
    const close = `<!-- /bench:${name} -->`;
    const block = `${open}\n${lines.join('\n')}\n${close}`;
    const start = doc.indexOf(open);
    if (start >= 0) {
      const end = doc.indexOf(close, start) + close.length;
      doc = `${doc.slice(0, start)}${block}${doc.slice(end)}`;
      continue;
    }
    // A new section goes after the last generated section that comes before it in the usual order.
    const before = order.slice(0, order.indexOf(name)).reverse();
    const anchor = before.map((n) => `<!-- /bench:${n} -->`).find((c) => doc.includes(c));
    if (anchor) {
      const at = doc.indexOf(anchor) + anchor.length;
      doc = `${doc.slice(0, at)}\n\n${block}${doc.slice(at)}`;
    } else {
      const first = doc.indexOf('<!-- bench:');
      doc = first >= 0 ? `${doc.slice(0, first)}${block}\n\n${doc.slice(first)}` : `${doc}\n${block}\n`;
    }
  }
  await writeFile(OUT, doc);
}

async function main() {
  const startedAt = performance.now();
  const sections = {};
  const results = {
    startedAt: new Date().toISOString(),
    commit: await gitCommit(),
    only: ONLY,
    scale: SCALE,
  };
  sections.machine = [
    `Machine: Node ${process.version} · ${platform()} ${release()} ${arch()} · ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}.`,
  ];

  if (wants('bundles')) {
    results.bundles = await measureBundles();
    sections.bundles = bundlesSection(results.bundles, await provenance());
  }

  const poolFiles = [
    ...(wants('sweep') ? ['bench/pool/sweep.pool.ts'] : []),
    ...(wants('reports') ? ['bench/pool/reports.pool.ts'] : []),
  ];
  let metered = [];
  if (poolFiles.length > 0) {
    console.log(`› Rows read in the vitest pool: ${poolFiles.join(', ')}`);
    const poolStarted = performance.now();
    metered = await runPool(poolFiles, {
      sweep: { open: SWEEP_OPEN, due: SWEEP_DUE },
      reports: { leads: REPORT_LEADS },
    });
    const poolNote = ` (the pool took ${fmt((performance.now() - poolStarted) / 1000, 0)} s)`;
    if (wants('sweep')) {
      results.sweep = metered.filter((m) => m.part === 'sweep');
      sections.sweep = sweepSection(results.sweep, await provenance(poolNote));
    }
  }

  if (['reports', 'leads', 'snapshot', 'intake'].some(wants)) {
    console.log('› Starting the Worker (wrangler dev server, local D1)…');
    let server = await startWorkerServer();
    try {
      const { tokens, sources } = await seedWorkspace(server.url, server.adminSecret);
      console.log('› Baseline: an authenticated one-row read, and /health');
      const workspaceRead = await latency(() =>
        request(server.url, 'GET', '/v1/workspace', { token: tokens.viewer }),
      );
      const health = await latency(() => request(server.url, 'GET', '/health'));
      const baselineThroughput = await throughput(400, () =>
        request(server.url, 'GET', '/v1/workspace', { token: tokens.viewer }),
      );
      results.baseline = { workspaceRead, health, perSecond: baselineThroughput.perSecond };
      sections.baseline = [
        '## Baseline',
        '',
        '| request | median | p90 | ratio (median) |',
        '| --- | ---: | ---: | ---: |',
        `| \`GET /v1/workspace\` (baseline) | ${fmt(workspaceRead.median)} ms | ${fmt(workspaceRead.p90)} ms | 1.0× |`,
        `| \`GET /health\` | ${fmt(health.median)} ms | ${fmt(health.p90)} ms | ${fmt(health.median / workspaceRead.median, 2)}× |`,
        '',
        `At ${CONCURRENCY} requests in flight the baseline serves ${fmt(baselineThroughput.perSecond, 0)} requests/s.`,
        await provenance(),
        '',
      ];

      if (wants('leads') || wants('snapshot')) {
        console.log(`› Importing ${IMPORT_ROWS} leads through the API…`);
        const seconds = await importHistory(server.url, tokens, IMPORT_ROWS);
        if (wants('leads')) {
          console.log('› The lead list');
          const floor = await baselineNow(server.url, tokens.viewer);
          results.leads = { ...(await measureLeadList(server.url, tokens)), floor };
          sections.leads = leadsSection(results.leads, floor, { seconds }, await provenance());
        }
        if (wants('snapshot')) {
          console.log('› The sheet snapshot');
          const floor = await baselineNow(server.url, tokens.viewer);
          results.snapshot = { ...(await measureSnapshot(server.url, tokens)), floor };
          sections.snapshot = snapshotSection(results.snapshot, floor, await provenance());
        }
      }

      if (wants('reports')) {
        const ledger = await seedLedgerWorkspace(server.url, server.adminSecret);
        const timed = [];
        let seeded = 0;
        const seedTimes = [];
        for (const leads of REPORT_LEADS) {
          console.log(
            `› Seeding the ledger to ${leads} leads (wrangler d1 execute --local, server stopped)…`,
          );
          const statements = ledgerSeedSql({
            workspaceId: ledger.workspaceId,
            prefix: `lead_s${leads}_`,
            count: leads - seeded,
            from: SEED_FROM,
            until: SEED_UNTIL,
            ownerIds: ledger.owners,
            sourceIds: ledger.sources,
          });
          const next = await seedStopped(server, statements);
          server = next.server;
          seedTimes.push(`${int(leads - seeded)} leads in ${fmt(next.seconds, 0)} s`);
          seeded = leads;
          console.log(`› Reports and the plan over ${leads} leads`);
          // The baseline again on the restarted server, just before, so the ratios compare the same moment.
          const floor = await baselineNow(server.url, tokens.viewer);
          for (const scenario of REPORT_SCENARIOS) {
            const s = await latency(
              () => request(server.url, 'GET', scenario.path, { token: ledger.viewer }),
              leads >= 50_000 ? 10 : SAMPLES,
            );
            timed.push({ leads, name: scenario.name, path: scenario.path, s, floor });
          }
        }
        results.reports = { timed, metered: metered.filter((m) => m.part === 'reports') };
        sections.reports = reportsSection(
          timed,
          results.reports.metered,
          await provenance(` (seeding: ${seedTimes.join(', ')})`),
        );
      }

      if (wants('intake')) {
        const rounds = [];
        for (let round = 0; round < INTAKE_RUNS; round++)
          rounds.push(await measureIntake(server.url, tokens, sources, round));
        results.intake = rounds;
        sections.intake = intakeSection(rounds, sources.length, await provenance());
      }
    } finally {
      await server.dispose();
    }
  }

  const minutes = (performance.now() - startedAt) / 60_000;
  sections.machine.push(
    '',
    `Last run: \`npm run bench${ONLY.length < PARTS.length ? ` -- --only=${ONLY.join(',')}` : ''}${SCALE !== 1 ? ` --scale=${SCALE}` : ''}\` took ${fmt(minutes, 1)} minutes.`,
  );
  await writeDoc(sections);
  if (JSON_OUT) await writeFile(JSON_OUT, JSON.stringify({ ...results, minutes }, null, 2));
  for (const lines of Object.values(sections)) console.log(lines.join('\n'));
  console.log(`\n› Wrote ${OUT} in ${fmt(minutes, 1)} minutes`);
}

await main();
