import { liveShare } from '../../db/queries/agreement';
import { loadJudgingAgreement } from '../../db/queries/judging';
import { getMember, listMembers } from '../../db/queries/members';
import { listStoredPlans } from '../../db/queries/reports';
import { changedLeadIds, logEnds } from '../../db/queries/sheet';
import { allLeadsWithSla, leadsWithSla } from '../../db/queries/sheet-snapshot';
import { listSources } from '../../db/queries/sources';
import { requireWorkspace } from '../../db/queries/workspaces';
import { planPeriodOf } from '../../domain/reports/period';
import { reportRangeOf } from '../../domain/reports/query';
import type { FunnelPlanPart } from '../../domain/sheet/funnel-tab';
import { sheetLeadOf } from '../../domain/sheet/leads-layout';
import {
  directoryIndex,
  encodeLead,
  formatLeadsCursor,
  type LeadsCursor,
  type SheetSnapshotResponse,
  SNAPSHOT_PARTS,
  type SnapshotMeta,
  type SnapshotPart,
  type SnapshotPartName,
  versionOf,
} from '../../domain/sheet/snapshot';
import type { AgreementPart, ReportPart } from '../../domain/sheet/snapshot-parts';
import { localDateOf } from '../../domain/zoned-time';
import { getAgreementOverview } from '../agreement/get-overview';
import type { CallerContext } from '../context';
import { getPlan } from '../plans/get-plan';
import { vaultOf } from '../privacy/vault';
import { reportOf } from '../reports/report-of';
import { agendaWeekOf, loadAgenda } from '../sla/load-agenda';

export interface SnapshotInput {
  /** Only who and where (the sidebar's "Test connection"). */
  metaOnly: boolean;
  /** Part → version the sheet holds: those parts come back `unchanged`. */
  known: Partial<Record<SnapshotPartName, string>>;
  /** The cursor of the previous answer: only leads changed since come back. */
  since: LeadsCursor | null;
  /** Where the share page is served (`LEADPACT_PUBLIC_URL`, else the request's origin), for the share link. */
  publicOrigin: string;
}

/** Which stored plan the Funnel tab shows: the quarter containing today, else the year, else the month, else the latest. */
function currentPlanKey(keys: readonly string[], today: string): string | null {
  const containing = keys.filter((key) => {
    const period = planPeriodOf(key);
    return period.start <= today && today <= period.end;
  });
  const rank = (key: string) => (key.includes('-Q') ? 0 : key.length === 4 ? 1 : 2);
  return [...containing].sort((a, b) => rank(a) - rank(b))[0] ?? keys[keys.length - 1] ?? null;
}

export async function getSheetMeta({ ctx }: { ctx: CallerContext }): Promise<SnapshotMeta> {
  const workspace = await requireWorkspace(ctx.db, ctx.workspaceId);
  const member = ctx.caller.memberId ? await getMember(ctx.db, ctx.workspaceId, ctx.caller.memberId) : null;
  return {
    workspace: {
      id: workspace.id,
      name: workspace.name,
      language: workspace.language,
      timeZone: workspace.timezone,
    },
    caller: { role: ctx.caller.role, memberId: ctx.caller.memberId, memberName: member?.name ?? null },
  };
}

/**
 * Everything the sheet's tabs show, in one answer: meta, the directory of
 * members and sources, the leads that changed since the sheet's cursor (all
 * of them without one), and each other part unless the sheet already holds
 * its version. Time-varying figures (pace against the plan) are left to the
 * sheet's own formulas, so an unchanged ledger gives unchanged parts.
 */
