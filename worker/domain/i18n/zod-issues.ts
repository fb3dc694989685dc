import type { Language } from '../constants';
import { catalogueOf } from './catalogue';
import { en } from './en';
import { fill, formatNumber } from './format';
import { pluralFor } from './plural';
import type { Said } from './say';

/** What this module reads of a zod 4 issue (the finished issue: its message and the facts zod keeps). */
export interface ZodIssueFacts {
  code: string;
  message: string;
  expected?: unknown;
  origin?: unknown;
  format?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  inclusive?: unknown;
  values?: readonly unknown[];
  keys?: readonly string[];
  divisor?: unknown;
  params?: Record<string, unknown>;
}

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

function limitOf(language: Language, value: unknown): string {
  if (typeof value === 'number') return formatNumber(language, value);
  if (typeof value === 'bigint') return value.toString();
  return String(value);
}

/** zod's issue in a language other than English (English keeps zod's message, which may be the schema's own). */
function translated(language: Language, issue: ZodIssueFacts): string {
  const v = catalogueOf(language).validation;
  const count = (n: unknown) => ({ count: limitOf(language, n) });
  switch (issue.code) {
    case 'invalid_type': {
      // zod 4 drops the input from finished issues; its English message still says what arrived.
      if (/received undefined$/.test(issue.message)) return v.required;
      const expected = String(issue.expected);
      const name = expected in v.types ? v.types[expected as keyof typeof v.types] : v.types.other;
      return fill(v.expected, { expected: name });
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const limit = small ? issue.minimum : issue.maximum;
      if (issue.origin === 'string') {
        return fill(pluralFor(language, small ? v.minLength : v.maxLength, Number(limit)), count(limit));
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return fill(pluralFor(language, small ? v.minItems : v.maxItems, Number(limit)), count(limit));
      }
      const inclusive = issue.inclusive !== false;
      const template = small ? (inclusive ? v.atLeast : v.above) : inclusive ? v.atMost : v.below;
      return fill(template, { limit: limitOf(language, limit) });
    }
    case 'invalid_format': {
      const format = String(issue.format);
      return format in v.formats
        ? v.formats[format as keyof typeof v.formats]
        : fill(v.formats.other, { format });
    }
    case 'invalid_value': {
      const values = issue.values ?? [];
      return values.length === 1
        ? fill(v.exactly, { value: show(values[0]) })
        : fill(v.oneOf, { values: values.map(show).join(', ') });
    }
    case 'unrecognized_keys': {
      const keys = issue.keys ?? [];
      return fill(pluralFor(language, v.unknownKeys, keys.length), { keys: keys.join(', ') });
    }
    case 'invalid_union':
      return v.union;
    case 'not_multiple_of':
      return fill(v.multipleOf, { divisor: limitOf(language, issue.divisor) });
    default:
      return v.invalid;
  }
}

type SchemaKey = keyof typeof en.schema;
type SchemaParams = Record<string, string | number>;

/**
 * The message a schema gives zod (`.min(1, { message: schemaText('notEmpty') })`,
 * an error map, `ctx.addIssue`): zod keeps only a string, so the English text
 * travels, and `sayZodIssue` finds its key and values again to say it in the
 * reader's language. Values are identifiers and numbers, said as given.
 */
export function schemaText(key: SchemaKey, params: SchemaParams = {}): string {
  return fill(en.schema[key], params);
}

interface SchemaPattern {
  key: SchemaKey;
  pattern: RegExp;
  names: string[];
}

let schemaPatterns: SchemaPattern[] | undefined;

/** Each English schema text as a pattern that gives back its values; built on first use, never at load. */
function patternsOf(): SchemaPattern[] {
  schemaPatterns ??= Object.entries(en.schema).map(([key, text]) => {
    const names: string[] = [];
    const source = text
      .split(/(\{\w+\})/)
      .map((part) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        if (name) {
          names.push(name);
          return '([\\s\\S]*?)';
        }
        return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('');
    return { key: key as SchemaKey, pattern: new RegExp(`^${source}$`), names };
  });
  return schemaPatterns;
}

/** The catalogue key and values of a schema's English message, when it is one. */
function schemaTextOf(message: string): { key: SchemaKey; params: SchemaParams } | undefined {
  for (const { key, pattern, names } of patternsOf()) {
    const match = pattern.exec(message);
    if (match) return { key, params: Object.fromEntries(names.map((name, i) => [name, match[i + 1] ?? ''])) };
  }
  return undefined;
}

/**
 * A schema's message with placeholders, for `refine` and `ctx.addIssue`: zod
 * reports the English, and `params.say` says it in the reader's language.
 */
export function zodSaid(said: Said): { message: string; params: { say: Said } } {
  return { message: said('en'), params: { say: said } };
}

/**
 * How a zod issue is said: the schema's own text when it named one (a custom
 * issue carrying `params.say`, or a message from `schemaText`), else zod's
 * English or our words for its code.
 */
export function sayZodIssue(issue: ZodIssueFacts): Said {
  const own = issue.params?.say;
  if (typeof own === 'function') return own as Said;
  const schema = schemaTextOf(issue.message);
  if (schema) return (language) => fill(catalogueOf(language).schema[schema.key], schema.params);
  return (language) =>
    language === 'en' || issue.code === 'custom' ? issue.message : translated(language, issue);
}
