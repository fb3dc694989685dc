import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AGREEMENT_PARTS,
  type Agreement,
  canonicalJson,
  compareEdits,
  reapplyMine,
  starterAgreement,
} from '../../worker/domain/agreement';
import { LANGUAGES } from '../../worker/domain/constants';

const OPTIONS = { timezone: 'Europe/Warsaw', country: 'PL' };
const base = starterAgreement('en', OPTIONS);

/** A copy of `agreement` with `change` applied to a deep clone. */
function edited(agreement: Agreement, change: (draft: Agreement) => void): Agreement {
  const copy = structuredClone(agreement);
  change(copy);
  return copy;
}

const slowerFirstTouch = (draft: Agreement) => {
  draft.sla.firstTouchHours.perfect = 2;
};
const fasterFirstTouch = (draft: Agreement) => {
  draft.sla.firstTouchHours.perfect = 0.5;
};
const suspectRedefined = (draft: Agreement) => {
  const term = draft.glossary.terms[0];
  if (term) term.definition = 'Any manufacturer in Poland.';
};

const stateOf = (comparison: ReturnType<typeof compareEdits>, section: string) =>
  comparison.sections.find((s) => s.section === section);

describe('compareEdits', () => {
  it('should tell my section from theirs and leave the rest unchanged, with the diff’s sentences', () => {
    const mine = edited(base, suspectRedefined);
    const theirs = edited(base, slowerFirstTouch);
    const comparison = compareEdits(base, mine, theirs, 'en');
    expect(comparison.sections.map((s) => s.section)).toEqual([...AGREEMENT_PARTS]);
    expect(comparison.conflicts).toEqual([]);
    const glossary = stateOf(comparison, 'glossary');
    expect(glossary).toMatchObject({
      state: 'mine',
      label: 'Glossary',
      stateText: 'Changed by you',
      theirs: [],
    });
    // The Worker's diff shortens long values to 120 characters.
    expect(glossary?.mine).toEqual([
      expect.stringMatching(
        /^glossary\.terms\[suspect\]\.definition: "Any company in our target .+… → "Any manufacturer in Poland\."\.$/,
      ),
    ]);
    const sla = stateOf(comparison, 'sla');
    expect(sla).toMatchObject({ state: 'theirs', stateText: 'Changed by someone else', mine: [] });
    expect(sla?.theirs).toEqual(['sla.firstTouchHours.perfect: 1 → 2.']);
    const untouched = comparison.sections.filter((s) => s.section !== 'glossary' && s.section !== 'sla');
    expect(untouched.map((s) => s.state)).toEqual(untouched.map(() => 'unchanged'));
    expect(untouched.every((s) => s.mine.length === 0 && s.theirs.length === 0)).toBe(true);
  });

  it.each([
    {
      name: 'both changed the same field differently',
      mine: fasterFirstTouch,
      theirs: slowerFirstTouch,
      state: 'conflict',
      conflicts: ['sla'],
    },
    {
      name: 'both changed different fields of one section',
      mine: (d: Agreement) => {
        d.sla.minAttempts = 4;
      },
      theirs: slowerFirstTouch,
      state: 'conflict',
      conflicts: ['sla'],
    },
    {
      name: 'both made the same change',
      mine: slowerFirstTouch,
      theirs: slowerFirstTouch,
      state: 'same',
      conflicts: [],
    },
  ])('should call the section $state when $name', ({ mine, theirs, state, conflicts }) => {
    const comparison = compareEdits(base, edited(base, mine), edited(base, theirs), 'en');
    expect(stateOf(comparison, 'sla')?.state).toBe(state);
    expect(comparison.conflicts).toEqual(conflicts);
  });

  it('should say every state and section name in the workspace language', () => {
    const comparison = compareEdits(
      base,
      edited(base, (d) => {
        fasterFirstTouch(d);
        d.title = 'Umowa';
      }),
      edited(base, (d) => {
        slowerFirstTouch(d);
        suspectRedefined(d);
      }),
      'pl',
    );
    expect(stateOf(comparison, 'sla')).toMatchObject({
      state: 'conflict',
      label: 'SLA przekazania leadów',
      stateText: 'Zmienione przez Ciebie i przez kogoś innego',
      mine: ['sla.firstTouchHours.perfect: 1 → 0,5.'],
      theirs: ['sla.firstTouchHours.perfect: 1 → 2.'],
    });
    expect(stateOf(comparison, 'title')).toMatchObject({
      label: 'Tytuł',
      stateText: 'Zmienione przez Ciebie',
    });
    expect(stateOf(comparison, 'glossary')?.stateText).toBe('Zmienione przez kogoś innego');
    expect(stateOf(comparison, 'icp')?.stateText).toBe('Bez zmian');
    for (const language of LANGUAGES) {
      const said = compareEdits(base, base, base, language).sections;
      expect(said.every((s) => s.label.length > 0 && s.stateText.length > 0)).toBe(true);
    }
  });
});

