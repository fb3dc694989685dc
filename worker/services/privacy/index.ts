export { type ErasureResult, eraseLead } from './erase-lead';
export { exportLead } from './export-lead';
export { encryptionConfigured, vaultOf } from './vault';
