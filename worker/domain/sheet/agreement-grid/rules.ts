import {
  LEAD_FIELDS,
  QUADRANTS,
  REJECTION_DESTINATIONS,
  WEEKDAYS,
  type Weekday,
} from '../../agreement/constants';
import {
  type Agreement,
  type DayHours,
  Mql,
  minutesOf,
  RejectionReasons,
  Sla,
  SqlCriteria,
} from '../../agreement/schema';
import type { Language } from '../../constants';
import { catalogueOf } from '../../i18n';
import {
  type BlockDef,
  choiceOf,
  columnsOf,
  type Grid,
  type ParseOptions,
  type ParseResult,
  type RenderedTab,
  settingsBlock,
  TabReader,
  TabWriter,
} from './grid';

/**
 * The Rules tab: the MQL rule, the SQL criteria, the rejection reasons (each
 * naming the criterion that failed), the SLA numbers, business hours (one row
 * per opening interval: a day with two rows has a break, a day with empty times
 * is closed) and holidays.
 */
const BLOCKS = {
  mql: settingsBlock('mql', (t) => t.blocks.mql),
  sqlCriteria: {
    key: 'sql_criteria',
    title: (t) => t.blocks.sqlCriteria,
    columns: columnsOf(['code', 'label', 'description', 'required']),
  } satisfies BlockDef<'code' | 'label' | 'description' | 'required'>,
  reasons: {
    key: 'rejection_reasons',
    title: (t) => t.blocks.rejectionReasons,
    columns: columnsOf(['code', 'label', 'criterion', 'hardDisqualifier', 'destination']),
  } satisfies BlockDef<'code' | 'label' | 'criterion' | 'hardDisqualifier' | 'destination'>,
  sla: settingsBlock('sla', (t) => t.blocks.sla),
  hours: {
    key: 'business_hours',
    title: (t) => t.blocks.businessHours,
    columns: columnsOf(['day', 'open', 'close']),
  } satisfies BlockDef<'day' | 'open' | 'close'>,
  holidays: {
    key: 'holidays',
    title: (t) => t.blocks.holidays,
    columns: columnsOf(['date']),
  } satisfies BlockDef<'date'>,
};

const MQL_SETTINGS = [
  'summary',
  'requireConsent',
  'requireIcp',
  'requiredFields',
  'minFit',
  'minEngagement',
  'quadrants',
] as const;
const SLA_SETTINGS = [
  'timezone',
  'perfect',
  'engaged',
  'fit',
  'low',
  'minAttempts',
  'minChannels',
  'attemptWindowDays',
  'decisionDays',
] as const;
const FIRST_TOUCH = ['perfect', 'engaged', 'fit', 'low'] as const;
const SLA_COUNTS = ['minAttempts', 'minChannels', 'attemptWindowDays', 'decisionDays'] as const;

const dayLabel = (language: Language, day: Weekday) => catalogueOf(language).sheet.agreementGrid.days[day];
const quadrantLabel = (language: Language, quadrant: (typeof QUADRANTS)[number]) =>
  catalogueOf(language).sheet.frame.quadrants[quadrant];

export function renderRules(content: Agreement, language: Language): RenderedTab {
  const writer = new TabWriter('rules', language);
  const t = writer.texts;
  const yesNo = (value: boolean) => (value ? t.yes : t.no);
  const { mql, sla } = content;
  writer.settings(
    BLOCKS.mql,
    [
      ['summary', mql.summary],
      ['requireConsent', yesNo(mql.requireConsent)],
      ['requireIcp', yesNo(mql.requireIcp)],
      ['requiredFields', mql.requiredFields.join('; ')],
      ['minFit', mql.minFit ?? ''],
      ['minEngagement', mql.minEngagement ?? ''],
      ['quadrants', mql.quadrants.map((q) => quadrantLabel(language, q)).join('; ')],
    ],
    { requireConsent: [t.yes, t.no], requireIcp: [t.yes, t.no] },
  );
  writer.block(
    BLOCKS.sqlCriteria,
    content.sqlCriteria.map((c) => ({
      code: c.code,
      label: c.label,
      description: c.description ?? '',
      required: yesNo(c.required),
    })),
    { required: [t.yes, t.no] },
  );
  writer.block(
    BLOCKS.reasons,
    content.rejectionReasons.map((r) => ({
      code: r.code,
      label: r.label,
      criterion: r.criterion ?? '',
      hardDisqualifier: yesNo(r.hardDisqualifier),
      destination: t.destinations[r.destination],
    })),
    {
      criterion: content.sqlCriteria.map((c) => c.code),
      hardDisqualifier: [t.yes, t.no],
      destination: REJECTION_DESTINATIONS.map((d) => t.destinations[d]),
    },
  );
  writer.settings(BLOCKS.sla, [
    ['timezone', sla.timezone],
    ...FIRST_TOUCH.map((k) => [k, sla.firstTouchHours[k]] as const),
    ...SLA_COUNTS.map((k) => [k, sla[k]] as const),
  ]);
  writer.block(
    BLOCKS.hours,
    WEEKDAYS.flatMap((day) => {
      const hours = sla.businessHours[day];
      const label = dayLabel(language, day);
      if (hours === null) return [{ day: label, open: '', close: '' }];
      return (Array.isArray(hours) ? hours : [hours]).map((h) => ({
        day: label,
        open: h.open,
        close: h.close,
      }));
    }),
    { day: WEEKDAYS.map((d) => dayLabel(language, d)) },
  );
  writer.block(
    BLOCKS.holidays,
    sla.holidays.map((date) => ({ date })),
  );
  return writer.done();
}

