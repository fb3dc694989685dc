/**
 * What a data subject's access request answers (GDPR): the lead, its whole
 * history, its consents with their texts and the answers its deliveries got.
 * Only these fields leave; how a row is stored (sealed copies, key ids) does not. Pure.
 */
import type { LeadState } from './lead';

export interface ExportedConsent {
  id: string;
  sourceId: string | null;
  formId: string | null;
  givenAt: string;
  /** Null once the text is unreadable (its key destroyed) or was never given. */
  text: string | null;
  purposes: string[];
}

export interface ExportedDelivery {
  sourceId: string;
  key: string;
  createdAt: string;
  response: Record<string, unknown>;
}

export interface LeadExport<Event> {
  lead: LeadState;
  events: Event[];
  consents: ExportedConsent[];
  deliveries: ExportedDelivery[];
}

export function leadExportOf<Event>(stored: {
  lead: LeadState;
  events: Event[];
  consents: readonly ExportedConsent[];
  deliveries: readonly (Omit<ExportedDelivery, 'response'> & { response: Record<string, unknown> | null })[];
}): LeadExport<Event> {
  return {
    lead: stored.lead,
    events: stored.events,
    consents: stored.consents.map((c) => ({
      id: c.id,
      sourceId: c.sourceId,
      formId: c.formId,
      givenAt: c.givenAt,
      text: c.text,
      purposes: c.purposes,
    })),
    deliveries: stored.deliveries.map((d) => ({
      sourceId: d.sourceId,
      key: d.key,
      createdAt: d.createdAt,
      response: d.response ?? {},
    })),
  };
}
