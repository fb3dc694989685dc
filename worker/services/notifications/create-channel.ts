import { findMember } from '../../db/queries/members';
import { type ChannelRow, insertChannel } from '../../db/queries/notifications';
import { fieldIssue, InvalidError } from '../../domain/errors';
import { say } from '../../domain/i18n';
import { type Channel, type CreateChannel, channelUrlIssue, newWebhookSecret } from '../../domain/sla';
import { newId } from '../../platform/ids';
import { webHost } from '../../platform/web-host';
import type { ServiceContext } from '../context';

export interface ChannelOptions {
  /** Local development and tests may post to loopback receivers. */
  allowLoopback: boolean;
  /** The API origin that links in messages point to. */
  linkBase: string;
}

/** Registers a channel; a generic webhook gets a signing secret, answered only here. */
export async function createChannel({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { channel: CreateChannel; options: ChannelOptions };
}): Promise<Channel & { secret: string | null }> {
  const { channel, options } = input;
  const issue = channelUrlIssue(channel.kind, channel.url, options.allowLoopback, webHost);
  if (issue) throw new InvalidError(say('channelUrlRefused'), [issue]);
  if (channel.memberId && !(await findMember(ctx.db, ctx.workspaceId, channel.memberId))) {
    throw new InvalidError(say('channelMemberUnknown'), [
      fieldIssue('memberId', say('memberUnknown', { id: channel.memberId })),
    ]);
  }
  const row: ChannelRow = {
    id: newId('chn', ctx.now.getTime()),
    workspaceId: ctx.workspaceId,
    kind: channel.kind,
    name: channel.name,
    url: channel.url,
    secret: channel.kind === 'webhook' ? newWebhookSecret(webHost.randomBytes) : null,
    memberId: channel.memberId,
    topics: [...new Set(channel.topics)],
    linkBase: options.linkBase,
    createdAt: ctx.now.toISOString(),
    deletedAt: null,
  };
  return insertChannel(ctx.db, row);
}