describe('reapplyMine', () => {
  it('should put the sections only I changed on top of theirs', () => {
    const mine = edited(base, suspectRedefined);
    const theirs = edited(base, slowerFirstTouch);
    const result = reapplyMine(base, mine, theirs);
    expect(result.glossary).toEqual(mine.glossary);
    expect(result.sla).toEqual(theirs.sla);
    expect(result).toEqual(edited(base, (d) => [suspectRedefined(d), slowerFirstTouch(d)]));
  });

  it('should keep theirs in a conflicting section unless the person chose mine there', () => {
    const mine = edited(base, (d) => [fasterFirstTouch(d), suspectRedefined(d)]);
    const theirs = edited(base, (d) => {
      slowerFirstTouch(d);
      const term = d.glossary.terms[0];
      if (term) term.term = 'Suspect company';
    });
    const kept = reapplyMine(base, mine, theirs);
    expect(kept.sla.firstTouchHours.perfect).toBe(2);
    expect(kept.glossary).toEqual(theirs.glossary);
    const chosen = reapplyMine(base, mine, theirs, ['sla']);
    expect(chosen.sla.firstTouchHours.perfect).toBe(0.5);
    // The whole section is mine, not a field-by-field blend: their other fields there are not mixed in.
    expect(chosen.sla).toEqual(mine.sla);
    expect(chosen.glossary).toEqual(theirs.glossary);
    // A choice for a section nobody fought over changes nothing.
    expect(reapplyMine(base, mine, theirs, ['icp'])).toEqual(kept);
  });
});

/** Each part drawn from the four starter templates, so sections differ the way real teams' do. */
const STARTERS = LANGUAGES.map((language) => starterAgreement(language, OPTIONS));
const arbitraryAgreement: fc.Arbitrary<Agreement> = fc.record(
  Object.fromEntries(
    AGREEMENT_PARTS.map((part) => [part, fc.constantFrom(...STARTERS.map((starter) => starter[part]))]),
  ) as { [K in keyof Agreement]: fc.Arbitrary<Agreement[K]> },
);

describe('reapplyMine, for any three agreements', () => {
  const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

  it('should give theirs when I edited nothing, and mine when they edited nothing', () => {
    fc.assert(
      fc.property(arbitraryAgreement, arbitraryAgreement, (a, b) => {
        expect(same(reapplyMine(a, a, b), b)).toBe(true);
        expect(same(reapplyMine(a, b, a), b)).toBe(true);
        expect(compareEdits(a, a, b).conflicts).toEqual([]);
      }),
    );
  });

  it('should take each section from one side: mine where only I changed it or I chose it, else theirs', () => {
    fc.assert(
      fc.property(
        arbitraryAgreement,
        arbitraryAgreement,
        arbitraryAgreement,
        fc.subarray([...AGREEMENT_PARTS]),
        (b, m, t, keep) => {
          const result = reapplyMine(b, m, t, keep);
          const comparison = compareEdits(b, m, t);
          for (const { section, state } of comparison.sections) {
            const fromMine = state === 'mine' || (state === 'conflict' && keep.includes(section));
            expect(same(result[section], fromMine ? m[section] : t[section])).toBe(true);
          }
          expect(comparison.conflicts.every((s) => !same(m[s], t[s]))).toBe(true);
        },
      ),
    );
  });
});
