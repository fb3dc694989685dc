import type { Language } from '../constants';
import type { FunnelStage } from '../funnel';
import type { PaceStatus, RateOrigin } from '../reports/plan';

/**
 * The Funnel plan tab's words (worker/domain/sheet/funnel-tab.ts). Pace labels
 * end up inside sheet formulas, so none may hold a double quote.
 */
export interface FunnelTabTexts {
  /** `{period}` is the plan's key (2026, 2026-Q1, 2026-03). */
  title: string;
  /** Shown instead of the tab when the workspace has no plan yet. */
  noPlan: string;
  /** How the manager uses the two input columns. */
  help: string;
  inputsHeader: { input: string; fromLeadPact: string; whatIf: string; origin: string };
  inputs: {
    revenueTarget: string;
    averageDealSize: string;
    periodStart: string;
    periodEnd: string;
    marketingBudget: string;
    elapsed: string;
  };
  rates: { lead_mql: string; mql_sql: string; sql_opportunity: string; opportunity_won: string };
  origins: Record<RateOrigin, string>;
  stagesHeader: {
    stage: string;
    fromLeadPact: string;
    whatIf: string;
    actual: string;
    expected: string;
    pace: string;
    forecast: string;
    maxCost: string;
  };
  stages: Record<FunnelStage | 'revenue', string>;
  pace: Record<PaceStatus, string>;
  monthsHeader: { month: string; days: string; planned: string; actual: string };
  actualsHeader: string;
  chartTitle: string;
  /** Help shown when a what-if cell refuses an entry. */
  validation: { amount: string; rate: string; date: string; budget: string };
}

const en: FunnelTabTexts = {
  title: 'Funnel plan {period}',
  noPlan:
    'No funnel plan covers today yet: save one in LeadPact (PUT /v1/funnel/plans/<period>) and refresh.',
  help: 'Type your what-if into the white cells; every number below follows them. A refresh keeps your what-if unless the plan itself changed in LeadPact.',
  inputsHeader: {
    input: 'Input',
    fromLeadPact: 'Plan in LeadPact',
    whatIf: 'Your what-if',
    origin: 'Rate from',
  },
  inputs: {
    revenueTarget: 'Revenue target',
    averageDealSize: 'Average deal size',
    periodStart: 'Period start',
    periodEnd: 'Period end',
    marketingBudget: 'Marketing budget',
    elapsed: 'Share of the period elapsed now',
  },
  rates: {
    lead_mql: 'Lead → MQL rate',
    mql_sql: 'MQL → SQL rate',
    sql_opportunity: 'SQL → opportunity rate',
    opportunity_won: 'Opportunity → won rate',
  },
  origins: {
    given: 'given by the team',
    history: 'the team’s own history',
    default: 'illustrative default',
    'passed-through': 'passed through (100%)',
  },
  stagesHeader: {
    stage: 'Stage',
    fromLeadPact: 'Needed (LeadPact)',
    whatIf: 'Needed (your what-if)',
    actual: 'Actual',
    expected: 'Expected by now',
    pace: 'Pace',
    forecast: 'Forecast for the period',
    maxCost: 'Most one may cost',
  },
  stages: {
    lead: 'Leads',
    mql: 'MQLs',
    sql: 'SQLs',
    opportunity: 'Opportunities',
    won: 'Won deals',
    revenue: 'Revenue',
  },
  pace: { not_started: 'not started', behind: 'behind', on_track: 'on track', ahead: 'ahead' },
  monthsHeader: { month: 'Month', days: 'Days', planned: 'plan', actual: 'actual' },
  actualsHeader: 'Actuals by month (from LeadPact)',
  chartTitle: 'Funnel: needed and actual',
  validation: {
    amount: 'An amount above 0, such as 250000.',
    rate: 'A rate above 0% and at most 100%, such as 25% (six decimals at most: 0.0001%).',
    date: 'A date, such as 2026-01-01.',
    budget: 'An amount of 0 or more, or empty for no budget.',
  },
};

