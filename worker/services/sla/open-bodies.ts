import type { OpenBody } from '../../db/queries/notifications';
import { leadNameRows } from '../../db/queries/sla-sweep';
import { slot } from '../../domain/privacy';
import { draftOf, leadDisplayName, type NoticeDraft, renderDraft } from '../../domain/sla';
import type { DatabaseContext } from '../context';
import { vaultOf } from '../privacy/vault';

/**
 * Opens the sealed bodies of messages about to be sent, across workspaces: each workspace's keys
 * in one read. A body whose key is gone (a person it named was erased) opens as null: never sent.
 * A lead's notice was queued without the lead's name (the sweep reads no lead): the name is read
 * and opened here, each workspace's leads in one read, and the notice rendered with it.
 */
export function bodyOpener(ctx: DatabaseContext): OpenBody {
  return async (messages) => {
    const opened = new Map<string, string | null>();
    const byWorkspace = new Map<string, typeof messages>();
    for (const m of messages) byWorkspace.set(m.workspaceId, [...(byWorkspace.get(m.workspaceId) ?? []), m]);
    for (const [workspaceId, list] of byWorkspace) {
      const vault = vaultOf(ctx, workspaceId);
      await vault.load(list.map((m) => m.bodyKey));
      const drafts = new Map<string, NoticeDraft>();
      for (const m of list) {
        const body = m.bodyKey ? await vault.open(m.body, slot.message(m.key)) : null;
        const draft = body === null ? null : draftOf(body);
        if (draft) drafts.set(m.key, draft);
        else opened.set(m.key, body);
      }
      if (drafts.size === 0) continue;
      const leadIds = [...new Set([...drafts.values()].map((d) => d.leadId))];
      const leads = new Map(
        (await leadNameRows(ctx.db, vault, workspaceId, leadIds)).map((l) => [l.id, l] as const),
      );
      for (const [key, draft] of drafts) {
        const lead = leads.get(draft.leadId);
        opened.set(key, renderDraft(draft, lead ? leadDisplayName(lead, draft.message.language) : undefined));
      }
    }
    return opened;
  };
}
