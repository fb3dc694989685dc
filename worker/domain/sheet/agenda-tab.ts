import { catalogueOf } from '../i18n';
import type { AgendaSection } from '../sla/agenda';
import type { TabInput } from './agreement-tab';
import { NAMED_RANGES } from './named-ranges';
import type { AgendaPart } from './snapshot-parts';
import { BLANK, GridBuilder, instant, num, type TabGrid, text } from './tab-grid';

/**
 * The Agenda tab: this week's meeting as the Worker wrote it (`buildAgenda`,
 * already in the team's language), one row per line: the item's number and
 * topic on its first line, the detail, who it is about or who brings it, and
 * what the meeting has to decide.
 */
export function renderAgendaTab({ part, language, timeZone }: TabInput<AgendaPart>): TabGrid {
  const t = catalogueOf(language).sheet.agendaTab;
  const g = new GridBuilder();
  g.row('title', [text(part.title)]);
  g.row('plain', [text(part.subtitle)]);
  g.row('plain', [t.meeting, instant(part.meetingAt, timeZone)]);
  g.blank();
  const at = g.row('header', [t.number, t.topic, t.detail, t.who, t.decide]);
  let rows = 0;
  part.sections.forEach((section, i) => {
    const lines = section.lines.length > 0 ? section.lines : [''];
    lines.forEach((line, n) => {
      const who = whoOf(part, section, n, language);
      g.row(
        'plain',
        n === 0
          ? [
              num(i + 1),
              text(section.title),
              text(line),
              text(who),
              text(section.id === 'standing' ? '' : t.decisions[section.id]),
            ]
          : [BLANK, BLANK, text(line), text(who), BLANK],
      );
      rows += 1;
    });
  });
  g.name(NAMED_RANGES.agenda, { row: at, column: 1, numRows: rows + 1, numColumns: 5 });
  return g.build([50, 260, 520, 180, 360], null);
}

/**
 * Who line `n` of a section is about or who brings it. The lines of
 * `handed_over` and `breaches` come in the order of the agenda's own lists
 * (`buildAgenda`): the not-worked leads after the summary line, one owner per
 * breach line.
 */
export function whoOf(
  agenda: AgendaPart,
  section: AgendaSection,
  n: number,
  language: TabInput<unknown>['language'],
): string {
  const t = catalogueOf(language).sheet.agendaTab;
  const catalogue = catalogueOf(language);
  const sides = catalogue.agreement.sides;
  const noOwner = catalogue.agenda.noOwner;
  switch (section.id) {
    case 'handed_over': {
      if (n === 0 || agenda.handedOver.notWorked === 0) return sides.sales;
      const lead = agenda.handedOver.notWorkedLeads[n - 1];
      return lead ? (lead.ownerName ?? noOwner) : sides.sales;
    }
    case 'breaches': {
      const owner = agenda.breachesByOwner[n];
      return owner ? (owner.ownerName ?? noOwner) : sides.sales;
    }
    case 'rejections':
      return `${sides.sales}, ${sides.marketing}`;
    case 'campaigns':
      return sides.marketing;
    case 'persona_review':
      return agenda.personaReview?.guardianName ?? catalogue.agenda.noGuardian;
    case 'agreement':
      return (agenda.pendingAgreement?.missingSides ?? []).map((s) => sides[s]).join(', ');
    case 'live_sheet':
      return t.admin;
    default:
      return t.everyone;
  }
}
