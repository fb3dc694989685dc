import { getTableName, is } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../../worker/db/schema';
import { ADMIN_SECRET, call, createTestWorkspace, env, expectProblem } from './harness';

describe('migrations', () => {
  it('should create from zero every table the schema defines, and no other', async () => {
    // SQLite's own tables, D1's migration log and the runtime's internal ones are not ours.
    const tables = await env.DB.prepare(
      `select name from sqlite_master where type = 'table'
         and name not like 'sqlite\\_%' escape '\\' and name not like '\\_cf\\_%' escape '\\'
         and name <> 'd1_migrations'
       order by name`,
    ).all<{ name: string }>();
    const created = tables.results.map((t) => t.name);
    const defined = (Object.values(schema) as unknown[])
      .filter((value): value is SQLiteTable => is(value, SQLiteTable))
      .map((table) => getTableName(table))
      .sort();
    expect(created).toEqual(defined);
  });
});

describe('GET /health', () => {
  it('should answer ok when D1 answers', async () => {
    const res = await call('GET', '/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'ok', encryption: 'configured' });
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });
});

describe('POST /v1/workspaces', () => {
  const valid = { name: 'Acme', timezone: 'Europe/Warsaw', language: 'pl', country: 'pl' };

  it('should create a workspace and an admin token that works', async () => {
    const res = await call('POST', '/v1/workspaces', { token: ADMIN_SECRET, json: valid });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; adminToken: string; workspace: { country: string } };
    expect(body.id).toMatch(/^ws_[0-9A-Z]{26}$/);
    expect(body.adminToken).toMatch(new RegExp(`^lp_${body.id}_[A-Za-z0-9_-]{43}$`));
    expect(body.workspace.country).toBe('PL');
    const me = await call('GET', '/v1/workspace', { token: body.adminToken });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      id: body.id,
      name: 'Acme',
      language: 'pl',
      timezone: 'Europe/Warsaw',
    });
  });

  it('should store the admin token only as a SHA-256 hash', async () => {
    const res = await call('POST', '/v1/workspaces', { token: ADMIN_SECRET, json: valid });
    const { id, adminToken } = (await res.json()) as { id: string; adminToken: string };
    const rows = await env.DB.prepare('select * from api_tokens where workspace_id = ?').bind(id).all();
    expect(JSON.stringify(rows.results)).not.toContain(adminToken.slice(-43));
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(adminToken));
    const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
    expect(rows.results[0]).toMatchObject({ token_hash: hex, role: 'admin' });
  });

  it('should not create a workspace without the admin secret', async () => {
    const before = await env.DB.prepare('select count(*) as n from workspaces').first<{ n: number }>();
    await expectProblem(await call('POST', '/v1/workspaces', { json: valid }), 401);
    await expectProblem(await call('POST', '/v1/workspaces', { token: 'wrong-secret', json: valid }), 401);
    const ws = await createTestWorkspace();
    await expectProblem(await call('POST', '/v1/workspaces', { token: ws.tokens.admin, json: valid }), 401);
    const after = await env.DB.prepare('select count(*) as n from workspaces').first<{ n: number }>();
    expect(after?.n).toBe((before?.n ?? 0) + 1);
  });

  it.each([
    ['timezone', { timezone: 'Mars/Olympus' }],
    ['timezone', { timezone: 'warsaw' }],
    ['language', { language: 'de' }],
    ['country', { country: 'XX' }],
    ['country', { country: 'POL' }],
    ['name', { name: '' }],
  ])('should refuse a bad %s and name it', async (field, patch) => {
    const res = await call('POST', '/v1/workspaces', { token: ADMIN_SECRET, json: { ...valid, ...patch } });
    const problem = await expectProblem(res, 422);
    expect((problem.errors as { path: string }[]).map((e) => e.path)).toContain(field);
  });

  it('should answer 400 on malformed JSON', async () => {
    const res = await call('POST', '/v1/workspaces', {
      token: ADMIN_SECRET,
      body: '{"name":',
      headers: { 'content-type': 'application/json' },
    });
    await expectProblem(res, 400);
  });
});

describe('errors', () => {
  it('should answer 404 problem for an unknown path', async () => {
    await expectProblem(await call('GET', '/v1/nothing-here'), 404);
  });

  it('should answer 405 with Allow for a known path and wrong method', async () => {
    const res = await call('PUT', '/v1/tokens');
    const problem = await expectProblem(res, 405);
    expect(res.headers.get('allow')).toContain('POST');
    expect(res.headers.get('allow')).toContain('GET');
    expect(problem.detail).toContain('PUT');
  });

  it('should answer 415 for a write that is not JSON', async () => {
    const ws = await createTestWorkspace();
    const res = await call('POST', '/v1/members', {
      token: ws.tokens.admin,
      body: 'name=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    await expectProblem(res, 415);
  });

  it('should answer 413 for a body over the cap', async () => {
    const ws = await createTestWorkspace();
    const res = await call('POST', '/v1/members', {
      token: ws.tokens.admin,
      json: { name: 'x'.repeat(1024 * 1024 + 10), email: 'a@b.co', side: 'sales' },
    });
    await expectProblem(res, 413);
  });
});

describe('API reference', () => {
  it('should publish an OpenAPI 3.1 document with every route of the API', async () => {
    const res = await call('GET', '/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/workspaces',
        '/v1/tokens',
        '/v1/tokens/{id}',
        '/v1/members',
        '/v1/members/{id}',
        '/health',
      ]),
    );
    expect(doc.paths['/v1/members']).toHaveProperty('post');
  });

  it('should serve a self-contained HTML reference', async () => {
    const res = await call('GET', '/docs');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('/v1/members');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href="https?:/);
  });
});
