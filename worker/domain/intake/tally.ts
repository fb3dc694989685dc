import { type AnswerCandidate, looksLikeConsent, mapAnswers } from './field-map';
import {
  arrayAt,
  isObject,
  type JsonObject,
  parseJsonObject,
  requireArray,
  requireObject,
  stringAt,
} from './payload';
import type { JsonValue, ParseInput, ParseResult } from './types';

const CHOICE_TYPES = new Set(['MULTIPLE_CHOICE', 'CHECKBOXES', 'DROPDOWN', 'MULTI_SELECT', 'RANKING']);

interface Option {
  id: string;
  text: string;
}

function optionsOf(field: JsonObject): Option[] {
  const options: Option[] = [];
  for (const option of arrayAt(field, 'options') ?? []) {
    if (!isObject(option)) continue;
    const id = stringAt(option, 'id');
    const text = stringAt(option, 'text');
    if (id && text) options.push({ id, text });
  }
  return options;
}

/** Choice answers arrive as option ids; the ledger and the mapping want the option texts. */
function resolvedValue(field: JsonObject, type: string, options: Option[]): JsonValue {
  const value = Object.hasOwn(field, 'value') ? (field.value ?? null) : null;
  if (!CHOICE_TYPES.has(type) || !Array.isArray(value) || options.length === 0) return value;
  return value.map((id) => options.find((o) => o.id === id)?.text ?? id);
}

function fieldCandidate(field: JsonObject, index: number, expansions: ReadonlySet<string>): AnswerCandidate {
  const key = stringAt(field, 'key') ?? `data.fields.${index}`;
  const label = stringAt(field, 'label');
  const type = stringAt(field, 'type') ?? 'UNKNOWN';
  const options = optionsOf(field);
  const candidate: AnswerCandidate = {
    answer: { id: key, ref: null, label, type, value: resolvedValue(field, type, options), mappedTo: null },
    keys: [key, label].filter((k): k is string => k !== null),
    names: [label, key].filter((k): k is string => k !== null),
    mappable: !expansions.has(key),
  };
  if (type === 'INPUT_EMAIL') candidate.typed = 'email';
  else if (type === 'INPUT_PHONE_NUMBER') candidate.typed = 'phone';
  else if (type === 'CHECKBOXES' || type === 'CHECKBOX') {
    // A single box whose wording is an agreement is the consent question; its text is what was agreed to.
    const only = options.length === 1 ? options[0] : undefined;
    const wording = only?.text ?? label ?? '';
    if (options.length <= 1 && looksLikeConsent(`${label ?? ''} ${wording}`)) {
      candidate.typed = 'consent';
      candidate.consentText = wording || null;
    }
  }
  return candidate;
}

/**
 * Tally also sends one boolean field per checkbox option (`<key>_<optionId>`, "Label (Option)") after
 * the field itself; they stay in the answers but are not mapped twice.
 */
function optionExpansions(fields: JsonValue[]): Set<string> {
  const checkboxKeys: string[] = [];
  for (const field of fields) {
    if (isObject(field) && stringAt(field, 'type') === 'CHECKBOXES' && Array.isArray(field.value)) {
      const key = stringAt(field, 'key');
      if (key) checkboxKeys.push(key);
    }
  }
  const expansions = new Set<string>();
  for (const field of fields) {
    if (!isObject(field) || typeof field.value !== 'boolean') continue;
    const key = stringAt(field, 'key');
    if (key && checkboxKeys.some((parent) => key.startsWith(`${parent}_`))) expansions.add(key);
  }
  return expansions;
}

/**
 * A Tally webhook (`eventType: FORM_RESPONSE`): `data.fields[]` with key, label, type and value;
 * choice values are option ids, resolved to their texts. Other event types are ignored.
 */
export function parseTally(input: ParseInput): ParseResult {
  const payload = parseJsonObject(input.body, 'Tally');
  const eventId = stringAt(payload, 'eventId');
  const eventType = stringAt(payload, 'eventType');
  if (eventType !== null && eventType !== 'FORM_RESPONSE') {
    return { kind: 'ignored', provider: 'tally', eventType, deliveryId: eventId };
  }
  const data = requireObject(payload, 'data', 'data');
  const rawFields = requireArray(data, 'fields', 'data.fields');
  const expansions = optionExpansions(rawFields);
  const candidates: AnswerCandidate[] = [];
  rawFields.forEach((field, index) => {
    if (isObject(field)) candidates.push(fieldCandidate(field, index, expansions));
  });
  const fields = mapAnswers(candidates, input.fieldMap);
  const submittedAt = stringAt(data, 'createdAt') ?? stringAt(payload, 'createdAt');
  if (submittedAt) fields.submittedAt = submittedAt;
  return {
    kind: 'submission',
    provider: 'tally',
    deliveryId: eventId,
    responseId: stringAt(data, 'submissionId') ?? stringAt(data, 'responseId'),
    formId: stringAt(data, 'formId'),
    formName: stringAt(data, 'formName'),
    fields,
    answers: candidates.map((c) => c.answer),
  };
}
