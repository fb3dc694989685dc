import type { Side } from '../constants';
import type { ChannelKind, NotificationTopic, TransitionStep } from './constants';
import { LEAD_DEADLINE_KINDS } from './constants';
import type { Recipient, RecipientRole } from './messages';

/** A member as the sweep addresses them. */
export interface TeamMember {
  id: string;
  name: string;
  side: Side;
  active: boolean;
}

/** A notification channel as the sweep picks it: a team channel (no member) or a personal one. */
export interface SweepChannel {
  id: string;
  kind: ChannelKind;
  topics: readonly NotificationTopic[];
  memberId: string | null;
  /** The public origin the channel's links start with. */
  linkBase: string;
}

/** What the sweep knows of one workspace's people, read once per workspace per sweep. */
export interface SweepTeam {
  members: ReadonlyMap<string, TeamMember>;
  /** Version number → side → member who signed it (the sales lead is whoever signed for sales). */
  signers: ReadonlyMap<number, Partial<Record<Side, string>>>;
  /** The active version's number, whose signers stand in for a deadline's own version's. */
  activeVersion: number | null;
  channels: readonly SweepChannel[];
}

/** The deadline facts that decide who hears about a step. */
export interface AddressedDeadline {
  kind: string;
  ownerId: string | null;
  agreementVersion: number | null;
}

/** Who a step is for: breach → owner and sales lead; escalation → the manager(s); governance → its keepers. */
export function recipientsOf(step: TransitionStep, d: AddressedDeadline, team: SweepTeam): Recipient[] {
  const signers = (d.agreementVersion !== null ? team.signers.get(d.agreementVersion) : undefined) ?? {};
  const activeSigners = team.activeVersion !== null ? (team.signers.get(team.activeVersion) ?? {}) : {};
  const lead = (side: Side) => signers[side] ?? activeSigners[side];
  const managers = [...team.members.values()]
    .filter((m) => m.active && m.side === 'management')
    .map((m) => m.id);
  const out: Recipient[] = [];
  const add = (memberId: string | null | undefined, role: RecipientRole) => {
    const member = memberId ? team.members.get(memberId) : undefined;
    if (member?.active && !out.some((r) => r.memberId === member.id)) {
      out.push({ memberId: member.id, name: member.name, role });
    }
  };
  const isLead = (LEAD_DEADLINE_KINDS as readonly string[]).includes(d.kind);
  if (isLead) {
    if (step === 'due_soon') add(d.ownerId ?? lead('sales'), d.ownerId ? 'owner' : 'sales_lead');
    if (step === 'breached') {
      add(d.ownerId, 'owner');
      add(lead('sales'), 'sales_lead');
    }
    if (step === 'escalated') {
      for (const id of managers) add(id, 'manager');
      if (out.length === 0)
        add(lead('management') ?? lead('sales'), lead('management') ? 'manager' : 'sales_lead');
    }
    return out;
  }
  if (d.kind === 'persona_review') {
    add(d.ownerId, 'guardian');
    add(lead('marketing'), 'marketing_lead');
    if (step !== 'due_soon') add(lead('sales'), 'sales_lead');
  }
  if (d.kind === 'agreement_review') {
    add(lead('marketing'), 'marketing_lead');
    add(lead('sales'), 'sales_lead');
    if (step !== 'due_soon') for (const id of managers) add(id, 'manager');
  }
  return out;
}

/** Channels that take a topic: the team's channels, and personal channels of the people it is for. */
export function channelsFor(
  topic: NotificationTopic,
  recipients: readonly Recipient[],
  channels: readonly SweepChannel[],
): SweepChannel[] {
  const people = new Set(recipients.map((r) => r.memberId));
  return channels.filter(
    (c) => c.topics.includes(topic) && (c.memberId === null || topic === 'agenda' || people.has(c.memberId)),
  );
}
