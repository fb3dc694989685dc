/**
 * The team's language: one catalogue per language (en, pl, ro, ru) with every
 * user-facing text, plural rules, and number, money and date formats. Pure
 * ECMAScript + Intl, constant tables only, so the add-on imports it unchanged.
 */
export { type AgreementGridTexts, CATALOGUES, type Catalogue, catalogueOf } from './catalogue';
export { fill, formatDate, formatInstant, formatMoney, formatNumber, type TextParams } from './format';
export { isLanguage, LOCALES, languageOfAcceptLanguage, localeOf } from './locales';
export { counted, forms, isPluralForms, type PluralForms, pluralFor } from './plural';
export {
  type ErrorKey,
  type Said,
  say,
  sayList,
  type ThingArgs,
  type ThingKey,
  thing,
  verbatim,
} from './say';
export type { AgendaLabels, AgreementLabels, LiveSheetLabels, SlaLabels } from './shapes';
export type {
  AgendaTabTexts,
  AgreementTabTexts,
  FunnelTabTexts,
  LeadViewTexts,
  ReportTabTexts,
  SheetFrameTexts,
  SheetWorkTexts,
  SidebarTexts,
} from './sheet/shapes';
export { sayZodIssue, schemaText, type ZodIssueFacts, zodSaid } from './zod-issues';
