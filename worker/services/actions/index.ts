export { type ActionResult, performAction } from './perform-action';
