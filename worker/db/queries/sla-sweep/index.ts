export {
  type DeadlineRow,
  dueDeadlineRows,
  type LeadNameRow,
  leadNameRows,
  signersOf,
  teamMembers,
} from './due';
export {
  activeAgreementsAfter,
  governanceCursor,
  governanceStatements,
  openGovernanceRows,
  saveGovernanceCursor,
} from './governance';
export { recheckStatement, type StepWrites, stepStatements } from './steps';
