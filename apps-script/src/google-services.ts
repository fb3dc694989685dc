/// <reference types="google-apps-script" />
import type {
  DataValidationBuilderLike,
  Services,
  SheetLike,
  SpreadsheetAppLike,
  SpreadsheetLike,
} from './services';

// Compile-time proof that Google's services satisfy the small interfaces the modules use.
type Satisfies<T extends U, U> = T;
export type GoogleSatisfiesSheet = Satisfies<GoogleAppsScript.Spreadsheet.Sheet, SheetLike>;
export type GoogleSatisfiesSpreadsheet = Satisfies<GoogleAppsScript.Spreadsheet.Spreadsheet, SpreadsheetLike>;
export type GoogleSatisfiesValidation = Satisfies<
  GoogleAppsScript.Spreadsheet.DataValidationBuilder,
  DataValidationBuilderLike
>;

/** The real services, read from Apps Script's globals when an entry point runs. */
export function googleServices(): Services {
  return {
    spreadsheetApp: SpreadsheetApp as unknown as SpreadsheetAppLike,
    documentProperties: PropertiesService.getDocumentProperties(),
    userProperties: PropertiesService.getUserProperties(),
    fetch: (url, options) => UrlFetchApp.fetch(url, options),
    documentLock: () => LockService.getDocumentLock(),
    ui: () => {
      try {
        return SpreadsheetApp.getUi();
      } catch {
        // Time triggers have no UI to show.
        return null;
      }
    },
    htmlOutput: (html) => HtmlService.createHtmlOutput(html),
    ensureTimeTrigger: (handler, minutes) => {
      if (
        ScriptApp.getProjectTriggers().some(
          (t) => t.getHandlerFunction() === handler && String(t.getEventType()) === 'CLOCK',
        )
      )
        return;
      const builder = ScriptApp.newTrigger(handler).timeBased();
      (minutes >= 60 ? builder.everyHours(Math.round(minutes / 60)) : builder.everyMinutes(minutes)).create();
    },
    ensureOpenTrigger: (handler) => {
      if (
        ScriptApp.getProjectTriggers().some(
          (t) => t.getHandlerFunction() === handler && String(t.getEventType()) === 'ON_OPEN',
        )
      )
        return;
      ScriptApp.newTrigger(handler).forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet()).onOpen().create();
    },
    ensureFormSubmitTrigger: (handler) => {
      if (
        ScriptApp.getProjectTriggers().some(
          (t) => t.getHandlerFunction() === handler && String(t.getEventType()) === 'ON_FORM_SUBMIT',
        )
      )
        return;
      ScriptApp.newTrigger(handler)
        .forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet())
        .onFormSubmit()
        .create();
    },
    hmacSha256Hex: (key, message) =>
      Utilities.computeHmacSha256Signature(message, key, Utilities.Charset.UTF_8)
        // Apps Script answers signed bytes (-128..127).
        .map((b) => ((b + 256) % 256).toString(16).padStart(2, '0'))
        .join(''),
    chartTypeBar: Charts.ChartType.BAR,
    now: () => new Date(),
    userLocale: () => Session.getActiveUserLocale(),
  };
}
