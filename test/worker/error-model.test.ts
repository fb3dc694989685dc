import { describe, expect, it } from 'vitest';
import { DomainError } from '../../worker/domain/errors';
import { createApp, requestId } from '../../worker/http/app';
import { ApiError, PROBLEM_CODES } from '../../worker/http/problem';
import { env, expectProblem } from './harness';

function appThatThrows(error: unknown) {
  const app = createApp();
  app.use('*', requestId);
  app.get('/boom', () => {
    throw error;
  });
  return app;
}

const request = (app: ReturnType<typeof createApp>) => app.request('https://leadpact.test/boom', {}, env);

describe('one error model', () => {
  it('should hide an unexpected error behind a 500 problem with a request id', async () => {
    const res = await request(appThatThrows(new Error('db password is hunter2')));
    const problem = await expectProblem(res, 500);
    expect(JSON.stringify(problem)).not.toContain('hunter2');
    expect(problem.detail).toContain('requestId');
  });

  it('should answer 503 with Retry-After for unavailable', async () => {
    const res = await request(appThatThrows(new DomainError('unavailable', 'busy')));
    await expectProblem(res, 503);
    expect(res.headers.get('retry-after')).toBe('5');
  });

  // Written out, not derived from the code under test: this is the contract clients rely on.
  const STATUS_OF = {
    bad_request: 400,
    unauthorized: 401,
    forbidden: 403,
    not_found: 404,
    method_not_allowed: 405,
    conflict: 409,
    precondition_failed: 412,
    payload_too_large: 413,
    unsupported_media_type: 415,
    validation_failed: 422,
    rate_limited: 429,
    internal: 500,
    unavailable: 503,
  } as const;

  it('should know exactly the documented problem codes', () => {
    expect([...PROBLEM_CODES].sort()).toEqual(Object.keys(STATUS_OF).sort());
  });

  it.each(Object.entries(STATUS_OF) as [keyof typeof STATUS_OF, number][])(
    'should render %s as a %i problem',
    async (code, status) => {
      const res = await request(appThatThrows(new ApiError(code, `a ${code} happened`)));
      const problem = await expectProblem(res, status);
      expect(problem.type).toBe(`https://leadpact.test/docs#problem-${code}`);
      expect(problem.instance).toBe('/boom');
    },
  );
});
