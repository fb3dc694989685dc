import { z } from '@hono/zod-openapi';
import { fieldIssue } from '../domain/errors';
import { say } from '../domain/i18n';
import { isIdempotencyKey, readIntake, takesTokens } from '../domain/intake';
import { verifyIntakeSignature } from '../domain/intake/signature';
import { sha256Hex } from '../domain/tokens';
import { assertAllowed, authenticate, bearerToken } from '../http/auth';
import { assertNotLocked, clientAddress, countFailure } from '../http/auth-failures';
import type { App } from '../http/context';
import { ApiError, problemResponses } from '../http/problem';
import { enforceRateLimit } from '../http/rate-limit';
import { databaseContext, workspaceContext } from '../http/service-context';
import { webHost } from '../platform/web-host';
import { findIntakeSource, intakeWorkspace, recordDelivery } from '../services/intake';

export const INTAKE_CONTENT_TYPES = ['application/json', 'application/x-www-form-urlencoded'] as const;
export const INTAKE_BODY_LIMIT = 256 * 1024;

const IntakeAnswer = z
  .object({
    leadId: z.string().nullable(),
    stage: z.string().nullable(),
    duplicate: z.boolean(),
    ignored: z.boolean().optional(),
  })
  .openapi('IntakeAnswer');

export function registerIntakeRoutes(app: App) {
  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/v1/intake/{sourceId}',
    tags: ['Intake'],
    summary:
      "Receives a forms tool's webhook (generic JSON/form, Typeform, Tally, Webflow, Google Forms relay)",
    description:
      'Authenticated by the source signature (`LeadPact-Signature`, `Typeform-Signature`, `Tally-Signature`, ' +
      '`x-webflow-signature`) verified on the raw body, or, for generic sources, an intake token. ' +
      'Idempotent per provider event id or `Idempotency-Key` (kept 7 days). Transient trouble answers 503 with Retry-After.',
    request: {
      params: z.object({ sourceId: z.string().openapi({ param: { name: 'sourceId', in: 'path' } }) }),
      body: {
        required: true,
        content: {
          'application/json': { schema: z.record(z.string(), z.unknown()) },
          'application/x-www-form-urlencoded': { schema: z.record(z.string(), z.string()) },
        },
      },
    },
    responses: {
      200: {
        description: 'Stored (or a duplicate of a stored delivery)',
        content: { 'application/json': { schema: IntakeAnswer } },
      },
      ...problemResponses(400, 401, 404, 410, 413, 415, 422, 429, 503),
    },
  });

  app.post('/v1/intake/:sourceId', async (c) => {
    const sourceId = c.req.param('sourceId');
    // Unverified deliveries are counted per address and source, never against the source's own
    // allowance: junk posts from one address cannot jam a source for the real forms tool, and one
    // team's misconfigured form on a shared sender (Typeform's addresses) cannot block another team.
    const ip = clientAddress(c);
    const unverified = { ip: ip ? `${ip}|intake:${sourceId}` : null, target: null };
    const unverifiedLimiters = { perIp: c.env.INTAKE_UNVERIFIED_LIMITER, perTarget: undefined };
    assertNotLocked(unverified);
    // Sources are found before the workspace is known; see findSourceForIntake.
    const source = await findIntakeSource({ ctx: databaseContext(c, sourceId), input: { sourceId } });
    if (!source) throw new ApiError('not_found', say('intakeSourceUnknown'));
    if (source.archivedAt) throw new ApiError('not_found', say('intakeSourceArchived'));

    const body = new Uint8Array(await c.req.arrayBuffer());
    const headers = { get: (name: string) => c.req.header(name) ?? null };
    const raw = bearerToken(c);
    const tokenAllowed = takesTokens(source.provider);
    if (raw) {
      if (!tokenAllowed) {
        await countFailure(unverifiedLimiters, unverified);
        throw new ApiError('unauthorized', say('intakeSignedNotToken', { provider: source.provider }));
      }
      // A wrong token counts as a failed authentication (per address and workspace), as on the API.
      const caller = await authenticate(c, raw);
      // Another workspace's token learns nothing, not even that it lacks the permission.
      if (caller.workspaceId !== source.workspaceId)
        throw new ApiError('not_found', say('intakeSourceUnknown'));
      assertAllowed(caller, 'intake:submit');
    }

    const now = new Date();
    if (!raw) {
      const check = await verifyIntakeSignature({
        provider: source.provider,
        body,
        headers,
        secrets: [source.secret],
        now: now.getTime(),
        host: webHost,
      });
      if (!check.ok) {
        await countFailure(unverifiedLimiters, unverified);
        throw new ApiError('unauthorized', say('deliveryUnverified', { reason: check.say }));
      }
    }
    // Only verified deliveries spend the source's allowance.
    await enforceRateLimit(c.env.INTAKE_LIMITER, `source:${sourceId}`);

    const ctx = workspaceContext(c, source.workspaceId, now);
    const workspace = await intakeWorkspace({ ctx });
    if (!workspace) throw new ApiError('not_found', say('intakeSourceUnknown'));
    c.set('workspaceLanguage', workspace.language);
    const outcome = await readIntake({
      provider: source.provider,
      body,
      headers,
      secrets: [source.secret],
      // Verified above (signature) or by the intake token.
      verifySignature: false,
      fieldMap: source.fieldMap,
      workspaceCountry: workspace.country,
      now: now.getTime(),
      host: webHost,
    });
    if (outcome.kind === 'refused') {
      throw new ApiError('unauthorized', say('deliveryUnverified', { reason: outcome.check.say }));
    }
    if (outcome.kind === 'ignored') {
      return c.json({ leadId: null, stage: null, duplicate: false, ignored: true }, 200);
    }

    const header = c.req.header('idempotency-key');
    if (header !== undefined && !isIdempotencyKey(header)) {
      throw new ApiError('validation_failed', say('idempotencyKeyInvalid'), {
        errors: [fieldIssue('Idempotency-Key', say('idempotencyKeyForm'))],
      });
    }
    const bodyHash = await sha256Hex(body, webHost);
    const answer = await recordDelivery({
      ctx,
      input: { source, workspace, submission: outcome.submission, idempotencyKey: header, bodyHash },
    });
    return c.json(answer, 200);
  });
}
