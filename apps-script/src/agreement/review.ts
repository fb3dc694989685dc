import { sideOfRole } from '../../../worker/domain/agreement/versions';
import type { Language, Side } from '../../../worker/domain/constants';
import { catalogueOf } from '../../../worker/domain/i18n/catalogue';
import { fill, formatInstant } from '../../../worker/domain/i18n/format';
import { ApiFailure, answerText, type Connection, getJson, requestJson, withConnection } from '../api';
import { refreshAll } from '../refresh';
import type { Services } from '../services';
import { teamLanguage } from '../state';
import {
  type DiffAnswer,
  type MetaAnswer,
  type OverviewAnswer,
  reviewWords,
  type VersionAnswer,
} from './worker-answers';

/** The agreement view, every text already in the workspace language: the page only places it. */
export interface ReviewView {
  ok: true;
  /** "Active: version 2, since …" or "No version is active yet". */
  active: string;
  draft: {
    /** Sent back with "Propose this draft", so what is proposed is what was reviewed. */
    etag: string;
    heading: string;
    sections: Array<{ label: string; changes: string[] }>;
    /** False when the draft is the version it is compared with: there is nothing to propose. */
    canPropose: boolean;
  };
  pending: null | {
    number: number;
    /** Sent back with "Sign": the Worker refuses a signature for other content. */
    hash: string;
    heading: string;
    sides: Array<{ side: Side; signed: boolean; text: string }>;
    /** "Sign as Sales", or "Sign" for a token that signs for no side (the Worker then says why not). */
    signLabel: string;
    /** False once the person's side has signed. */
    canSign: boolean;
  };
  noPending: string;
}

export type ReviewAnswer = ReviewView | { ok: false; message: string };

export interface ActionAnswer {
  ok: boolean;
  message: string;
  /** The view after the action (or after a refusal, to show the state it met). */
  view?: ReviewAnswer;
}

/** `withConnection`, handing on the team's language too. */
function guarded<T>(services: Services, run: (connection: Connection, language: Language) => T) {
  const language = teamLanguage(services);
  return withConnection(services, (connection) => run(connection, language));
}

function sideLines(version: VersionAnswer, language: Language, timeZone: string) {
  const words = catalogueOf(language);
  return version.requiredSides.map((side) => {
    const signature = version.signatures.find((s) => s.side === side);
    const name = words.agreement.sides[side];
    return {
      side,
      signed: signature !== undefined,
      text: signature
        ? fill(words.review.signedBy, {
            side: name,
            name: signature.memberName,
            at: formatInstant(language, signature.signedAt, timeZone),
          })
        : fill(words.review.notSigned, { side: name }),
    };
  });
}

function viewOf(services: Services, connection: Connection): ReviewView {
  const meta = getJson<MetaAnswer>(services, connection, '/v1/sheet/snapshot?parts=meta');
  const { language, timeZone } = meta.workspace;
  const words = catalogueOf(language);
  const overview = getJson<OverviewAnswer>(services, connection, '/v1/agreement');
  const from = overview.active ? `?from=${overview.active.number}` : '';
  const diff = requestJson(services, connection, 'get', `/v1/agreement/draft/diff${from}`);
  // No version at all yet: the Worker has nothing to compare with (404), and the whole draft is new.
  if (diff.status !== 200 && diff.status !== 404)
    throw new ApiFailure(answerText(services, diff), diff.status);
  const changes = diff.status === 200 ? (JSON.parse(diff.body) as DiffAnswer) : null;
  const labels: Record<string, string> = { ...words.agreement.sections, ...words.review.parts };
  const side = sideOfRole(meta.caller.role);
  const pending = overview.pending;
  return {
    ok: true,
    active: overview.active
      ? fill(words.review.active, {
          number: overview.active.number,
          at: formatInstant(language, overview.active.activatedAt ?? '', timeZone),
        })
      : words.review.noActive,
    draft: {
      etag: overview.draft.etag,
      heading: !changes
        ? words.review.draftFirst
        : changes.sections.length === 0
          ? fill(words.review.draftSame, { from: changes.from })
          : fill(words.review.draftAgainst, { from: changes.from }),
      sections: (changes?.sections ?? []).map((s) => ({
        label: labels[s.section] ?? s.section,
        changes: s.changes.map((c) => c.text),
      })),
      canPropose: !changes || changes.sections.length > 0,
    },
    pending: pending && {
      number: pending.number,
      hash: pending.hash,
      heading: fill(words.review.pending, { number: pending.number }),
      sides: sideLines(pending, language, timeZone),
      signLabel: side ? fill(words.review.signAs, { side: words.agreement.sides[side] }) : words.review.sign,
      canSign: !side || !pending.signatures.some((s) => s.side === side),
    },
    noPending: words.review.noPending,
  };
}

/** The sidebar's agreement view: the draft against the active version, and the proposal awaiting signatures. */
export function agreementReview(services: Services): ReviewAnswer {
  return guarded(services, (connection) => viewOf(services, connection));
}

/** The view after a change: the sheet is refreshed first so the Agreement tab says the same. */
function after(services: Services, connection: Connection, message: string): ActionAnswer {
  const refreshed = refreshAll(services, { force: false });
  return {
    ok: true,
    message: refreshed.ok ? message : `${message} ${refreshed.message}`,
    view: viewOf(services, connection),
  };
}

/** "Propose this draft", as the clicking person, for the draft they reviewed (`etag`). */
export function proposeDraft(services: Services, input: { etag?: unknown }): ActionAnswer {
  return guarded(services, (connection, language): ActionAnswer => {
    const headers: Record<string, string> = typeof input.etag === 'string' ? { 'if-match': input.etag } : {};
    const answer = requestJson(services, connection, 'post', '/v1/agreement/draft/propose', { headers });
    if (answer.status !== 201) {
      return { ok: false, message: answerText(services, answer), view: viewOf(services, connection) };
    }
    const version = JSON.parse(answer.body) as VersionAnswer;
    return after(services, connection, fill(reviewWords(language).proposed, { number: version.number }));
  });
}

/**
 * "Sign as <my side>": the pending version, signed with the clicking person's
 * token, for the content they reviewed (`hash`). When the last required side
 * signs, the version becomes active and the sheet is refreshed.
 */
export function signPendingVersion(
  services: Services,
  input: { number?: unknown; hash?: unknown },
): ActionAnswer {
  return guarded(services, (connection, language): ActionAnswer => {
    const number = typeof input.number === 'number' && Number.isInteger(input.number) ? input.number : 0;
    const body = typeof input.hash === 'string' ? { hash: input.hash } : {};
    const answer = requestJson(services, connection, 'post', `/v1/agreement/versions/${number}/signatures`, {
      body,
    });
    if (answer.status !== 201) {
      return { ok: false, message: answerText(services, answer), view: viewOf(services, connection) };
    }
    const version = JSON.parse(answer.body) as VersionAnswer;
    const words = catalogueOf(language);
    // The signature just made is the newest one.
    const mine = [...version.signatures].sort((a, b) => b.signedAt.localeCompare(a.signedAt))[0]?.side;
    const message =
      version.status === 'active'
        ? fill(words.review.nowActive, { number: version.number })
        : fill(words.review.signed, { side: mine ? words.agreement.sides[mine] : '' });
    return after(services, connection, message);
  });
}
