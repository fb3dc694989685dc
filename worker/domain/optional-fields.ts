import * as z from 'zod';

/**
 * An object whose keys are some of `keys`, each holding `value`: strict like every body
 * the API takes, and documented as such (a partial record's JSON Schema would allow any key).
 */
export function optionalFields<const K extends string, V extends z.ZodType>(keys: readonly K[], value: V) {
  const shape = Object.fromEntries(keys.map((key) => [key, value.optional()])) as {
    [P in K]: z.ZodOptional<V>;
  };
  return z.strictObject(shape);
}
