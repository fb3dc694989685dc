import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import type { FakeServices } from './fake-services';

/**
 * The globals Apps Script gives a script (SpreadsheetApp, PropertiesService,
 * UrlFetchApp, LockService, HtmlService, ScriptApp, Charts), made from the
 * fakes, in a fresh `node:vm` context: no TextEncoder, no fetch, no process,
 * like Apps Script's V8. The built bundle runs there unchanged.
 */
export function appsScriptContext(fake: FakeServices): vm.Context {
  const { services } = fake;
  const globals = {
    SpreadsheetApp: { ...services.spreadsheetApp, getUi: () => services.ui() ?? throwNoUi() },
    PropertiesService: {
      getDocumentProperties: () => services.documentProperties,
      getUserProperties: () => services.userProperties,
    },
    UrlFetchApp: { fetch: services.fetch },
    LockService: { getDocumentLock: () => services.documentLock() },
    HtmlService: { createHtmlOutput: (html: string) => services.htmlOutput(html) },
    ScriptApp: {
      getProjectTriggers: () => [
        ...fake.triggers.map((t) => ({ getHandlerFunction: () => t.handler, getEventType: () => 'CLOCK' })),
        ...fake.openTriggers.map((h) => ({ getHandlerFunction: () => h, getEventType: () => 'ON_OPEN' })),
        ...fake.formSubmitTriggers.map((h) => ({
          getHandlerFunction: () => h,
          getEventType: () => 'ON_FORM_SUBMIT',
        })),
      ],
      newTrigger: (handler: string) => ({
        timeBased: () => ({
          everyMinutes: (minutes: number) => ({ create: () => services.ensureTimeTrigger(handler, minutes) }),
          everyHours: (hours: number) => ({ create: () => services.ensureTimeTrigger(handler, hours * 60) }),
        }),
        forSpreadsheet: () => ({
          onOpen: () => ({ create: () => services.ensureOpenTrigger(handler) }),
          onFormSubmit: () => ({ create: () => services.ensureFormSubmitTrigger(handler) }),
        }),
      }),
    },
    Charts: { ChartType: { BAR: 'BAR' } },
    Session: { getActiveUserLocale: () => services.userLocale() },
    // Apps Script answers HMACs as signed bytes; the fake computes with Node and answers the same shape.
    Utilities: {
      Charset: { UTF_8: 'UTF_8' },
      computeHmacSha256Signature: (value: string, key: string) =>
        [...Buffer.from(services.hmacSha256Hex(key, value), 'hex')].map((b) => (b > 127 ? b - 256 : b)),
    },
    Logger: { log: () => undefined },
  };
  return vm.createContext(globals);
}

function throwNoUi(): never {
  throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
}

export const BUNDLE = fileURLToPath(new URL('../../../../apps-script/dist/Code.js', import.meta.url));

/** Loads the built bundle into the context; its entry points become the context's globals. */
export async function loadBundle(
  context: vm.Context,
): Promise<Record<string, (...args: unknown[]) => unknown>> {
  vm.runInContext(await readFile(BUNDLE, 'utf8'), context, { filename: 'Code.js' });
  return context as unknown as Record<string, (...args: unknown[]) => unknown>;
}
