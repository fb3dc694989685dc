import { renderAgendaTab } from '../../../worker/domain/sheet/agenda-tab';
import { renderAgreementTab } from '../../../worker/domain/sheet/agreement-tab';
import type { SheetTab } from '../../../worker/domain/sheet/constants';
import { renderReportTab } from '../../../worker/domain/sheet/report-tab';
import type { SheetSnapshotResponse, SnapshotPartName } from '../../../worker/domain/sheet/snapshot';
import type { AgendaPart, AgreementPart, ReportPart } from '../../../worker/domain/sheet/snapshot-parts';
import type { TabGrid } from '../../../worker/domain/sheet/tab-grid';
import type { TabContext } from '../grid';
import { writeGridTab } from './grid-tab';

/** The tabs LeadPact alone writes, each from one part of the snapshot. */
const READ_ONLY_TABS = [
  { tab: 'agreement', part: 'agreement' },
  { tab: 'report', part: 'report' },
  { tab: 'agenda', part: 'agenda' },
] as const satisfies ReadonlyArray<{
  tab: SheetTab;
  part: SnapshotPartName;
}>;
type ReadOnlyPart = (typeof READ_ONLY_TABS)[number]['part'];

/** The part's data (as the Worker built it) rendered in the team's language and on its clock. */
function render(name: ReadOnlyPart, data: unknown, context: TabContext): TabGrid {
  const input = { language: context.language, timeZone: context.timeZone };
  switch (name) {
    case 'agreement':
      return renderAgreementTab({ ...input, part: data as AgreementPart });
    case 'report':
      return renderReportTab({ ...input, part: data as ReportPart });
    case 'agenda':
      return renderAgendaTab({ ...input, part: data as AgendaPart });
  }
}

export interface ReadOnlyResult {
  written: SheetTab[];
  /** The versions of the parts written, to send as `known` next time. */
  versions: Partial<Record<SnapshotPartName, string>>;
}

/**
 * Writes each read-only tab whose part came back with data; a part the sheet
 * already holds (`unchanged`) leaves its tab untouched, so a refresh with
 * nothing new writes nothing.
 */
export function writeReadOnlyTabs(
  context: TabContext,
  parts: SheetSnapshotResponse['parts'],
): ReadOnlyResult {
  const result: ReadOnlyResult = { written: [], versions: {} };
  for (const { tab, part: name } of READ_ONLY_TABS) {
    const part = parts[name];
    if (!part || part.unchanged) continue;
    writeGridTab(context, tab, render(name, part.data, context));
    result.written.push(tab);
    result.versions[name] = part.version;
  }
  return result;
}
