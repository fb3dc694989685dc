import { utf8Decode } from '../encoding';
import { fieldIssue, InvalidError, MalformedBodyError } from '../errors';
import { say, verbatim } from '../i18n';
import type { JsonValue } from './types';

/** Deeper payloads are refused: no form sends them, and later recursive code (JSON.stringify) should not meet them. */
const MAX_DEPTH = 32;

export type JsonObject = { [key: string]: JsonValue };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Decodes strict UTF-8 (a BOM is dropped); bytes that are not UTF-8 are refused. */
export function decodeUtf8(body: Uint8Array): string {
  try {
    return utf8Decode(body, { fatal: true });
  } catch {
    throw new MalformedBodyError(say('bodyNotUtf8'), say('sendUtf8'));
  }
}

function depthWithin(value: JsonValue, limit: number): boolean {
  const stack: Array<{ value: JsonValue; depth: number }> = [{ value, depth: 1 }];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item || typeof item.value !== 'object' || item.value === null) continue;
    if (item.depth > limit) return false;
    const children = Array.isArray(item.value) ? item.value : Object.values(item.value);
    for (const child of children) stack.push({ value: child, depth: item.depth + 1 });
  }
  return true;
}

/**
 * Parses a JSON body that must be an object; anything else is an `InvalidError` on `body`.
 * `provider` names the webhook expected (`Typeform`), null for our canonical fields.
 */
export function parseJsonObject(body: Uint8Array, provider: string | null): JsonObject {
  const text = decodeUtf8(body);
  let value: JsonValue;
  try {
    value = JSON.parse(text) as JsonValue;
  } catch {
    throw new MalformedBodyError(say('bodyNotJson'), say('sendJsonObject'));
  }
  if (!isObject(value)) {
    throw new InvalidError(provider ? say('bodyNotWebhook', { provider }) : say('bodyNotObject'), [
      fieldIssue('body', say('sendJsonObject')),
    ]);
  }
  if (!depthWithin(value, MAX_DEPTH)) {
    throw new InvalidError(say('bodyTooDeep'), [fieldIssue('body', say('nestAtMost', { count: MAX_DEPTH }))]);
  }
  return value;
}

/** A non-empty string member, or null. */
export function stringAt(object: JsonObject, key: string): string | null {
  const value = Object.hasOwn(object, key) ? object[key] : undefined;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** An object member, or null. */
export function objectAt(object: JsonObject, key: string): JsonObject | null {
  const value = Object.hasOwn(object, key) ? object[key] : undefined;
  return isObject(value) ? value : null;
}

/** An array member, or null. */
export function arrayAt(object: JsonObject, key: string): JsonValue[] | null {
  const value = Object.hasOwn(object, key) ? object[key] : undefined;
  return Array.isArray(value) ? value : null;
}

/** Requires a member to be an object, naming its path when it is not. */
export function requireObject(object: JsonObject, key: string, path: string): JsonObject {
  const value = objectAt(object, key);
  if (!value)
    throw new InvalidError(say('payloadLacks', { path: verbatim(path) }), [
      fieldIssue(path, say('mustBeObject')),
    ]);
  return value;
}

/** Requires a member to be an array, naming its path when it is not. */
export function requireArray(object: JsonObject, key: string, path: string): JsonValue[] {
  const value = arrayAt(object, key);
  if (!value)
    throw new InvalidError(say('payloadLacks', { path: verbatim(path) }), [
      fieldIssue(path, say('mustBeArray')),
    ]);
  return value;
}
