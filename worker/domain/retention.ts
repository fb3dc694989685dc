/** How long a delivery key is remembered: senders retry for hours (Typeform up to 10 h), we keep a week. */
export const DELIVERY_RETENTION_MS = 7 * 24 * 3600 * 1000;

/** How long sent and given-up messages are kept, for support questions ("did the breach alert go out?"). */
export const OUTBOX_RETENTION_MS = 30 * 24 * 3600 * 1000;

/** How long the live sheet's per-minute quota counts are kept: past minutes count for nothing, a day is plenty. */
export const QUOTA_RETENTION_MS = 24 * 3600 * 1000;
