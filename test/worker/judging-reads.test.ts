import { drizzle } from 'drizzle-orm/d1';
import { describe, expect, it } from 'vitest';
import * as schema from '../../worker/db/schema';
import { loadHeldJudgingReads } from '../../worker/services/intake/held-agreements';
import { activateDraft, edit, putDraft, readDraft } from './agreement-fixtures';
import { proxyD1 } from './d1-proxy';
import { env } from './harness';
import { signStarterAgreement } from './lead-fixtures';

/** A database that notes how many characters of agreement rows each judging read brought back. */
function watchingAgreementReads() {
  const sizes: number[] = [];
  const binding = proxyD1(env.DB, {
    async batch(real, statements, texts) {
      const results = await real.batch(statements);
      texts.forEach((text, i) => {
        if (text?.sql.includes('from "agreement_versions"')) {
          sizes.push(JSON.stringify(results[i]?.results ?? []).length);
        }
      });
      return results;
    },
  });
  return { db: drizzle(binding, { schema }), sizes };
}

describe('the judge’s reads of the active agreement', () => {
  it('should bring a version’s content across once per isolate, and a new version’s at once', async () => {
    const ws = await signStarterAgreement();
    const { db, sizes } = watchingAgreementReads();

    const first = await loadHeldJudgingReads(db, ws.id, [], new Date());
    const second = await loadHeldJudgingReads(db, ws.id, [], new Date());
    expect(first?.agreement.version).toBe(ws.version);
    expect(second?.agreement).toEqual(first?.agreement);
    // The starter agreement is kilobytes of JSON; the second read carries its number and hash only.
    expect(sizes[0]).toBeGreaterThan(5000);
    expect(sizes[1]).toBeLessThan(300);
    // Every later batch judges by the same object: nothing may change it.
    expect(Object.isFrozen(second?.agreement.content.leadDefinition)).toBe(true);

    const draft = await readDraft(ws.tokens.marketing);
    const required = !draft.content.leadDefinition.consentRequired;
    const put = await putDraft(
      ws.tokens.marketing,
      edit(draft.content, (a) => {
        a.leadDefinition.consentRequired = required;
      }),
      draft.etag,
    );
    expect(put.status).toBe(200);
    const next = await activateDraft(ws);

    const third = await loadHeldJudgingReads(db, ws.id, [], new Date());
    expect(third?.agreement.version).toBe(next.number);
    expect(third?.agreement.content.leadDefinition.consentRequired).toBe(required);
    expect(sizes[2]).toBeGreaterThan(5000);
  });
});
