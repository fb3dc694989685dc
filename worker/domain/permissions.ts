import type { Role } from './constants';

/**
 * The role matrix: which roles may do what. Routes name a permission, never a
 * role list, so the whole policy reads in one place and tests iterate it.
 */
export const PERMISSIONS = {
  'workspace:read': ['admin', 'manager', 'marketing', 'sales', 'viewer'],
  'tokens:manage': ['admin'],
  'members:read': ['admin', 'manager', 'marketing', 'sales', 'viewer'],
  'members:write': ['admin', 'manager'],
  'agreement:read': ['admin', 'manager', 'marketing', 'sales', 'viewer'],
  'agreement:edit': ['admin', 'manager', 'marketing', 'sales'],
  'agreement:sign': ['manager', 'marketing', 'sales'],
  'agreement:share': ['admin', 'manager'],
  'persona:review': ['admin', 'manager', 'marketing', 'sales'],
  'funnel:compute': ['admin', 'manager', 'marketing', 'sales', 'viewer'],
  'funnel:read': ['admin', 'manager', 'marketing', 'sales', 'viewer'],
  /** The plan is the manager's tab: marketing and sales read it, they do not set their own targets. */
  'funnel:plan': ['admin', 'manager'],
  'reports:read': ['admin', 'manager', 'marketing', 'sales', 'viewer'],
  'campaigns:read': ['admin', 'manager', 'marketing', 'sales', 'viewer'],
  'campaigns:manage': ['admin', 'marketing'],
  'sources:read': ['admin', 'manager', 'marketing', 'sales', 'viewer'],
  'sources:manage': ['admin', 'marketing'],
  'intake:submit': ['admin', 'intake'],
  /** Where a delivery stands (its lead once judged): the sender that posted it, and who runs the forms. */
  'intake:read': ['admin', 'marketing', 'intake'],
  /** Deliveries that failed judging hold raw form data: the admin lists and re-judges them. */
  'intake:manage': ['admin'],
  'events:write': ['admin', 'marketing', 'intake'],
  'leads:read': ['admin', 'manager', 'marketing', 'sales', 'viewer'],
  /** Lists are marketing's (and the manager's when a team moves in); sales works leads, it does not load them. */
  'leads:import': ['admin', 'manager', 'marketing'],
  /** Marketing is narrowed further by the sales workflow (worker/domain/ledger/actions.ts). */
  'leads:act': ['admin', 'manager', 'marketing', 'sales'],
  'leads:export': ['admin', 'manager'],
  'leads:erase': ['admin'],
  'routing:read': ['admin', 'manager', 'marketing', 'sales', 'viewer'],
  'routing:manage': ['admin', 'manager'],
  'sla:read': ['admin', 'manager', 'marketing', 'sales', 'viewer'],
  'agenda:read': ['admin', 'manager', 'marketing', 'sales', 'viewer'],
  /** Channel URLs carry webhook tokens: only who manages notifications sees the list. */
  'notifications:read': ['admin', 'manager'],
  'notifications:manage': ['admin', 'manager'],
  /** The live sheet's key and target are the admin's; everyone who sees the sheet may see whether it is live. */
  'sheet:connect': ['admin'],
  'sheet:status': ['admin', 'manager', 'marketing', 'sales', 'viewer'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function roleAllows(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
