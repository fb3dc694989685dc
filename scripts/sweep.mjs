// `npm run sweep -- --at 2026-12-02T09:05`: runs the Worker's cron (the SLA sweep) once, as of a
// chosen moment, against a running `npm start` / `wrangler dev`. Deadlines, breaches, notifications
// and the weekly agenda then happen as if that moment had come.
//
// wrangler dev (Miniflare) serves the trigger at /cdn-cgi/local/scheduled; `cron` picks the job
// (without it the Worker runs nothing: "no job for cron") and `time` is the scheduled time in epoch ms.
import { parseArgs } from 'node:util';

export const SWEEP_CRON = '* * * * *';
export const SCHEDULED_PATH = '/cdn-cgi/local/scheduled';

/**
 * The instant `--at` names. With `Z` or an offset it is exact; without one it is this machine's
 * local time (set `TZ=Europe/Warsaw` to read it in the team's zone), as `new Date()` reads it.
 */
export function instantOf(at) {
  if (at === undefined) return Date.now();
  const ms = /^\d+$/.test(at) ? Number(at) : Date.parse(at);
  if (!Number.isFinite(ms))
    throw new Error(`--at ${at} is not a date-time (e.g. 2026-12-02T09:05 or 2026-12-02T09:05+01:00)`);
  return ms;
}

/** The URL that fires `cron` at `ms` on the Worker at `baseUrl`. */
export function scheduledUrl(baseUrl, ms, cron = SWEEP_CRON) {
  return `${baseUrl.replace(/\/$/, '')}${SCHEDULED_PATH}?cron=${encodeURIComponent(cron)}&time=${ms}&format=json`;
}

/** Fires the cron and resolves with Miniflare's answer (`{ outcome: 'ok', … }`), or throws. */
export async function sweep({ baseUrl, at, cron = SWEEP_CRON }) {
  const ms = instantOf(at);
  const url = scheduledUrl(baseUrl, ms, cron);
  let res;
  try {
    res = await fetch(url);
  } catch (error) {
    throw new Error(`No Worker answers at ${baseUrl}: start it with \`npm start\` first (${error.message}).`);
  }
  const text = await res.text();
  let result;
  try {
    result = JSON.parse(text);
  } catch {
    throw new Error(`${url} answered ${res.status} ${text.slice(0, 200)}: is this wrangler dev?`);
  }
  if (result.outcome !== 'ok')
    throw new Error(`The sweep failed (${result.outcome}): see the wrangler dev log.`);
  return { ...result, at: new Date(ms).toISOString(), url };
}

async function main() {
  const { values } = parseArgs({
    options: {
      at: { type: 'string' },
      url: { type: 'string' },
      cron: { type: 'string', default: SWEEP_CRON },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(
      'npm run sweep -- [--at 2026-12-02T09:05] [--url http://127.0.0.1:8787] [--cron "* * * * *"]\n' +
        'Runs the cron once as of --at (default now; local time unless it carries Z or an offset).',
    );
    return;
  }
  const baseUrl = values.url ?? `http://127.0.0.1:${process.env.PORT ?? 8787}`;
  const result = await sweep({ baseUrl, at: values.at, cron: values.cron });
  console.log(`Ran cron "${values.cron}" as of ${result.at}: ${result.outcome}.`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
