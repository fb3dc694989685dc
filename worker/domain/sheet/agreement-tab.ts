import type { AgreementWarning } from '../agreement/warnings';
import { type Language, SIDES } from '../constants';
import { catalogueOf, fill, formatNumber } from '../i18n';
import { NAMED_RANGES } from './named-ranges';
import type { AgreementPart, AgreementVersionPart } from './snapshot-parts';
import { BLANK, GridBuilder, instant, num, type TabGrid, text } from './tab-grid';

export interface TabInput<T> {
  part: T;
  language: Language;
  timeZone: string;
}

/**
 * The Agreement tab: where the team sees the pact's state (part 2's sidebar
 * signs and proposes). Status and what it means, the active version and when
 * it became active, who signed each side and when, the share link, the
 * proposal waiting and who still has to sign it, the draft's revision, and
 * every warning in words. Labels in column A, values from column B.
 */
export function renderAgreementTab({ part, language, timeZone }: TabInput<AgreementPart>): TabGrid {
  const t = catalogueOf(language).sheet.agreementTab;
  const catalogue = catalogueOf(language);
  const sides = catalogue.agreement.sides;
  const g = new GridBuilder();
  g.row('title', [t.title]);

  const statusRow = g.row('plain', [t.status, part.active ? t.enforced : t.notEnforced]);
  g.name(NAMED_RANGES.agreementStatus, { row: statusRow, column: 2, numRows: 1, numColumns: 1 });
  // The notice in the team's language, whatever language the request was answered in.
  const notice = part.active
    ? fill(catalogue.enforcement.active, { version: part.active.number })
    : catalogue.enforcement.none;
  g.row('plain', [t.notice, notice]);
  const versionRow = g.row('plain', [
    t.activeVersion,
    part.active ? num(part.active.number) : text(t.noneSigned),
    ...(part.active?.activatedAt ? [text(t.activeSince), instant(part.active.activatedAt, timeZone)] : []),
  ]);
  g.name(NAMED_RANGES.agreementVersion, { row: versionRow, column: 2, numRows: 1, numColumns: 1 });
  g.row(
    'plain',
    part.share
      ? [t.shareLink, text(part.share.url), t.sharedSince, instant(part.share.createdAt, timeZone)]
      : [t.shareLink, t.notShared],
  );
  g.row('plain', [
    t.pending,
    part.pending ? fill(t.proposedVersion, { version: part.pending.number }) : t.pendingNone,
  ]);
  if (part.pending) {
    g.row('plain', [
      t.stillNeeds,
      part.pending.missingSides.length > 0
        ? part.pending.missingSides.map((s) => sides[s]).join(', ')
        : t.nobodyMissing,
    ]);
  }
  g.row('plain', [
    t.draftRevision,
    num(part.draft.revision),
    part.draft.changedSinceLatestVersion ? t.draftChanged : t.draftSame,
  ]);

  for (const version of [part.active, part.pending]) {
    if (!version) continue;
    g.blank();
    signatureTable(g, version, language, timeZone);
  }

  g.blank();
  g.row('section', [t.warnings]);
  const warnings: Array<{ where: string; warning: AgreementWarning }> = [
    ...(part.active?.warnings ?? []).map((warning) => ({
      where: fill(t.inActive, { version: part.active?.number ?? '' }),
      warning,
    })),
    ...(part.draft.warnings ?? []).map((warning) => ({ where: t.inDraft, warning })),
  ];
  if (warnings.length === 0) {
    g.row('plain', [t.warningsNone]);
  } else {
    g.row('header', [
      t.warningWhere,
      t.warningSetting,
      t.warningThreshold,
      t.warningReachable,
      t.warningMeaning,
    ]);
    // A warning names its setting by path; a path without words is shown as written.
    const settings: Readonly<Record<string, string>> = t.settings;
    for (const { where, warning } of warnings) {
      g.row('plain', [
        where,
        settings[warning.path] ?? warning.path,
        num(warning.threshold),
        num(warning.reachable),
        warningText(warning, language),
      ]);
    }
  }
  return g.build([260, 220, 160, 160, 420], null);
}

/** One row per side: who signed and when, not yet, or not required of this version. */
function signatureTable(g: GridBuilder, version: AgreementVersionPart, language: Language, timeZone: string) {
  const t = catalogueOf(language).sheet.agreementTab;
  const sides = catalogueOf(language).agreement.sides;
  g.row('section', [fill(t.signaturesOf, { version: version.number })]);
  g.row('header', [t.side, t.signedBy, t.signedAt]);
  for (const side of SIDES) {
    const signature = version.signatures.find((s) => s.side === side);
    const required = version.requiredSides.includes(side);
    g.row(
      'plain',
      signature
        ? [sides[side], text(signature.memberName), instant(signature.signedAt, timeZone)]
        : [sides[side], text(required ? t.notSigned : t.notRequired), BLANK],
    );
  }
}

/** A warning in the team's words, as the Agreement tab explains it (the API's `message` names the field instead). */
export function warningText(warning: AgreementWarning, language: Language): string {
  const t = catalogueOf(language).sheet.agreementTab;
  if (warning.code === 'quadrants_unreachable') {
    const names = catalogueOf(language).agreement.quadrants;
    return fill(t.quadrantsUnreachable, {
      quadrants: (warning.quadrants ?? []).map((q) => names[q]).join(', '),
      threshold: formatNumber(language, warning.threshold),
      reachable: formatNumber(language, warning.reachable),
    });
  }
  const score = /engagement/i.test(warning.path) ? t.scores.engagement : t.scores.fit;
  return fill(t.thresholdUnreachable, {
    score,
    reachable: formatNumber(language, warning.reachable),
    threshold: formatNumber(language, warning.threshold),
  });
}
