import { createPrivateKey } from 'node:crypto';
import { ServiceAccountKey } from '../../worker/domain/live-sheet/service-account';
import { LEADS_HEADER_ROW, leadColumnIndexes } from '../../worker/domain/sheet/leads-layout';

/** One line of the doctor's report. */
export interface Finding {
  ok: boolean;
  what: string;
  /** What to do when it is not ok. */
  fix?: string;
}

/** The spreadsheet id from a sheet URL (`…/spreadsheets/d/<id>/edit#gid=0`) or the id itself. */
export function spreadsheetIdOf(input: string): string | null {
  const fromUrl = /\/spreadsheets\/d\/([A-Za-z0-9_-]+)/.exec(input)?.[1];
  const id = fromUrl ?? input.trim();
  return /^[A-Za-z0-9_-]{20,100}$/.test(id) ? id : null;
}

/** Checks a JSON key file's text without sending it anywhere: the shape Google issues, and a usable RSA key. */
export function checkKeyFile(text: string): { key: ServiceAccountKey | null; findings: Finding[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {
      key: null,
      findings: [{ ok: false, what: 'The key file is not JSON.', fix: 'Download the key again as JSON.' }],
    };
  }
  const parsed = ServiceAccountKey.safeParse(json);
  if (!parsed.success) {
    return {
      key: null,
      findings: parsed.error.issues.map((issue) => ({
        ok: false,
        what: `${issue.path.join('.') || 'key'}: ${issue.message}`,
        fix: 'Use the JSON key of a service account (IAM → Service accounts → Keys → Add key → JSON).',
      })),
    };
  }
  const findings: Finding[] = [{ ok: true, what: `Service account ${parsed.data.client_email}.` }];
  try {
    const key = createPrivateKey(parsed.data.private_key);
    findings.push(
      key.asymmetricKeyType === 'rsa'
        ? { ok: true, what: 'The private key is an RSA key (RS256 signs with it).' }
        : {
            ok: false,
            what: `The private key is ${key.asymmetricKeyType}, not RSA.`,
            fix: 'Create a new JSON key.',
          },
    );
  } catch {
    findings.push({ ok: false, what: 'The private key does not load.', fix: 'Create a new JSON key.' });
  }
  return { key: parsed.data, findings };
}

/** What an answer from the Sheets API means for the connection, and what to do about it. */
export function explainSheetsError(status: number | undefined, email: string): Finding {
  switch (status) {
    case 403:
      return {
        ok: false,
        what: 'Google refused access to the sheet (403).',
        fix: `Share the sheet with ${email} as an Editor, and check that the Google Sheets API is enabled in the key's project.`,
      };
    case 404:
      return {
        ok: false,
        what: 'No spreadsheet has that id (404).',
        fix: 'Copy the id from the sheet URL again.',
      };
    case 400:
      return {
        ok: false,
        what: 'The sheet has no Leads tab (400).',
        fix: 'Refresh the sheet once from the LeadPact add-on to create it.',
      };
    case 401:
      return {
        ok: false,
        what: 'Google refused the key (401).',
        fix: 'The key was revoked or deleted: create a new one.',
      };
    case 429:
      return {
        ok: false,
        what: 'Google answered 429: this account spent its minute.',
        fix: 'Try again in a minute.',
      };
    default:
      return {
        ok: false,
        what: `Google answered ${status ?? 'nothing'}.`,
        fix: 'Try again; check the network.',
      };
  }
}

/** Checks the header rows of the Leads tab as read: the Lead ID column must be there for rows to be found. */
export function checkHeader(rows: readonly (readonly unknown[])[]): Finding {
  const found = leadColumnIndexes(rows[LEADS_HEADER_ROW - 1] ?? []);
  if (found.lead_id < 0)
    return {
      ok: false,
      what: `Row ${LEADS_HEADER_ROW} of Leads has no Lead ID header.`,
      fix: 'Refresh the sheet from the add-on; do not rename the Lead ID column.',
    };
  const missing = Object.entries(found)
    .filter(([, index]) => index < 0)
    .map(([key]) => key);
  return {
    ok: true,
    what: `Leads tab found; Lead ID in column ${found.lead_id + 1}${missing.length ? `; columns the push will skip: ${missing.join(', ')}` : ''}.`,
  };
}
