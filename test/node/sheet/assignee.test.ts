import { describe, expect, it } from 'vitest';
import type { LeadAnswer, WorkContext } from '../../../apps-script/src/leads/lead-rows';
import { leadViewOf, mayPickAssignee } from '../../../apps-script/src/leads/lead-view';
import { catalogueOf } from '../../../worker/domain/i18n';
import {
  activeSalesMembers,
  assigneeChoices,
  type ListedMember,
  matchAssignee,
  type SheetMember,
} from '../../../worker/domain/sheet/assignee';
import { type RowInput, type RowTerms, rowAction } from '../../../worker/domain/sheet/row-action';

/** The pure half of assigning from the sheet: who may be named, how a typed name finds them, the picker. */
const team: ListedMember[] = [
  { id: 'mb_anna', name: 'Anna Nowak', side: 'sales', active: true },
  { id: 'mb_anna2', name: 'Anna Kowalska', side: 'sales', active: true },
  { id: 'mb_lucja', name: 'Łucja Wiśniewska', side: 'sales', active: true },
  { id: 'mb_twin1', name: 'Jan Kos', side: 'sales', active: true },
  { id: 'mb_twin2', name: 'jan  kos', side: 'sales', active: true },
  { id: 'mb_evil', name: '=HYPERLINK("http://x";"y") Eve', side: 'sales', active: true },
  { id: 'mb_gone', name: 'Gone Rep', side: 'sales', active: false },
  { id: 'mb_mia', name: 'Mia Marketing', side: 'marketing', active: true },
  { id: 'mb_max', name: 'Max Manager', side: 'management', active: true },
];
const sales = activeSalesMembers(team);

describe('who a lead may be assigned to from the sheet', () => {
  it('should list only active sales members, by name', () => {
    expect(sales.map((m) => m.id)).toEqual([
      'mb_evil',
      'mb_anna2',
      'mb_anna',
      'mb_twin2',
      'mb_twin1',
      'mb_lucja',
    ]);
    expect(sales.every((m) => Object.keys(m).join() === 'id,name')).toBe(true);
  });

  it.each([
    ['Anna Nowak', 'mb_anna'],
    ['  anna   NOWAK ', 'mb_anna'],
    ['Nowak', 'mb_anna'],
    ['lucja wisniewska', 'mb_lucja'],
    ['Łucja', 'mb_lucja'],
    ['mb_twin2', 'mb_twin2'],
    ['=HYPERLINK("http://x";"y") Eve', 'mb_evil'],
  ])('should find %j as %s', (typed, id) => {
    expect(matchAssignee(typed, sales)).toEqual({
      kind: 'member',
      member: sales.find((m) => m.id === id),
    });
  });

  it.each([
    ['Anna', ['mb_anna2', 'mb_anna']],
    ['Jan Kos', ['mb_twin2', 'mb_twin1']],
  ])('should refuse to guess between the people %j names', (typed, ids) => {
    const match = matchAssignee(typed, sales);
    expect(match.kind).toBe('several');
    if (match.kind === 'several') expect(match.members.map((m) => m.id)).toEqual(ids);
  });

  it.each([['Ann'], ['Gone Rep'], ['Mia Marketing'], ['Max'], [''], ['   '], ['mb_gone']])(
    'should find nobody for %j (partial words, inactive, other sides, blank)',
    (typed) => {
      expect(matchAssignee(typed, sales)).toEqual({ kind: 'none' });
    },
  );

  it('should mark the owner in the picker and still show an owner who left sales', () => {
    const few: SheetMember[] = [
      { id: 'mb_anna', name: 'Anna Nowak' },
      { id: 'mb_sam', name: 'Sam $& Sales' },
    ];
    expect(assigneeChoices(few, { id: 'mb_sam', name: 'Sam $& Sales' }, '{name} (owns it now)')).toEqual([
      { code: 'mb_anna', label: 'Anna Nowak', current: false },
      { code: 'mb_sam', label: 'Sam $& Sales (owns it now)', current: true },
    ]);
    expect(assigneeChoices(few, { id: 'mb_gone', name: 'Gone Rep' }, '{name} (owner)')).toEqual([
      { code: 'mb_gone', label: 'Gone Rep (owner)', current: true },
      { code: 'mb_anna', label: 'Anna Nowak', current: false },
      { code: 'mb_sam', label: 'Sam $& Sales', current: false },
    ]);
    expect(assigneeChoices(few, null, '{name}').filter((c) => c.current)).toEqual([]);
  });
});

