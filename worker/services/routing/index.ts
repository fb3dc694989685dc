export { getRoutingRules } from './get-routing-rules';
export { saveRoutingRules } from './save-routing-rules';
