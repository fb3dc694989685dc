export { type PurgeReport, purgeExpired } from './purge-expired';
