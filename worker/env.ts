/** Bindings and variables the Worker runs with (wrangler.toml, secrets, .dev.vars). */
export interface Env {
  DB: D1Database;
  /** Authorizes `POST /v1/workspaces`; a Worker secret. Unset means bootstrap is disabled. */
  LEADPACT_ADMIN_SECRET?: string;
  /** Root secret of the signed read-only lead links in messages; the admin secret when unset. */
  LEADPACT_LINK_SECRET?: string;
  /** Public origin used in links (share pages, intake URLs); falls back to the request origin. */
  LEADPACT_PUBLIC_URL?: string;
  /** `true` lets notification channels post to loopback URLs: local development and tests only. */
  LEADPACT_ALLOW_LOOPBACK_WEBHOOKS?: string;
  /** The deployment's Google service account: its JSON key file, as a Worker secret. */
  GOOGLE_SERVICE_ACCOUNT_JSON?: string;
  /** AES-256 key (32 bytes, base64) sealing teams' own Google keys; a Worker secret. */
  LEADPACT_ENCRYPTION_KEY?: string;
  /** The key before the last rotation: what it sealed still opens, and is re-sealed with the new one. */
  LEADPACT_ENCRYPTION_KEY_PREVIOUS?: string;
  /** Google Sheets API origin; tests and staging point it at a local fake. Default: Google's. */
  GOOGLE_SHEETS_API_BASE?: string;
  /** Google's OAuth token endpoint; likewise configurable. */
  GOOGLE_OAUTH_TOKEN_URL?: string;
  /** Per-source intake limit (wrangler.toml `[[ratelimits]]`). */
  INTAKE_LIMITER?: RateLimit;
  /** Per-token API limit. */
  API_LIMITER?: RateLimit;
  /** Failed authentications per client address (worker/http/auth-failures.ts). */
  AUTH_IP_FAILURES?: RateLimit;
  /** Failed authentications per workspace prefix, and for the admin secret, from all addresses. */
  AUTH_TARGET_FAILURES?: RateLimit;
  /** Intake deliveries that fail verification, per client address and source. */
  INTAKE_UNVERIFIED_LIMITER?: RateLimit;
  /** Stored deliveries waiting for the judge (wrangler.toml `[[queues]]`); without it the minute cron judges them. */
  INTAKE_QUEUE?: Queue<IntakeMessage>;
}

/** One stored delivery to judge: only ids travel, the body stays in D1. */
export interface IntakeMessage {
  workspaceId: string;
  id: string;
}

/** The root secret lead links are signed with (worker/domain/sla/lead-link.ts); null: no signed links. */
export function leadLinkRoot(env: Env): string | null {
  return env.LEADPACT_LINK_SECRET || env.LEADPACT_ADMIN_SECRET || null;
}

/** The master keys personal data is sealed under (worker/services/privacy); empty: personal writes answer 503. */
export function encryptionSecretsOf(env: Env): { key?: string; previousKey?: string } {
  return {
    key: env.LEADPACT_ENCRYPTION_KEY || undefined,
    previousKey: env.LEADPACT_ENCRYPTION_KEY_PREVIOUS || undefined,
  };
}
