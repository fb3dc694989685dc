import { env } from './harness';

/** Drives the fake Google (test/fake-sheets/server.ts) over HTTP from inside workerd. */
export async function fake<T = Record<string, unknown>>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${env.FAKE_SHEETS_URL}/_fake/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`fake ${path}: ${res.status}`);
  return (await res.json()) as T;
}

export const DEPLOYMENT_EMAIL = 'leadpact@leadpact-test.iam.gserviceaccount.com';

/** The Leads header the interim layout finds its columns by. */
export const LEADS_HEADER = [
  'lead_id',
  'name',
  'company',
  'source',
  'campaign',
  'stage',
  'owner',
  'quadrant',
  'temperature',
  'next_deadline',
  'sla_status',
  'last_action',
];

let sheets = 0;

/** A new spreadsheet in the fake, shared with `sharedWith`, holding `grid` on its Leads tab; returns its id. */
export async function newSpreadsheet(
  options: { sharedWith?: string[]; grid?: (string | number)[][] } = {},
): Promise<string> {
  sheets += 1;
  const id = `sheet${String(sheets).padStart(4, '0')}_${crypto.randomUUID().replaceAll('-', '')}`;
  await fake('sheets', {
    id,
    sharedWith: options.sharedWith ?? [DEPLOYMENT_EMAIL],
    grid: options.grid ?? [LEADS_HEADER],
  });
  return id;
}

export async function gridOf(spreadsheetId: string): Promise<(string | number | boolean)[][]> {
  return (await fake<{ grid: (string | number | boolean)[][] }>(`sheets/${spreadsheetId}`)).grid;
}

export interface FakeCall {
  kind: 'token' | 'read' | 'write';
  account: string | null;
  spreadsheetId: string | null;
  status: number;
  ranges: number;
  bytes: number;
}

export async function calls(): Promise<FakeCall[]> {
  return (await fake<{ calls: FakeCall[] }>('calls')).calls;
}

export async function resetCalls(): Promise<void> {
  await fake('calls', {});
}

/** A new service account key file (JSON as Google issues it) the fake's token endpoint trusts. */
export async function newTeamKey(email: string): Promise<Record<string, string>> {
  return fake<Record<string, string>>('keys', { email });
}
