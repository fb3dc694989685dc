import type { Agreement } from '../../../worker/domain/agreement/schema';
import type { Language, Role, Side } from '../../../worker/domain/constants';
import type { Catalogue } from '../../../worker/domain/i18n/catalogue';
import { catalogueOf } from '../../../worker/domain/i18n/catalogue';

/** The parts of the Worker's agreement answers the sidebar reads (see `worker/routes/agreement.ts`). */
export interface DraftAnswer {
  content: Agreement;
  revision: number;
  etag: string;
}

export interface VersionAnswer {
  number: number;
  status: 'proposed' | 'active' | 'superseded' | 'withdrawn';
  hash: string;
  requiredSides: Side[];
  signatures: Array<{ side: Side; memberName: string; signedAt: string }>;
  missingSides: Side[];
  activatedAt: string | null;
}

export interface OverviewAnswer {
  active: VersionAnswer | null;
  pending: VersionAnswer | null;
  draft: DraftAnswer;
}

export interface DiffAnswer {
  from: number;
  sections: Array<{ section: string; changes: Array<{ text: string }> }>;
}

export interface MetaAnswer {
  workspace: { language: Language; timeZone: string };
  caller: { role: Role; memberId: string | null; memberName: string | null };
}

export function reviewWords(language: Language): Catalogue['review'] {
  return catalogueOf(language).review;
}