describe('a Leads row that assigns', () => {
  const terms: RowTerms = { rejectionReasons: [], sqlCriteria: [], salesMembers: sales };
  const row = (action: string, note: string, reason = ''): RowInput => ({ action, reason, note });

  it.each([
    [row('Assign', 'Anna Nowak'), { type: 'assign', memberId: 'mb_anna' }],
    [
      row('assign', 'Nowak; covers Silesia now '),
      { type: 'assign', memberId: 'mb_anna', note: 'covers Silesia now' },
    ],
    [row('Przypisz', 'łucja'), { type: 'assign', memberId: 'mb_lucja' }],
    [row('Назначить', 'mb_twin1;'), { type: 'assign', memberId: 'mb_twin1' }],
    [row('Atribuie', '=HYPERLINK("http://x";"y") Eve'), null],
  ])('should read %j', (input, action) => {
    const parsed = rowAction(input, terms, 'en');
    if (action) expect(parsed).toEqual({ kind: 'action', action });
    // A name holding `;` is cut there: it is refused rather than sent to someone else.
    else expect(parsed.kind).toBe('invalid');
  });

  it.each([
    [row('Assign', ''), 'en', 'Assign needs the new owner: write their name at the start of the Note'],
    [row('Assign', '; just a note'), 'en', 'Assign needs the new owner'],
    [
      row('Assign', 'Gone Rep'),
      'en',
      `"Gone Rep" is not an active sales member of this workspace (active sales members: ${sales.map((m) => m.name).join(', ')}).`,
    ],
    [
      row('Assign', 'Anna; she covers it'),
      'en',
      '"Anna" names more than one active sales member (Anna Kowalska (mb_anna2), Anna Nowak (mb_anna))',
    ],
    [row('Przypisz', 'Jan Kos'), 'pl', '„Jan Kos” pasuje do więcej niż jednego aktywnego handlowca'],
    [row('Atribuie', 'Nimeni'), 'ro', '„Nimeni” nu este un membru activ de vânzări'],
    [row('Назначить', ''), 'ru', 'Для действия «Назначить» нужен новый ответственный'],
  ] as const)('should refuse %j in %s before anything is sent', (input, language, message) => {
    const parsed = rowAction(input, terms, language);
    expect(parsed.kind).toBe('invalid');
    if (parsed.kind === 'invalid') expect(parsed.message).toContain(message);
  });

  it('should refuse every name when the team has no active sales member', () => {
    const parsed = rowAction(row('Assign', 'Anna Nowak'), { rejectionReasons: [], sqlCriteria: [] }, 'en');
    expect(parsed).toEqual({
      kind: 'invalid',
      message: '"Anna Nowak" is not an active sales member of this workspace (active sales members: ).',
    });
  });
});

describe('the sidebar’s assign picker', () => {
  const lead = (allowedActions: LeadAnswer['allowedActions'], ownerId: string | null) =>
    ({
      id: 'ld_1',
      stage: 'mql',
      email: 'ada@x.pl',
      phone: null,
      firstName: 'Ada',
      lastName: 'Buyer',
      company: null,
      ownerId,
      firstSourceId: null,
      campaign: null,
      quadrant: 'fit',
      marketingTemperature: null,
      salesTemperature: null,
      sales: {
        attempts: 0,
        firstAttemptAt: null,
        reachedAt: null,
        acceptedAt: null,
        sqlAt: null,
        opportunityAt: null,
        wonAt: null,
        closedAt: null,
      },
      events: [],
      sla: { next: null, worst: null, deadlines: [] },
      allowedActions,
      scores: null,
      businessHoursLeft: {},
    }) satisfies LeadAnswer;
  const context: WorkContext = {
    terms: { rejectionReasons: [], sqlCriteria: [] },
    agreement: null,
    directory: { memberNames: Object.fromEntries(team.map((m) => [m.id, m.name])), sourceNames: {} },
    salesMembers: sales,
  };
  const MQL = [
    'attempt',
    'accept',
    'reject',
    'nurture',
    'assign',
    'feedback',
  ] as LeadAnswer['allowedActions'];

  it.each([
    ['manager', MQL, true],
    ['admin', MQL, true],
    ['sales', MQL, false],
    ['marketing', ['feedback'], false],
    [null, MQL, false],
    ['manager', ['feedback'], false],
  ] as const)('should offer the picker to a %s token allowed %j: %s', (role, allowed, offered) => {
    expect(mayPickAssignee(allowed, role)).toBe(offered);
    const view = leadViewOf(lead([...allowed], 'mb_anna'), context, 'en', 'Europe/Warsaw', role);
    expect(view.actions.some((a) => a.type === 'assign')).toBe(offered);
    expect(view.choices.assignees.length > 0).toBe(offered);
  });

  it('should list every active sales member with the owner marked, in the team’s language', () => {
    const view = leadViewOf(lead(MQL, 'mb_anna'), context, 'pl', 'Europe/Warsaw', 'manager');
    expect(view.ownerId).toBe('mb_anna');
    expect(view.actions.find((a) => a.type === 'assign')?.label).toBe('Przypisz');
    expect(view.choices.assignees.filter((a) => a.current)).toEqual([
      { code: 'mb_anna', label: 'Anna Nowak (obecny opiekun)', current: true },
    ]);
    expect(view.choices.assignees.map((a) => a.code).sort()).toEqual(sales.map((m) => m.id).sort());
    expect(catalogueOf('pl').sheet.leadView.inputs.currentOwner).toContain('{name}');
    // An unowned lead: nobody is marked, the page starts on "choose".
    const unowned = leadViewOf(lead(MQL, null), context, 'en', 'Europe/Warsaw', 'manager');
    expect(unowned.ownerId).toBeNull();
    expect(unowned.choices.assignees.some((a) => a.current)).toBe(false);
  });
});
