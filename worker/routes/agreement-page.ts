/**
 * The shared agreement as one self-contained, printable HTML page in the
 * agreement's language: no script, no outside asset, readable on paper.
 */

import {
  type Agreement,
  type AgreementVersion,
  type AgreementWarning,
  type IcpCriterion,
  LEAD_FIELD_KINDS,
  SENIORITY_LEVELS,
  WEEKDAYS,
} from '../domain/agreement';
import type { Language } from '../domain/constants';
import {
  type AgreementLabels as CatalogueLabels,
  catalogueOf,
  counted,
  fill,
  formatMoney,
  localeOf,
  type PluralForms,
  pluralFor,
} from '../domain/i18n';
import type { SharedAgreement } from '../services/agreement';
import { escapeHtml } from './schemas';

/** The catalogue's agreement words plus the locale its numbers and dates are written in. */
type AgreementLabels = CatalogueLabels & { language: Language; locale: string };

function labelsOf(language: Language): AgreementLabels {
  return { ...catalogueOf(language).agreement, language, locale: localeOf(language) };
}

/** Tagged template that escapes every interpolation unless it is already `Html`. */
class Html {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}
type Part = Html | string | number | null | undefined | Part[];

function render(part: Part): string {
  if (part === null || part === undefined) return '';
  if (Array.isArray(part)) return part.map(render).join('');
  if (part instanceof Html) return part.value;
  return escapeHtml(String(part));
}

