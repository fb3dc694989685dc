import { createVerify, generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { sheets_v4 } from '@googleapis/sheets';

/**
 * A fake of Google's OAuth token endpoint and the Sheets API `values`
 * endpoints, served over real HTTP on loopback for the tests (issue 14). The
 * token endpoint verifies the JWT's RS256 signature with the public half of a
 * key pair generated here; `values:batchGet` and `values:batchUpdate` check the
 * request's shape against the `sheets_v4` types and apply it to an in-memory
 * grid. It counts every call and can be told to answer 429, 500 or 403.
 * Tests drive it through `/_fake/...`.
 */

type Cell = string | number | boolean;
interface Spreadsheet {
  /** Tab name → rows of cells. */
  tabs: Map<string, Cell[][]>;
  sharedWith: Set<string>;
}
interface Account {
  email: string;
  publicKey: KeyObject;
  revoked: boolean;
}
export interface FakeCall {
  kind: 'token' | 'read' | 'write';
  account: string | null;
  spreadsheetId: string | null;
  status: number;
  /** Ranges read or written. */
  ranges: number;
  bytes: number;
}

// The keys of the request objects we accept, typed against Google's client so a field we send that the API does
// not know fails the test.
const BATCH_UPDATE_KEYS = [
  'data',
  'valueInputOption',
  'includeValuesInResponse',
  'responseDateTimeRenderOption',
  'responseValueRenderOption',
] as const satisfies readonly (keyof sheets_v4.Schema$BatchUpdateValuesRequest)[];
const VALUE_RANGE_KEYS = [
  'range',
  'majorDimension',
  'values',
] as const satisfies readonly (keyof sheets_v4.Schema$ValueRange)[];
const VALUE_INPUT_OPTIONS = ['RAW', 'USER_ENTERED'];

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** `'Leads'!C5:F7`, `'Leads'!1:1`, `'Leads'!A:A` → tab and 0-based bounds (open ends undefined). */
export function parseRange(
  range: string,
): { tab: string; c1?: number; r1?: number; c2?: number; r2?: number } | null {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!([A-Z]*)(\d*)(?::([A-Z]*)(\d*))?$/.exec(range);
  if (!m) return null;
  const tab = (m[1] ?? m[2] ?? '').replaceAll("''", "'");
  const num = (s: string | undefined) => (s ? Number(s) - 1 : undefined);
  const col = (s: string | undefined) => (s ? columnIndex(s) : undefined);
  return { tab, c1: col(m[3]), r1: num(m[4]), c2: col(m[5] ?? m[3]), r2: num(m[6] ?? m[4]) };
}

/** What Sheets stores for a USER_ENTERED value: `'x` is the text `x`; `=x` would be a formula. */
function entered(value: unknown, option: string): Cell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  const text = String(value);
  if (option === 'USER_ENTERED' && text.startsWith("'")) return text.slice(1);
  if (option === 'USER_ENTERED' && /^[=+]/.test(text)) return `FORMULA:${text}`;
  return text;
}

export interface FakeSheets {
  url: string;
  server: Server;
  /** The deployment's key file (the Worker secret GOOGLE_SERVICE_ACCOUNT_JSON). */
  deploymentKey: Record<string, string>;
  close: () => Promise<void>;
}

function newKeyFile(accounts: Map<string, Account>, email: string, tokenUri: string): Record<string, string> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  accounts.set(email, { email, publicKey, revoked: false });
  return {
    type: 'service_account',
    project_id: 'leadpact-test',
    private_key_id: randomBytes(20).toString('hex'),
    private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    client_email: email,
    client_id: '1234567890',
    token_uri: tokenUri,
  };
}

function verifyJwt(
  jwt: string,
  accounts: Map<string, Account>,
  audience: string,
): { email: string } | string {
  const [h, p, s] = jwt.split('.');
  if (!h || !p || !s) return 'malformed';
  const header = JSON.parse(Buffer.from(h, 'base64url').toString()) as { alg?: string };
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
  if (header.alg !== 'RS256') return 'alg';
  const account = accounts.get(String(claims.iss));
  if (!account) return 'unknown account';
  const ok = createVerify('RSA-SHA256')
    .update(`${h}.${p}`)
    .verify(account.publicKey, Buffer.from(s, 'base64url'));
  if (!ok) return 'Invalid JWT Signature.';
  if (claims.aud !== audience) return 'aud';
  const now = Date.now() / 1000;
  if (typeof claims.exp !== 'number' || claims.exp < now || typeof claims.iat !== 'number') return 'exp';
  if (claims.scope !== 'https://www.googleapis.com/auth/spreadsheets') return 'scope';
  if (account.revoked) return 'Invalid JWT Signature.';
  return { email: account.email };
}

