import { createHmac } from 'node:crypto';
import type {
  FetchOptions,
  HtmlOutputLike,
  HttpResponseLike,
  LockLike,
  MenuLike,
  PropertiesLike,
  Services,
  UiLike,
} from '../../../../apps-script/src/services';
import { CallLog, fakeSpreadsheetApp } from './fake-spreadsheet';
import type { SyncFetcher } from './sync-fetch';

export class FakeProperties implements PropertiesLike {
  readonly values = new Map<string, string>();
  constructor(
    readonly log: CallLog,
    readonly scope: string,
  ) {}
  getProperty(key: string) {
    this.log.record(`${this.scope}.getProperty`);
    return this.values.get(key) ?? null;
  }
  setProperty(key: string, value: string) {
    this.log.record(`${this.scope}.setProperty`);
    // Apps Script refuses values over 9 KB: state must stay small.
    if (value.length > 9 * 1024) throw new Error(`Argument too large: ${key}`);
    this.values.set(key, String(value));
    return this;
  }
  deleteProperty(key: string) {
    this.log.record(`${this.scope}.deleteProperty`);
    this.values.delete(key);
    return this;
  }
}

export class FakeLock implements LockLike {
  held = false;
  /** Set to make tryLock fail, as when another run holds the document lock. */
  busy = false;
  constructor(readonly log: CallLog) {}
  tryLock(_timeout: number) {
    this.log.record('Lock.tryLock');
    if (this.busy || this.held) return false;
    this.held = true;
    return true;
  }
  releaseLock() {
    this.log.record('Lock.releaseLock');
    this.held = false;
  }
}

export interface FakeMenu {
  caption: string;
  items: Array<{ caption: string; functionName: string } | 'separator'>;
}

export class FakeUi implements UiLike {
  readonly menus: FakeMenu[] = [];
  readonly sidebars: Array<{ html: string; title: string }> = [];
  readonly alerts: string[] = [];
  createMenu(caption: string): MenuLike {
    const menu: FakeMenu = { caption, items: [] };
    const builder: MenuLike = {
      addItem: (itemCaption, functionName) => {
        menu.items.push({ caption: itemCaption, functionName });
        return builder;
      },
      addSeparator: () => {
        menu.items.push('separator');
        return builder;
      },
      addToUi: () => {
        this.menus.push(menu);
      },
    };
    return builder;
  }
  showSidebar(html: unknown) {
    const output = html as FakeHtmlOutput;
    this.sidebars.push({ html: output.html, title: output.title });
  }
  alert(message: string) {
    this.alerts.push(message);
    return 'OK';
  }
}

export class FakeHtmlOutput implements HtmlOutputLike {
  title = '';
  constructor(readonly html: string) {}
  setTitle(title: string) {
    this.title = title;
    return this;
  }
}

export interface FetchRecord {
  url: string;
  method: string;
  headers: Record<string, string>;
  status: number;
  bytes: number;
}

/** Every Google service the add-on uses, in memory, sharing one call log. */
export function fakeServices(
  options: { fetcher?: SyncFetcher; now?: () => Date; hasUi?: boolean; userLocale?: string } = {},
) {
  const log = new CallLog();
  const app = fakeSpreadsheetApp(log);
  const documentProperties = new FakeProperties(log, 'DocumentProperties');
  const userProperties = new FakeProperties(log, 'UserProperties');
  const lock = new FakeLock(log);
  const ui = new FakeUi();
  const fetches: FetchRecord[] = [];
  const triggers: Array<{ handler: string; minutes: number }> = [];
  const openTriggers: string[] = [];
  const formSubmitTriggers: string[] = [];
  /** Set to make Google refuse timers more frequent than hourly, as it does for editor add-ons. */
  let hourlyOnly = false;
  let unreachable = false;
  const services: Services = {
    spreadsheetApp: app,
    documentProperties,
    userProperties,
    fetch: (url: string, params: FetchOptions): HttpResponseLike => {
      log.record('UrlFetchApp.fetch');
      const method = (params.method ?? 'get').toUpperCase();
      if (unreachable || !options.fetcher) throw new Error(`Exception: Address unavailable: ${url}`);
      const response = options.fetcher.fetch(url, {
        method,
        headers: {
          ...(params.headers ?? {}),
          ...(params.contentType ? { 'content-type': params.contentType } : {}),
        },
        ...(params.payload !== undefined ? { body: params.payload } : {}),
      });
      fetches.push({
        url,
        method,
        headers: params.headers ?? {},
        status: response.status,
        bytes: response.body.length,
      });
      if (response.status >= 400 && !params.muteHttpExceptions)
        throw new Error(`Request failed for ${url} returned code ${response.status}.`);
      return {
        getResponseCode: () => response.status,
        getContentText: () => response.body,
        getHeaders: () => response.headers,
      };
    },
    documentLock: () => lock,
    ui: () => (options.hasUi === false ? null : ui),
    htmlOutput: (html) => new FakeHtmlOutput(html),
    ensureTimeTrigger: (handler, minutes) => {
      log.record('ScriptApp.ensureTimeTrigger');
      if (hourlyOnly && minutes < 60)
        throw new Error('Add-ons may not run time triggers more often than hourly.');
      if (!triggers.some((t) => t.handler === handler)) triggers.push({ handler, minutes });
    },
    ensureOpenTrigger: (handler) => {
      log.record('ScriptApp.ensureOpenTrigger');
      if (!openTriggers.includes(handler)) openTriggers.push(handler);
    },
    ensureFormSubmitTrigger: (handler) => {
      log.record('ScriptApp.ensureFormSubmitTrigger');
      if (!formSubmitTriggers.includes(handler)) formSubmitTriggers.push(handler);
    },
    hmacSha256Hex: (key, message) => {
      log.record('Utilities.computeHmacSha256Signature');
      return createHmac('sha256', Buffer.from(key, 'utf8')).update(message, 'utf8').digest('hex');
    },
    chartTypeBar: 'BAR',
    now: options.now ?? (() => new Date()),
    userLocale: () => {
      log.record('Session.getActiveUserLocale');
      return options.userLocale ?? 'en';
    },
  };
  return {
    services,
    log,
    spreadsheet: app.spreadsheet,
    documentProperties,
    userProperties,
    lock,
    ui,
    fetches,
    triggers,
    openTriggers,
    formSubmitTriggers,
    setHourlyOnly(value: boolean) {
      hourlyOnly = value;
    },
    setUnreachable(value: boolean) {
      unreachable = value;
    },
  };
}

export type FakeServices = ReturnType<typeof fakeServices>;
