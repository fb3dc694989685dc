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
  'funnel:compute': ['admin', 'manager', 'marketing', 'sales', 'viewer'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function roleAllows(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
