import type { Language } from '../constants';
import { catalogueOf } from './catalogue';
import type { en } from './en';
import { fill, formatNumber } from './format';
import { counted, type PluralForms } from './plural';

/**
 * A text said in whichever language its reader has. Errors carry one from the
 * domain to the wire, where the request's language is known; functions are
 * left out of JSON, so a `Said` never leaks into a body.
 */
export type Said = (language: Language) => string;

type Errors = typeof en.errors;
type Things = typeof en.things;
export type ErrorKey = keyof Errors;
export type ThingKey = keyof Things;

/** `'{a} of {b}'` → `'a' | 'b'`: the placeholders a text needs. */
type Placeholders<S> = S extends `${string}{${infer P}}${infer R}` ? P | Placeholders<R> : never;

type Value = string | number | Said;
type ParamsOf<T> = T extends PluralForms
  ? { count: number } & Record<string, Value>
  : [Placeholders<T>] extends [never]
    ? []
    : [Record<Placeholders<T>, Value>];
type Args<T> = T extends PluralForms ? [{ count: number } & Record<string, Value>] : ParamsOf<T>;
/** What `thing(key, …)` takes after its key. */
export type ThingArgs<K extends ThingKey> = Args<Things[K]>;

/** A plural entry goes through `counted`, so its form agrees with the number shown, as everywhere else. */
function render(language: Language, entry: string | PluralForms, params: Record<string, Value> = {}): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params))
    values[name] = typeof value === 'function' ? value(language) : value;
  if (typeof entry !== 'string') return counted(language, entry, Number(params.count ?? Number.NaN), values);
  for (const [name, value] of Object.entries(values))
    if (typeof value === 'number') values[name] = formatNumber(language, value);
  return fill(entry, values);
}

/** An error text by key; its placeholders are checked against the English catalogue. */
export function say<K extends ErrorKey>(key: K, ...params: Args<Errors[K]>): Said {
  return (language) => render(language, catalogueOf(language).errors[key], params[0]);
}

/** The name of a thing ("Lead", "Agreement version 3"), for texts such as "… was not found". */
export function thing<K extends ThingKey>(key: K, ...params: Args<Things[K]>): Said {
  return (language) => render(language, catalogueOf(language).things[key], params[0]);
}

/** Texts said one after another, joined by `separator`, or by the language's "and" when none is given. */
export function sayList(parts: readonly Said[], separator?: string): Said {
  return (language) =>
    parts.map((part) => part(language)).join(separator ?? ` ${catalogueOf(language).errors.and} `);
}

/** A text that is the same in every language: an identifier, a number, a quote of the team's own words. */
export function verbatim(text: string): Said {
  return () => text;
}
