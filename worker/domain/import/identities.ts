import { type IdentityCandidate, matchIdentity } from '../ledger/identity';
import type { LeadState } from '../ledger/lead';

/**
 * Who is who inside one chunk of an import, by intake's own rule (`matchIdentity`): the
 * e-mail's lead, else the lead known only by the phone, else (a row with only a phone)
 * the lead that has it beside an e-mail and was updated last. Leads are indexed as the
 * chunk's rows change them, so a later row meets what an earlier row made.
 */
export class ImportIdentities {
  private readonly candidates = new Map<string, IdentityCandidate>();
  private readonly byEmail = new Map<string, string>();
  private readonly byPhone = new Map<string, Set<string>>();

  index(state: LeadState): void {
    const email = state.profile.email === null ? null : String(state.profile.email);
    const phone = state.profile.phone === null ? null : String(state.profile.phone);
    const before = this.candidates.get(state.id);
    if (before?.phone && before.phone !== phone) this.byPhone.get(before.phone)?.delete(state.id);
    this.candidates.set(state.id, { id: state.id, email, phone, updatedAt: state.updatedAt });
    if (email) this.byEmail.set(email, state.id);
    if (phone) this.byPhone.set(phone, (this.byPhone.get(phone) ?? new Set()).add(state.id));
  }

  find(email: string | null, phone: string | null): string | undefined {
    const ids = new Set([
      ...(email && this.byEmail.has(email) ? [this.byEmail.get(email) as string] : []),
      ...(phone ? (this.byPhone.get(phone) ?? []) : []),
    ]);
    const named = [...ids].flatMap((id) => this.candidates.get(id) ?? []);
    return matchIdentity({ email, phone }, named).lead?.id;
  }

  /** The other lead that already holds what `state` would hold uniquely (its e-mail; a phone among phone-only leads), if any. */
  clash(state: LeadState): string | undefined {
    const email = state.profile.email === null ? null : String(state.profile.email);
    const phone = state.profile.phone === null ? null : String(state.profile.phone);
    if (email) {
      const holder = this.byEmail.get(email);
      return holder !== undefined && holder !== state.id ? holder : undefined;
    }
    if (!phone) return undefined;
    return [...(this.byPhone.get(phone) ?? [])].find(
      (id) => id !== state.id && this.candidates.get(id)?.email === null,
    );
  }
}
