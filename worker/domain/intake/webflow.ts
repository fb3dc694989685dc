import { type AnswerCandidate, looksLikeConsent, mapAnswers, targetForName } from './field-map';
import {
  arrayAt,
  isObject,
  type JsonObject,
  objectAt,
  parseJsonObject,
  requireObject,
  stringAt,
} from './payload';
import type { JsonValue, ParseInput, ParseResult } from './types';

interface SchemaEntry {
  fieldType: string | null;
  fieldElementId: string | null;
}

function schemaByName(payload: JsonObject): Map<string, SchemaEntry> {
  const byName = new Map<string, SchemaEntry>();
  for (const entry of arrayAt(payload, 'schema') ?? []) {
    if (!isObject(entry)) continue;
    const name = stringAt(entry, 'fieldName');
    if (name) {
      byName.set(name, {
        fieldType: stringAt(entry, 'fieldType'),
        fieldElementId: stringAt(entry, 'fieldElementId'),
      });
    }
  }
  return byName;
}

function fieldCandidate(name: string, value: JsonValue, schema: SchemaEntry | undefined): AnswerCandidate {
  const fieldType = schema?.fieldType ?? null;
  const elementId = schema?.fieldElementId ?? null;
  const candidate: AnswerCandidate = {
    answer: { id: name, ref: null, label: name, type: fieldType ?? 'unknown', value, mappedTo: null },
    keys: [name, elementId].filter((k): k is string => k !== null),
    names: [name],
  };
  const type = (fieldType ?? '').toLowerCase();
  if (type.includes('email')) candidate.typed = 'email';
  else if (type.includes('phone') || type.includes('tel')) candidate.typed = 'phone';
  else if ((type.includes('checkbox') || typeof value === 'boolean') && looksLikeConsent(name)) {
    // Webflow sends only the field's name; when the name is the wording itself, keep it as the consent text.
    candidate.typed = 'consent';
    candidate.consentText = targetForName(name) === 'consent' ? null : name;
  }
  return candidate;
}

/**
 * A Webflow webhook (`triggerType: form_submission`): `payload.data` maps field names to values,
 * `payload.schema` gives each field's type. Webhooks of the retired v1 API (`{ name, data, d, _id }`)
 * are read too. Other trigger types are ignored.
 */
export function parseWebflow(input: ParseInput): ParseResult {
  const body = parseJsonObject(input.body, 'Webflow');
  const triggerType = stringAt(body, 'triggerType');
  const legacy =
    triggerType === null && objectAt(body, 'payload') === null && objectAt(body, 'data') !== null;
  if (triggerType !== null && triggerType !== 'form_submission') {
    const payload = objectAt(body, 'payload') ?? {};
    return {
      kind: 'ignored',
      provider: 'webflow',
      eventType: triggerType,
      deliveryId: stringAt(payload, 'id'),
    };
  }
  const payload = legacy ? body : requireObject(body, 'payload', 'payload');
  const data = requireObject(payload, 'data', legacy ? 'data' : 'payload.data');
  const schema = schemaByName(payload);
  const candidates = Object.entries(data).map(([name, value]) =>
    fieldCandidate(name, value, schema.get(name)),
  );
  const fields = mapAnswers(candidates, input.fieldMap);
  const submittedAt = stringAt(payload, legacy ? 'd' : 'submittedAt');
  if (submittedAt) fields.submittedAt = submittedAt;
  const id = stringAt(payload, legacy ? '_id' : 'id');
  return {
    kind: 'submission',
    provider: 'webflow',
    deliveryId: id,
    responseId: id,
    formId: stringAt(payload, 'formId'),
    formName: stringAt(payload, 'name'),
    fields,
    answers: candidates.map((c) => c.answer),
  };
}
