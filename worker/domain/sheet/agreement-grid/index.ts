import { canonicalJson } from '../../agreement/canonical';
import { Agreement } from '../../agreement/schema';
import { parseGlossary, renderGlossary } from './glossary';
import type { Grid, GridProblem, ParseOptions, ParseResult, RenderedTab } from './grid';
import { parseIcp, renderIcp } from './icp';
import { parseRules, renderRules } from './rules';
import { parseScoring, renderScoring } from './scoring';
import { AGREEMENT_GRID_TABS, type AgreementGridTab, GRID_SECTIONS } from './sections';

/**
 * The agreement tabs ↔ the agreement: pure, shared by the add-on and tests.
 * Each tab renders its sections of the draft and parses them back, checked
 * with the agreement's one schema; problems name the cell that causes them.
 */
export { parseGlossary, renderGlossary } from './glossary';
export type { Grid, GridCell, GridProblem, ParseOptions, ParseResult, RenderedTab } from './grid';
export { parseIcp, renderIcp } from './icp';
export { parseRules, renderRules } from './rules';
export { parseScoring, renderScoring } from './scoring';
export { AGREEMENT_GRID_TABS, type AgreementGridTab, GRID_SECTIONS, TAB_SECTIONS } from './sections';

const RENDER = {
  glossary: renderGlossary,
  icp: renderIcp,
  scoring: renderScoring,
  rules: renderRules,
} as const satisfies Record<
  AgreementGridTab,
  (content: Agreement, language: Agreement['language']) => RenderedTab
>;

const PARSE = {
  glossary: parseGlossary,
  icp: parseIcp,
  scoring: parseScoring,
  rules: parseRules,
} as const satisfies Record<
  AgreementGridTab,
  (grid: Grid, options: ParseOptions) => ParseResult<Partial<Agreement>>
>;

export function renderAgreementTab(
  tab: AgreementGridTab,
  content: Agreement,
  language: ParseOptions['language'],
) {
  return RENDER[tab](content, language);
}

export function parseAgreementTab<T extends AgreementGridTab>(
  tab: T,
  grid: Grid,
  options: ParseOptions,
): ReturnType<(typeof PARSE)[T]> {
  return PARSE[tab](grid, options) as ReturnType<(typeof PARSE)[T]>;
}

/**
 * The whole agreement the four tabs describe: `base` (the draft they were
 * rendered from) with the tabs' sections replaced. Problems of every tab come
 * back together, so a person sees all of them at once.
 */
export function parseAgreementTabs(
  grids: Record<AgreementGridTab, Grid>,
  base: Agreement,
  options: ParseOptions,
): ParseResult<Agreement> {
  const problems: GridProblem[] = [];
  let content: Agreement = { ...base };
  for (const tab of AGREEMENT_GRID_TABS) {
    const result = PARSE[tab](grids[tab], options);
    if (result.ok) content = { ...content, ...result.value };
    else problems.push(...result.problems);
  }
  if (problems.length > 0) return { ok: false, problems };
  const whole = Agreement.safeParse(content);
  if (!whole.success) {
    // Only a rule across sections can fail here (each section passed its own schema).
    return {
      ok: false,
      problems: whole.error.issues.map((issue) => ({
        tab: 'rules',
        row: 1,
        column: 1,
        message: issue.message,
      })),
    };
  }
  return { ok: true, value: whole.data };
}

/** True when `a` and `b` agree on every section the tabs show (key order and formatting aside). */
export function sameGridSections(a: Agreement, b: Agreement): boolean {
  return GRID_SECTIONS.every((section) => canonicalJson(a[section]) === canonicalJson(b[section]));
}
