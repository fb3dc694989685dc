import { createRoute, z } from '@hono/zod-openapi';
import {
  Agreement,
  AgreementPatch,
  CreatePersonaReview,
  diffAsMarkdown,
  VERSION_STATUSES,
  WARNING_CODES,
} from '../domain/agreement';
import { QUADRANTS } from '../domain/agreement/constants';
import { LANGUAGES, SIDES } from '../domain/constants';
import { catalogueOf, fill, schemaText } from '../domain/i18n';
import { guard, type requirePermission } from '../http/auth';
import type { App } from '../http/context';
import { problemResponses } from '../http/problem';
import { callerContext, workspaceContext } from '../http/service-context';
import {
  createShare,
  diffDraft,
  diffVersions,
  getAgreementOverview,
  getDraft,
  getSharedAgreement,
  getTemplate,
  getVersion,
  listPersonaReviews,
  listVersions,
  patchDraft,
  proposeDraft,
  recordPersonaReview,
  replaceDraft,
  revokeShare,
  signVersion,
  workspaceOfShare,
} from '../services/agreement';
import { renderAgreementPage, renderShareNotFound } from './agreement-page';
import { BEARER_SECURITY, jsonBody, jsonResponse } from './schemas';

// ---------------------------------------------------------------------------
// Schemas of the answers

const AgreementSchema = Agreement.openapi('Agreement');

const SignatureSchema = z
  .object({
    side: z.enum(SIDES),
    memberId: z.string(),
    memberName: z.string(),
    tokenId: z.string(),
    hash: z.string(),
    signedAt: z.string(),
  })
  .openapi('AgreementSignature');

const versionSummaryShape = {
  number: z.number().int(),
  status: z.enum(VERSION_STATUSES),
  hash: z.string().openapi({ description: 'SHA-256 of the canonical JSON of the content' }),
  requiredSides: z.array(z.enum(SIDES)),
  signatures: z.array(SignatureSchema),
  missingSides: z.array(z.enum(SIDES)),
  proposedAt: z.string(),
  proposedByMemberId: z.string().nullable(),
  activatedAt: z.string().nullable(),
  supersededAt: z.string().nullable(),
};
const VersionSummarySchema = z.object(versionSummaryShape).openapi('AgreementVersionSummary');

const WarningSchema = z
  .object({
    code: z.enum(WARNING_CODES).openapi({
      description:
        '`threshold_unreachable`: a score threshold above the highest score any lead can reach; `quadrants_unreachable`: MQL quadrants (path `mql.quadrants`) no lead meeting the MQL minimums can be in, so no lead can become an MQL.',
    }),
    path: z.string().openapi({
      description:
        'The field at fault: scoring.thresholds.fit, scoring.thresholds.engagement, mql.minFit, mql.minEngagement or mql.quadrants.',
      example: 'scoring.thresholds.fit',
    }),
    threshold: z.number().openapi({ example: 40 }),
    reachable: z.number().openapi({
      description:
        'The highest score the agreement allows: weighted ICP points plus the best role for fit; engagement is unbounded once any touch earns points.',
      example: 35,
    }),
    quadrants: z.array(z.enum(QUADRANTS)).optional().openapi({
      description: '`quadrants_unreachable` only: the quadrants the MQL rule allows.',
    }),
    message: z.string().openapi({
      description:
        "The warning in words, in the request's language (Accept-Language, else the workspace's); code and path stay English.",
    }),
  })
  .openapi('AgreementWarning');
const warnings = z.array(WarningSchema).openapi({
  description:
    'What in this content can never be met. The agreement stays valid (it can be saved, proposed and signed); the share page and the sheet show these.',
});

const VersionSchema = z
  .object({ ...versionSummaryShape, content: AgreementSchema, warnings })
  .openapi('AgreementVersion');

const DraftSchema = z
  .object({
    content: AgreementSchema,
    revision: z.number().int(),
    etag: z.string(),
    hash: z.string(),
    updatedAt: z.string(),
    basedOnVersion: z.number().int().nullable(),
    changedSinceLatestVersion: z.boolean(),
    warnings,
  })
  .openapi('AgreementDraft');

const OverviewSchema = z
  .object({
    enforced: z.boolean(),
    notice: z.string(),
    active: VersionSchema.nullable(),
    pending: VersionSchema.nullable(),
    draft: DraftSchema,
  })
  .openapi('AgreementOverview');