export async function getSheetSnapshot({
  ctx,
  input,
}: {
  ctx: CallerContext;
  input: SnapshotInput;
}): Promise<SheetSnapshotResponse | SnapshotMeta> {
  const meta = await getSheetMeta({ ctx });
  if (input.metaOnly) return meta;
  const { db, workspaceId, now } = ctx;
  const vault = vaultOf(ctx, workspaceId);
  const timeZone = meta.workspace.timeZone;

  const upTo = await logEnds(db);
  const [members, sources] = await Promise.all([listMembers(db, workspaceId), listSources(db, workspaceId)]);
  const people = {
    members: members.map((m) => ({ id: m.id, name: m.name })),
    sources: sources.map((s) => ({ id: s.id, name: s.name })),
  };
  const index = directoryIndex(people);
  const since = input.since;
  const full = since === null;
  const changed = since
    ? await leadsWithSla(db, vault, workspaceId, (await changedLeadIds(db, workspaceId, since, upTo)).leadIds)
    : await allLeadsWithSla(db, vault, workspaceId);
  const rows = changed
    .sort((a, b) => (a.lead.id < b.lead.id ? -1 : 1))
    .map(({ lead, sla }) => encodeLead(sheetLeadOf(lead), sla, index));

  const loaders: Record<SnapshotPartName, () => Promise<unknown>> = {
    agreement: async (): Promise<AgreementPart> => {
      const [overview, share] = await Promise.all([
        getAgreementOverview({ ctx }),
        liveShare(db, workspaceId),
      ]);
      const summary = (v: typeof overview.active) =>
        v && {
          number: v.number,
          status: v.status,
          requiredSides: v.requiredSides,
          signatures: v.signatures.map((s) => ({
            side: s.side,
            memberName: s.memberName,
            signedAt: s.signedAt,
          })),
          missingSides: v.missingSides,
          activatedAt: v.activatedAt,
          ...('warnings' in v ? { warnings: v.warnings } : {}),
        };
      return {
        enforced: overview.enforced,
        notice: overview.notice,
        active: summary(overview.active),
        pending: summary(overview.pending),
        draft: {
          content: overview.draft.content,
          etag: overview.draft.etag,
          revision: overview.draft.revision,
          changedSinceLatestVersion: overview.draft.changedSinceLatestVersion,
          ...('warnings' in overview.draft ? { warnings: overview.draft.warnings } : {}),
        },
        share: share ? { url: `${input.publicOrigin}/a/${share.id}`, createdAt: share.createdAt } : null,
      };
    },
    // The Funnel tab's type: the add-on renders exactly this shape.
    plan: async (): Promise<FunnelPlanPart | null> => {
      const key = currentPlanKey(
        (await listStoredPlans(db, workspaceId)).map((p) => p.period),
        localDateOf(now, timeZone),
      );
      if (!key) return null;
      const view = await getPlan({ ctx, input: { period: key } });
      // Pace moves with the clock: the sheet computes it with NOW(), so this part changes only with the ledger.
      const { pace: _pace, months, ...stable } = view;
      return { ...stable, months: months.map((m) => ({ month: m.month, actual: m.actual })) };
    },
    report: async (): Promise<ReportPart> => {
      const [report, agreement] = await Promise.all([
        reportOf({ ctx, input: { range: reportRangeOf({}, timeZone, now), groupBy: 'source' } }),
        requireWorkspace(db, workspaceId).then((workspace) => loadJudgingAgreement(db, workspace)),
      ]);
      const reasonLabels = Object.fromEntries(
        agreement.content.rejectionReasons.map((r) => [r.code, r.label]),
      );
      return { ...report, reasonLabels };
    },
    agenda: async () => loadAgenda({ ctx, input: { week: await agendaWeekOf({ ctx }) } }),
  };
  const parts: Partial<Record<SnapshotPartName, SnapshotPart<unknown>>> = {};
  for (const name of SNAPSHOT_PARTS) {
    const data = await loaders[name]();
    // The tabs render a part in the team's language and on its clock: a switch of either is a new version.
    const version = versionOf([meta.workspace.language, timeZone, data]);
    parts[name] =
      input.known[name] === version ? { version, unchanged: true } : { version, unchanged: false, data };
  }

  return {
    ...meta,
    asOf: now.toISOString(),
    directory: { ...people, campaigns: index.campaignList },
    leads: { cursor: formatLeadsCursor(upTo), full, rows },
    parts,
  };
}
