import { type AnswerCandidate, mapAnswers } from './field-map';
import {
  arrayAt,
  isObject,
  type JsonObject,
  objectAt,
  parseJsonObject,
  requireArray,
  requireObject,
  stringAt,
} from './payload';
import type { JsonValue, ParseInput, ParseResult } from './types';

/** The answer's value under the key its `type` names (`{ type: 'email', email: '…' }`), choices as labels. */
function answerValue(answer: JsonObject, type: string): JsonValue {
  const value = Object.hasOwn(answer, type) ? answer[type] : undefined;
  if (value === undefined) return null;
  if (type === 'choice' && isObject(value)) {
    return stringAt(value, 'label') ?? stringAt(value, 'other');
  }
  if (type === 'choices' && isObject(value)) {
    const labels = (arrayAt(value, 'labels') ?? []).filter((l): l is string => typeof l === 'string');
    const other = stringAt(value, 'other');
    return other ? [...labels, other] : labels;
  }
  return value;
}

interface FieldDefinition {
  title: string | null;
  type: string | null;
  ref: string | null;
}

function definitionsById(formResponse: JsonObject): Map<string, FieldDefinition> {
  const byId = new Map<string, FieldDefinition>();
  const fields = arrayAt(objectAt(formResponse, 'definition') ?? {}, 'fields') ?? [];
  for (const field of fields) {
    if (!isObject(field)) continue;
    const id = stringAt(field, 'id');
    if (id)
      byId.set(id, {
        title: stringAt(field, 'title'),
        type: stringAt(field, 'type'),
        ref: stringAt(field, 'ref'),
      });
  }
  return byId;
}

function answerCandidate(answer: JsonObject, index: number, definitions: Map<string, FieldDefinition>) {
  const type = stringAt(answer, 'type') ?? 'unknown';
  const field = objectAt(answer, 'field') ?? {};
  const id = stringAt(field, 'id') ?? `answers.${index}`;
  const definition = definitions.get(id);
  const ref = stringAt(field, 'ref') ?? definition?.ref ?? null;
  const fieldType = stringAt(field, 'type') ?? definition?.type ?? null;
  const title = definition?.title ?? null;
  const candidate: AnswerCandidate = {
    answer: {
      id,
      ref,
      label: title,
      type: fieldType ?? type,
      value: answerValue(answer, type),
      mappedTo: null,
    },
    keys: [id, ref, title].filter((k): k is string => k !== null),
    names: ref ? [ref] : [],
  };
  if (type === 'email' || fieldType === 'email') candidate.typed = 'email';
  else if (type === 'phone_number' || fieldType === 'phone_number') candidate.typed = 'phone';
  else if (fieldType === 'legal') {
    candidate.typed = 'consent';
    candidate.consentText = title;
  }
  return candidate;
}

/**
 * A Typeform webhook (`event_type: form_response`): typed `answers` whose titles and refs come from
 * `definition.fields`, plus `hidden` fields (utm_source…), each kept as an answer. Other event types
 * (partial responses) are ignored.
 */
export function parseTypeform(input: ParseInput): ParseResult {
  const payload = parseJsonObject(input.body, 'Typeform');
  const eventId = stringAt(payload, 'event_id');
  const eventType = stringAt(payload, 'event_type');
  if (eventType !== null && eventType !== 'form_response') {
    return { kind: 'ignored', provider: 'typeform', eventType, deliveryId: eventId };
  }
  const formResponse = requireObject(payload, 'form_response', 'form_response');
  const answers = requireArray(formResponse, 'answers', 'form_response.answers');
  const definitions = definitionsById(formResponse);
  const candidates: AnswerCandidate[] = [];
  answers.forEach((answer, index) => {
    if (isObject(answer)) candidates.push(answerCandidate(answer, index, definitions));
  });
  for (const [key, value] of Object.entries(objectAt(formResponse, 'hidden') ?? {})) {
    candidates.push({
      answer: { id: key, ref: null, label: key, type: 'hidden', value, mappedTo: null },
      keys: [key],
      names: [key],
    });
  }
  const fields = mapAnswers(candidates, input.fieldMap);
  const submittedAt = stringAt(formResponse, 'submitted_at');
  if (submittedAt) fields.submittedAt = submittedAt;
  const definition = objectAt(formResponse, 'definition') ?? {};
  return {
    kind: 'submission',
    provider: 'typeform',
    deliveryId: eventId,
    responseId: stringAt(formResponse, 'token'),
    formId: stringAt(formResponse, 'form_id') ?? stringAt(definition, 'id'),
    formName: stringAt(definition, 'title'),
    fields,
    answers: candidates.map((c) => c.answer),
  };
}
