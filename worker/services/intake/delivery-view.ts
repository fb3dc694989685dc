import type { DeliveryRow } from '../../db/queries/intake-deliveries';
import type { DeliveryError, DeliveryStatus } from '../../domain/intake/delivery';

/** A delivery as the API shows it: never its body (personal data), only where it stands. */
export interface DeliveryView {
  id: string;
  sourceId: string;
  status: DeliveryStatus;
  leadId: string | null;
  stage: string | null;
  error: DeliveryError | null;
  receivedAt: string;
  judgedAt: string | null;
  attempts: number;
}

export function deliveryView(row: DeliveryRow): DeliveryView {
  const response = row.response as { leadId?: string; stage?: string } | null;
  return {
    id: row.id,
    sourceId: row.sourceId,
    status: row.status,
    leadId: row.status === 'judged' ? (response?.leadId ?? null) : null,
    stage: row.status === 'judged' ? (response?.stage ?? null) : null,
    error: row.error ?? null,
    receivedAt: row.createdAt,
    judgedAt: row.judgedAt,
    attempts: row.attempts,
  };
}
