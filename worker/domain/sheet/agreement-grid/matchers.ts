import {
  ICP_OPERATORS,
  type IcpOperator,
  LEAD_FIELD_KINDS,
  LEAD_FIELDS,
  type LeadField,
} from '../../agreement/constants';
import { LANGUAGES } from '../../constants';
import { catalogueOf } from '../../i18n';
import { choiceOf, numberOf, type RowRead, type TabReader } from './grid';

/**
 * A matcher (ICP criterion or fit role) in a row: lead field, operator, values.
 * What makes a criterion checkable comes from the schema: it names one of the
 * lead fields LeadPact records (industry, employees, country, title, seniority,
 * department, hasPhone, emailDomainType, companyDomain, source), an operator
 * that applies to that field's kind, and values of that kind. A row that names
 * no field ("a client who wants to buy") is free text and is refused on its
 * field cell; the schema then checks operator and values.
 */
export type MatcherColumn = 'label' | 'field' | 'operator' | 'values';

export interface MatcherRead {
  field: string | undefined;
  operator: IcpOperator | undefined;
  values: (string | number | boolean)[];
}

export function readMatcher<K extends string>(
  reader: TabReader,
  row: RowRead<K | MatcherColumn>,
  path: readonly PropertyKey[],
  fields: readonly LeadField[] = LEAD_FIELDS,
): MatcherRead {
  const fieldText = reader.text(row, 'field', [...path, 'field']);
  const field = fieldText === '' ? undefined : choiceOf(fieldText, LEAD_FIELDS);
  if (field === undefined || !fields.includes(field)) {
    const said = fieldText === '' ? reader.peek(row, 'label') : fieldText;
    reader.problem(
      { row: row.row, column: row.column('field') },
      reader.say(reader.texts.problems.notMeasurable, { value: said, fields: fields.join(', ') }),
    );
  }
  const operator = reader.choice(row, 'operator', [...path, 'operator'], ICP_OPERATORS);
  const items = reader.list(row, 'values', [...path, 'values'], ';');
  const kind = field ? LEAD_FIELD_KINDS[field] : 'text';
  const values = items.map((item): string | number | boolean => {
    if (kind === 'number') {
      const n = numberOf(item);
      if (n === null) {
        reader.problem(
          { row: row.row, column: row.column('values') },
          reader.say(reader.texts.problems.notNumber, { value: item }),
        );
        return item;
      }
      return n;
    }
    if (kind === 'boolean') {
      const lower = item.toLowerCase();
      if (lower === 'true' || LANGUAGES.some((l) => catalogueOf(l).sheet.agreementGrid.yes === lower))
        return true;
      if (lower === 'false' || LANGUAGES.some((l) => catalogueOf(l).sheet.agreementGrid.no === lower))
        return false;
    }
    return item;
  });
  return { field: field ?? fieldText, operator, values };
}
