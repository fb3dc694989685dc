import type { Language } from '../domain/constants';
import { catalogueOf, fill, formatInstant } from '../domain/i18n';
import type { LeadState } from '../domain/ledger/lead';
import { checkLeadLink, type DeadlineKind, leadDisplayName } from '../domain/sla';
import { leadLinkRoot } from '../env';
import type { App } from '../http/context';
import { workspaceContext } from '../http/service-context';
import { webHost } from '../platform/web-host';
import { getLeadPage } from '../services/leads';
import { escapeHtml } from './schemas';

/**
 * The read-only lead page a breach message links to (`/l/<workspace>/<lead>?exp=…&sig=…`, signed
 * in worker/domain/sla/lead-link.ts): what the person fixing the breach needs — who, which company
 * and role, the stage, the owner, the deadlines — and no contact details, message or answers, since
 * a chat link travels further than a token. Every value is escaped; the page loads nothing.
 */

const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
  'x-robots-tag': 'noindex, nofollow',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1f2933}' +
  'dt{font-weight:600}dd{margin:0 0 .5rem}li{margin:.25rem 0}.breached{color:#b42318}.note{color:#52606d;font-size:.9rem}';

function page(language: Language, title: string, body: string): string {
  return (
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title>` +
    `<style>${STYLE}</style></head><body>${body}</body></html>`
  );
}

interface LeadPageInput {
  language: Language;
  timeZone: string;
  lead: LeadState;
  ownerName: string | null;
  deadlines: { kind: string; dueAt: string; status: string }[];
  expiresAt: string;
}

export function renderLeadPage(input: LeadPageInput): string {
  const { language, timeZone, lead } = input;
  const texts = catalogueOf(language);
  const l = texts.sla.leadPage;
  const profile = lead.profile;
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  const name = leadDisplayName(
    {
      firstName: text(profile.firstName),
      lastName: text(profile.lastName),
      company: text(profile.company),
      email: text(profile.email),
    },
    language,
  );
  const at = (iso: string) => formatInstant(language, iso, timeZone);
  const facts: [string, string][] = [[l.stage, texts.agenda.stages[lead.stage] ?? lead.stage]];
  const title = text(profile.title);
  const owner = texts.sla.roles.owner;
  facts.push([
    owner.charAt(0).toLocaleUpperCase(language) + owner.slice(1),
    input.ownerName ?? texts.sla.noOwner,
  ]);
  facts.push([l.arrived, at(lead.submittedAt ?? lead.createdAt)]);
  const deadlines =
    input.deadlines.length === 0
      ? `<p>${escapeHtml(l.noDeadlines)}</p>`
      : `<ul>${input.deadlines
          .map((d) => {
            const kind = texts.sla.kinds[d.kind as DeadlineKind] ?? d.kind;
            const status = l.statuses[d.status as keyof typeof l.statuses] ?? d.status;
            return `<li class="${escapeHtml(d.status)}">${escapeHtml(kind)} — ${escapeHtml(l.due)} ${escapeHtml(at(d.dueAt))}: <strong>${escapeHtml(status)}</strong></li>`;
          })
          .join('')}</ul>`;
  return page(
    language,
    `${l.pageTitle}: ${name}`,
    `<h1>${escapeHtml(name)}</h1>${title ? `<p>${escapeHtml(title)}</p>` : ''}<dl>${facts
      .map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`)
      .join('')}</dl><h2>${escapeHtml(l.deadlines)}</h2>${deadlines}` +
      `<p class="note">${escapeHtml(fill(l.readOnly, { date: at(input.expiresAt) }))}</p>`,
  );
}

function problemPage(language: Language, message: string): string {
  return page(language, 'LeadPact', `<p>${escapeHtml(message)}</p>`);
}

export function registerLeadPageRoutes(app: App) {
  app.get('/l/:workspaceId/:leadId', async (c) => {
    const { workspaceId, leadId } = c.req.param();
    const root = leadLinkRoot(c.env);
    const now = new Date();
    const link = { workspaceId, leadId, exp: c.req.query('exp'), sig: c.req.query('sig') };
    const check = root ? await checkLeadLink(webHost, root, link, now) : 'invalid';
    const notFound = () =>
      c.html(problemPage('en', catalogueOf('en').sla.leadPage.notFound), 404, PAGE_HEADERS);
    if (check === 'invalid') return notFound();
    const found = await getLeadPage({
      ctx: workspaceContext(c, workspaceId, now),
      input: { leadId, expired: check === 'expired' },
    });
    if (!found) return notFound();
    const { workspace } = found;
    if (check === 'expired') {
      const l = catalogueOf(workspace.language).sla.leadPage;
      return c.html(problemPage(workspace.language, l.expired), 410, PAGE_HEADERS);
    }
    if (!found.lead) return notFound();
    const html = renderLeadPage({
      language: workspace.language,
      timeZone: workspace.timezone,
      ...found.lead,
      expiresAt: new Date(Number(link.exp) * 1000).toISOString(),
    });
    return c.html(html, 200, PAGE_HEADERS);
  });
}
