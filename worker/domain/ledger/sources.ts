import * as z from 'zod';
import { schemaText } from '../i18n';
import { INTAKE_PROVIDERS, type IntakeProvider } from '../intake/constants';
import { FieldMap } from '../intake/field-map';
import { SOURCE_ORIGINS, type SourceOrigin } from './constants';

export const CreateSource = z.strictObject({
  name: z.string().trim().min(1).max(200),
  provider: z.enum(INTAKE_PROVIDERS),
  origin: z.enum(SOURCE_ORIGINS),
  fieldMap: FieldMap.nullable().optional(),
  /** Follows the agreement's lead definition: a contact form creates a lead, a webinar sign-up records a touch. */
  createsLead: z.boolean(),
  /**
   * The signing secret. LeadPact makes one when omitted; give the provider's own
   * when the provider issues it (Webflow signs with the secret it shows you).
   */
  secret: z.string().min(16).max(200).optional(),
});
export type CreateSource = z.output<typeof CreateSource>;

export const UpdateSource = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    origin: z.enum(SOURCE_ORIGINS),
    fieldMap: FieldMap.nullable(),
    createsLead: z.boolean(),
    archived: z.boolean(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: schemaText('changeSomething') });
export type UpdateSource = z.output<typeof UpdateSource>;

export interface Source {
  id: string;
  name: string;
  provider: IntakeProvider;
  origin: SourceOrigin;
  createsLead: boolean;
  fieldMap: FieldMap | null;
  createdAt: string;
  archivedAt: string | null;
}

/** A source with its signing secret: only the intake path and its creator see this. */
export interface SourceWithSecret extends Source {
  secret: string;
}

/** A source's archive time after a change: archiving keeps the first archive time, un-archiving clears it. */
export function archivedAtAfter(
  current: string | null,
  archived: boolean | undefined,
  now: Date,
): string | null {
  if (archived === undefined) return current;
  return archived ? (current ?? now.toISOString()) : null;
}
