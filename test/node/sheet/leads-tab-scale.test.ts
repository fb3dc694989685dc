import { describe, expect, it } from 'vitest';
import type { TabContext } from '../../../apps-script/src/grid';
import { writeLeadsTab } from '../../../apps-script/src/tabs/leads-tab';
import { catalogueOf } from '../../../worker/domain/i18n';
import { type LeadCells, leadRow, sheetLeadOf } from '../../../worker/domain/sheet/leads-layout';
import { fakeServices } from './fakes/fake-services';

const COUNT = 20_000;

function rows(count: number, attempts: (i: number) => number): LeadCells[] {
  const out: LeadCells[] = [];
  for (let i = 0; i < count; i++) {
    const lead = sheetLeadOf({
      id: `ld_${String(i).padStart(8, '0')}`,
      seq: 5 + attempts(i),
      stage: 'mql',
      profile: {
        email: `person.${i}@company-${i % 700}.pl`,
        phone: `+48600${String(i).padStart(6, '0')}`,
        firstName: 'Aleksandra',
        lastName: `Nowak-${i}`,
        company: `Company ${i % 700}`,
      },
      ownerId: `mb_${i % 4}`,
      firstSourceId: 'src_web',
      campaign: `campaign-${i % 20}`,
      quadrant: 'perfect',
      marketingTemperature: 'warm',
      salesTemperature: null,
      sales: {
        attempts: attempts(i),
        firstAttemptAt: attempts(i) > 0 ? '2026-03-02T10:00:00Z' : null,
        reachedAt: null,
        acceptedAt: null,
        sqlAt: null,
        opportunityAt: null,
        wonAt: null,
        closedAt: null,
      },
    });
    out.push(
      leadRow(
        lead,
        { next: { kind: 'first_touch', dueAt: '2026-03-02T12:00:00Z', status: 'pending' }, worst: 'pending' },
        {
          language: 'en',
          timeZone: 'Europe/Warsaw',
          memberNames: { mb_0: 'Anna', mb_1: 'Ivan', mb_2: 'Sorin', mb_3: 'Marta' },
          sourceNames: { src_web: 'Website' },
        },
      ),
    );
  }
  return out;
}

describe('the Leads tab at 20,000 leads', () => {
  it('should write them with one read and one write, and then only the changed rows', () => {
    const fake = fakeServices();
    const context: TabContext = {
      spreadsheet: fake.spreadsheet,
      language: 'en',
      texts: catalogueOf('en').sheet.frame,
      timeZone: 'Europe/Warsaw',
      freshness: 'LeadPact · refreshed now',
    };
    const started = performance.now();
    const first = writeLeadsTab(fake.services.spreadsheetApp, context, {
      rows: rows(COUNT, () => 0),
      reasons: ['No budget'],
      force: false,
    });
    const firstMs = performance.now() - started;
    expect(first).toEqual({ written: true, changedRows: 0, newRows: COUNT });
    expect(fake.log.count('Range.setValues', 'Leads')).toBe(1);
    expect(fake.log.count('Range.getValues', 'Leads')).toBe(0);
    expect(fake.spreadsheet.sheet('Leads').maxRows).toBe(COUNT + 2);

    fake.log.reset();
    const changedEvery = 200;
    const again = performance.now();
    const second = writeLeadsTab(fake.services.spreadsheetApp, context, {
      rows: rows(COUNT, (i) => (i % changedEvery === 0 ? 1 : 0)),
      reasons: ['No budget'],
      force: false,
    });
    const secondMs = performance.now() - again;
    expect(second).toEqual({ written: true, changedRows: COUNT / changedEvery, newRows: 0 });
    expect(fake.log.count('Range.getValues', 'Leads')).toBe(1);
    expect(fake.log.count('Range.setValues', 'Leads')).toBe(1);
    const sheet = fake.spreadsheet.sheet('Leads');
    const attemptsColumn = (sheet.dump()[1] ?? []).indexOf('Attempts') + 1;
    expect(sheet.cell(3, attemptsColumn).value).toBe(1);
    expect(sheet.cell(4, attemptsColumn).value).toBe(0);
    console.log(
      `Leads tab, ${COUNT} leads against the fake: first fill ${Math.round(firstMs)} ms, ` +
        `${COUNT / changedEvery} changed rows ${Math.round(secondMs)} ms, ${fake.log.cellsWritten} cells written`,
    );
  }, 120_000);
});
