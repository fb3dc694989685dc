import type { OpenBody } from '../../db/queries/notifications';
import { slot } from '../../domain/privacy';
import type { DatabaseContext } from '../context';
import { vaultOf } from '../privacy/vault';

/**
 * Opens the sealed bodies of messages about to be sent, across workspaces: each workspace's keys
 * in one read. A body whose key is gone (a person it named was erased) opens as null: never sent.
 */
export function bodyOpener(ctx: DatabaseContext): OpenBody {
  return async (messages) => {
    const opened = new Map<string, string | null>();
    const byWorkspace = new Map<string, typeof messages>();
    for (const m of messages) byWorkspace.set(m.workspaceId, [...(byWorkspace.get(m.workspaceId) ?? []), m]);
    for (const [workspaceId, list] of byWorkspace) {
      const vault = vaultOf(ctx, workspaceId);
      await vault.load(list.map((m) => m.bodyKey));
      for (const m of list)
        opened.set(m.key, m.bodyKey ? await vault.open(m.body, slot.message(m.key)) : null);
    }
    return opened;
  };
}
