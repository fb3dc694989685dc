import { fieldIssue } from '../errors';
import { say, verbatim } from '../i18n';

/**
 * Who a delivery names. One person is one lead (DOMAIN.md, "The lead ledger"):
 *
 * - With an e-mail: the lead with that e-mail; else a lead known only by this
 *   phone (no e-mail yet), which adopts the e-mail. A lead with another e-mail
 *   and the same phone is someone else (a colleague on a shared number).
 * - With only a phone (E.164): the lead known only by it; else a lead that has
 *   it beside an e-mail (the person wrote once with both, now calls in).
 *
 * When the e-mail names one lead and the phone a different, phone-only lead, the
 * delivery goes to the e-mail's lead and the other is reported as a conflict,
 * never merged silently: two histories may only be joined by a person. With only
 * a phone shared by several e-mail leads, the one updated last gets it and the
 * others are reported the same way.
 */
export interface IdentityCandidate {
  id: string;
  email: string | null;
  phone: string | null;
  updatedAt: string;
}

export interface IdentityMatch<T extends IdentityCandidate> {
  lead: T | null;
  /** Other leads the delivery's phone names, left apart. */
  conflicts: T[];
}

export function matchIdentity<T extends IdentityCandidate>(
  identity: { email: string | null; phone: string | null },
  candidates: readonly T[],
): IdentityMatch<T> {
  const { email, phone } = identity;
  const phoneOnly = phone ? candidates.filter((c) => c.email === null && c.phone === phone) : [];
  if (email) {
    const byEmail = candidates.find((c) => c.email === email);
    if (byEmail) return { lead: byEmail, conflicts: phoneOnly.filter((c) => c.id !== byEmail.id) };
    return { lead: phoneOnly[0] ?? null, conflicts: phoneOnly.slice(1) };
  }
  if (!phone) return { lead: null, conflicts: [] };
  if (phoneOnly[0]) return { lead: phoneOnly[0], conflicts: phoneOnly.slice(1) };
  const withEmail = candidates
    .filter((c) => c.phone === phone)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
  return { lead: withEmail[0] ?? null, conflicts: withEmail.slice(1) };
}

/** The warning a delivery's touch carries for each lead its phone also names. */
export function identityConflictWarning(otherLeadId: string) {
  return fieldIssue('phone', say('identityConflict', { lead: verbatim(otherLeadId) }));
}

/**
 * The other leads that are the same person as `lead`, for erasure: a lead with
 * an e-mail takes along the leads known only by its phone (its phone-only twins);
 * a phone-only lead takes along the one lead with an e-mail and that phone, when
 * exactly one has it (several are several people on one number: none is erased).
 */
export function sameIdentityLeads<T extends IdentityCandidate>(
  lead: IdentityCandidate,
  candidates: readonly T[],
): T[] {
  if (lead.phone === null) return [];
  const others = candidates.filter((c) => c.id !== lead.id && c.phone === lead.phone);
  if (lead.email !== null) return others.filter((c) => c.email === null);
  const withEmail = others.filter((c) => c.email !== null);
  return withEmail.length === 1 ? withEmail : [];
}