type RulesSections = Pick<Agreement, 'mql' | 'sqlCriteria' | 'rejectionReasons' | 'sla'>;

export function parseRules(grid: Grid, options: ParseOptions): ParseResult<RulesSections> {
  const reader = new TabReader('rules', grid, options);
  const { mql, sqlCriteria, reasons, sla, hours, holidays } = reader.blocks(BLOCKS);
  if (!mql || !sqlCriteria || !reasons || !sla || !hours || !holidays)
    return reader.result({} as RulesSections);
  reader.mark(['mql'], { row: mql.titleRow, column: 1 });
  reader.mark(['sqlCriteria'], { row: sqlCriteria.titleRow, column: 1 });
  reader.mark(['rejectionReasons'], { row: reasons.titleRow, column: 1 });
  reader.mark(['sla'], { row: sla.titleRow, column: 1 });
  reader.mark(['sla', 'businessHours'], { row: hours.titleRow, column: 1 });
  reader.mark(['sla', 'holidays'], { row: holidays.titleRow, column: 1 });

  // MQL rule
  const m = reader.settings(mql, MQL_SETTINGS);
  const requiredFields = reader
    .list(m.requiredFields, 'value', ['mql', 'requiredFields'], ';')
    .map((item) => {
      const field = choiceOf(item, LEAD_FIELDS);
      if (!field)
        reader.problem(
          { row: m.requiredFields.row, column: m.requiredFields.column('value') },
          reader.say(reader.texts.problems.unknownChoice, { value: item, choices: LEAD_FIELDS.join(', ') }),
        );
      return field ?? item;
    });
  const quadrants = reader.list(m.quadrants, 'value', ['mql', 'quadrants'], ';').map((item) => {
    const quadrant = choiceOf(item, QUADRANTS, quadrantLabel);
    if (!quadrant)
      reader.problem(
        { row: m.quadrants.row, column: m.quadrants.column('value') },
        reader.say(reader.texts.problems.unknownChoice, {
          value: item,
          choices: QUADRANTS.map((q) => quadrantLabel(options.language, q)).join(', '),
        }),
      );
    return quadrant ?? item;
  });
  const mqlValue = reader.validate(
    Mql,
    {
      summary: reader.text(m.summary, 'value', ['mql', 'summary']),
      requireConsent: reader.yesNo(m.requireConsent, 'value', ['mql', 'requireConsent']),
      requireIcp: reader.yesNo(m.requireIcp, 'value', ['mql', 'requireIcp']),
      requiredFields,
      minFit: reader.number(m.minFit, 'value', ['mql', 'minFit']),
      minEngagement: reader.number(m.minEngagement, 'value', ['mql', 'minEngagement']),
      quadrants,
    },
    ['mql'],
  );

  // SQL criteria and rejection reasons
  const criteria = sqlCriteria.rows.map((row, i) => {
    const at = ['sqlCriteria', i];
    const description = reader.optionalText(row, 'description', [...at, 'description']);
    return {
      code: reader.text(row, 'code', [...at, 'code']),
      label: reader.text(row, 'label', [...at, 'label']),
      ...(description === undefined ? {} : { description }),
      required: reader.yesNo(row, 'required', [...at, 'required']),
    };
  });
  reader.unique(sqlCriteria.rows, 'code', (row) => reader.peek(row, 'code'));
  const criteriaValue = reader.validate(SqlCriteria, criteria, ['sqlCriteria']);
  const codes = criteria.map((c) => c.code).filter((c) => c !== '');
  const reasonList = reasons.rows.map((row, i) => {
    const at = ['rejectionReasons', i];
    const criterion = reader.text(row, 'criterion', [...at, 'criterion']);
    if (criterion !== '' && !codes.includes(criterion)) {
      reader.problem(
        { row: row.row, column: row.column('criterion') },
        reader.say(reader.texts.problems.unknownCriterion, { value: criterion, codes: codes.join(', ') }),
      );
    }
    return {
      code: reader.text(row, 'code', [...at, 'code']),
      label: reader.text(row, 'label', [...at, 'label']),
      criterion: criterion === '' ? null : criterion,
      hardDisqualifier: reader.yesNo(row, 'hardDisqualifier', [...at, 'hardDisqualifier']),
      destination: reader.choice(
        row,
        'destination',
        [...at, 'destination'],
        REJECTION_DESTINATIONS,
        (l, d) => catalogueOf(l).sheet.agreementGrid.destinations[d],
      ),
    };
  });
  reader.unique(reasons.rows, 'code', (row) => reader.peek(row, 'code'));
  const reasonsValue = reader.validate(RejectionReasons, reasonList, ['rejectionReasons']);

  // SLA
  const s = reader.settings(sla, SLA_SETTINGS);
  const week = Object.fromEntries(
    WEEKDAYS.map((d) => [d, [] as { open: string; close: string }[]]),
  ) as Record<Weekday, { open: string; close: string }[]>;
  for (const row of hours.rows) {
    const day = reader.choice(row, 'day', ['sla', 'businessHours'], WEEKDAYS, dayLabel);
    if (!day) continue;
    const index = week[day].length;
    const at = ['sla', 'businessHours', day, index];
    const open = reader.time(row, 'open', [...at, 'open'], false);
    const close = reader.time(row, 'close', [...at, 'close'], true);
    if (index === 0) {
      reader.mark(['sla', 'businessHours', day], { row: row.row, column: row.column('day') });
      reader.mark(['sla', 'businessHours', day, 'open'], { row: row.row, column: row.column('open') });
      reader.mark(['sla', 'businessHours', day, 'close'], { row: row.row, column: row.column('close') });
    }
    const blankOpen = reader.peek(row, 'open') === '';
    const blankClose = reader.peek(row, 'close') === '';
    if (blankOpen && blankClose) continue;
    if (blankOpen !== blankClose) {
      const missing = blankOpen ? 'open' : 'close';
      reader.problem({ row: row.row, column: row.column(missing) }, reader.texts.problems.halfOpen);
      continue;
    }
    if (open !== '' && close !== '' && minutesOf(close) <= minutesOf(open)) {
      reader.problem(
        { row: row.row, column: row.column('close') },
        reader.say(reader.texts.problems.closeBeforeOpen, { open, close }),
      );
    }
    week[day].push({ open, close });
  }
  const businessHours = Object.fromEntries(
    WEEKDAYS.map((day): [Weekday, DayHours] => {
      const list = week[day];
      return [day, list.length === 0 ? null : list.length === 1 ? (list[0] ?? null) : list];
    }),
  );
  const holidayList = holidays.rows.map((row, i) => reader.date(row, 'date', ['sla', 'holidays', i]));
  reader.unique(holidays.rows, 'date', (row) => reader.peek(row, 'date'));
  const slaValue = reader.validate(
    Sla,
    {
      timezone: reader.text(s.timezone, 'value', ['sla', 'timezone']),
      businessHours,
      holidays: holidayList,
      firstTouchHours: Object.fromEntries(
        FIRST_TOUCH.map((k) => [k, reader.number(s[k], 'value', ['sla', 'firstTouchHours', k])]),
      ),
      ...Object.fromEntries(SLA_COUNTS.map((k) => [k, reader.number(s[k], 'value', ['sla', k])])),
    },
    ['sla'],
  );
  return reader.result({
    mql: mqlValue as Agreement['mql'],
    sqlCriteria: criteriaValue as Agreement['sqlCriteria'],
    rejectionReasons: reasonsValue as Agreement['rejectionReasons'],
    sla: slaValue as Agreement['sla'],
  });
}
