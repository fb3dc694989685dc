export { getReport } from './report';
export { currencyRows, stageRows } from './report-rows';
export { type ReportScope, reportQueries } from './report-sql';
export { findStoredPlan, listStoredPlans, planCreatedAt, upsertPlan } from './stored-plans';
