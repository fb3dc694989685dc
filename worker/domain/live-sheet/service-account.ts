import * as z from 'zod';
import { schemaText } from '../i18n';

/**
 * A service account's JSON key file as Google issues it (IAM → Service
 * accounts → Keys → Add key → JSON). Only the fields the JWT flow needs are
 * checked; the rest is kept as given.
 */
export const ServiceAccountKey = z
  .object({
    type: z.literal('service_account', {
      message: schemaText('serviceAccountType'),
    }),
    client_email: z.email({ message: schemaText('serviceAccountEmail') }),
    private_key: z.string().regex(/^-----BEGIN PRIVATE KEY-----[\s\S]+-----END PRIVATE KEY-----\s*$/, {
      message: schemaText('privateKey'),
    }),
    private_key_id: z.string().min(1).max(200).optional(),
    project_id: z.string().max(200).optional(),
    token_uri: z.url().optional(),
  })
  .loose();
export type ServiceAccountKey = z.infer<typeof ServiceAccountKey>;

/** A spreadsheet id as it appears in the sheet's URL (`/spreadsheets/d/<id>/edit`). */
export const SpreadsheetId = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, {
  message: schemaText('spreadsheetId'),
});

/** The key with its private part replaced, for anything that might be shown or logged. */
export function redactKey(key: ServiceAccountKey): { client_email: string; private_key_id?: string } {
  return { client_email: key.client_email, private_key_id: key.private_key_id };
}
