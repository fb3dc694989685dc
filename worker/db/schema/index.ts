export * from './agreement';
export * from './core';
export * from './imports';
export * from './ledger';
export * from './privacy';
export * from './reports';
export * from './sheet';
export * from './sla';
