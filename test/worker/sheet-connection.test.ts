import { describe, expect, it } from 'vitest';
import { secretBoxOf } from '../../worker/secrets/secret-box';
import { call, createTestWorkspace, env, expectProblem } from './harness';
import { DEPLOYMENT_EMAIL, newSpreadsheet, newTeamKey } from './sheet-fixtures';

interface Status {
  connected: boolean;
  spreadsheetId: string | null;
  serviceAccountEmail: string | null;
  keySource: string | null;
  state: string | null;
  lastError: unknown;
  cursor: { events: number; transitions: number } | null;
  quota: { writes: number; writesLimit: number } | null;
}

describe('PUT /v1/sheet/connection', () => {
  it('should show the deployment account to share with before connecting, then connect with it', async () => {
    const ws = await createTestWorkspace();
    const before = await call('GET', '/v1/sheet/status', { token: ws.tokens.viewer });
    expect(before.status).toBe(200);
    expect(await before.json()).toEqual({
      connected: false,
      spreadsheetId: null,
      serviceAccountEmail: DEPLOYMENT_EMAIL,
      keySource: null,
      state: null,
      lastPushAt: null,
      lastPushRows: null,
      lastError: null,
      cursor: null,
      quota: null,
    });

    const spreadsheetId = await newSpreadsheet();
    const res = await call('PUT', '/v1/sheet/connection', {
      token: ws.tokens.admin,
      json: { spreadsheetId },
    });
    expect(res.status).toBe(201);
    const status = (await res.json()) as Status;
    expect(status).toMatchObject({
      connected: true,
      spreadsheetId,
      serviceAccountEmail: DEPLOYMENT_EMAIL,
      keySource: 'deployment',
      state: 'active',
      lastError: null,
      quota: { writes: 0, writesLimit: 60 },
    });
    // A new sheet starts live from where the logs end now.
    const ends = await env.DB.prepare(
      'select (select coalesce(max(rowid), 0) from lead_events) as events, (select coalesce(max(rowid), 0) from sla_transitions) as transitions',
    ).first<{ events: number; transitions: number }>();
    expect(status.cursor).toEqual(ends);

    const again = await call('PUT', '/v1/sheet/connection', {
      token: ws.tokens.admin,
      json: { spreadsheetId },
    });
    expect(again.status).toBe(200);
    expect(((await again.json()) as Status).cursor).toEqual(status.cursor);
  });

  it('should store a team key sealed, answer with its e-mail only, and never return the private key', async () => {
    const ws = await createTestWorkspace();
    const key = await newTeamKey('crm-sync@acme-team.iam.gserviceaccount.com');
    const spreadsheetId = await newSpreadsheet({ sharedWith: [key.client_email as string] });
    const put = await call('PUT', '/v1/sheet/connection', {
      token: ws.tokens.admin,
      json: { spreadsheetId, serviceAccount: key },
    });
    const putText = await put.text();
    expect(put.status).toBe(201);
    expect(JSON.parse(putText)).toMatchObject({ serviceAccountEmail: key.client_email, keySource: 'team' });

    const row = await env.DB.prepare('select credential from sheet_connections where workspace_id = ?')
      .bind(ws.id)
      .first<{ credential: string }>();
    const privateBody = (key.private_key as string).split('\n')[1] as string;
    expect(row?.credential.startsWith('lpk1.')).toBe(true);
    expect(row?.credential).not.toContain(privateBody);
    // It opens with the configured key, for this workspace only.
    const box = await secretBoxOf(env);
    expect(JSON.parse((await box?.open(row?.credential ?? '', `sheet-credential:${ws.id}`)) ?? '{}')).toEqual(
      key,
    );
    expect(await box?.open(row?.credential ?? '', 'sheet-credential:ws_other')).toBeNull();

    for (const token of [ws.tokens.admin, ws.tokens.viewer]) {
      const text = await (await call('GET', '/v1/sheet/status', { token })).text();
      expect(text).toContain(key.client_email);
      expect(text).not.toContain(privateBody);
      expect(text).not.toContain('PRIVATE KEY');
    }
    expect(putText).not.toContain(privateBody);
  });

  it('should refuse a key file that is not a service account key, naming the field, and change nothing', async () => {
    const ws = await createTestWorkspace();
    const spreadsheetId = await newSpreadsheet();
    const key = await newTeamKey('bad-type@acme-team.iam.gserviceaccount.com');
    const res = await call('PUT', '/v1/sheet/connection', {
      token: ws.tokens.admin,
      json: { spreadsheetId, serviceAccount: { ...key, type: 'authorized_user' } },
    });
    const body = await expectProblem(res, 422);
    expect(body.errors).toEqual([
      { path: 'serviceAccount.type', message: 'Must be a service account key ("type": "service_account").' },
    ]);
    expect(JSON.stringify(body)).not.toContain((key.private_key as string).split('\n')[1]);
    const status = (await (
      await call('GET', '/v1/sheet/status', { token: ws.tokens.admin })
    ).json()) as Status;
    expect(status.connected).toBe(false);
  });

  it('should refuse a spreadsheet id that is a URL, naming spreadsheetId', async () => {
    const ws = await createTestWorkspace();
    const res = await call('PUT', '/v1/sheet/connection', {
      token: ws.tokens.admin,
      json: { spreadsheetId: 'https://docs.google.com/spreadsheets/d/abc/edit' },
    });
    const body = await expectProblem(res, 422);
    expect(body.errors).toEqual([
      { path: 'spreadsheetId', message: 'Must be the id from the sheet URL (/spreadsheets/d/<id>/edit).' },
    ]);
  });

  it('should let only the admin connect and disconnect', async () => {
    const ws = await createTestWorkspace();
    const spreadsheetId = await newSpreadsheet();
    for (const role of ['manager', 'marketing', 'sales', 'viewer'] as const) {
      await expectProblem(
        await call('PUT', '/v1/sheet/connection', { token: ws.tokens[role], json: { spreadsheetId } }),
        403,
      );
      await expectProblem(await call('DELETE', '/v1/sheet/connection', { token: ws.tokens[role] }), 403);
    }
    await expectProblem(await call('GET', '/v1/sheet/status', { token: ws.tokens.intake }), 403);
  });
});