const pl: FunnelTabTexts = {
  title: 'Plan lejka {period}',
  noPlan:
    'Żaden plan lejka nie obejmuje jeszcze dzisiejszego dnia: zapisz go w LeadPact (PUT /v1/funnel/plans/<okres>) i odśwież.',
  help: 'Wpisz swój wariant „co jeśli” w białe komórki; wszystkie liczby poniżej za nim podążają. Odświeżenie zachowuje Twój wariant, chyba że sam plan zmienił się w LeadPact.',
  inputsHeader: {
    input: 'Dane',
    fromLeadPact: 'Plan w LeadPact',
    whatIf: 'Twój wariant',
    origin: 'Skąd wskaźnik',
  },
  inputs: {
    revenueTarget: 'Cel przychodu',
    averageDealSize: 'Średnia wartość transakcji',
    periodStart: 'Początek okresu',
    periodEnd: 'Koniec okresu',
    marketingBudget: 'Budżet marketingu',
    elapsed: 'Upłynęła część okresu',
  },
  rates: {
    lead_mql: 'Konwersja lead → MQL',
    mql_sql: 'Konwersja MQL → SQL',
    sql_opportunity: 'Konwersja SQL → szansa sprzedaży',
    opportunity_won: 'Konwersja szansa → wygrana',
  },
  origins: {
    given: 'podany przez zespół',
    history: 'własna historia zespołu',
    default: 'przykładowa wartość domyślna',
    'passed-through': 'pominięty (100%)',
  },
  stagesHeader: {
    stage: 'Etap',
    fromLeadPact: 'Potrzeba (LeadPact)',
    whatIf: 'Potrzeba (Twój wariant)',
    actual: 'Wykonanie',
    expected: 'Oczekiwane na teraz',
    pace: 'Tempo',
    forecast: 'Prognoza na okres',
    maxCost: 'Maksymalny koszt jednego',
  },
  stages: {
    lead: 'Leady',
    mql: 'MQL',
    sql: 'SQL',
    opportunity: 'Szanse sprzedaży',
    won: 'Wygrane transakcje',
    revenue: 'Przychód',
  },
  pace: {
    not_started: 'nie rozpoczęto',
    behind: 'opóźnienie',
    on_track: 'zgodnie z planem',
    ahead: 'przed planem',
  },
  monthsHeader: { month: 'Miesiąc', days: 'Dni', planned: 'plan', actual: 'wykonanie' },
  actualsHeader: 'Wykonanie w miesiącach (z LeadPact)',
  chartTitle: 'Lejek: potrzeba i wykonanie',
  validation: {
    amount: 'Kwota większa od 0, np. 250000.',
    rate: 'Wskaźnik powyżej 0% i najwyżej 100%, np. 25% (najwyżej sześć miejsc po przecinku: 0,0001%).',
    date: 'Data, np. 2026-01-01.',
    budget: 'Kwota 0 lub większa albo puste pole, gdy nie ma budżetu.',
  },
};

const ro: FunnelTabTexts = {
  title: 'Plan pâlnie {period}',
  noPlan:
    'Niciun plan de pâlnie nu acoperă încă ziua de azi: salvați unul în LeadPact (PUT /v1/funnel/plans/<perioadă>) și reîmprospătați.',
  help: 'Scrieți varianta „ce-ar fi dacă” în celulele albe; toate cifrele de mai jos o urmează. O reîmprospătare vă păstrează varianta, dacă planul însuși nu s-a schimbat în LeadPact.',
  inputsHeader: {
    input: 'Date de intrare',
    fromLeadPact: 'Planul din LeadPact',
    whatIf: 'Varianta dvs.',
    origin: 'Sursa ratei',
  },
  inputs: {
    revenueTarget: 'Ținta de venit',
    averageDealSize: 'Valoarea medie a unei vânzări',
    periodStart: 'Începutul perioadei',
    periodEnd: 'Sfârșitul perioadei',
    marketingBudget: 'Bugetul de marketing',
    elapsed: 'Partea scursă din perioadă',
  },
  rates: {
    lead_mql: 'Rata lead → MQL',
    mql_sql: 'Rata MQL → SQL',
    sql_opportunity: 'Rata SQL → oportunitate',
    opportunity_won: 'Rata oportunitate → câștigat',
  },
  origins: {
    given: 'dată de echipă',
    history: 'istoricul echipei',
    default: 'valoare implicită ilustrativă',
    'passed-through': 'trecută direct (100%)',
  },
  stagesHeader: {
    stage: 'Etapa',
    fromLeadPact: 'Necesar (LeadPact)',
    whatIf: 'Necesar (varianta dvs.)',
    actual: 'Realizat',
    expected: 'Așteptat până acum',
    pace: 'Ritm',
    forecast: 'Prognoza perioadei',
    maxCost: 'Costul maxim pe unitate',
  },
  stages: {
    lead: 'Lead-uri',
    mql: 'MQL',
    sql: 'SQL',
    opportunity: 'Oportunități',
    won: 'Vânzări câștigate',
    revenue: 'Venit',
  },
  pace: { not_started: 'neînceput', behind: 'în urmă', on_track: 'conform planului', ahead: 'înainte' },
  monthsHeader: { month: 'Luna', days: 'Zile', planned: 'plan', actual: 'realizat' },
  actualsHeader: 'Realizat pe luni (din LeadPact)',
  chartTitle: 'Pâlnia: necesar și realizat',
  validation: {
    amount: 'O sumă mai mare decât 0, de exemplu 250000.',
    rate: 'O rată peste 0% și cel mult 100%, de exemplu 25% (cel mult șase zecimale: 0,0001%).',
    date: 'O dată, de exemplu 2026-01-01.',
    budget: 'O sumă de 0 sau mai mare, ori gol dacă nu există buget.',
  },
};

