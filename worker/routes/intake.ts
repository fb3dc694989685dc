import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { fieldIssue, InvalidError } from '../domain/errors';
import { say } from '../domain/i18n';
import { isIdempotencyKey, readIntake, takesTokens } from '../domain/intake';
import { assertAdmissible } from '../domain/intake/admission';
import { DELIVERY_STATUSES } from '../domain/intake/delivery';
import { verifyIntakeSignature } from '../domain/intake/signature';
import type { LeadStage } from '../domain/ledger/constants';
import { parseToken, sha256Hex } from '../domain/tokens';
import { assertAllowed, authenticate, authenticateRead, bearerToken } from '../http/auth';
import { assertNotLocked, clientAddress, countFailure } from '../http/auth-failures';
import type { App, AppEnv } from '../http/context';
import { ApiError, problemResponses } from '../http/problem';
import { enforceRateLimit } from '../http/rate-limit';
import { databaseContext, workspaceContext } from '../http/service-context';
import { sendSoon } from '../platform/queue-batches';
import { webHost } from '../platform/web-host';
import {
  findIntakeTarget,
  getIntakeDelivery,
  type JudgeOutcome,
  judgeDeliveries,
  storeIntakeDelivery,
} from '../services/intake';

export const INTAKE_CONTENT_TYPES = ['application/json', 'application/x-www-form-urlencoded'] as const;
export const INTAKE_BODY_LIMIT = 256 * 1024;
/** The longest `Prefer: wait` honoured: a sender holding a connection longer should poll the Location instead. */
export const MAX_WAIT_SECONDS = 10;

const IntakeAnswer = z
  .object({
    deliveryId: z.string().nullable(),
    status: z.enum([...DELIVERY_STATUSES, 'ignored']),
    leadId: z.string().nullable(),
    stage: z.string().nullable(),
    duplicate: z.boolean(),
    ignored: z.boolean().optional(),
  })
  .openapi('IntakeAnswer');
type IntakeAnswer = z.infer<typeof IntakeAnswer>;

