import { fill } from '../i18n/format';
import type { Member } from '../members';

/**
 * Who a lead may be given to from the sheet, and how a typed name finds them.
 * The Worker's `assign` takes an active sales member (worker/domain/ledger/
 * actions/assign.ts); the sheet offers exactly those, by name, and refuses a
 * name that finds nobody or more than one person before anything is sent.
 */
export type SheetMember = Pick<Member, 'id' | 'name'>;

/** A member as `GET /v1/members` lists them (the fields the sheet reads). */
export type ListedMember = Pick<Member, 'id' | 'name' | 'side' | 'active'>;

export type AssigneeMatch =
  | { kind: 'member'; member: SheetMember }
  | { kind: 'none' }
  | { kind: 'several'; members: SheetMember[] };

/** The active sales members, by name: the people a lead may be assigned to. */
export function activeSalesMembers(members: readonly ListedMember[]): SheetMember[] {
  return members
    .filter((m) => m.active && m.side === 'sales')
    .map((m) => ({ id: m.id, name: m.name }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** Letters with no decomposition that people still type without their mark (`Lukasz` for `Łukasz`). */
const FOLDED: Record<string, string> = { ł: 'l', đ: 'd', ø: 'o', ß: 'ss', ı: 'i' };

/** A name's words as compared: case, accents and spacing do not count (`lucja  WISNIEWSKA` is `Łucja Wiśniewska`). */
function words(text: string): string[] {
  return text
    .toLocaleLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łđøßı]/g, (c) => FOLDED[c] ?? c)
    .split(/\s+/)
    .filter((w) => w !== '');
}

/** Whether `wanted` is a run of whole words inside `name` (`Nowak` and `Anna` are in `Anna Nowak`; `Ann` is not). */
function containsRun(name: readonly string[], wanted: readonly string[]): boolean {
  for (let start = 0; start + wanted.length <= name.length; start++)
    if (wanted.every((w, i) => name[start + i] === w)) return true;
  return false;
}

/**
 * The member a typed name means: the member id itself, else the one whose
 * full name it is, else the one whose name holds its words (a first name or a
 * surname alone). More than one at the first step that finds anyone is
 * `several`: the sheet never guesses between two people.
 */
export function matchAssignee(typed: string, members: readonly SheetMember[]): AssigneeMatch {
  const text = typed.trim();
  const byId = members.find((m) => m.id === text);
  if (byId) return { kind: 'member', member: byId };
  const wanted = words(text);
  if (wanted.length === 0) return { kind: 'none' };
  const key = wanted.join(' ');
  const exact = members.filter((m) => words(m.name).join(' ') === key);
  const found = exact.length > 0 ? exact : members.filter((m) => containsRun(words(m.name), wanted));
  if (found.length === 0) return { kind: 'none' };
  const [only] = found;
  return found.length === 1 && only ? { kind: 'member', member: only } : { kind: 'several', members: found };
}

/** One entry of the sidebar's picker: `current` marks the lead's owner (not offered: they own it already). */
export interface AssigneeChoice {
  code: string;
  label: string;
  current: boolean;
}

/**
 * The sidebar's picker: every active sales member, the owner marked with
 * `currentLabel` (a `{name}` template) and flagged so the page disables it.
 * An owner who is no longer an active sales member is still shown, marked, so
 * the person sees whose lead it is; nobody is offered twice.
 */
export function assigneeChoices(
  members: readonly SheetMember[],
  owner: SheetMember | null,
  currentLabel: string,
): AssigneeChoice[] {
  // fill, not String.replace: a name holding `$&` must stay as typed.
  const mark = (name: string) => fill(currentLabel, { name });
  const listed = members.map((m) => ({
    code: m.id,
    label: m.id === owner?.id ? mark(m.name) : m.name,
    current: m.id === owner?.id,
  }));
  if (owner && !members.some((m) => m.id === owner.id))
    listed.unshift({ code: owner.id, label: mark(owner.name), current: true });
  return listed;
}