const ru: FunnelTabTexts = {
  title: 'План воронки {period}',
  noPlan:
    'Ни один план воронки пока не охватывает сегодняшний день: сохраните его в LeadPact (PUT /v1/funnel/plans/<период>) и обновите.',
  help: 'Введите свой вариант «что если» в белые ячейки; все числа ниже следуют за ним. Обновление сохраняет ваш вариант, если сам план в LeadPact не изменился.',
  inputsHeader: {
    input: 'Параметр',
    fromLeadPact: 'План в LeadPact',
    whatIf: 'Ваш вариант',
    origin: 'Откуда конверсия',
  },
  inputs: {
    revenueTarget: 'Цель по выручке',
    averageDealSize: 'Средний размер сделки',
    periodStart: 'Начало периода',
    periodEnd: 'Конец периода',
    marketingBudget: 'Маркетинговый бюджет',
    elapsed: 'Прошедшая доля периода',
  },
  rates: {
    lead_mql: 'Конверсия лид → MQL',
    mql_sql: 'Конверсия MQL → SQL',
    sql_opportunity: 'Конверсия SQL → сделка в работе',
    opportunity_won: 'Конверсия сделка → выиграна',
  },
  origins: {
    given: 'задана командой',
    history: 'собственная история команды',
    default: 'иллюстративное значение по умолчанию',
    'passed-through': 'пропущена (100%)',
  },
  stagesHeader: {
    stage: 'Этап',
    fromLeadPact: 'Нужно (LeadPact)',
    whatIf: 'Нужно (ваш вариант)',
    actual: 'Факт',
    expected: 'Ожидается к текущему моменту',
    pace: 'Темп',
    forecast: 'Прогноз на период',
    maxCost: 'Максимальная цена одного',
  },
  stages: {
    lead: 'Лиды',
    mql: 'MQL',
    sql: 'SQL',
    opportunity: 'Сделки в работе',
    won: 'Выигранные сделки',
    revenue: 'Выручка',
  },
  pace: { not_started: 'не начат', behind: 'отставание', on_track: 'по плану', ahead: 'опережение' },
  monthsHeader: { month: 'Месяц', days: 'Дней', planned: 'план', actual: 'факт' },
  actualsHeader: 'Факт по месяцам (из LeadPact)',
  chartTitle: 'Воронка: нужно и факт',
  validation: {
    amount: 'Сумма больше 0, например 250000.',
    rate: 'Конверсия больше 0% и не больше 100%, например 25% (не более шести знаков после запятой: 0,0001%).',
    date: 'Дата, например 2026-01-01.',
    budget: 'Сумма 0 или больше либо пусто, если бюджета нет.',
  },
};

export const FUNNEL_TAB_TEXTS: Readonly<Record<Language, FunnelTabTexts>> = { en, pl, ro, ru };
