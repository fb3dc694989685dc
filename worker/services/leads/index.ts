export { getLead, type LeadDetail } from './get-lead';
