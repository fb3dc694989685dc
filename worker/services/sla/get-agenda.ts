import type { ServiceContext } from '../context';
import { agendaWeekOf, loadAgenda } from './load-agenda';

/** The weekly meeting's agenda, written from the data; default: the week of the next meeting. */
export async function getAgenda({ ctx, input }: { ctx: ServiceContext; input: { week?: string } }) {
  const week = input.week ?? (await agendaWeekOf({ ctx }));
  return loadAgenda({ ctx, input: { week } });
}
