// Seeds the demo workspace through the public API, so the seed exercises the
// same code paths a real team does. Idempotent: the tokens are kept in a state
// file next to the local D1, and a state that still works is reused.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';

const DEMO_MEMBERS = [
  { key: 'marketingLead', name: 'Marta Nowak', email: 'marta@demo.leadpact.test', side: 'marketing' },
  { key: 'salesLead', name: 'Sorin Popescu', email: 'sorin@demo.leadpact.test', side: 'sales' },
  { key: 'rep1', name: 'Anna Kowalska', email: 'anna@demo.leadpact.test', side: 'sales' },
  { key: 'rep2', name: 'Ivan Petrov', email: 'ivan@demo.leadpact.test', side: 'sales' },
  { key: 'manager', name: 'Maria Ionescu', email: 'maria@demo.leadpact.test', side: 'management' },
];

/** The role each demo token gets, and the member it speaks for. */
const DEMO_TOKENS = [
  { role: 'manager', member: 'manager' },
  { role: 'marketing', member: 'marketingLead' },
  { role: 'sales', member: 'salesLead' },
  { role: 'viewer', member: null },
  { role: 'intake', member: null },
];

async function api(baseUrl, method, path, token, body) {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  const json = text ? JSON.parse(text) : null;
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
  return json;
}

async function stateStillWorks(baseUrl, state) {
  try {
    const res = await fetch(`${baseUrl}/v1/workspace`, { headers: { authorization: `Bearer ${state.tokens.admin}` } });
    return res.ok;
  } catch {
    return false;
  }
}

/**
 * Returns `{ workspaceId, tokens: { role: token }, members: { key: id }, created }`.
 * Extra demo content (agreement, sources, leads) is added by `steps`, each idempotent.
 */
export async function seedDemo({ baseUrl, adminSecret, stateFile, steps = [] }) {
  if (existsSync(stateFile)) {
    const state = JSON.parse(await readFile(stateFile, 'utf8'));
    if (await stateStillWorks(baseUrl, state)) {
      for (const step of steps) await step({ baseUrl, api: (...a) => api(baseUrl, ...a), state });
      await writeFile(stateFile, JSON.stringify(state, null, 2));
      return { ...state, created: false };
    }
  }
  const workspace = await api(baseUrl, 'POST', '/v1/workspaces', adminSecret, {
    name: 'Demo Manufacturing Sp. z o.o.',
    timezone: 'Europe/Warsaw',
    language: 'en',
    country: 'PL',
  });
  const admin = workspace.adminToken;
  const members = {};
  for (const m of DEMO_MEMBERS) {
    const created = await api(baseUrl, 'POST', '/v1/members', admin, { name: m.name, email: m.email, side: m.side });
    members[m.key] = created.id;
  }
  const tokens = { admin };
  for (const t of DEMO_TOKENS) {
    const created = await api(baseUrl, 'POST', '/v1/tokens', admin, {
      role: t.role,
      label: `Demo ${t.role}`,
      ...(t.member ? { memberId: members[t.member] } : {}),
    });
    tokens[t.role] = created.token;
  }
  const state = { workspaceId: workspace.id, tokens, members };
  for (const step of steps) await step({ baseUrl, api: (...a) => api(baseUrl, ...a), state });
  await writeFile(stateFile, JSON.stringify(state, null, 2));
  return { ...state, created: true };
}
