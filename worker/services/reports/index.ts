export { getReport } from './get-report';
