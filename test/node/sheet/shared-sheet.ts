import {
  LEADS_COLUMNS,
  LEADS_FIRST_DATA_ROW,
  LEADS_HEADER_ROW,
} from '../../../worker/domain/sheet/leads-layout';
import { appsScriptContext, loadBundle } from './fakes/apps-script-globals';
import { FakeProperties, type FakeServices, fakeServices } from './fakes/fake-services';
import type { FakeSheet } from './fakes/fake-spreadsheet';
import type { SyncFetcher } from './fakes/sync-fetch';

/** The built bundle's global functions, as Apps Script calls them. */
export type Globals = Record<string, (...args: unknown[]) => unknown>;
type Language = 'en' | 'pl';

/**
 * One spreadsheet of a team, bound to the Worker at `url` (Warsaw time, the sheet in `language`);
 * `as(token)` is a person opening it: the built bundle in its own V8 context with their own user
 * properties (their token, their pending rows), sharing the spreadsheet and its document properties.
 */
export async function sharedSheet(url: string, fetcher: SyncFetcher, language: Language = 'en') {
  const fake = fakeServices({ fetcher });
  fake.spreadsheet.timeZone = 'Europe/Warsaw';
  fake.documentProperties.values.set('LEADPACT_API_URL', url);
  fake.documentProperties.values.set('LEADPACT_SHEET_STATE', JSON.stringify({ language }));
  const as = async (token: string) => {
    const userProperties = new FakeProperties(fake.log, 'UserProperties');
    userProperties.values.set('LEADPACT_TOKEN', token);
    const person: FakeServices = { ...fake, userProperties, services: { ...fake.services, userProperties } };
    const globals = (await loadBundle(appsScriptContext(person))) as Globals;
    const call = <T>(name: string, ...args: unknown[]): T => {
      const fn = globals[name];
      if (!fn) throw new Error(`the bundle has no ${name}`);
      return fn(...args) as T;
    };
    return { call, globals, userProperties, services: person.services };
  };
  return { fake, as };
}

/** The Leads tab's column whose header (in `language`) is the column `key`'s. */
export function columnOf(sheet: FakeSheet, key: string, language: Language = 'en'): number {
  const header = LEADS_COLUMNS.find((c) => c.key === key)?.header(language);
  for (let c = 1; c <= 40; c++) if (sheet.peek(LEADS_HEADER_ROW, c)?.value === header) return c;
  throw new Error(`no column ${key}`);
}

/** The Leads tab's row of `leadId`. */
export function rowOf(sheet: FakeSheet, leadId: string, language: Language = 'en'): number {
  const id = columnOf(sheet, 'lead_id', language);
  for (let r = LEADS_FIRST_DATA_ROW; r < 200; r++) if (sheet.peek(r, id)?.value === leadId) return r;
  throw new Error(`no row for ${leadId}`);
}
