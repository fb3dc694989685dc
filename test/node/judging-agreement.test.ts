import { describe, expect, it } from 'vitest';
import { starterAgreement } from '../../worker/domain/agreement/templates';
import { judgingAgreementOf } from '../../worker/domain/ledger/judging-agreement';

const workspace = { language: 'pl' as const, timezone: 'Europe/Warsaw', country: 'PL' };
const signed = starterAgreement('en', { timezone: 'Europe/Warsaw', country: 'PL' });
const draft = { ...signed, title: 'Our draft' };

describe('the agreement leads are judged by', () => {
  it.each([
    ['the active version, even with a draft', { version: 4, content: signed }, draft, 4, signed.title],
    ['the draft before the first signature, unversioned', null, draft, null, 'Our draft'],
    [
      "the workspace's starter before anyone opened the draft",
      null,
      null,
      null,
      starterAgreement('pl', { timezone: 'Europe/Warsaw', country: 'PL' }).title,
    ],
  ] as const)('should be %s', (_name, active, draftContent, version, title) => {
    const judging = judgingAgreementOf(active, draftContent, workspace);
    expect(judging.version).toBe(version);
    expect(judging.content.title).toBe(title);
  });
});
