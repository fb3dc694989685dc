import { parseFormUrlencoded } from '../encoding';
import { fieldIssue, InvalidError } from '../errors';
import { say } from '../i18n';
import type { IntakeProvider } from './constants';
import { type AnswerCandidate, mapAnswers } from './field-map';
import { decodeUtf8, type JsonObject, parseJsonObject, stringAt } from './payload';
import type { JsonValue, ParsedSubmission, ParseInput } from './types';

function mediaTypeOf(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function candidate(key: string, value: JsonValue, type: string): AnswerCandidate {
  return {
    answer: { id: key, ref: null, label: key, type, value, mappedTo: null },
    keys: [key],
    names: [key],
  };
}

function readForm(body: Uint8Array): AnswerCandidate[] {
  return parseFormUrlencoded(decodeUtf8(body)).map(([key, value]) => candidate(key, value, 'form'));
}

function formValue(candidates: readonly AnswerCandidate[], key: string): string | null {
  const value = candidates.find((c) => c.answer.id === key)?.answer.value;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function readJson(body: Uint8Array): { object: JsonObject; candidates: AnswerCandidate[] } {
  const object = parseJsonObject(body, null);
  const candidates = Object.entries(object).map(([key, value]) => candidate(key, value, 'json'));
  return { object, candidates };
}

/**
 * The generic endpoint (and the Google Forms relay): a JSON object or an
 * `application/x-www-form-urlencoded` body whose keys are the canonical field names (or names the
 * source's fieldMap knows). Every key is kept as an answer. `formId` and `formName` name the form;
 * `externalId` is the sender's id for the submission and doubles as the delivery id.
 */
export function parseGeneric(input: ParseInput, provider: IntakeProvider = 'generic'): ParsedSubmission {
  const mediaType = mediaTypeOf(input.contentType);
  let candidates: AnswerCandidate[];
  let formId: string | null = null;
  let formName: string | null = null;
  if (mediaType === 'application/x-www-form-urlencoded') {
    candidates = readForm(input.body);
    formId = formValue(candidates, 'formId');
    formName = formValue(candidates, 'formName');
  } else if (mediaType === '' || mediaType === 'application/json' || mediaType.endsWith('+json')) {
    const json = readJson(input.body);
    candidates = json.candidates;
    formId = stringAt(json.object, 'formId');
    formName = stringAt(json.object, 'formName');
  } else {
    throw new InvalidError(say('sendJsonOrForm'), [fieldIssue('contentType', say('useJsonOrForm'))]);
  }
  const fields = mapAnswers(candidates, input.fieldMap);
  const externalId = fields.externalId;
  const deliveryId =
    typeof externalId === 'string' && externalId.trim() !== ''
      ? externalId.trim()
      : typeof externalId === 'number'
        ? String(externalId)
        : null;
  return {
    kind: 'submission',
    provider,
    deliveryId,
    responseId: deliveryId,
    formId,
    formName,
    fields,
    answers: candidates.map((c) => c.answer),
  };
}
