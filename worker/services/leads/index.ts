export { getLead, type LeadDetail } from './get-lead';
export { getLeadPage } from './get-lead-page';
export { type LeadWithSla, listLeads } from './list-leads';
