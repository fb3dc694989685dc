import { CRITERION_KINDS, ICP_OPERATORS, LEAD_FIELDS } from '../../agreement/constants';
import { type Agreement, Icp } from '../../agreement/schema';
import type { Language } from '../../constants';
import { catalogueOf } from '../../i18n';
import {
  type BlockDef,
  columnsOf,
  type Grid,
  joinValues,
  type ParseOptions,
  type ParseResult,
  type RenderedTab,
  settingsBlock,
  TabReader,
  TabWriter,
} from './grid';
import { type MatcherColumn, readMatcher } from './matchers';

/** The ICP tab: the profile's summary, and its criteria (required gates or weighted fit points). */
const BLOCKS = {
  icp: settingsBlock('icp', (t) => t.blocks.icp),
  criteria: {
    key: 'criteria',
    title: (t) => t.blocks.criteria,
    columns: columnsOf(['id', 'label', 'field', 'operator', 'values', 'kind', 'points']),
  } satisfies BlockDef<'id' | MatcherColumn | 'kind' | 'points'>,
};

export function renderIcp(content: Agreement, language: Language): RenderedTab {
  const writer = new TabWriter('icp', language);
  writer.settings(BLOCKS.icp, [['summary', content.icp.summary]]);
  writer.block(
    BLOCKS.criteria,
    content.icp.criteria.map((c) => ({
      id: c.id,
      label: c.label,
      field: c.field,
      operator: c.operator,
      values: joinValues(c.values),
      kind: writer.texts.kinds[c.kind],
      points: c.points ?? '',
    })),
    {
      field: [...LEAD_FIELDS],
      operator: [...ICP_OPERATORS],
      kind: CRITERION_KINDS.map((k) => writer.texts.kinds[k]),
    },
  );
  return writer.done();
}

export function parseIcp(grid: Grid, options: ParseOptions): ParseResult<Pick<Agreement, 'icp'>> {
  const reader = new TabReader('icp', grid, options);
  const blocks = reader.blocks(BLOCKS);
  if (!blocks.icp || !blocks.criteria) return reader.result({} as Pick<Agreement, 'icp'>);
  reader.mark(['icp'], { row: blocks.icp.titleRow, column: 1 });
  reader.mark(['icp', 'criteria'], { row: blocks.criteria.titleRow, column: 1 });
  const settings = reader.settings(blocks.icp, ['summary']);
  const summary = reader.text(settings.summary, 'value', ['icp', 'summary']);
  const criteria = blocks.criteria.rows.map((row, i) => {
    const at = ['icp', 'criteria', i];
    const points = reader.number(row, 'points', [...at, 'points']);
    return {
      id: reader.text(row, 'id', [...at, 'id']),
      label: reader.text(row, 'label', [...at, 'label']),
      ...readMatcher(reader, row, at),
      kind: reader.choice(
        row,
        'kind',
        [...at, 'kind'],
        CRITERION_KINDS,
        (l, k) => catalogueOf(l).sheet.agreementGrid.kinds[k],
      ),
      ...(points === null ? {} : { points }),
    };
  });
  reader.unique(blocks.criteria.rows, 'id', (row) => reader.peek(row, 'id'));
  const icp = reader.validate(Icp, { summary, criteria }, ['icp']);
  return reader.result({ icp: icp as Agreement['icp'] });
}
