import type { AgreementSection } from '../../agreement/constants';

/** The four agreement tabs the team edits in the sheet. */
export const AGREEMENT_GRID_TABS = ['glossary', 'icp', 'scoring', 'rules'] as const;
export type AgreementGridTab = (typeof AGREEMENT_GRID_TABS)[number];

/**
 * Which sections of the agreement each tab holds. A push replaces exactly these
 * sections of the draft it was based on; every other section (lead definition,
 * goals, meetings, reporting, persona, feedback, signers, title, language) is
 * sent back as it was in that base, so the sheet never edits what it does not show.
 */
export const TAB_SECTIONS = {
  glossary: ['glossary'],
  icp: ['icp'],
  scoring: ['scoring', 'temperature'],
  rules: ['mql', 'sqlCriteria', 'rejectionReasons', 'sla'],
} as const satisfies Record<AgreementGridTab, readonly AgreementSection[]>;

/** Every section the agreement tabs own, in tab order. */
export const GRID_SECTIONS: readonly AgreementSection[] = AGREEMENT_GRID_TABS.flatMap(
  (tab) => TAB_SECTIONS[tab],
);
