/**
 * The live sheet (issue 14): which sheet is owed what, the fair share of
 * Google's per-minute quota, where rows go, and what errors mean. Pure: the
 * Google client, the encryption and the database live outside.
 */
export * from './constants';
export * from './leads-layout';
export * from './messages';
export * from './plan-write';
export * from './schedule';
export * from './service-account';
export * from './shared-layout';