describe('DELETE /v1/sheet/connection', () => {
  it('should disconnect and forget the key, then answer 404', async () => {
    const ws = await createTestWorkspace();
    const key = await newTeamKey('gone@acme-team.iam.gserviceaccount.com');
    const spreadsheetId = await newSpreadsheet({ sharedWith: [key.client_email as string] });
    await call('PUT', '/v1/sheet/connection', {
      token: ws.tokens.admin,
      json: { spreadsheetId, serviceAccount: key },
    });
    expect((await call('DELETE', '/v1/sheet/connection', { token: ws.tokens.admin })).status).toBe(204);
    const row = await env.DB.prepare('select count(*) as n from sheet_connections where workspace_id = ?')
      .bind(ws.id)
      .first<{ n: number }>();
    expect(row?.n).toBe(0);
    await expectProblem(await call('DELETE', '/v1/sheet/connection', { token: ws.tokens.admin }), 404);
  });
});

describe('the secret box', () => {
  const keyA = btoa(String.fromCharCode(...new Uint8Array(32).fill(7)));
  const keyB = btoa(String.fromCharCode(...new Uint8Array(32).fill(9)));

  it('should open what the previous key sealed after a rotation, and nothing once that key is gone', async () => {
    const before = await secretBoxOf({ LEADPACT_ENCRYPTION_KEY: keyA });
    const sealed = (await before?.seal('{"private_key":"x"}', 'ws_1')) as string;
    const rotated = await secretBoxOf({
      LEADPACT_ENCRYPTION_KEY: keyB,
      LEADPACT_ENCRYPTION_KEY_PREVIOUS: keyA,
    });
    expect(await rotated?.open(sealed, 'ws_1')).toBe('{"private_key":"x"}');
    expect(rotated?.keyIdOf(sealed)).not.toBe(rotated?.currentKeyId);
    const resealed = (await rotated?.seal('{"private_key":"x"}', 'ws_1')) as string;
    expect(rotated?.keyIdOf(resealed)).toBe(rotated?.currentKeyId);
    const after = await secretBoxOf({ LEADPACT_ENCRYPTION_KEY: keyB });
    expect(await after?.open(sealed, 'ws_1')).toBeNull();
    expect(await after?.open(resealed, 'ws_1')).toBe('{"private_key":"x"}');
  });

  it('should refuse a tampered ciphertext', async () => {
    const box = await secretBoxOf({ LEADPACT_ENCRYPTION_KEY: keyA });
    const sealed = (await box?.seal('secret', 'ws_1')) as string;
    const tampered = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}A`;
    expect(await box?.open(tampered, 'ws_1')).toBeNull();
  });
});
