import { LEADS_COLUMNS } from '../../worker/domain/sheet/leads-layout';
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

/** Column keys of the add-on's Leads tab, in its order. */
export const LEAD_KEYS: string[] = LEADS_COLUMNS.map((c) => c.key);

/** The Leads tab's first two rows as the add-on writes them: the freshness line, then the English headers. */
export function leadsTop(keys: readonly string[] = LEAD_KEYS): string[][] {
  const text = (key: string) => LEADS_COLUMNS.find((c) => c.key === key)?.header('en') ?? key;
  return [['LeadPact · refreshed 2026-11-20 09:00'], keys.map(text)];
}

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
    grid: options.grid ?? leadsTop(),
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
