import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { auth, sheets } from '@googleapis/sheets';
import { checkHeader, checkKeyFile, explainSheetsError, type Finding, spreadsheetIdOf } from './checks';

/**
 * `npm run sheets:doctor -- --key key.json --sheet <id or URL>`: checks from a
 * laptop that a service account key works and can read the team's Leads tab,
 * with Google's own client. `--api-base` points it at another Sheets API.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      key: { type: 'string' },
      sheet: { type: 'string' },
      'api-base': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(
      'npm run sheets:doctor -- --key key.json [--sheet <spreadsheet id or URL>] [--api-base <Sheets API URL>]\n' +
        'Checks a service account JSON key and, with --sheet, that the sheet is shared with it and has a Leads tab.\n' +
        'Without --key it reads GOOGLE_APPLICATION_CREDENTIALS.',
    );
    return 0;
  }
  const report = (f: Finding) =>
    console.log(`${f.ok ? '✔' : '✘'} ${f.what}${f.fix ? `\n    → ${f.fix}` : ''}`);
  const keyPath = values.key ?? process.env.GOOGLE_APPLICATION_CREDENTIALS;
  if (!keyPath) {
    report({ ok: false, what: 'No key file.', fix: 'Pass --key key.json (the service account JSON key).' });
    return 2;
  }
  const { key, findings } = checkKeyFile(await readFile(keyPath, 'utf8'));
  findings.forEach(report);
  if (!key || findings.some((f) => !f.ok)) return 1;
  if (!values.sheet) {
    report({
      ok: true,
      what: `Share the team's sheet with ${key.client_email} as an Editor, then pass --sheet.`,
    });
    return 0;
  }
  const spreadsheetId = spreadsheetIdOf(values.sheet);
  if (!spreadsheetId) {
    report({ ok: false, what: 'That is not a sheet id or URL.', fix: 'Copy the URL of the sheet.' });
    return 1;
  }
  const client = sheets({
    version: 'v4',
    auth: new auth.GoogleAuth({
      credentials: key,
      scopes: ['https://www.googleapis.com/auth/spreadsheets'],
    }),
    ...(values['api-base'] ? { rootUrl: values['api-base'] } : {}),
  });
  try {
    const res = await client.spreadsheets.values.batchGet({ spreadsheetId, ranges: ["'Leads'!1:2"] });
    report({ ok: true, what: `The sheet is shared with ${key.client_email}.` });
    const finding = checkHeader(res.data.valueRanges?.[0]?.values ?? []);
    report(finding);
    return finding.ok ? 0 : 1;
  } catch (error) {
    const status = (error as { status?: number; code?: number }).status ?? (error as { code?: number }).code;
    report(explainSheetsError(typeof status === 'number' ? status : undefined, key.client_email));
    return 1;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Never print the key: only the error's message.
    console.error(`sheets:doctor failed: ${error instanceof Error ? error.message : 'unknown error'}`);
    process.exit(1);
  },
);