function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0] ?? '';
  parts.forEach((part, i) => {
    out += render(part) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

const list = (items: readonly string[]) =>
  items.length ? html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>` : null;

function dateTime(iso: string | null, locale: string, timeZone: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(
    new Date(iso),
  );
}

function dateOnly(isoDate: string | null, locale: string): string {
  if (!isoDate) return '—';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

function number(n: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(n);
}

function ruleText(
  criterion: Pick<IcpCriterion, 'field' | 'operator' | 'values'>,
  l: AgreementLabels,
): string {
  const field = l.fields[criterion.field];
  const op = l.operators[criterion.operator];
  const shown = criterion.values.map((v) => {
    if (LEAD_FIELD_KINDS[criterion.field] === 'boolean') return v === true ? l.words.yes : l.words.no;
    if (criterion.field === 'seniority' && (SENIORITY_LEVELS as readonly unknown[]).includes(v))
      return String(v);
    return typeof v === 'number' ? number(v, l.locale) : String(v);
  });
  if (criterion.operator === 'present') return `${field} ${op}`;
  if (criterion.operator === 'between') return `${field} ${op} ${shown[0] ?? ''} – ${shown[1] ?? ''}`;
  if (criterion.operator === 'matches') return `${field} ${op} /${shown[0] ?? ''}/`;
  return `${field} ${op} ${shown.join(', ')}`;
}

function section(id: string, index: number, title: string, body: Part): Html {
  return html`<section id="${id}"><h2><span class="n">${index}.</span> ${title}</h2>${body}</section>`;
}

function body(a: Agreement, l: AgreementLabels, guardianName: string | null): Html[] {
  const w = l.words;
  const s = l.sections;
  const money = (n: number | null) => (n === null ? w.notSet : formatMoney(l.language, n, a.goals.currency));
  const count = (entry: PluralForms, n: number, params: Record<string, number> = {}) =>
    counted(l.language, entry, n, params);
  const hoursOf = (day: (typeof WEEKDAYS)[number]) => {
    const value = a.sla.businessHours[day];
    if (value === null) return w.closed;
    return (Array.isArray(value) ? value : [value]).map((h) => `${h.open}–${h.close}`).join(', ');
  };
  const criterionLabel = new Map(a.sqlCriteria.map((c) => [c.code, c.label]));
  const sections: [string, Part][] = [
    [
      s.glossary,
      html`<dl>${a.glossary.terms.map(
        (t) =>
          html`<dt>${t.term}</dt><dd>${t.definition}${
            t.examples.length ? html`<div class="muted">${w.examples}: ${t.examples.join('; ')}</div>` : null
          }</dd>`,
      )}</dl>
      <div class="cols"><div><h3>${w.isLead}</h3>${list(a.glossary.leadExamples.is)}</div>
      <div><h3>${w.isNotLead}</h3>${list(a.glossary.leadExamples.isNot)}</div></div>`,
    ],
    [
      s.icp,
      html`<p>${a.icp.summary}</p>${
        a.icp.criteria.length
          ? html`<table><thead><tr><th>${w.criterion}</th><th>${w.rule}</th><th>${w.kind}</th></tr></thead><tbody>${a.icp.criteria.map(
              (c) =>
                html`<tr><td>${c.label}</td><td><code>${ruleText(c, l)}</code></td><td>${
                  c.kind === 'required'
                    ? w.requiredGate
                    : `${w.weightedPoints}: +${c.points ?? 0} ${w.points}`
                }</td></tr>`,
            )}</tbody></table>`
          : null
      }`,
    ],
    [
      s.leadDefinition,
      html`<p>${a.leadDefinition.summary}</p><p><strong>${w.consentRequired}:</strong> ${
        a.leadDefinition.consentRequired ? w.yes : w.no
      }</p>${
        a.leadDefinition.sources.length
          ? html`<table><thead><tr><th>${w.source}</th><th>${w.creates}</th></tr></thead><tbody>${a.leadDefinition.sources.map(
              (src) =>
                html`<tr><td>${src.label}${src.note ? html`<div class="muted">${src.note}</div>` : null}</td><td>${
                  src.creates === 'lead' ? w.lead : w.prospectTouch
                }</td></tr>`,
            )}</tbody></table>`
          : null
      }`,
    ],
    [
      s.temperature,
      html`<div class="cols"><div><h3>${w.marketingView}</h3><ul>${a.temperature.marketing.map(
        (r) =>
          html`<li><strong>${l.temperatures[r.temperature]}</strong>: ${r.label} <span class="muted">(${r.when
            .map((x) => `${l.touches[x.touch]} ≥ ${x.atLeast}`)
            .join(', ')})</span></li>`,
      )}</ul></div><div><h3>${w.salesView}</h3>${list([
        count(w.monthsHot, a.temperature.sales.hotUnderMonths),
        count(w.monthsWarm, a.temperature.sales.coldOverMonths, { a: a.temperature.sales.hotUnderMonths }),
        count(w.monthsCold, a.temperature.sales.coldOverMonths),
      ])}</div></div>`,
    ],
    [
      s.scoring,
      html`${
        a.scoring.fit.roles.length
          ? html`<h3>${w.fitRoles}</h3><table><tbody>${a.scoring.fit.roles.map(
              (r) =>
                html`<tr><td>${r.label}</td><td><code>${ruleText(r, l)}</code></td><td>+${r.points} ${w.points}</td></tr>`,
            )}</tbody></table>`
          : null
      }<h3>${w.engagementPoints}</h3><table><tbody>${Object.entries(a.scoring.engagement.points).map(
        ([touch, points]) =>
          html`<tr><td>${l.touches[touch as keyof AgreementLabels['touches']] ?? touch}</td><td>+${points ?? 0} ${w.points}</td></tr>`,
      )}</tbody></table>${
        a.scoring.engagement.pages.length
          ? html`<h3>${w.pages}</h3>${list(a.scoring.engagement.pages.map((p) => `${p.urlContains}: +${p.points} ${w.points}`))}`
          : null
      }<p>${count(w.halfLife, a.scoring.engagement.halfLifeDays)}</p><h3>${w.thresholds}</h3>${list([
        count(w.fitThreshold, a.scoring.thresholds.fit),
        count(w.engagementThreshold, a.scoring.thresholds.engagement),
        ...Object.values(l.quadrants),
      ])}`,
    ],
    [
      s.mql,
      html`<p>${a.mql.summary}</p>${list(
        [
          a.mql.requireConsent ? w.mqlConsent : null,
          a.mql.requireIcp ? w.mqlIcp : null,
          a.mql.requiredFields.length
            ? `${w.mqlFields}: ${a.mql.requiredFields.map((f) => l.fields[f]).join(', ')}`
            : null,
          a.mql.minFit !== null ? count(w.mqlMinFit, a.mql.minFit) : null,
          a.mql.minEngagement !== null ? count(w.mqlMinEngagement, a.mql.minEngagement) : null,
          a.mql.quadrants.length
            ? `${w.mqlQuadrants}: ${a.mql.quadrants.map((q) => l.quadrants[q]).join('; ')}`
            : null,
        ].filter((x): x is string => x !== null),
      )}`,
    ],
    [
      s.sqlCriteria,
      html`<table><thead><tr><th>${w.criterion}</th><th></th></tr></thead><tbody>${a.sqlCriteria.map(
        (c) =>
          html`<tr><td><strong>${c.label}</strong>${c.description ? html`<div class="muted">${c.description}</div>` : null}</td><td>${
            c.required ? w.required : w.optional
          }</td></tr>`,
      )}</tbody></table>`,
    ],
    [
      s.rejectionReasons,
      html`<table><thead><tr><th>${w.reason}</th><th>${w.failedCriterion}</th><th>${w.destination}</th></tr></thead><tbody>${a.rejectionReasons.map(
        (r) =>
          html`<tr><td>${r.label} <code>${r.code}</code></td><td>${
            r.criterion ? (criterionLabel.get(r.criterion) ?? r.criterion) : w.hardDisqualifier
          }${r.criterion && r.hardDisqualifier ? html` <span class="muted">(${w.hardDisqualifier})</span>` : null}</td><td>${
            l.destinations[r.destination]
          }</td></tr>`,
      )}</tbody></table>`,
    ],
    [
      s.sla,
      html`<p><strong>${w.timezone}:</strong> ${a.sla.timezone}</p><div class="cols"><div><h3>${w.businessHours}</h3><table><tbody>${WEEKDAYS.map(
        (d) => html`<tr><td>${l.weekdays[d]}</td><td>${hoursOf(d)}</td></tr>`,
      )}</tbody></table><p><strong>${w.holidays}:</strong> ${
        a.sla.holidays.length ? a.sla.holidays.map((d) => dateOnly(d, l.locale)).join(', ') : w.none
      }</p></div><div><h3>${w.firstTouch}</h3><table><tbody>${(
        ['perfect', 'engaged', 'fit', 'low'] as const
      ).map(
        (q) =>
          html`<tr><td>${l.quadrants[q]}</td><td>${count(w.hoursCount, a.sla.firstTouchHours[q])}</td></tr>`,
      )}</tbody></table></div></div><p>${fill(w.attemptsRule, {
        attempts: count(w.contactAttempts, a.sla.minAttempts),
        channels: count(w.channelCount, a.sla.minChannels),
        days: count(w.businessDays, a.sla.attemptWindowDays),
      })}</p><p>${fill(w.decisionRule, { days: count(w.businessDays, a.sla.decisionDays) })}</p>`,
    ],
    [
      s.goals,
      html`<p><strong>${w.period}:</strong> ${l.periods[a.goals.period]}${
        a.goals.currency ? html` · <strong>${w.currency}:</strong> ${a.goals.currency}` : null
      }</p><table><tbody>
      <tr><th>${w.sharedGoal}</th><td>${a.goals.shared.note}</td><td>${money(a.goals.shared.revenue)}</td></tr>
      <tr><th>${w.marketingGoal}</th><td>${a.goals.marketing.note}</td><td>${w.sqls}: ${
        a.goals.marketing.sqls === null ? w.notSet : number(a.goals.marketing.sqls, l.locale)
      }<br>${w.sourcedRevenue}: ${money(a.goals.marketing.sourcedRevenue)}</td></tr>
      <tr><th>${w.salesGoal}</th><td>${a.goals.sales.note}</td><td>${w.closedRevenue}: ${money(a.goals.sales.closedRevenue)}</td></tr>
      </tbody></table><p><strong>${w.rewards}:</strong> ${a.goals.rewards}</p>`,
    ],
    [
      s.meetings,
      html`<div class="cols"><div><h3>${w.weeklyMeeting}</h3><p>${l.weekdays[a.meetings.weekly.day]}, ${a.meetings.weekly.time} (${
        a.meetings.weekly.durationMinutes
      } ${w.minutes})</p>${list(a.meetings.weekly.agenda)}</div><div><h3>${w.managementReview}</h3><p>${fill(
        pluralFor(l.language, w.everyMonths, a.meetings.managementReview.everyMonths),
        { count: a.meetings.managementReview.everyMonths },
      )}, ${fill(w.dayOfMonth, { n: a.meetings.managementReview.dayOfMonth })}, ${a.meetings.managementReview.time}</p>${list(
        a.meetings.managementReview.agenda,
      )}</div></div><p>${fill(pluralFor(l.language, w.agreementReview, a.meetings.agreementReviewEveryMonths), { count: a.meetings.agreementReviewEveryMonths })}</p>`,
    ],
    [
      s.reporting,
      html`<p><strong>${w.cadence}:</strong> ${l.cadences[a.reporting.cadence]}${
        a.reporting.weeklyAgenda ? html` · ${w.weeklyAgenda}` : null
      }</p><h3>${w.reportContains}</h3>${list(a.reporting.includes.map((i) => l.reportItems[i]))}`,
    ],
    [
      s.persona,
      html`${
        a.persona.segments.length
          ? html`<h3>${w.segments}</h3><dl>${a.persona.segments.map((seg) => html`<dt>${seg.name}</dt><dd>${seg.description}</dd>`)}</dl>`
          : null
      }${
        a.persona.roles.length
          ? html`<h3>${w.roles}</h3><table><thead><tr><th></th><th>${w.problems}</th><th>${w.challenges}</th></tr></thead><tbody>${a.persona.roles.map(
              (r) =>
                html`<tr><th>${r.name}</th><td>${list(r.problems)}</td><td>${list(r.challenges)}</td></tr>`,
            )}</tbody></table>`
          : null
      }${a.persona.values.length ? html`<h3>${w.values}</h3>${list(a.persona.values)}` : null}<p><strong>${w.guardian}:</strong> ${
        guardianName ?? w.notSet
      } · ${count(w.reviewEvery, a.persona.reviewEveryMonths)} · <strong>${w.lastReviewed}:</strong> ${dateOnly(
        a.persona.lastReviewedOn,
        l.locale,
      )}</p>`,
    ],
    [
      s.feedback,
      html`<table><thead><tr><th>${w.question}</th><th>${w.answer}</th><th></th></tr></thead><tbody>${a.feedback.questions.map(
        (q) =>
          html`<tr><td>${q.question}</td><td>${l.answers[q.answer]}</td><td>${q.required ? w.required : w.optional}</td></tr>`,
      )}</tbody></table>`,
    ],
  ];
  return sections.map(([title, content], i) => section(`s${i + 1}`, i + 1, title, content));
}

function signatures(version: AgreementVersion, l: AgreementLabels, timeZone: string): Html {
  const w = l.words;
  const sides = [...new Set([...version.requiredSides, ...version.signatures.map((s) => s.side)])];
  return html`<section id="signatures" class="signatures"><h2>${w.signatures}</h2><table><thead><tr><th>${w.side}</th><th>${
    w.signedBy
  }</th><th>${w.signedAt}</th></tr></thead><tbody>${sides.map((side) => {
    const signature = version.signatures.find((s) => s.side === side);
    return html`<tr><td>${l.sides[side]}${version.requiredSides.includes(side) ? null : html` <span class="muted">(${w.optional})</span>`}</td><td>${
      signature ? signature.memberName : html`<em>${w.notSigned}</em>`
    }</td><td>${signature ? dateTime(signature.signedAt, l.locale, timeZone) : '—'}</td></tr>`;
  })}</tbody></table><p class="muted">${w.contentHash}: <code>${version.hash}</code></p></section>`;
}

const STYLE = `
:root{color-scheme:light}
body{font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d232a;margin:0;background:#f4f6f8}
main{max-width:60rem;margin:0 auto;background:#fff;padding:2rem 2.5rem 3rem}
header{border-bottom:2px solid #1d232a;margin-bottom:1.5rem;padding-bottom:1rem}
h1{font-size:1.7rem;margin:.2rem 0 .4rem}h2{font-size:1.2rem;margin:2rem 0 .6rem;border-bottom:1px solid #dde2e7;padding-bottom:.2rem}
h3{font-size:1rem;margin:1rem 0 .4rem}.n{color:#56616d}.muted{color:#56616d;font-size:.9em}
.meta{color:#38424d;margin:0}.badge{display:inline-block;background:#2f7d4f;color:#fff;border-radius:3px;padding:.05rem .45rem;font-size:.85em}
table{border-collapse:collapse;width:100%;margin:.4rem 0}td,th{border:1px solid #dde2e7;padding:.35rem .55rem;text-align:left;vertical-align:top}
th{background:#f4f6f8}dt{font-weight:600;margin-top:.5rem}dd{margin:0 0 .3rem 1rem}ul{margin:.2rem 0;padding-left:1.3rem}
code{font:12.5px/1.4 ui-monospace,Menlo,Consolas,monospace;word-break:break-all}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:1.5rem}.signatures{margin-top:2.5rem}
footer{margin-top:2rem;color:#56616d;font-size:.85em}
.warnings{border:2px solid #b3261e;background:#fdecea;padding:0 1rem .8rem;margin:1rem 0}.warnings h2{color:#b3261e;border:0}
@media (max-width:40rem){main{padding:1rem}.cols{grid-template-columns:1fr}}
@media print{body{background:#fff;font-size:11pt}main{max-width:none;padding:0}section,table,tr{break-inside:avoid}h2{break-after:avoid}footer .screen{display:none}}
`;

function page(language: Language, title: string, content: Part): string {
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow"><meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${render(content)}</main></body></html>`;
}

const RULE_OF_PATH: Record<string, (w: AgreementLabels['words']) => PluralForms> = {
  'scoring.thresholds.fit': (w) => w.fitThreshold,
  'scoring.thresholds.engagement': (w) => w.engagementThreshold,
  'mql.minFit': (w) => w.mqlMinFit,
  'mql.minEngagement': (w) => w.mqlMinEngagement,
};

/** Thresholds no lead can reach, first on the page: the team reads them before the rules they break. */
function unreachable(warnings: readonly AgreementWarning[], l: AgreementLabels) {
  if (warnings.length === 0) return null;
  const lines = warnings.map((warning) => {
    if (warning.code === 'quadrants_unreachable') {
      const quadrants = (warning.quadrants ?? []).map((q) => l.quadrants[q]).join(', ');
      return fill(l.words.quadrantsUnreachable, { rule: l.words.mqlQuadrants, quadrants });
    }
    const entry = RULE_OF_PATH[warning.path]?.(l.words);
    const rule = entry ? counted(l.language, entry, warning.threshold) : warning.path;
    return fill(l.words.unreachable, { rule, reachable: number(warning.reachable, l.locale) });
  });
  return html`<section class="warnings" role="alert" data-warnings="${warnings.length}"><h2>${l.words.unreachableTitle}</h2>${list(lines)}</section>`;
}

/** The page for a live share link: the active version, or a notice when nothing is signed yet. */
export function renderAgreementPage(shared: SharedAgreement, now: Date): string {
  const { workspace, version } = shared;
  const language = version?.content.language ?? workspace.language;
  const l = labelsOf(language);
  if (!version) {
    return page(
      language,
      workspace.name,
      html`<header><p class="meta">${workspace.name}</p><h1>${l.words.notYetSigned}</h1></header><p>${l.words.noActiveVersion}</p>`,
    );
  }
  const a = version.content;
  const tz = a.sla.timezone;
  return page(
    language,
    `${a.title} — ${workspace.name}`,
    html`<header><p class="meta">${workspace.name}</p><h1>${a.title}</h1><p class="meta"><span class="badge">${
      l.statuses[version.status]
    }</span> ${l.words.version} ${version.number} · ${l.words.activeSince} ${dateTime(version.activatedAt, l.locale, tz)}</p></header>
    ${unreachable(version.warnings, l)}
    ${body(a, l, shared.guardianName)}
    ${signatures(version, l, tz)}
    <footer><p>${l.words.readOnly} <span class="screen">${l.words.print}</span></p><p>${dateTime(
      now.toISOString(),
      l.locale,
      tz,
    )}</p></footer>`,
  );
}

/** Unknown and revoked links look the same, in every starter language. */
export function renderShareNotFound(): string {
  const languages: Language[] = ['en', 'pl', 'ro', 'ru'];
  return page(
    'en',
    catalogueOf('en').agreement.words.notFound,
    languages.map(
      (lang) =>
        html`<section lang="${lang}"><h1>${catalogueOf(lang).agreement.words.notFound}</h1><p>${catalogueOf(lang).agreement.words.notFoundText}</p></section>`,
    ),
  );
}
