import type { Side } from '../../../worker/domain/constants';

/**
 * A team seeded through the real Worker's API over HTTP, for the Node-side
 * tests that run against it (the add-on's, the raw-bytes erasure check): a
 * workspace, one member per side with a bound token, the starter agreement
 * signed by marketing and sales, and a contact form.
 */
export interface SeededTeam {
  url: string;
  workspaceId: string;
  admin: string;
  intake: string;
  members: Record<Side, { id: string; name: string; token: string }>;
  sourceId: string;
}

const ROLE_OF_SIDE = { marketing: 'marketing', sales: 'sales', management: 'manager' } as const;
let people = 0;

export async function api(
  url: string,
  method: string,
  path: string,
  token: string,
  json?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(json === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    headers: res.headers,
  };
}

async function ok(
  url: string,
  method: string,
  path: string,
  token: string,
  json?: unknown,
): Promise<Record<string, unknown>> {
  const res = await api(url, method, path, token, json);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function seedTeam(
  url: string,
  adminSecret: string,
  options: { language?: string; sign?: boolean } = {},
): Promise<SeededTeam> {
  people += 1;
  const ws = await ok(url, 'POST', '/v1/workspaces', adminSecret, {
    name: `Sheet team ${people}`,
    timezone: 'Europe/Warsaw',
    language: options.language ?? 'en',
    country: 'PL',
  });
  const admin = String(ws.adminToken);
  const intake = String(
    (await ok(url, 'POST', '/v1/tokens', admin, { role: 'intake', label: 'forms' })).token,
  );
  const members = {} as SeededTeam['members'];
  for (const side of ['marketing', 'sales', 'management'] as const) {
    people += 1;
    const name = `${side === 'sales' ? 'Sam Sales' : side === 'marketing' ? 'Mia Marketing' : 'Max Manager'} ${people}`;
    const member = await ok(url, 'POST', '/v1/members', admin, {
      name,
      email: `${side}.${people}@acme.test`,
      side,
    });
    const token = await ok(url, 'POST', '/v1/tokens', admin, {
      role: ROLE_OF_SIDE[side],
      label: `${side} person`,
      memberId: member.id,
    });
    members[side] = { id: String(member.id), name, token: String(token.token) };
  }
  if (options.sign !== false) {
    const version = await ok(url, 'POST', '/v1/agreement/draft/propose', members.marketing.token);
    for (const side of ['marketing', 'sales'] as const)
      await ok(url, 'POST', `/v1/agreement/versions/${version.number}/signatures`, members[side].token, {});
  }
  const source = await ok(url, 'POST', '/v1/sources', admin, {
    name: 'Contact form',
    provider: 'generic',
    origin: 'marketing',
    createsLead: true,
  });
  return { url, workspaceId: String(ws.id), admin, intake, members, sourceId: String(source.id) };
}

/** A consenting lead with a phone: an MQL routed to the only sales member. */
export async function seedMql(team: SeededTeam, firstName = 'Ada'): Promise<string> {
  people += 1;
  // Intake stores first and judges after: wait for the judged lead, as a synchronous client does.
  const answer = await api(
    team.url,
    'POST',
    `/v1/intake/${team.sourceId}`,
    team.intake,
    {
      email: `buyer.${people}@factory-${people}.pl`,
      phone: '+48 600 200 300',
      consent: true,
      company: 'Factory',
      firstName,
      lastName: `Buyer${people}`,
    },
    { prefer: 'wait=5' },
  );
  if (answer.status !== 201) throw new Error(`intake: ${answer.status} ${JSON.stringify(answer.body)}`);
  return String(answer.body.leadId);
}

/** Another person on the team with a token bound to them (a second rep, a look-alike name, someone inactive). */
export async function addMember(
  team: SeededTeam,
  name: string,
  options: { side?: Side; active?: boolean } = {},
): Promise<{ id: string; name: string; token: string }> {
  people += 1;
  const side = options.side ?? 'sales';
  const member = await ok(team.url, 'POST', '/v1/members', team.admin, {
    name,
    email: `person.${people}@acme.test`,
    side,
  });
  const token = await ok(team.url, 'POST', '/v1/tokens', team.admin, {
    role: ROLE_OF_SIDE[side],
    label: `${name} token`,
    memberId: member.id,
  });
  if (options.active === false)
    await ok(team.url, 'PATCH', `/v1/members/${String(member.id)}`, team.admin, { active: false });
  return { id: String(member.id), name, token: String(token.token) };
}
