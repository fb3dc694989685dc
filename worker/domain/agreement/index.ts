/**
 * The marketing–sales agreement: its one schema, its rules, its hash and diff,
 * the starter templates, and the pure functions intake, the SLA clock and
 * reports judge leads with. No HTTP, no database: importable by the add-on.
 */
export { type OpeningInterval, openingIntervals } from './business-hours';
export { agreementHash, canonicalJson } from './canonical';
export {
  compareEdits,
  type EditComparison,
  type EditState,
  reapplyMine,
  type SectionEdits,
} from './compare-edits';
export * from './constants';
export {
  AGREEMENT_PARTS,
  type AgreementChange,
  type AgreementDiff,
  type AgreementPart,
  diffAgreements,
  diffAsMarkdown,
  type SectionDiff,
} from './diff';
export {
  concurrentProposal,
  diffBase,
  sameContentRefusal,
  staleDraft,
  unknownGuardian,
} from './draft-rules';
export {
  evaluateIcp,
  evaluateMql,
  type FitResult,
  type IcpResult,
  isPresent,
  type LeadProfile,
  type MqlFacts,
  type MqlResult,
  marketingTemperature,
  matches,
  matchingRole,
  quadrantOf,
  salesTemperature,
  scoreEngagement,
  scoreFit,
  seniorityOfTitle,
  type Touch,
  touchPoints,
} from './evaluate';
export { type PersonaReviewStatus, personaReviewDates, personaReviewStatusOf } from './persona-review';
export {
  Agreement,
  type AgreementInput,
  AgreementPatch,
  AgreementSections,
  BusinessHours,
  DayHours,
  Feedback,
  FitRole,
  Glossary,
  Goals,
  Icp,
  IcpCriterion,
  LeadDefinition,
  Meetings,
  Mql,
  OpeningHours,
  Persona,
  RejectionReason,
  RejectionReasons,
  Reporting,
  Scoring,
  Signers,
  Sla,
  SqlCriteria,
  SqlCriterion,
  Temperature,
} from './schema';
export { mintShareId, parseShareId, SHARE_ID_PATTERN } from './share';
export {
  alreadySigned,
  type SigningAttempt,
  type SigningDecision,
  type SigningMember,
  type SigningVersion,
  signingRefusal,
} from './signing';
export { type StarterOptions, starterAgreement } from './templates';
export {
  type ActiveAgreement,
  type AgreementDraft,
  type AgreementSignature,
  type AgreementVersion,
  addMonths,
  CreatePersonaReview,
  draftEtag,
  type Enforcement,
  enforcementOf,
  ifMatchAllows,
  type PersonaReview,
  parseAgreement,
  requiredSides,
  type ShareLink,
  sideOfRole,
  type VersionSummary,
} from './versions';
export {
  type AgreementWarning,
  type AgreementWarningCode,
  agreementWarnings,
  highestEngagement,
  highestFit,
  WARNING_CODES,
  warningsIn,
} from './warnings';
