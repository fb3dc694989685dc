import { describe, expect, it } from 'vitest';
import { DomainError } from '../../worker/domain/errors';
import { createApp, requestId } from '../../worker/http/app';
import { ApiError, PROBLEM_CODES, statusOf } from '../../worker/http/problem';
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

  it.each(PROBLEM_CODES.map((code) => [code, statusOf(code)]))(
    'should render %s as a %i problem',
    async (code, status) => {
      const res = await request(appThatThrows(new ApiError(code, `a ${code} happened`)));
      const problem = await expectProblem(res, status);
      expect(problem.type).toBe(`https://leadpact.test/docs#problem-${code}`);
      expect(problem.instance).toBe('/boom');
    },
  );
});
