/**
 * The slot a sealed value is bound to (its additional data, with the workspace): the
 * row it lives in, so the same ciphertext pasted into another row does not open.
 */
export const slot = {
  /** A lead's personal profile (`leads.personal`). */
  lead: (leadId: string) => `lead:${leadId}`,
  /** The whole original payload of a ledger event (`lead_events.sealed_payload`). */
  event: (eventId: string) => `event:${eventId}`,
  /** The consent text shown to the person (`consents.text`). */
  consent: (consentId: string) => `consent:${consentId}`,
  /** A stored delivery's raw body, before anyone knows whose it is (`intake_deliveries.body`). */
  delivery: (deliveryId: string) => `delivery:${deliveryId}`,
  /** A notification's body, by its outbox key (`notification_outbox.body`). */
  message: (messageKey: string) => `message:${messageKey}`,
  /** A stored answer replayed for a retried `Idempotency-Key` (`idempotency_keys.sealed_response`). */
  idempotency: (key: string) => `idempotency:${key}`,
  /** A person key wrapped by the workspace's data key (`person_keys.wrapped`). */
  personKey: (keyId: string) => `person-key:${keyId}`,
  /** A workspace key wrapped by a master key (`workspace_keys`). */
  workspaceKey: (purpose: 'data' | 'index') => `workspace-key:${purpose}`,
} as const;
