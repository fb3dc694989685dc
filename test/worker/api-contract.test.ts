import { describe, expect, it } from 'vitest';
import { call, createTestWorkspace, env, expectProblem, WAIT_FOR_LEAD } from './harness';

type Schema = Record<string, unknown>;

interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  components: { schemas: Record<string, Schema> };
}

async function openApi(): Promise<OpenApiDocument> {
  return (await (await call('GET', '/openapi.json')).json()) as OpenApiDocument;
}

/** Every object schema reachable from `schema` whose unknown keys would pass, by JSON path. */
function looseObjects(doc: OpenApiDocument, schema: unknown, at: string, seen = new Set<string>()): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const node = schema as Schema;
  const ref = node.$ref;
  if (typeof ref === 'string') {
    if (seen.has(ref)) return [];
    seen.add(ref);
    const name = ref.replace('#/components/schemas/', '');
    return looseObjects(doc, doc.components.schemas[name], `${at}→${name}`, seen);
  }
  const out: string[] = [];
  if (node.type === 'object' && node.properties && node.additionalProperties !== false) out.push(at);
  for (const [key, child] of Object.entries(node)) {
    if (key === 'properties' && child && typeof child === 'object') {
      for (const [prop, sub] of Object.entries(child))
        out.push(...looseObjects(doc, sub, `${at}.${prop}`, seen));
    } else if (Array.isArray(child)) {
      child.forEach((sub, i) => {
        out.push(...looseObjects(doc, sub, `${at}.${key}[${i}]`, seen));
      });
    } else if (key !== 'properties' && child && typeof child === 'object') {
      out.push(...looseObjects(doc, child, `${at}.${key}`, seen));
    }
  }
  return out;
}

describe('one unknown-field policy for every JSON body', () => {
  it('should declare every object of every JSON request body strict (forms intake excepted)', async () => {
    const doc = await openApi();
    const bodies: string[] = [];
    const loose: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      if (path.startsWith('/v1/intake/')) continue;
      for (const [method, operation] of Object.entries(operations)) {
        const schema = operation.requestBody?.content?.['application/json']?.schema;
        if (!schema) continue;
        bodies.push(`${method} ${path}`);
        loose.push(...looseObjects(doc, schema, `${method.toUpperCase()} ${path}`));
      }
    }
    expect(bodies).toContain('post /v1/members');
    expect(bodies).toContain('post /v1/funnel/compute');
    expect(loose).toEqual([]);
  });

  it('should refuse an unknown field with 422 naming it, and create nothing', async () => {
    const ws = await createTestWorkspace();
    const problem = await expectProblem(
      await call('POST', '/v1/members', {
        token: ws.tokens.admin,
        json: { name: 'Ewa Nowak', email: 'ewa@firma.pl', side: 'sales', isAdmin: true },
      }),
      422,
    );
    expect(problem.errors).toEqual([{ path: 'isAdmin', message: expect.any(String) }]);
    const members = await env.DB.prepare('select count(*) as n from members where workspace_id = ?')
      .bind(ws.id)
      .first<{ n: number }>();
    expect(members?.n).toBe(0);
  });

  it('should name a nested unknown field by its full path', async () => {
    const ws = await createTestWorkspace();
    const problem = await expectProblem(
      await call('POST', '/v1/funnel/compute', {
        token: ws.tokens.viewer,
        json: {
          revenueTarget: 1_000_000,
          averageDealSize: 20_000,
          rates: { mql_sql: 0.5, sql_won: 0.5 },
          period: { start: '2026-01-01', end: '2026-12-31' },
        },
      }),
      422,
    );
    expect((problem.errors as { path: string }[]).map((e) => e.path)).toEqual(['rates.sql_won']);
  });

  it('should keep accepting any fields a form sends to intake', async () => {
    const ws = await createTestWorkspace();
    const source = (await (
      await call('POST', '/v1/sources', {
        token: ws.tokens.marketing,
        json: { name: 'Form', provider: 'generic', origin: 'marketing', createsLead: true },
      })
    ).json()) as { id: string };
    const res = await call('POST', `/v1/intake/${source.id}`, {
      token: ws.tokens.intake,
      json: { email: 'jan@stalmet.pl', consent: true, favouriteColour: 'blue' },
      headers: WAIT_FOR_LEAD,
    });
    expect(res.status).toBe(201);
  });
});

describe('one answer to a body that is not JSON', () => {
  const malformed = { 'content-type': 'application/json' };

  it('should answer 400 with errors naming body on API routes, intake and import alike', async () => {
    const ws = await createTestWorkspace();
    const source = (await (
      await call('POST', '/v1/sources', {
        token: ws.tokens.marketing,
        json: { name: 'Form', provider: 'generic', origin: 'marketing', createsLead: true },
      })
    ).json()) as { id: string };
    const targets: [string, string, string][] = [
      ['POST', '/v1/members', ws.tokens.admin],
      ['PUT', '/v1/agreement/draft', ws.tokens.marketing],
      ['POST', `/v1/intake/${source.id}`, ws.tokens.intake],
      ['POST', '/v1/import', ws.tokens.marketing],
    ];
    const answers = [];
    for (const [method, path, token] of targets) {
      const problem = await expectProblem(
        await call(method, path, { token, body: '{"email":', headers: malformed }),
        400,
      );
      answers.push({ path, title: problem.title, errors: problem.errors });
    }
    expect(answers).toEqual(
      targets.map(([, path]) => ({
        path,
        title: 'Bad request',
        errors: [{ path: 'body', message: 'Send a JSON object.' }],
      })),
    );
  });
});
