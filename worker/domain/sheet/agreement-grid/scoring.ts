import { ICP_OPERATORS, TEMPERATURE_LEVELS, TOUCH_TYPES } from '../../agreement/constants';
import { type Agreement, Scoring, Temperature } from '../../agreement/schema';
import type { Language } from '../../constants';
import { catalogueOf } from '../../i18n';
import {
  type BlockDef,
  choiceOf,
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

const ROLE_FIELDS = ['title', 'seniority', 'department'] as const;

/**
 * The Scoring tab: fit (roles), engagement (points per touch, pages, half-life),
 * the high-fit and high-engagement thresholds that make the quadrants, and both
 * temperature views (marketing by touches, sales by buying horizon).
 */
const BLOCKS = {
  roles: {
    key: 'roles',
    title: (t) => t.blocks.roles,
    columns: columnsOf(['id', 'label', 'field', 'operator', 'values', 'points']),
  } satisfies BlockDef<'id' | MatcherColumn | 'points'>,
  touchPoints: {
    key: 'touch_points',
    title: (t) => t.blocks.touchPoints,
    columns: columnsOf(['touch', 'points'], ['touch']),
  } satisfies BlockDef<'touch' | 'points'>,
  pages: {
    key: 'pages',
    title: (t) => t.blocks.pages,
    columns: columnsOf(['urlContains', 'points']),
  } satisfies BlockDef<'urlContains' | 'points'>,
  scores: settingsBlock('scores', (t) => t.blocks.scoring),
  marketing: {
    key: 'marketing_temperature',
    title: (t) => t.blocks.marketingTemperature,
    columns: columnsOf(['temperature', 'label', 'when']),
  } satisfies BlockDef<'temperature' | 'label' | 'when'>,
  sales: settingsBlock('sales_temperature', (t) => t.blocks.salesTemperature),
};

const SCORE_SETTINGS = ['halfLifeDays', 'fitThreshold', 'engagementThreshold'] as const;
const SALES_SETTINGS = ['hotUnderMonths', 'coldOverMonths'] as const;

export function renderScoring(content: Agreement, language: Language): RenderedTab {
  const writer = new TabWriter('scoring', language);
  const temperatures = catalogueOf(language).sheet.frame.temperatures;
  const { fit, engagement, thresholds } = content.scoring;
  writer.block(
    BLOCKS.roles,
    fit.roles.map((r) => ({
      id: r.id,
      label: r.label,
      field: r.field,
      operator: r.operator,
      values: joinValues(r.values),
      points: r.points,
    })),
    { field: [...ROLE_FIELDS], operator: [...ICP_OPERATORS] },
  );
  writer.block(
    BLOCKS.touchPoints,
    TOUCH_TYPES.map((touch) => ({ touch, points: engagement.points[touch] ?? '' })),
  );
  writer.block(
    BLOCKS.pages,
    engagement.pages.map((p) => ({ urlContains: p.urlContains, points: p.points })),
  );
  writer.settings(BLOCKS.scores, [
    ['halfLifeDays', engagement.halfLifeDays],
    ['fitThreshold', thresholds.fit],
    ['engagementThreshold', thresholds.engagement],
  ]);
  writer.block(
    BLOCKS.marketing,
    content.temperature.marketing.map((rule) => ({
      temperature: temperatures[rule.temperature],
      label: rule.label,
      when: rule.when.map((w) => `${w.touch} ≥ ${w.atLeast}`).join('; '),
    })),
    { temperature: TEMPERATURE_LEVELS.map((t) => temperatures[t]) },
  );
  writer.settings(BLOCKS.sales, [
    ['hotUnderMonths', content.temperature.sales.hotUnderMonths],
    ['coldOverMonths', content.temperature.sales.coldOverMonths],
  ]);
  return writer.done();
}

export function parseScoring(
  grid: Grid,
  options: ParseOptions,
): ParseResult<Pick<Agreement, 'scoring' | 'temperature'>> {
  const reader = new TabReader('scoring', grid, options);
  const blocks = reader.blocks(BLOCKS);
  const { roles, touchPoints, pages, scores, marketing, sales } = blocks;
  if (!roles || !touchPoints || !pages || !scores || !marketing || !sales)
    return reader.result({} as Pick<Agreement, 'scoring' | 'temperature'>);
  reader.mark(['scoring'], { row: roles.titleRow, column: 1 });
  reader.mark(['scoring', 'fit'], { row: roles.titleRow, column: 1 });
  reader.mark(['scoring', 'engagement'], { row: touchPoints.titleRow, column: 1 });
  reader.mark(['scoring', 'engagement', 'pages'], { row: pages.titleRow, column: 1 });
  reader.mark(['scoring', 'thresholds'], { row: scores.titleRow, column: 1 });
  reader.mark(['temperature'], { row: marketing.titleRow, column: 1 });
  reader.mark(['temperature', 'sales'], { row: sales.titleRow, column: 1 });

  const fitRoles = roles.rows.map((row, i) => {
    const at = ['scoring', 'fit', 'roles', i];
    return {
      id: reader.text(row, 'id', [...at, 'id']),
      label: reader.text(row, 'label', [...at, 'label']),
      ...readMatcher(reader, row, at, ROLE_FIELDS),
      points: reader.number(row, 'points', [...at, 'points']),
    };
  });
  reader.unique(roles.rows, 'id', (row) => reader.peek(row, 'id'));

  const points: Record<string, number | null> = {};
  reader.unique(touchPoints.rows, 'touch', (row) => choiceOf(reader.peek(row, 'touch'), TOUCH_TYPES) ?? '');
  for (const row of touchPoints.rows) {
    const touch = reader.choice(row, 'touch', ['scoring', 'engagement', 'points'], TOUCH_TYPES);
    if (touch === undefined || touch in points) continue;
    points[touch] = reader.number(row, 'points', ['scoring', 'engagement', 'points', touch]);
  }
  const touchPointsRead = Object.fromEntries(Object.entries(points).filter(([, v]) => v !== null));

  const pageRules = pages.rows.map((row, i) => {
    const at = ['scoring', 'engagement', 'pages', i];
    return {
      urlContains: reader.text(row, 'urlContains', [...at, 'urlContains']),
      points: reader.number(row, 'points', [...at, 'points']),
    };
  });
  const score = reader.settings(scores, SCORE_SETTINGS);
  const halfLifeDays = reader.number(score.halfLifeDays, 'value', ['scoring', 'engagement', 'halfLifeDays']);
  const fitThreshold = reader.number(score.fitThreshold, 'value', ['scoring', 'thresholds', 'fit']);
  const engagementThreshold = reader.number(score.engagementThreshold, 'value', [
    'scoring',
    'thresholds',
    'engagement',
  ]);
  const scoring = reader.validate(
    Scoring,
    {
      fit: { roles: fitRoles },
      engagement: { points: touchPointsRead, pages: pageRules, halfLifeDays },
      thresholds: { fit: fitThreshold, engagement: engagementThreshold },
    },
    ['scoring'],
  );

  const rules = marketing.rows.map((row, i) => {
    const at = ['temperature', 'marketing', i];
    const whenPath = [...at, 'when'];
    const when = reader.list(row, 'when', whenPath, ';').map((item) => {
      const match = /^([A-Za-z_]+)\s*(?:≥|>=|:|×|x)\s*(\d+)$/.exec(item);
      const touch = match ? choiceOf(match[1] ?? '', TOUCH_TYPES) : undefined;
      if (!match || !touch) {
        reader.problem(
          { row: row.row, column: row.column('when') },
          reader.say(reader.texts.problems.notTouchCount, { value: item }),
        );
        return { touch: match?.[1] ?? item, atLeast: 1 };
      }
      return { touch, atLeast: Number(match[2]) };
    });
    return {
      temperature: reader.choice(
        row,
        'temperature',
        [...at, 'temperature'],
        TEMPERATURE_LEVELS,
        (l, level) => catalogueOf(l).sheet.frame.temperatures[level],
      ),
      label: reader.text(row, 'label', [...at, 'label']),
      when,
    };
  });
  const horizon = reader.settings(sales, SALES_SETTINGS);
  const temperature = reader.validate(
    Temperature,
    {
      marketing: rules,
      sales: {
        hotUnderMonths: reader.number(horizon.hotUnderMonths, 'value', [
          'temperature',
          'sales',
          'hotUnderMonths',
        ]),
        coldOverMonths: reader.number(horizon.coldOverMonths, 'value', [
          'temperature',
          'sales',
          'coldOverMonths',
        ]),
      },
    },
    ['temperature'],
  );
  return reader.result({
    scoring: scoring as Agreement['scoring'],
    temperature: temperature as Agreement['temperature'],
  });
}