export async function startFakeSheets(): Promise<FakeSheets> {
  const accounts = new Map<string, Account>();
  const tokens = new Map<string, string>();
  const sheets = new Map<string, Spreadsheet>();
  const calls: FakeCall[] = [];
  /** Statuses to answer the next Sheets calls with (per spreadsheet, or '*' for any). */
  const failures = new Map<string, number[]>();
  let url = '';

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  const googleError = (res: ServerResponse, status: number, code: string, message: string) =>
    send(res, status, { error: { code: status, status: code, message } });

  async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  async function control(req: IncomingMessage, res: ServerResponse, path: string) {
    const body = req.method === 'POST' ? JSON.parse((await readBody(req)) || '{}') : {};
    const parts = path.split('/').filter(Boolean); // ['_fake', ...]
    if (parts[1] === 'keys' && parts.length === 2) {
      return send(res, 200, newKeyFile(accounts, String(body.email), `${url}/token`));
    }
    if (parts[1] === 'keys' && parts[3]) {
      const account = accounts.get(decodeURIComponent(parts[2] ?? ''));
      if (!account) return send(res, 404, {});
      account.revoked = parts[3] === 'revoke';
      return send(res, 200, {});
    }
    if (parts[1] === 'sheets' && parts.length === 2) {
      sheets.set(String(body.id), {
        tabs: new Map([[String(body.tab ?? 'Leads'), (body.grid as Cell[][]) ?? []]]),
        sharedWith: new Set(body.sharedWith as string[]),
      });
      return send(res, 200, {});
    }
    if (parts[1] === 'sheets' && parts[2]) {
      const sheet = sheets.get(parts[2]);
      if (!sheet) return send(res, 404, {});
      const grid = sheet.tabs.get('Leads') ?? [];
      if (parts[3] === 'share') sheet.sharedWith.add(String(body.email));
      if (parts[3] === 'unshare') sheet.sharedWith.delete(String(body.email));
      if (parts[3] === 'sort') {
        // Like Data → Sort range on the rows below the header rows (two unless told), by one column, descending.
        const column = Number(body.column);
        const top = Number(body.headerRows ?? 2);
        const head = grid.slice(0, top);
        const rest = grid
          .slice(top)
          .sort((a, b) => String(b[column] ?? '').localeCompare(String(a[column] ?? '')));
        sheet.tabs.set('Leads', [...head, ...rest]);
      }
      if (parts[3] === 'grid' && req.method === 'POST') sheet.tabs.set('Leads', body.grid as Cell[][]);
      return send(res, 200, { grid: sheet.tabs.get('Leads'), sharedWith: [...sheet.sharedWith] });
    }
    if (parts[1] === 'fail') {
      failures.set(String(body.spreadsheetId ?? '*'), [...(body.statuses as number[])]);
      return send(res, 200, {});
    }
    if (parts[1] === 'calls') {
      if (req.method === 'POST') calls.length = 0;
      return send(res, 200, { calls });
    }
    return send(res, 404, {});
  }

  async function token(req: IncomingMessage, res: ServerResponse) {
    const form = new URLSearchParams(await readBody(req));
    const verdict =
      form.get('grant_type') === 'urn:ietf:params:oauth:grant-type:jwt-bearer'
        ? verifyJwt(form.get('assertion') ?? '', accounts, `${url}/token`)
        : 'grant_type';
    if (typeof verdict === 'string') {
      calls.push({ kind: 'token', account: null, spreadsheetId: null, status: 400, ranges: 0, bytes: 0 });
      return send(res, 400, { error: 'invalid_grant', error_description: verdict });
    }
    const access = randomBytes(24).toString('base64url');
    tokens.set(access, verdict.email);
    calls.push({
      kind: 'token',
      account: verdict.email,
      spreadsheetId: null,
      status: 200,
      ranges: 0,
      bytes: 0,
    });
    return send(res, 200, { access_token: access, expires_in: 3599, token_type: 'Bearer' });
  }

  async function values(
    req: IncomingMessage,
    res: ServerResponse,
    id: string,
    verb: string,
    query: URLSearchParams,
  ) {
    const kind = verb === 'batchGet' ? 'read' : 'write';
    const raw = kind === 'write' ? await readBody(req) : '';
    const account = tokens.get((req.headers.authorization ?? '').replace(/^Bearer /, '')) ?? null;
    const call: FakeCall = { kind, account, spreadsheetId: id, status: 200, ranges: 0, bytes: raw.length };
    calls.push(call);
    const fail = (status: number, code: string, message: string) => {
      call.status = status;
      return googleError(res, status, code, message);
    };
    if (!account || accounts.get(account)?.revoked)
      return fail(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials.');
    const queued = failures.get(id) ?? failures.get('*');
    const next = queued?.shift();
    if (next === 429)
      return fail(429, 'RESOURCE_EXHAUSTED', "Quota exceeded for quota metric 'Write requests'.");
    if (next === 500) return fail(500, 'INTERNAL', 'Internal error encountered.');
    if (next === 403) return fail(403, 'PERMISSION_DENIED', 'The caller does not have permission');
    const sheet = sheets.get(id);
    if (!sheet) return fail(404, 'NOT_FOUND', 'Requested entity was not found.');
    if (!sheet.sharedWith.has(account))
      return fail(403, 'PERMISSION_DENIED', 'The caller does not have permission');

    if (kind === 'read') {
      const ranges = query.getAll('ranges');
      call.ranges = ranges.length;
      const out: sheets_v4.Schema$ValueRange[] = [];
      for (const range of ranges) {
        const r = parseRange(range);
        const grid = r ? sheet.tabs.get(r.tab) : undefined;
        if (!r || !grid) return fail(400, 'INVALID_ARGUMENT', `Unable to parse range: ${range}`);
        const rows = grid.slice(r.r1 ?? 0, r.r2 === undefined ? undefined : r.r2 + 1);
        const sliced = rows.map((row) => row.slice(r.c1 ?? 0, r.c2 === undefined ? undefined : r.c2 + 1));
        // Google drops trailing empty rows and cells.
        const trimmed = sliced.map((row) => {
          const copy = [...row];
          while (copy.length > 0 && (copy.at(-1) === '' || copy.at(-1) === undefined)) copy.pop();
          return copy;
        });
        while (trimmed.length > 0 && trimmed.at(-1)?.length === 0) trimmed.pop();
        out.push({ range, majorDimension: 'ROWS', values: trimmed });
      }
      return send(res, 200, {
        spreadsheetId: id,
        valueRanges: out,
      } satisfies sheets_v4.Schema$BatchGetValuesResponse);
    }

    const body = JSON.parse(raw) as sheets_v4.Schema$BatchUpdateValuesRequest;
    const unknownKey = Object.keys(body).find((k) => !(BATCH_UPDATE_KEYS as readonly string[]).includes(k));
    if (unknownKey) return fail(400, 'INVALID_ARGUMENT', `Unknown name "${unknownKey}"`);
    if (!VALUE_INPUT_OPTIONS.includes(String(body.valueInputOption)))
      return fail(400, 'INVALID_ARGUMENT', 'valueInputOption is required');
    if (!Array.isArray(body.data)) return fail(400, 'INVALID_ARGUMENT', 'data must be a list');
    const writes: { tab: string; r: number; c: number; rows: unknown[][] }[] = [];
    for (const vr of body.data) {
      const bad = Object.keys(vr).find((k) => !(VALUE_RANGE_KEYS as readonly string[]).includes(k));
      if (bad) return fail(400, 'INVALID_ARGUMENT', `Unknown name "${bad}" in data`);
      if (vr.majorDimension !== undefined && vr.majorDimension !== 'ROWS')
        return fail(400, 'INVALID_ARGUMENT', 'only ROWS in this fake');
      const r = parseRange(String(vr.range));
      if (!r || !sheet.tabs.has(r.tab) || r.r1 === undefined || r.c1 === undefined)
        return fail(400, 'INVALID_ARGUMENT', `Unable to parse range: ${vr.range}`);
      const rows = vr.values as unknown[][];
      const width = (r.c2 ?? r.c1) - r.c1 + 1;
      const height = (r.r2 ?? r.r1) - r.r1 + 1;
      if (
        !Array.isArray(rows) ||
        rows.length > height ||
        rows.some((row) => !Array.isArray(row) || row.length > width)
      )
        return fail(
          400,
          'INVALID_ARGUMENT',
          `Requested writing within range [${vr.range}], but tried writing beyond it`,
        );
      writes.push({ tab: r.tab, r: r.r1, c: r.c1, rows });
    }
    call.ranges = writes.length;
    for (const w of writes) {
      const grid = sheet.tabs.get(w.tab) as Cell[][];
      w.rows.forEach((row, i) => {
        const target = grid[w.r + i] ?? [];
        while (target.length < w.c) target.push('');
        row.forEach((v, j) => {
          target[w.c + j] = entered(v, String(body.valueInputOption));
        });
        for (let k = grid.length; k < w.r + i; k++) grid[k] = [];
        grid[w.r + i] = target;
      });
    }
    return send(res, 200, {
      spreadsheetId: id,
      totalUpdatedCells: writes.reduce((s, w) => s + w.rows.reduce((t, r) => t + r.length, 0), 0),
    } satisfies sheets_v4.Schema$BatchUpdateValuesResponse);
  }

  const server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://fake');
    const handle = async () => {
      if (u.pathname.startsWith('/_fake/')) return control(req, res, u.pathname);
      if (u.pathname === '/token' && req.method === 'POST') return token(req, res);
      const m = /^\/v4\/spreadsheets\/([^/]+)\/values:(batchGet|batchUpdate)$/.exec(u.pathname);
      if (m?.[1] && m[2]) return values(req, res, decodeURIComponent(m[1]), m[2], u.searchParams);
      return send(res, 404, { error: { code: 404, status: 'NOT_FOUND', message: u.pathname } });
    };
    handle().catch((error: unknown) => send(res, 500, { error: { code: 500, message: String(error) } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const deploymentKey = newKeyFile(
    accounts,
    'leadpact@leadpact-test.iam.gserviceaccount.com',
    `${url}/token`,
  );
  return {
    url,
    server,
    deploymentKey,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
