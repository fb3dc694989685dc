import type { Language } from '../constants';
import { catalogueOf } from '../i18n';
import { type Agenda, agendaChatLines, agendaLinkLabel } from './agenda';
import { channelBody, type OutgoingMessage } from './channels';
import type { DeadlineKind, TransitionStep } from './constants';
import { type DeadlineNotice, noticeLines } from './messages';
import { draftBody } from './notice-draft';
import { channelsFor, recipientsOf, type SweepTeam } from './recipients';

/** A deadline row as the sweep words its messages. */
export interface SweptDeadline {
  id: string;
  workspaceId: string;
  key: string;
  leadId: string | null;
  kind: string;
  ownerId: string | null;
  agreementVersion: number | null;
  startedAt: string;
  dueAt: string;
}

/** One message for the outbox: its channel, its topic, and the body that channel takes. */
export interface QueuedMessage {
  workspaceId: string;
  key: string;
  channelId: string;
  topic: string;
  body: string;
}

/** How the workspace words things, and what the sweep read for this step. */
export interface MessageSetting {
  language: Language;
  /** The agreement's time zone (else the workspace's): deadlines are written in it. */
  timeZone: string;
  now: Date;
  /** The week's agenda, read only when a weekly report settles and a channel takes it. */
  agenda: Agenda | null;
  /**
   * Where a person opens the lead from a message (the team's sheet, or the signed read-only page
   * under a channel's origin); null: only the API URL, which needs a token.
   */
  leadLink?: ((linkBase: string) => string) | null;
}

/** The ISO week a weekly-report deadline is for. */
export function weekOfReport(key: string): string {
  return key.slice('weekly_report:'.length);
}

/** Whether a settled weekly report has anywhere to go, so the sweep reads the agenda only then. */
export function wantsAgenda(step: TransitionStep, d: Pick<SweptDeadline, 'kind'>, team: SweepTeam): boolean {
  return (
    d.kind === 'weekly_report' && step === 'settled' && channelsFor('agenda', [], team.channels).length > 0
  );
}

/** The messages one step of one deadline sends: to whom, on which channels, in the workspace's language. */
export function messagesFor(
  step: TransitionStep,
  d: SweptDeadline,
  team: SweepTeam,
  setting: MessageSetting,
): QueuedMessage[] {
  const { language } = setting;
  const at = setting.now.toISOString();
  if (d.kind === 'weekly_report') {
    const { agenda } = setting;
    if (step !== 'settled' || !agenda) return [];
    const week = weekOfReport(d.key);
    return channelsFor('agenda', [], team.channels).map((channel) => {
      const key = `${d.id}:${step}:${channel.id}`;
      const message: OutgoingMessage = {
        id: key,
        type: 'agenda.weekly',
        createdAt: at,
        workspaceId: d.workspaceId,
        language,
        lines: agendaChatLines(agenda),
        link: {
          url: `${channel.linkBase}/v1/agenda?week=${week}&format=markdown`,
          label: agendaLinkLabel(language),
        },
        data: { agenda },
      };
      return {
        workspaceId: d.workspaceId,
        key,
        channelId: channel.id,
        topic: 'agenda',
        body: channelBody(channel.kind, message),
      };
    });
  }
  if (step !== 'due_soon' && step !== 'breached' && step !== 'escalated') return [];
  const recipients = recipientsOf(step, d, team);
  const channels = channelsFor(step, recipients, team.channels);
  if (channels.length === 0) return [];
  const texts = catalogueOf(language).sla;
  const notice: Omit<DeadlineNotice, 'lead'> = {
    topic: step,
    kind: d.kind as DeadlineKind,
    dueAt: d.dueAt,
    ownerName: d.ownerId ? (team.members.get(d.ownerId)?.name ?? null) : null,
    recipients,
  };
  // A team deadline's words are whole now; a lead's wait for its name, which the sender adds.
  const lines = d.leadId ? [] : noticeLines({ ...notice, lead: null }, language, setting.timeZone);
  return channels.map((channel) => {
    const key = `${d.id}:${step}:${channel.id}`;
    const url = d.leadId ? `${channel.linkBase}/v1/leads/${d.leadId}` : null;
    // The message's link is for people (chat); machines keep the API URL in `lead.url`.
    const open = url ? (setting.leadLink?.(channel.linkBase) ?? url) : null;
    const message: OutgoingMessage = {
      id: key,
      type: `sla.${step}`,
      createdAt: at,
      workspaceId: d.workspaceId,
      language,
      lines,
      link: open ? { url: open, label: texts.openLead } : null,
      data: {
        deadline: {
          id: d.id,
          kind: d.kind,
          status: step === 'due_soon' ? 'due_soon' : 'breached',
          startedAt: d.startedAt,
          dueAt: d.dueAt,
          agreementVersion: d.agreementVersion,
        },
        lead: d.leadId ? { id: d.leadId, url } : null,
        ownerId: d.ownerId,
        recipients,
      },
    };
    const { lines: _, ...unnamed } = message;
    return {
      workspaceId: d.workspaceId,
      key,
      channelId: channel.id,
      topic: step,
      body: d.leadId
        ? draftBody({
            channelKind: channel.kind,
            leadId: d.leadId,
            notice,
            timeZone: setting.timeZone,
            message: unnamed,
          })
        : channelBody(channel.kind, message),
    };
  });
}
