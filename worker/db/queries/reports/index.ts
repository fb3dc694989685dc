export {
  calendarsFor,
  campaignRecords,
  campaignRows,
  coverageOf,
  currencyRows,
  firstTouchRows,
  labelsFor,
  reasonRows,
  slaRows,
  stageRows,
} from './report-rows';
export { type ReportScope, reportQueries } from './report-sql';
export { findStoredPlan, listStoredPlans, planCreatedAt, upsertPlan } from './stored-plans';
