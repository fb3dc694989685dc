import type { Language } from '../constants';
import { catalogueOf } from '../i18n';
import { canonicalJson } from './canonical';
import { AGREEMENT_PARTS, type AgreementPart, diffAgreements } from './diff';
import type { Agreement } from './schema';

/**
 * Who changed a part since the common base: nobody, me, them, both to the
 * same content (`same`, nothing to choose), or both differently (`conflict`).
 */
export type EditState = 'unchanged' | 'mine' | 'theirs' | 'same' | 'conflict';

/** One part of the agreement in a three-way comparison, with each side's changes said as sentences. */
export interface SectionEdits {
  section: AgreementPart;
  /** The part's name in the workspace language. */
  label: string;
  state: EditState;
  /** The state in words. */
  stateText: string;
  /** What I changed in this part since the base (the Worker's diff sentences). */
  mine: string[];
  /** What they changed in this part since the base. */
  theirs: string[];
}

export interface EditComparison {
  /** Every part, in the order the agreement reads. */
  sections: SectionEdits[];
  /** The parts both sides changed differently: where the person must choose. */
  conflicts: AgreementPart[];
}

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

function stateOf(base: unknown, mine: unknown, theirs: unknown): EditState {
  const byMe = !same(base, mine);
  const byThem = !same(base, theirs);
  if (byMe && byThem) return same(mine, theirs) ? 'same' : 'conflict';
  return byMe ? 'mine' : byThem ? 'theirs' : 'unchanged';
}

function textsBySection(before: Agreement, after: Agreement, language: Language): Map<string, string[]> {
  const diff = diffAgreements(before, after, language);
  return new Map(diff.sections.map((s) => [s.section, s.changes.map((change) => change.text)]));
}

/**
 * A section-by-section three-way comparison of my edits and theirs against
 * the draft both started from, with each change said in `language` by the
 * same differ the Worker's diff routes use. Pure.
 */
export function compareEdits(
  base: Agreement,
  mine: Agreement,
  theirs: Agreement,
  language: Language = 'en',
): EditComparison {
  const words = catalogueOf(language);
  const labels: Record<AgreementPart, string> = { ...words.agreement.sections, ...words.review.parts };
  const myTexts = textsBySection(base, mine, language);
  const theirTexts = textsBySection(base, theirs, language);
  const sections = AGREEMENT_PARTS.map((section): SectionEdits => {
    const state = stateOf(base[section], mine[section], theirs[section]);
    return {
      section,
      label: labels[section],
      state,
      stateText: words.review.states[state],
      mine: myTexts.get(section) ?? [],
      theirs: theirTexts.get(section) ?? [],
    };
  });
  return { sections, conflicts: sections.filter((s) => s.state === 'conflict').map((s) => s.section) };
}

/**
 * Theirs with my edits on top, a whole section at a time: a section only I
 * changed takes mine; a section both changed keeps theirs unless the person
 * chose to keep mine (`keepMine`). Sections, not fields, because a section is
 * what a tab edits and what its rules check together (weights against
 * thresholds, open against close times): a field-by-field merge could build
 * a section neither side wrote. Pure; the Worker still validates the result.
 */
export function reapplyMine(
  base: Agreement,
  mine: Agreement,
  theirs: Agreement,
  keepMine: readonly string[] = [],
): Agreement {
  const result: Record<string, unknown> = { ...theirs };
  for (const section of AGREEMENT_PARTS) {
    const state = stateOf(base[section], mine[section], theirs[section]);
    if (state === 'mine' || (state === 'conflict' && keepMine.includes(section)))
      result[section] = mine[section];
  }
  return result as Agreement;
}
