import type { AgreementWarning } from '../agreement/warnings';
import type { Side } from '../constants';
import type { Report } from '../reports/metrics';
import type { Agenda } from '../sla/agenda';

/**
 * What the snapshot's parts carry (`GET /v1/sheet/snapshot`), typed for the
 * renderers of the read-only tabs. The Worker builds them in
 * `worker/services/sheet/get-snapshot.ts`; the add-on reads them off the wire.
 */

/** One version of the agreement as the Agreement tab shows it: who signed, what is missing. */
export interface AgreementVersionPart {
  number: number;
  status: string;
  requiredSides: Side[];
  signatures: Array<{ side: Side; memberName: string; signedAt: string }>;
  missingSides: Side[];
  activatedAt: string | null;
  warnings?: AgreementWarning[];
}

export interface AgreementPart {
  enforced: boolean;
  notice: string;
  active: AgreementVersionPart | null;
  pending: AgreementVersionPart | null;
  draft: {
    content: unknown;
    etag: string;
    revision: number;
    changedSinceLatestVersion: boolean;
    warnings?: AgreementWarning[];
  };
  /** The live read-only share page, when someone shared the agreement. */
  share: { url: string; createdAt: string } | null;
}

/** The report, with the agreement's label for each reason code it counts (the tab shows labels, not codes). */
export type ReportPart = Report & { reasonLabels?: Record<string, string> };
export type AgendaPart = Agenda;
