export { getPlan } from './get-plan';
export { listPlans } from './list-plans';
export { savePlan } from './save-plan';
