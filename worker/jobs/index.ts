import type { Env } from '../env';
import { housekeeping } from './housekeeping';
import { intakePickup } from './intake-pickup';
import { sheetPush } from './sheet-push';
import { slaSweep } from './sla-sweep';

/** A cron job: pure of `Date.now()`, it takes the scheduled time so runs are deterministic. */
export type Job = (env: Env, scheduledTime: Date) => Promise<void>;

/** Jobs per cron expression (wrangler.toml `[triggers]`). Every minute is the SLA sweep's cadence. */
export const JOBS: Record<string, Job[]> = {
  '* * * * *': [intakePickup, slaSweep, sheetPush],
  '17 3 * * *': [housekeeping],
};

export async function runScheduled(controller: ScheduledController, env: Env): Promise<void> {
  const jobs = JOBS[controller.cron];
  if (!jobs) {
    console.warn(JSON.stringify({ level: 'warn', message: 'no job for cron', cron: controller.cron }));
    return;
  }
  const at = new Date(controller.scheduledTime);
  for (const job of jobs) await job(env, at);
}
