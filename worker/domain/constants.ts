/** Enums shared by the Worker, the database schema and the add-on (no drizzle, no Hono here). */

export const ROLES = ['admin', 'manager', 'marketing', 'sales', 'viewer', 'intake'] as const;
export type Role = (typeof ROLES)[number];

export const SIDES = ['marketing', 'sales', 'management'] as const;
export type Side = (typeof SIDES)[number];

export const LANGUAGES = ['en', 'pl', 'ro', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];
