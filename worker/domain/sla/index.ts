/**
 * The SLA clock (issue 6): deadlines computed at MQL from the agreement's `sla`
 * section, their status rules and the sweep's steps, governance deadlines, the
 * weekly agenda, and notifications in the workspace's language. Pure: no HTTP,
 * no database, time passed in.
 */
export * from './agenda';
export * from './agenda-input';
export * from './channels';
export * from './constants';
export * from './deadlines';
export * from './governance';
export * from './lead-link';
export * from './messages';
export * from './notice-draft';
export * from './outbox-step';
export * from './recipients';
export * from './reconcile-governance';
export * from './sweep-messages';
