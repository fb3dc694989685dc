export {
  type DraftRow,
  type DraftWrite,
  draftRow,
  getDraft,
  latestVersionRow,
  starterDraftStatements,
  toDraft,
  updateDraft,
} from './drafts';
export {
  insertPersonaReview,
  insertPersonaReviewWithDraft,
  latestPersonaReview,
  listPersonaReviewRows,
  type PersonaReviewRow,
  toReview,
} from './persona-reviews';
export { insertProposal, type Proposal } from './proposals';
export { insertShare, liveShare, revokeShare, type ShareRow, shareIsLive } from './shares';
export { insertSignature, sideHasSigned } from './signatures';
export {
  getActiveAgreement,
  getAgreementContent,
  getVersion,
  listVersions,
  openVersionRows,
  type VersionRow,
  versionRow,
  withSignatures,
} from './versions';
