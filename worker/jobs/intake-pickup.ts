import { allDatabases } from '../db/client';
import { type Env, encryptionSecretsOf } from '../env';
import { judgeOverdueDeliveries } from '../services/intake';

/**
 * Every minute: judge stored deliveries whose queue message never came (no lead
 * is lost to a failed send). Its trouble is logged, not thrown, so the SLA sweep
 * after it still runs; the next minute tries again.
 */
export async function intakePickup(env: Env, now: Date): Promise<void> {
  for (const db of allDatabases(env)) {
    try {
      const report = await judgeOverdueDeliveries({ ctx: { db, now, encryption: encryptionSecretsOf(env) } });
      if (report.picked > 0) {
        console.log(
          JSON.stringify({ level: 'info', message: 'intake pickup', at: now.toISOString(), ...report }),
        );
      }
    } catch (error) {
      console.error(
        JSON.stringify({ level: 'error', message: 'intake pickup failed', error: String(error) }),
      );
    }
  }
}
