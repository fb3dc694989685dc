export { getPlanView, type KnownWorkspace, planViewOf, windowStageCounts } from './plan-view';
export { getReport } from './report';
export { stageRows } from './report-rows';
export { type ReportScope, reportQueries } from './report-sql';
export { getStoredPlan, listStoredPlans, planCreatedAt, upsertPlan } from './stored-plans';
