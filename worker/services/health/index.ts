export { checkDatabases } from './check-databases';
