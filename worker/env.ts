/** Bindings and variables the Worker runs with (wrangler.toml, secrets, .dev.vars). */
export interface Env {
  DB: D1Database;
  /** Authorizes `POST /v1/workspaces`; a Worker secret. Unset means bootstrap is disabled. */
  LEADPACT_ADMIN_SECRET?: string;
  /** Public origin used in links (share pages, intake URLs); falls back to the request origin. */
  LEADPACT_PUBLIC_URL?: string;
  /** `true` lets notification channels post to loopback URLs: local development and tests only. */
  LEADPACT_ALLOW_LOOPBACK_WEBHOOKS?: string;
  /** Per-source intake limit (wrangler.toml `[[ratelimits]]`). */
  INTAKE_LIMITER?: RateLimit;
  /** Per-token API limit. */
  API_LIMITER?: RateLimit;
}
