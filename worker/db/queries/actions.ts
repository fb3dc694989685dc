import type { TeamMember } from '../../domain/ledger/actions';
import type { Database } from '../client';
import { listMembers } from './members';

/** The team as the sales workflow sees it (every member, active or not: assignment names why one is refused). */
export async function loadTeam(db: Database, workspaceId: string): Promise<TeamMember[]> {
  const members = await listMembers(db, workspaceId);
  return members.map((m) => ({ id: m.id, name: m.name, side: m.side, active: m.active }));
}
