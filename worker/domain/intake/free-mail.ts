import type { Host } from '../host';
/**
 * Mailbox providers anyone can sign up to: an address there says nothing about the person's company.
 * Global providers plus the ones common in the starter markets (Poland, Romania, Russia and neighbours).
 */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  // Global
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'ymail.com',
  'rocketmail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'protonmail.ch',
  'pm.me',
  'tutanota.com',
  'tuta.io',
  'fastmail.com',
  'hey.com',
  'zoho.com',
  'mail.com',
  'gmx.com',
  'gmx.net',
  'gmx.de',
  'web.de',
  't-online.de',
  'hushmail.com',
  'qq.com',
  '163.com',
  '126.com',
  'comcast.net',
  'verizon.net',
  'att.net',
  'sbcglobal.net',
  'btinternet.com',
  'orange.fr',
  'free.fr',
  'laposte.net',
  'libero.it',
  'seznam.cz',
  // Poland
  'wp.pl',
  'o2.pl',
  'onet.pl',
  'onet.eu',
  'op.pl',
  'poczta.onet.pl',
  'vp.pl',
  'interia.pl',
  'interia.eu',
  'poczta.fm',
  'tlen.pl',
  'gazeta.pl',
  'autograf.pl',
  'buziaczek.pl',
  'spoko.pl',
  // Romania
  'yahoo.ro',
  'mail.ro',
  'clicknet.ro',
  // Russia, Ukraine, Belarus, Kazakhstan
  'mail.ru',
  'bk.ru',
  'list.ru',
  'inbox.ru',
  'internet.ru',
  'yandex.ru',
  'yandex.com',
  'yandex.ua',
  'yandex.by',
  'yandex.kz',
  'ya.ru',
  'rambler.ru',
  'lenta.ru',
  'ro.ru',
  'ukr.net',
  'i.ua',
  'meta.ua',
  'tut.by',
]);

/** Providers that run the same free service under many country domains (`yahoo.co.uk`, `hotmail.fr`). */
const FREE_MAIL_FAMILIES: ReadonlySet<string> = new Set([
  'yahoo',
  'hotmail',
  'outlook',
  'live',
  'gmx',
  'yandex',
  'aol',
]);

/** Hosts that are profiles, not company websites (`linkedin.com/company/acme`). */
const PROFILE_HOSTS: ReadonlySet<string> = new Set([
  'linkedin.com',
  'facebook.com',
  'fb.com',
  'instagram.com',
  'twitter.com',
  'x.com',
  'youtube.com',
  'tiktok.com',
  'vk.com',
  'ok.ru',
  't.me',
  'wa.me',
  'sites.google.com',
  'goo.gl',
  'bit.ly',
]);

function isProfileHost(host: string): boolean {
  for (const profile of PROFILE_HOSTS) {
    if (host === profile || host.endsWith(`.${profile}`)) return true;
  }
  return false;
}

/** True for a free mailbox provider's domain (exact, or a country domain of a known family). */
export function isFreeMailDomain(domain: string): boolean {
  const host = domain.trim().toLowerCase().replace(/\.$/, '');
  if (FREE_MAIL_DOMAINS.has(host)) return true;
  const [first, ...suffix] = host.split('.');
  // `yahoo.co.uk`, `hotmail.fr`: a family name followed by a short public suffix only.
  return (
    first !== undefined &&
    FREE_MAIL_FAMILIES.has(first) &&
    suffix.length >= 1 &&
    suffix.length <= 2 &&
    suffix.every((label) => /^[a-z]{2,3}$/.test(label))
  );
}

/** The registrable-looking host of a URL or bare domain, lower-case and without `www.`; null when it is not one. */
export function hostOf(website: string, host: Pick<Host, 'parseUrl'>): string | null {
  const text = website.trim();
  if (text === '' || /\s/.test(text)) return null;
  const url = host.parseUrl(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  if (!url) return null;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const name = url.hostname
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/\.$/, '');
  // A dotted name with a letter TLD: rules out IPs, `localhost` and single labels.
  if (!/^([a-z0-9-]+\.)+(xn--[a-z0-9-]+|[a-z]{2,})$/.test(name)) return null;
  return name;
}

/**
 * The company's domain: from the website when it is a company site, else from the e-mail address when
 * it is not a free mailbox. Null when neither says anything about the company.
 */
export function companyDomainOf(
  website: string | null,
  email: string | null,
  host: Pick<Host, 'parseUrl'>,
): string | null {
  if (website) {
    const site = hostOf(website, host);
    if (site && !isProfileHost(site) && !isFreeMailDomain(site)) return site;
  }
  if (email) {
    const at = email.lastIndexOf('@');
    const domain = at >= 0 ? email.slice(at + 1).toLowerCase() : '';
    if (domain && !isFreeMailDomain(domain)) return hostOf(domain, host);
  }
  return null;
}
