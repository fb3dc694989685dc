import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import readme from '../../README.md?raw';
import { call } from './harness';

interface CurlExample {
  method: string;
  path: string;
  body: unknown;
  line: string;
}

/** Every `curl` of the README with a JSON body (`-d '…'`): method, path and the parsed body. */
function curlExamples(text: string): CurlExample[] {
  const commands = text
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((line) => line.replace(/^[\s`]+|`\.?$/g, ''))
    .filter((line) => line.startsWith('curl '));
  return commands.flatMap((line) => {
    const data = /(?:^|\s)-d '([^']*)'/.exec(line)?.[1];
    if (data === undefined || !line.includes('content-type: application/json')) return [];
    const method = /-X (\w+)/.exec(line)?.[1] ?? 'POST';
    const url = /"?(?:http:\/\/127\.0\.0\.1:8787|https:\/\/<worker>)([^\s"?]*)/.exec(line)?.[1] ?? '';
    return [{ method, path: url, body: JSON.parse(data) as unknown, line }];
  });
}

type Schema = Record<string, unknown>;

/** The schema with every `$ref` to a component replaced by the component itself. */
function inline(schema: unknown, components: Record<string, Schema>, depth = 0): unknown {
  if (Array.isArray(schema)) return schema.map((s) => inline(s, components, depth));
  if (!schema || typeof schema !== 'object') return schema;
  const ref = (schema as Schema).$ref;
  if (typeof ref === 'string' && depth < 20) {
    return inline(components[ref.replace('#/components/schemas/', '')], components, depth + 1);
  }
  return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, inline(v, components, depth)]));
}

function templateMatches(template: string, path: string): boolean {
  const pattern = template.replace(/\{[^}]+\}/g, '[^/]+');
  return new RegExp(`^${pattern}$`).test(path);
}

describe('the README’s examples against the real schema', () => {
  const examples = curlExamples(readme);

  it('should find the README’s JSON examples (workspaces, tokens, sources, actions, plans, import)', () => {
    expect(examples.map((e) => `${e.method} ${e.path}`)).toEqual(
      expect.arrayContaining([
        'POST /v1/workspaces',
        'POST /v1/tokens',
        'POST /v1/sources',
        'POST /v1/leads/lead_…/actions',
        'PUT /v1/funnel/plans/2026-Q1',
        'POST /v1/import',
      ]),
    );
  });

  it('should validate every curl body against the OpenAPI request schema of its route', async () => {
    const doc = (await (await call('GET', '/openapi.json')).json()) as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content?: Record<string, { schema?: unknown }> } }>
      >;
      components: { schemas: Record<string, Schema> };
    };
    const failures: string[] = [];
    for (const example of examples) {
      const template = Object.keys(doc.paths).find((t) => templateMatches(t, example.path));
      const operation = template ? doc.paths[template]?.[example.method.toLowerCase()] : undefined;
      const schema = operation?.requestBody?.content?.['application/json']?.schema;
      if (!schema) {
        failures.push(`${example.method} ${example.path}: no JSON request body in /openapi.json`);
        continue;
      }
      const validator = z.fromJSONSchema(inline(schema, doc.components.schemas) as never);
      const result = validator.safeParse(example.body);
      if (!result.success) {
        const paths = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
        failures.push(`${example.method} ${example.path}: ${paths.join('; ')}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('should catch a body the schema refuses (a token without its label)', async () => {
    const doc = (await (await call('GET', '/openapi.json')).json()) as {
      paths: Record<
        string,
        Record<string, { requestBody: { content: Record<string, { schema: unknown }> } }>
      >;
      components: { schemas: Record<string, Schema> };
    };
    const schema = doc.paths['/v1/tokens']?.post?.requestBody.content['application/json']?.schema;
    const validator = z.fromJSONSchema(inline(schema, doc.components.schemas) as never);
    expect(validator.safeParse({ role: 'sales' }).success).toBe(false);
    expect(validator.safeParse({ role: 'sales', label: 'CRM sync' }).success).toBe(true);
  });
});
