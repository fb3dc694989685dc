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

/** Who each demo token speaks for (`{ sales: 'Sorin Popescu' }`); admin, viewer and intake speak for nobody. */
export const DEMO_TOKEN_MEMBERS = Object.fromEntries(
  DEMO_TOKENS.filter((t) => t.member).map((t) => [t.role, DEMO_MEMBERS.find((m) => m.key === t.member).name]),
);

async function api(baseUrl, method, path, token, body) {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    // `Prefer: wait` matters only to intake: each demo lead is judged (and routed) before the next is sent.
    headers: {
      authorization: `Bearer ${token}`,
      prefer: 'wait=5',
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  const json = text ? JSON.parse(text) : null;
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
  return json;
}

async function stateStillWorks(baseUrl, state) {
  try {
    const res = await fetch(`${baseUrl}/v1/workspace`, {
      headers: { authorization: `Bearer ${state.tokens.admin}` },
    });
    return res.ok;
  } catch {
    return false;
  }
}

/** Signs the starter agreement as the marketing and sales leads, once: from then on leads become MQLs. */
async function signAgreement({ api, state }) {
  const overview = await api('GET', '/v1/agreement', state.tokens.viewer);
  if (overview.active) return;
  const version = await api('POST', '/v1/agreement/draft/propose', state.tokens.marketing);
  await api('POST', `/v1/agreement/versions/${version.number}/signatures`, state.tokens.marketing);
  await api('POST', `/v1/agreement/versions/${version.number}/signatures`, state.tokens.sales);
}

/** A contact form and a webinar sign-up form, with a few leads, so the first look is not empty. */
async function sourcesAndLeads({ api, state }) {
  if (state.sources) return;
  const contact = await api('POST', '/v1/sources', state.tokens.marketing, {
    name: 'Website contact form',
    provider: 'generic',
    origin: 'marketing',
    createsLead: true,
  });
  const webinar = await api('POST', '/v1/sources', state.tokens.marketing, {
    name: 'Webinar sign-up (Typeform)',
    provider: 'typeform',
    origin: 'marketing',
    createsLead: false,
  });
  state.sources = {
    contact: { id: contact.id, url: contact.url, secret: contact.secret },
    webinar: { id: webinar.id, url: webinar.url, secret: webinar.secret },
  };
  const people = [
    {
      email: 'jan.kowalski@stalmet.pl',
      phone: '+48 600 100 200',
      firstName: 'Jan',
      lastName: 'Kowalski',
      company: 'Stalmet',
      title: 'Dyrektor IT',
      campaign: 'webinar-nov',
    },
    {
      email: 'ioana.pop@fabrica.ro',
      phone: '+40 722 123 456',
      firstName: 'Ioana',
      lastName: 'Pop',
      company: 'Fabrica SRL',
      title: 'CEO',
      country: 'RO',
    },
    {
      email: 'olga@zavod.ru',
      firstName: 'Olga',
      lastName: 'Ivanova',
      company: 'Zavod',
      title: 'Procurement manager',
    },
  ];
  for (const person of people) {
    await api('POST', `/v1/intake/${contact.id}`, state.tokens.intake, {
      ...person,
      consent: true,
      consentText: 'I agree to be contacted about my request.',
      message: 'Please call me about a quote.',
    });
  }
}

/** The demo's extra content, each step idempotent. */
export const DEMO_STEPS = [signAgreement, sourcesAndLeads];

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
    const created = await api(baseUrl, 'POST', '/v1/members', admin, {
      name: m.name,
      email: m.email,
      side: m.side,
    });
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