const ChangeSchema = z.object({
  path: z.string(),
  kind: z.enum(['added', 'removed', 'changed', 'reordered']),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  text: z.string(),
});

const DiffSchema = z
  .object({
    from: z.number().int(),
    to: z.union([z.number().int(), z.literal('draft')]),
    changed: z.number().int(),
    sections: z.array(z.object({ section: z.string(), changes: z.array(ChangeSchema) })),
    unchanged: z.array(z.string()),
    markdown: z
      .string()
      .openapi({ description: 'The same diff as Markdown, one heading per changed section' }),
  })
  .openapi('AgreementDiff');

const PersonaReviewSchema = z
  .object({
    id: z.string(),
    reviewedOn: z.string(),
    fromSales: z.string(),
    fromMarketing: z.string(),
    changes: z.string(),
    nextDueOn: z.string(),
    personaChanged: z.boolean(),
    recordedByMemberId: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('PersonaReview');

// ---------------------------------------------------------------------------
// Parameters

const VersionParam = z.object({
  n: z.coerce
    .number()
    .int()
    .positive()
    .max(1_000_000_000)
    .openapi({ param: { name: 'n', in: 'path' }, example: 1 }),
});

const DiffQuery = z.object({
  from: z.coerce
    .number()
    .int()
    .positive()
    .max(1_000_000_000)
    .optional()
    .openapi({ param: { name: 'from', in: 'query' }, example: 1 }),
});

const IfMatchHeader = z.object({
  'if-match': z
    .string()
    .optional()
    .openapi({
      param: { name: 'if-match', in: 'header' },
      example: '"draft-3"',
      description: 'The ETag you read',
    }),
});

const SignInput = z.strictObject({
  hash: z
    .string()
    .regex(/^[0-9a-f]{64}$/, { message: schemaText('versionHash') })
    .optional()
    .openapi({ description: 'The hash you reviewed; a different hash is refused (409)' }),
});

const LanguageParam = z.object({
  language: z.enum(LANGUAGES).openapi({ param: { name: 'language', in: 'path' }, example: 'pl' }),
});

// ---------------------------------------------------------------------------
// Routes

const auth = (permission: Parameters<typeof requirePermission>[0]) => ({
  security: BEARER_SECURITY,
  ...guard(permission),
  tags: ['Agreement'],
});

const overview = createRoute({
  ...auth('agreement:read'),
  method: 'get',
  path: '/v1/agreement',
  summary: 'The active version, the proposal awaiting signatures and the draft',
  responses: { 200: jsonResponse(OverviewSchema, 'The agreement'), ...problemResponses(401, 403) },
});

const readDraft = createRoute({
  ...auth('agreement:read'),
  method: 'get',
  path: '/v1/agreement/draft',
  summary: 'The draft, with its ETag',
  responses: { 200: jsonResponse(DraftSchema, 'The draft'), ...problemResponses(401, 403) },
});

const putDraft = createRoute({
  ...auth('agreement:edit'),
  method: 'put',
  path: '/v1/agreement/draft',
  summary: 'Replaces the whole draft (send If-Match with the ETag you read; a stale write gets 412)',
  request: { headers: IfMatchHeader, body: jsonBody(Agreement) },
  responses: {
    200: jsonResponse(DraftSchema, 'The new draft'),
    ...problemResponses(400, 401, 403, 412, 413, 415, 422),
  },
});

const patchDraftRoute = createRoute({
  ...auth('agreement:edit'),
  method: 'patch',
  path: '/v1/agreement/draft',
  summary: 'Replaces the named sections of the draft (send If-Match; a stale write gets 412)',
  request: { headers: IfMatchHeader, body: jsonBody(AgreementPatch) },
  responses: {
    200: jsonResponse(DraftSchema, 'The new draft'),
    ...problemResponses(400, 401, 403, 412, 413, 415, 422),
  },
});

const draftDiff = createRoute({
  ...auth('agreement:read'),
  method: 'get',
  path: '/v1/agreement/draft/diff',
  summary: 'What the draft changes against a version (default: the latest)',
  request: { query: DiffQuery },
  responses: { 200: jsonResponse(DiffSchema, 'The diff'), ...problemResponses(401, 403, 404, 422) },
});

const propose = createRoute({
  ...auth('agreement:edit'),
  method: 'post',
  path: '/v1/agreement/draft/propose',
  summary: 'Freezes the draft as the next version, with its content hash, to collect signatures',
  request: { headers: IfMatchHeader },
  responses: {
    201: jsonResponse(VersionSchema, 'The proposed version'),
    ...problemResponses(401, 403, 409, 412, 422),
  },
});

const versions = createRoute({
  ...auth('agreement:read'),
  method: 'get',
  path: '/v1/agreement/versions',
  summary: 'Every version, newest first, with status and signatures',
  responses: {
    200: jsonResponse(z.object({ data: z.array(VersionSummarySchema) }), 'Versions'),
    ...problemResponses(401, 403),
  },
});

const version = createRoute({
  ...auth('agreement:read'),
  method: 'get',
  path: '/v1/agreement/versions/{n}',
  summary: 'One version with its content and signatures',
  request: { params: VersionParam },
  responses: { 200: jsonResponse(VersionSchema, 'The version'), ...problemResponses(401, 403, 404, 422) },
});

const sign = createRoute({
  ...auth('agreement:sign'),
  method: 'post',
  path: '/v1/agreement/versions/{n}/signatures',
  summary:
    "Signs a proposed version for the caller's side, as the member the token is bound to (409 when the token is not bound to an active member of that side)",
  request: {
    params: VersionParam,
    body: { required: false, content: { 'application/json': { schema: SignInput } } },
  },
  responses: {
    201: jsonResponse(VersionSchema, 'Signed; `status` says whether the version became active'),
    ...problemResponses(400, 401, 403, 404, 409, 415, 422),
  },
});

const versionDiff = createRoute({
  ...auth('agreement:read'),
  method: 'get',
  path: '/v1/agreement/versions/{n}/diff',
  summary: 'A section-by-section diff of version n against version `from` (default n − 1)',
  request: { params: VersionParam, query: DiffQuery },
  responses: { 200: jsonResponse(DiffSchema, 'The diff'), ...problemResponses(401, 403, 404, 422) },
});

const template = createRoute({
  ...auth('agreement:read'),
  method: 'get',
  path: '/v1/agreement/templates/{language}',
  summary: "The starter agreement in a language, with the workspace's time zone and country",
  request: { params: LanguageParam },
  responses: {
    200: jsonResponse(AgreementSchema, 'The starter agreement'),
    ...problemResponses(401, 403, 422),
  },
});

const share = createRoute({
  ...auth('agreement:share'),
  method: 'post',
  path: '/v1/agreement/share',
  summary: 'The read-only link to the active agreement (created on first call, the same link afterwards)',
  responses: {
    201: jsonResponse(z.object({ url: z.string(), createdAt: z.string() }), 'Created'),
    200: jsonResponse(z.object({ url: z.string(), createdAt: z.string() }), 'The existing link'),
    ...problemResponses(401, 403),
  },
});

const unshare = createRoute({
  ...auth('agreement:share'),
  method: 'delete',
  path: '/v1/agreement/share',
  summary: 'Revokes the read-only link at once',
  responses: { 204: { description: 'Revoked' }, ...problemResponses(401, 403) },
});

const createReview = createRoute({
  ...auth('persona:review'),
  tags: ['Persona'],
  method: 'post',
  path: '/v1/persona/reviews',
  summary: 'Records a buyer persona review and sets the next due date',
  request: { body: jsonBody(CreatePersonaReview) },
  responses: {
    201: jsonResponse(PersonaReviewSchema, 'Recorded'),
    ...problemResponses(400, 401, 403, 412, 413, 415, 422),
  },
});

// Reading the log is reading the agreement (a viewer sees when the persona is due, as the agenda says);
// persona:review names who may record a review.
const listReviews = createRoute({
  ...auth('agreement:read'),
  tags: ['Persona'],
  method: 'get',
  path: '/v1/persona/reviews',
  summary: 'The persona review log, newest first, with the next due date',
  responses: {
    200: jsonResponse(
      z.object({
        lastReviewedOn: z.string().nullable(),
        nextDueOn: z.string().nullable(),
        guardianMemberId: z.string().nullable(),
        data: z.array(PersonaReviewSchema),
      }),
      'Reviews',
    ),
    ...problemResponses(401, 403),
  },
});

function publicOrigin(configured: string | undefined, requestUrl: string): string {
  return (configured || new URL(requestUrl).origin).replace(/\/+$/, '');
}

/** Headers of the public page: no outside resources, no indexing, no referrer leaking the link. */
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'",
  'x-robots-tag': 'noindex, nofollow',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

export function registerAgreementRoutes(app: App) {
  app.openapi(overview, async (c) => c.json(await getAgreementOverview({ ctx: callerContext(c) }), 200));

  app.openapi(readDraft, async (c) => {
    const draft = await getDraft({ ctx: callerContext(c) });
    return c.json(draft, 200, { etag: draft.etag });
  });

  app.openapi(putDraft, async (c) => {
    const ifMatch = c.req.valid('header')['if-match'];
    const draft = await replaceDraft({
      ctx: callerContext(c),
      input: { content: c.req.valid('json'), ifMatch },
    });
    return c.json(draft, 200, { etag: draft.etag });
  });

  app.openapi(patchDraftRoute, async (c) => {
    const ifMatch = c.req.valid('header')['if-match'];
    const draft = await patchDraft({ ctx: callerContext(c), input: { patch: c.req.valid('json'), ifMatch } });
    return c.json(draft, 200, { etag: draft.etag });
  });

  app.openapi(draftDiff, async (c) => {
    const ctx = callerContext(c);
    const result = await diffDraft({ ctx, input: { from: c.req.valid('query').from } });
    const heading = fill(catalogueOf(ctx.language ?? 'en').diff.draftHeading, { from: result.from });
    const markdown = diffAsMarkdown(result.diff, heading, ctx.language);
    return c.json({ from: result.from, to: result.to, ...result.diff, markdown }, 200);
  });

  app.openapi(propose, async (c) => {
    const ifMatch = c.req.valid('header')['if-match'];
    return c.json(await proposeDraft({ ctx: callerContext(c), input: { ifMatch } }), 201);
  });

  app.openapi(versions, async (c) => c.json({ data: await listVersions({ ctx: callerContext(c) }) }, 200));

  app.openapi(version, async (c) =>
    c.json(await getVersion({ ctx: callerContext(c), input: { number: c.req.valid('param').n } }), 200),
  );

  app.openapi(sign, async (c) => {
    const input = { number: c.req.valid('param').n, hash: c.req.valid('json')?.hash };
    return c.json(await signVersion({ ctx: callerContext(c), input }), 201);
  });

  app.openapi(versionDiff, async (c) => {
    const input = { number: c.req.valid('param').n, from: c.req.valid('query').from };
    const ctx = callerContext(c);
    const result = await diffVersions({ ctx, input });
    const words = catalogueOf(ctx.language ?? 'en').diff;
    const markdown = diffAsMarkdown(
      result.diff,
      fill(words.versionHeading, { to: result.to, from: result.from }),
      ctx.language,
    );
    return c.json({ from: result.from, to: result.to, ...result.diff, markdown }, 200);
  });

  app.openapi(template, async (c) =>
    c.json(
      await getTemplate({ ctx: callerContext(c), input: { language: c.req.valid('param').language } }),
      200,
    ),
  );

  app.openapi(share, async (c) => {
    const link = await createShare({ ctx: callerContext(c) });
    const url = `${publicOrigin(c.env.LEADPACT_PUBLIC_URL, c.req.url)}/a/${link.id}`;
    return link.created
      ? c.json({ url, createdAt: link.createdAt }, 201)
      : c.json({ url, createdAt: link.createdAt }, 200);
  });

  app.openapi(unshare, async (c) => {
    await revokeShare({ ctx: callerContext(c) });
    return c.body(null, 204);
  });

  app.openapi(createReview, async (c) =>
    c.json(await recordPersonaReview({ ctx: callerContext(c), input: c.req.valid('json') }), 201),
  );

  app.openapi(listReviews, async (c) => c.json(await listPersonaReviews({ ctx: callerContext(c) }), 200));

  // The public, read-only page: no token, the unguessable id is the key. HTML, not JSON.
  app.get('/a/:shareId', async (c) => {
    const shareId = c.req.param('shareId');
    const workspaceId = workspaceOfShare(shareId);
    const shared = workspaceId
      ? await getSharedAgreement({ ctx: workspaceContext(c, workspaceId), input: { shareId } })
      : null;
    if (!shared) return c.html(renderShareNotFound(), 404, PAGE_HEADERS);
    return c.html(renderAgreementPage(shared, new Date()), 200, PAGE_HEADERS);
  });
}
