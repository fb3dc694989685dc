import { describe, expect, it } from 'vitest';
import {
  AGREEMENT_STORE_TAB,
  clearPendingEdits,
  readAgreementBase,
  readPendingEdits,
  saveAgreementBase,
  savePendingEdits,
} from '../../../apps-script/src/agreement/pending-edits';
import { starterAgreement } from '../../../worker/domain/agreement/templates';
import { fakeServices } from './fakes/fake-services';

const options = { timezone: 'Europe/Warsaw', country: 'PL' };

describe('the stored agreement base and pending edits', () => {
  it('keeps a base larger than one cell in a hidden sheet and reads it back whole, in one read', () => {
    const fake = fakeServices();
    const content = starterAgreement('ru', options);
    // A long glossary, so the JSON needs several 40,000-character cells.
    content.glossary.terms = content.glossary.terms.map((t, i) =>
      i === 0 ? { ...t, definition: 'Ж'.repeat(2000) } : t,
    );
    content.glossary.terms.push(
      ...Array.from({ length: 60 }, (_, i) => ({
        key: `term_${i}`,
        term: `=Term ${i}`,
        definition: `${i}`.padEnd(1500, 'x'),
        examples: ['+1 234', "'quoted"],
      })),
    );
    expect(JSON.stringify(content).length).toBeGreaterThan(80_000);
    saveAgreementBase(fake.services, { content, etag: '"draft-4"' });
    const sheet = fake.spreadsheet.sheet(AGREEMENT_STORE_TAB);
    expect(sheet.hidden).toBe(true);
    expect(sheet.peek(1, 5)?.value).not.toBe('');
    fake.log.reset();
    const base = readAgreementBase(fake.services);
    expect(base?.etag).toBe('"draft-4"');
    expect(base?.content).toEqual(content);
    expect(fake.log.count('Range.getValues')).toBe(1);
    expect(readPendingEdits(fake.services)).toBeNull();
  });

  it('stores mine beside the base, forgets it on clear, and reads a damaged record as absent', () => {
    const fake = fakeServices();
    const base = starterAgreement('en', options);
    const mine = { ...base, icp: { ...base.icp, summary: 'Only manufacturers.' } };
    saveAgreementBase(fake.services, { content: base, etag: '"draft-2"' });
    savePendingEdits(fake.services, { mine, base, baseEtag: '"draft-2"' });
    const pending = readPendingEdits(fake.services);
    expect(pending?.mine.icp.summary).toBe('Only manufacturers.');
    expect(pending?.base).toEqual(base);
    expect(pending?.baseEtag).toBe('"draft-2"');
    expect(readAgreementBase(fake.services)?.content).toEqual(base);

    clearPendingEdits(fake.services);
    expect(readPendingEdits(fake.services)).toBeNull();
    expect(readAgreementBase(fake.services)?.etag).toBe('"draft-2"');

    // Someone unhid the sheet and typed over the base.
    fake.spreadsheet.sheet(AGREEMENT_STORE_TAB).type(1, 3, '{"content":{"title":"x"},"etag":"e"}');
    expect(readAgreementBase(fake.services)).toBeNull();
  });
});
