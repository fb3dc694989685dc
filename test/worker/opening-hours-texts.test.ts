import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../worker/domain/i18n';
import { edit, readDraft } from './agreement-fixtures';
import { call, createTestWorkspace, expectProblem } from './harness';

type Problem = { errors?: { path: string; message: string }[] };

/** Opening hours refused in the reader's language, with the catalogue's texts for them. */
describe('opening hours refused in the team’s words', () => {
  it.each(['en', 'pl', 'ro', 'ru'] as const)(
    'should say in %s what a day’s hours may be',
    async (language) => {
      const ws = await createTestWorkspace({ language });
      const draft = await readDraft(ws.tokens.marketing);
      const broken = edit(draft.content, (a) => {
        (a.sla.businessHours as Record<string, unknown>).mon = '9-17';
        a.sla.businessHours.tue = { open: '18:00', close: '08:00' };
      });
      const res = await call('PUT', '/v1/agreement/draft', { token: ws.tokens.marketing, json: broken });
      const problem = (await expectProblem(res, 422)) as Problem;
      const messages = Object.fromEntries((problem.errors ?? []).map((e) => [e.path, e.message]));
      const texts = CATALOGUES[language].schema;
      expect(messages['sla.businessHours.mon']).toBe(texts.dayHours);
      expect(messages['sla.businessHours.tue.close']).toBe(texts.closeAfterOpenMidnight);
      // Nothing was saved.
      expect((await readDraft(ws.tokens.marketing)).etag).toBe(draft.etag);
    },
  );
});
