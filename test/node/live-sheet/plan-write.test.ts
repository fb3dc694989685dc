import { describe, expect, it } from 'vitest';
import { a1, columnLetter, planWrite } from '../../../worker/domain/live-sheet/plan-write';

const columns = new Map([
  ['lead_id', 0],
  ['row_check', 1],
  ['name', 2],
  ['stage', 3],
  // column 4 is a person's note
  ['sla_status', 5],
]);
const writable = ['lead_id', 'row_check', 'name', 'stage', 'sla_status'];
const row = (leadId: string, stage: string, check = `c-${leadId}-${stage}`) => ({
  leadId,
  cells: { row_check: check, name: `Name ${leadId}`, stage, sla_status: 'On time' },
});

describe('planWrite', () => {
  it('should find rows by lead id wherever they are, and skip the person’s column between ours', () => {
    const plan = planWrite({
      columns,
      idKey: 'lead_id',
      writable,
      headerRows: 2,
      idColumn: ['LeadPact', 'Lead ID', 'lead_b', '', 'lead_a'],
      rows: [row('lead_a', 'MQL')],
    });
    expect(plan).toEqual({
      updated: 1,
      unchanged: 0,
      appended: 0,
      data: [
        { range: "'Leads'!B5:D5", majorDimension: 'ROWS', values: [['c-lead_a-MQL', 'Name lead_a', 'MQL']] },
        { range: "'Leads'!F5:F5", majorDimension: 'ROWS', values: [['On time']] },
      ],
    });
  });

  it('should append new leads as one block below the last used row, id included', () => {
    const plan = planWrite({
      columns,
      idKey: 'lead_id',
      writable,
      headerRows: 2,
      idColumn: ['LeadPact', 'Lead ID', 'lead_b'],
      rows: [row('lead_new1', 'Lead'), row('lead_new2', 'MQL')],
    });
    expect(plan.appended).toBe(2);
    expect(plan.data).toEqual([
      {
        range: "'Leads'!A4:D5",
        majorDimension: 'ROWS',
        values: [
          ['lead_new1', 'c-lead_new1-Lead', 'Name lead_new1', 'Lead'],
          ['lead_new2', 'c-lead_new2-MQL', 'Name lead_new2', 'MQL'],
        ],
      },
      { range: "'Leads'!F4:F5", majorDimension: 'ROWS', values: [['On time'], ['On time']] },
    ]);
  });

  it('should skip a row whose fingerprint already matches, and write the first of two rows with the same id', () => {
    const plan = planWrite({
      columns,
      idKey: 'lead_id',
      writable,
      headerRows: 2,
      idColumn: ['LeadPact', 'Lead ID', 'lead_a', 'lead_b', 'lead_b'],
      check: { key: 'row_check', column: ['', '', 'c-lead_a-MQL', 'old', 'old'] },
      rows: [row('lead_a', 'MQL'), row('lead_b', 'SQL')],
    });
    expect(plan.unchanged).toBe(1);
    expect(plan.updated).toBe(1);
    expect(plan.data.map((d) => d.range)).toEqual(["'Leads'!B4:D4", "'Leads'!F4:F4"]);
  });

  it('should start below the header when the sheet has no leads yet', () => {
    const plan = planWrite({
      columns,
      idKey: 'lead_id',
      writable,
      headerRows: 2,
      idColumn: [],
      rows: [row('lead_a', 'MQL')],
    });
    expect(plan.data[0]?.range).toBe("'Leads'!A3:D3");
  });
});

describe('A1 notation', () => {
  it('should name columns past Z and quote tab names', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetter)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
    expect(a1("Bob's leads", 0, 2, 3, 9)).toBe("'Bob''s leads'!A3:C9");
  });
});
