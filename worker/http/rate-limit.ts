import { say } from '../domain/i18n';
import type { Env } from '../env';
import { ApiError } from './problem';

/**
 * Refuses with 429 + Retry-After when `key` is over its limit. Without the
 * binding (a deployment that removed it) requests pass: limits are a guard, not
 * a feature the API depends on.
 */
export async function enforceRateLimit(
  limiter: Env['INTAKE_LIMITER'],
  key: string,
  period = 60,
): Promise<void> {
  if (!limiter) return;
  const { success } = await limiter.limit({ key });
  if (!success) {
    throw new ApiError('rate_limited', say('rateLimited'), {
      headers: { 'retry-after': String(period) },
    });
  }
}
