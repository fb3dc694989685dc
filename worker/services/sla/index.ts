export { getAgenda } from './get-agenda';
export { GOVERNANCE_CHUNK, governancePass } from './governance-pass';
export { listDeadlines } from './list-deadlines';
export { bodyOpener } from './open-bodies';
export { type SweepReport, sweepDeadlines } from './sweep-deadlines';
export { sweepMinute } from './sweep-minute';
export { syncGovernance } from './sync-governance';
export { type WorkspaceFacts, WorkspaceFactsCache } from './workspace-facts';
