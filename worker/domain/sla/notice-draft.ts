import { catalogueOf } from '../i18n';
import { channelBody, type OutgoingMessage } from './channels';
import type { ChannelKind } from './constants';
import { type DeadlineNotice, noticeLines } from './messages';

/**
 * A lead's deadline notice as the sweep queues it: the whole message but the lead's name. The
 * sweep reads only the deadlines that fell due; the sender reads and opens the name when it
 * sends, so the name is never copied into the outbox and is current when it goes out.
 */
export interface NoticeDraft {
  channelKind: ChannelKind;
  leadId: string;
  notice: Omit<DeadlineNotice, 'lead'>;
  /** The agreement's time zone (else the workspace's): the due time is written in it. */
  timeZone: string;
  message: Omit<OutgoingMessage, 'lines'>;
}

const DRAFT_PREFIX = 'leadpact-notice-draft:';

/** The stored form of a draft (sealed like every body). */
export function draftBody(draft: NoticeDraft): string {
  return `${DRAFT_PREFIX}${JSON.stringify(draft)}`;
}

/** The draft a stored body holds, or null for a body already rendered (the agenda, team deadlines). */
export function draftOf(body: string): NoticeDraft | null {
  if (!body.startsWith(DRAFT_PREFIX)) return null;
  const draft = JSON.parse(body.slice(DRAFT_PREFIX.length)) as Partial<NoticeDraft>;
  if (typeof draft.leadId !== 'string' || !draft.notice || !draft.message || !draft.channelKind) return null;
  return draft as NoticeDraft;
}

/** The request body a draft becomes once its lead's name is known (undefined: the neutral word). */
export function renderDraft(draft: NoticeDraft, leadName: string | undefined): string {
  const { language } = draft.message;
  const name = leadName ?? catalogueOf(language).sla.unnamedLead;
  const lines = noticeLines({ ...draft.notice, lead: { id: draft.leadId, name } }, language, draft.timeZone);
  return channelBody(draft.channelKind, { ...draft.message, lines });
}
