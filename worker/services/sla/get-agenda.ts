import { agendaWeekOf, loadAgenda } from '../../db/queries/agenda';
import type { ServiceContext } from '../context';

/** The weekly meeting's agenda, written from the data; default: the week of the next meeting. */
export async function getAgenda({ ctx, input }: { ctx: ServiceContext; input: { week?: string } }) {
  const week = input.week ?? (await agendaWeekOf(ctx.db, ctx.workspaceId, ctx.now));
  return loadAgenda(ctx.db, ctx.workspaceId, week, ctx.now);
}
