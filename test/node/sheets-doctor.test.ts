import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkHeader,
  checkKeyFile,
  explainSheetsError,
  spreadsheetIdOf,
} from '../../scripts/sheets-doctor/checks';

const ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abc';

describe('sheets:doctor, the parts that run without Google', () => {
  it('should take the id from a sheet URL or the id itself, and nothing else', () => {
    expect(spreadsheetIdOf(`https://docs.google.com/spreadsheets/d/${ID}/edit#gid=0`)).toBe(ID);
    expect(spreadsheetIdOf(` ${ID} `)).toBe(ID);
    expect(spreadsheetIdOf('https://example.com/not-a-sheet')).toBeNull();
    expect(spreadsheetIdOf('short')).toBeNull();
  });

  it('should accept a service account key with an RSA private key, and say which account it is', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const text = JSON.stringify({
      type: 'service_account',
      client_email: 'sync@team.iam.gserviceaccount.com',
      private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    });
    const { key, findings } = checkKeyFile(text);
    expect(key?.client_email).toBe('sync@team.iam.gserviceaccount.com');
    expect(findings).toEqual([
      { ok: true, what: 'Service account sync@team.iam.gserviceaccount.com.' },
      { ok: true, what: 'The private key is an RSA key (RS256 signs with it).' },
    ]);
  });

  it('should refuse what is not a usable key, naming the field, without echoing the key', () => {
    expect(checkKeyFile('not json').findings).toEqual([
      { ok: false, what: 'The key file is not JSON.', fix: 'Download the key again as JSON.' },
    ]);
    const user = checkKeyFile(
      JSON.stringify({ type: 'authorized_user', client_email: 'person@example.com', private_key: 'x' }),
    );
    expect(user.key).toBeNull();
    expect(user.findings.map((f) => f.what)).toEqual([
      'type: Must be a service account key ("type": "service_account").',
      'private_key: Must be the PEM private key from the JSON key file.',
    ]);
    const broken = checkKeyFile(
      JSON.stringify({
        type: 'service_account',
        client_email: 'a@b.iam.gserviceaccount.com',
        private_key: '-----BEGIN PRIVATE KEY-----\nSECRETBITS\n-----END PRIVATE KEY-----\n',
      }),
    );
    expect(broken.findings.at(-1)).toEqual({
      ok: false,
      what: 'The private key does not load.',
      fix: 'Create a new JSON key.',
    });
    expect(JSON.stringify(broken.findings)).not.toContain('SECRETBITS');
  });

  it('should say what each answer from Google means for the team', () => {
    expect(explainSheetsError(403, 'sync@x.iam.gserviceaccount.com').fix).toContain(
      'Share the sheet with sync@x.iam.gserviceaccount.com as an Editor',
    );
    expect(explainSheetsError(404, 'a').what).toBe('No spreadsheet has that id (404).');
    expect(explainSheetsError(400, 'a').what).toBe('The sheet has no Leads tab (400).');
  });

  it('should find the Lead ID header in row 2, in any starter language', () => {
    expect(
      checkHeader([['LeadPact · refreshed'], ['ID leada', 'Wersja', 'Kontrola synchronizacji']]).ok,
    ).toBe(true);
    expect(checkHeader([['Lead ID'], ['Name']])).toMatchObject({ ok: false });
  });
});

describe('npm run sheets:doctor, as the README runs it', () => {
  const run = promisify(execFile);
  let dir = '';
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  /** The npm script itself (bundle, then run), with its exit code and both streams. */
  const doctor = (args: string[], env: Record<string, string> = {}) =>
    run('npm', ['run', '--silent', 'sheets:doctor', '--', ...args], {
      env: { ...process.env, GOOGLE_APPLICATION_CREDENTIALS: '', ...env },
    }).then(
      ({ stdout }) => ({ code: 0, out: stdout }),
      (error: { code: number; stdout: string; stderr: string }) => ({
        code: error.code,
        out: error.stdout + error.stderr,
      }),
    );

  it('should say how it is called with --help, and what to pass when the key is missing', async () => {
    const help = await doctor(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('npm run sheets:doctor -- --key key.json [--sheet <spreadsheet id or URL>]');
    const bare = await doctor([]);
    expect(bare.code).toBe(2);
    expect(bare.out).toContain('Pass --key key.json');
  }, 60_000);

  it('should check a key without --sheet and name the account to share the sheet with', async () => {
    dir = await mkdtemp(join(tmpdir(), 'leadpact-doctor-'));
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const keyFile = join(dir, 'key.json');
    await writeFile(
      keyFile,
      JSON.stringify({
        type: 'service_account',
        client_email: 'sync@team.iam.gserviceaccount.com',
        private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      }),
    );
    const result = await doctor(['--key', keyFile]);
    expect(result.code).toBe(0);
    expect(result.out).toContain(
      "Share the team's sheet with sync@team.iam.gserviceaccount.com as an Editor",
    );
  }, 60_000);
});
