import { allDatabases } from '../db/client';
import type { Env } from '../env';
import { SHEET_LAYOUT } from '../services/sheet/layout';
import { pushOwedSheets } from '../services/sheet/push-owed';

/**
 * After the SLA sweep, in the same minute: the Leads rows that changed and the
 * new leads go to every connected sheet. Changes made by intake and
 * actions between sweeps are picked up here too, so none is written from the
 * request path.
 */
export async function sheetPush(env: Env, now: Date): Promise<void> {
  for (const db of allDatabases(env)) {
    const report = await pushOwedSheets({ ctx: { db, env, now }, input: { layout: SHEET_LAYOUT } });
    // Counts only: no key, no sheet content, no e-mail.
    console.log(JSON.stringify({ level: 'info', message: 'sheet push', at: now.toISOString(), ...report }));
  }
}