/** `Prefer: wait=N` (RFC 7240), capped at MAX_WAIT_SECONDS; null when the sender did not ask to wait. */
export function preferredWait(header: string | undefined): number | null {
  const match = header ? /(?:^|[\s,;])wait\s*=\s*"?(\d{1,4})"?/i.exec(header) : null;
  if (!match?.[1]) return null;
  return Math.min(Number(match[1]), MAX_WAIT_SECONDS);
}

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
      'Store first, judge after: a verified, readable delivery is stored and answered `202` with its id and ' +
      '`Location: /v1/intake/deliveries/{id}`; the lead is judged moments later (the SLA clock starts at arrival). ' +
      '`Prefer: wait=5` (at most 10 s) waits for the judgement and answers `201` with the lead (`200` for a ' +
      'delivery judged before), or the `422` the agreement gives. A payload that cannot be a lead (no e-mail or ' +
      'phone, no consent where the agreement asks for it, a malformed field) is `422` and nothing is stored. ' +
      'Idempotent per provider event id or `Idempotency-Key` (kept 7 days). Transient trouble answers 503 with Retry-After.',
    request: {
      params: z.object({ sourceId: z.string().openapi({ param: { name: 'sourceId', in: 'path' } }) }),
      headers: z.object({
        prefer: z.string().optional().openapi({
          description: '`wait=N`: wait up to N seconds (at most 10) for the judged lead',
          example: 'wait=5',
        }),
      }),
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
        description:
          'A duplicate of a delivery already judged (its lead), or an event that is not a submission (ignored)',
        content: { 'application/json': { schema: IntakeAnswer } },
      },
      201: {
        description: 'Judged while the sender waited (`Prefer: wait`): the lead and its stage',
        content: { 'application/json': { schema: IntakeAnswer } },
      },
      202: {
        description: 'Stored; the judgement follows (poll the `Location`)',
        content: { 'application/json': { schema: IntakeAnswer } },
      },
      ...problemResponses(400, 401, 404, 410, 413, 415, 422, 429, 503),
    },
  });

  app.post('/v1/intake/:sourceId', async (c) => {
    const sourceId = c.req.param('sourceId');
    const now = new Date();
    // Unverified deliveries are counted per address and source, never against the source's own
    // allowance: junk posts from one address cannot jam a source for the real forms tool, and one
    // team's misconfigured form on a shared sender (Typeform's addresses) cannot block another team.
    const ip = clientAddress(c);
    const unverified = { ip: ip ? `${ip}|intake:${sourceId}` : null, target: null };
    const unverifiedLimiters = { perIp: c.env.INTAKE_UNVERIFIED_LIMITER, perTarget: undefined };
    assertNotLocked(unverified);
    const raw = bearerToken(c);
    // Hashed once: the lookup finds the token row by it and the check compares it.
    const tokenHash = raw ? await sha256Hex(raw, webHost) : '';
    // Source, workspace, consent rule and token in one round trip, held briefly (find-intake-target.ts).
    const target = await findIntakeTarget({
      ctx: databaseContext(c, sourceId, now),
      input: { sourceId, tokenHash: raw ? tokenHash : null },
    });
    if (!target) throw new ApiError('not_found', say('intakeSourceUnknown'));
    const { source, workspace } = target;
    if (source.archivedAt) throw new ApiError('not_found', say('intakeSourceArchived'));

    const body = new Uint8Array(await c.req.arrayBuffer());
    const headers = { get: (name: string) => c.req.header(name) ?? null };
    if (raw) {
      if (!takesTokens(source.provider)) {
        await countFailure(unverifiedLimiters, unverified);
        throw new ApiError('unauthorized', say('intakeSignedNotToken', { provider: source.provider }));
      }
      if (parseToken(raw)?.workspaceId !== source.workspaceId) {
        // Another workspace's token (or none we know) is checked where it lives: a wrong one counts as a
        // failed authentication, a right one learns nothing, not even that it lacks the permission.
        await authenticate(c, raw);
        throw new ApiError('not_found', say('intakeSourceUnknown'));
      }
      assertAllowed(
        await authenticateRead(c, raw, { hash: tokenHash, token: target.token }, now),
        'intake:submit',
      );
    } else {
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
    c.set('workspaceLanguage', workspace.language);

    // Reading is pure and cheap: a payload that cannot be a lead is refused now, and nothing is stored.
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
      const ignored: IntakeAnswer = {
        deliveryId: null,
        status: 'ignored',
        leadId: null,
        stage: null,
        duplicate: false,
        ignored: true,
      };
      return c.json(ignored, 200);
    }
    assertAdmissible(outcome.submission, target.consentRequired);

    const header = c.req.header('idempotency-key');
    if (header !== undefined && !isIdempotencyKey(header)) {
      throw new ApiError('validation_failed', say('idempotencyKeyInvalid'), {
        errors: [fieldIssue('Idempotency-Key', say('idempotencyKeyForm'))],
      });
    }
    const ctx = workspaceContext(c, source.workspaceId, now);
    const { row, fresh } = await storeIntakeDelivery({
      ctx,
      input: {
        sourceId: source.id,
        body,
        contentType: c.req.header('content-type') ?? null,
        bodyHash: await sha256Hex(body, webHost),
        idempotencyKey: header,
        eventId: outcome.submission.deliveryId,
      },
    });
    c.header('location', `/v1/intake/deliveries/${row.id}`);
    const answer = (
      status: IntakeAnswer['status'],
      judged?: { leadId: string; stage: string },
    ): IntakeAnswer => ({
      deliveryId: row.id,
      status,
      leadId: judged?.leadId ?? null,
      stage: judged?.stage ?? null,
      duplicate: !fresh,
    });
    if (row.status === 'judged') {
      return c.json(answer('judged', row.response as { leadId: string; stage: string }), 200);
    }

    const ref = { workspaceId: row.workspaceId, id: row.id };
    const wait = preferredWait(c.req.header('prefer'));
    if (wait !== null && wait > 0) {
      c.header('preference-applied', `wait=${wait}`);
      // A repeat of a delivery still being judged (a retry, a duplicate racing the first) waits for that
      // judgement instead of judging it again; a first arrival, or a repeat of a refused one, is judged now.
      const judged =
        !fresh && row.status === 'stored'
          ? await settledWithin(c, ref, wait)
          : await judgeWithin(c, ref, wait);
      if (judged?.status === 'judged') return c.json(answer('judged', judged), fresh ? 201 : 200);
      if (judged?.status === 'rejected') throw judged.problem;
      if (judged?.status === 'failed') return c.json(answer('failed'), 202);
      if (judged?.status === 'gone') {
        // Another judge (a concurrent duplicate, the queue) got there first: answer what it stored.
        const settled = await getIntakeDelivery({ ctx, input: { id: row.id } });
        if (settled.status === 'judged' && settled.leadId && settled.stage) {
          return c.json(
            answer('judged', { leadId: settled.leadId, stage: settled.stage }),
            fresh ? 201 : 200,
          );
        }
      }
      // Not judged in time (or transient trouble): the queue takes it from here.
    }
    enqueue(c, ref);
    return c.json(answer(row.status), 202);
  });
}

