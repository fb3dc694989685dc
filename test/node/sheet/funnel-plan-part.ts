import { writeFunnelTab } from '../../../apps-script/src/tabs/funnel-tab';
import type { Language } from '../../../worker/domain/constants';
import type { FunnelRates } from '../../../worker/domain/funnel';
import { catalogueOf } from '../../../worker/domain/i18n';
import { planPeriodOf } from '../../../worker/domain/reports/period';
import {
  buildPlanView,
  type PlanInput,
  resolveRates,
  type StageActuals,
} from '../../../worker/domain/reports/plan';
import type { FunnelPlanPart } from '../../../worker/domain/sheet/funnel-tab';
import { fakeServices } from './fakes/fake-services';
import type { fakeSpreadsheetApp } from './fakes/fake-spreadsheet';

/** The snapshot's `plan` part for a plan in UTC, built by the Worker's own domain as get-snapshot builds it. */
export function planPart(
  inputs: Pick<PlanInput, 'revenueTarget' | 'averageDealSize' | 'marketingBudget'> & {
    rates: Partial<FunnelRates>;
  },
  key: string,
  now: Date,
  actualByMonth = new Map<string, StageActuals>(),
): FunnelPlanPart {
  const view = buildPlanView({
    stored: {
      ...inputs,
      currency: 'EUR',
      period: key,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      updatedBy: null,
    },
    period: planPeriodOf(key),
    timezone: 'UTC',
    currency: 'EUR',
    rates: resolveRates(inputs.rates, null),
    actualByMonth,
    now,
  });
  const { pace: _pace, months, ...stable } = view;
  return { ...stable, months: months.map((m) => ({ month: m.month, actual: m.actual })) };
}

/** The tab as the add-on writes it for `part`, in a fresh fake spreadsheet. */
export function tabOf(part: FunnelPlanPart, language: Language = 'en') {
  const fake = fakeServices();
  const app = fake.services.spreadsheetApp as ReturnType<typeof fakeSpreadsheetApp>;
  const write = (next: FunnelPlanPart) =>
    writeFunnelTab(
      fake.services,
      {
        spreadsheet: app.spreadsheet,
        language,
        texts: catalogueOf(language).sheet.frame,
        timeZone: 'UTC',
        freshness: 'LeadPact · test',
      },
      next,
    );
  write(part);
  const name = catalogueOf(language).sheet.frame.tabs.funnel;
  return { fake: { app }, sheet: app.spreadsheet.sheet(name), name, write };
}