/**
 * Judges one delivery while the sender waits, at most `seconds`. Past that the
 * judgement carries on after the answer (and the queue has the delivery too; a
 * delivery is judged once whoever comes first). Null when the time ran out.
 */
async function judgeWithin(
  c: Context<AppEnv>,
  ref: { workspaceId: string; id: string },
  seconds: number,
): Promise<JudgeOutcome | null> {
  const judging = judgeDeliveries({
    ctx: workspaceContext(c, ref.workspaceId, new Date()),
    input: { refs: [ref] },
  }).then((outcomes) => outcomes.get(ref.id) ?? null);
  c.executionCtx.waitUntil(judging.catch(() => null));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), seconds * 1000);
  });
  try {
    // Judging trouble is never the sender's: the delivery is stored and the queue and cron retry it.
    return await Promise.race([judging.catch(() => null), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Waits, at most `seconds`, for another judge to settle a delivery, reading its
 * status with a growing pause (50 ms doubling to 400 ms). A rejection is
 * answered from what was stored, in the workspace's language.
 */
async function settledWithin(
  c: Context<AppEnv>,
  ref: { workspaceId: string; id: string },
  seconds: number,
): Promise<JudgeOutcome | null> {
  const ctx = workspaceContext(c, ref.workspaceId);
  // Counted in pauses, not by the clock: the budget holds whatever the clock does.
  let waited = 0;
  for (let pause = 50; ; pause = Math.min(pause * 2, 400)) {
    const view = await getIntakeDelivery({ ctx, input: { id: ref.id } });
    if (view.status === 'judged' && view.leadId && view.stage) {
      return { id: view.id, status: 'judged', leadId: view.leadId, stage: view.stage as LeadStage };
    }
    if (view.status === 'rejected' && view.error) {
      const problem = new InvalidError(view.error.message, view.error.errors ?? []);
      return { id: view.id, status: 'rejected', error: view.error, problem };
    }
    if (view.status === 'failed' && view.error) return { id: view.id, status: 'failed', error: view.error };
    if (waited + pause > seconds * 1000) return null;
    await new Promise((resolve) => setTimeout(resolve, pause));
    waited += pause;
  }
}

/**
 * Hands the delivery to the queue after the answer, with the others this isolate stores meanwhile
 * (sendSoon); a failed send is caught by the minute cron (intake-pickup).
 */
function enqueue(c: Context<AppEnv>, ref: { workspaceId: string; id: string }): void {
  const queue = c.env.INTAKE_QUEUE;
  if (!queue) return;
  sendSoon(
    queue,
    ref,
    (promise) => c.executionCtx.waitUntil(promise),
    (error, refs) => {
      console.error(
        JSON.stringify({
          level: 'error',
          message: 'intake queue send failed',
          deliveries: refs.map((r) => r.id),
          error: String(error),
        }),
      );
    },
  );
}
