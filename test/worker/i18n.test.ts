import { describe, expect, it } from 'vitest';
import { diffAgreements, diffAsMarkdown, starterAgreement } from '../../worker/domain/agreement';
import { LANGUAGES, type Language } from '../../worker/domain/constants';
import {
  CATALOGUES,
  counted,
  formatMoney,
  formatNumber,
  isPluralForms,
  languageOfAcceptLanguage,
  localeOf,
  type PluralForms,
  pluralFor,
  say,
} from '../../worker/domain/i18n';
import { type AgendaInput, buildAgenda, noticeLines } from '../../worker/domain/sla';

/**
 * Every leaf of a catalogue, by its dotted path: texts, and plural entries and
 * lists (a starter's examples, a site's paths: as long as a language needs) as one leaf each.
 */
function leaves(value: unknown, path = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof value === 'string' || isPluralForms(value) || Array.isArray(value)) {
    out.set(path, value);
    return out;
  }
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    for (const [p, leaf] of leaves(child, path ? `${path}.${key}` : key)) out.set(p, leaf);
  }
  return out;
}

/** The plural categories a language uses for whole numbers (0–1000 covers every cycle of the four). */
function integerCategories(language: Language): Set<string> {
  const rules = new Intl.PluralRules(localeOf(language));
  return new Set(Array.from({ length: 1001 }, (_, n) => rules.select(n)));
}

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('the catalogues', () => {
  const english = leaves(CATALOGUES.en);

  it.each(LANGUAGES.map((l) => [l]))('should give %s every key English has, and no other', (language) => {
    const own = leaves(CATALOGUES[language]);
    expect([...own.keys()].filter((k) => !english.has(k))).toEqual([]);
    expect([...english.keys()].filter((k) => !own.has(k))).toEqual([]);
    for (const [path, leaf] of own) {
      expect(typeof leaf === 'string' ? leaf.trim() : 'plural', path).not.toBe('');
      // A plural entry in English is a plural entry everywhere (and the other way round).
      expect(isPluralForms(leaf), path).toBe(isPluralForms(english.get(path)));
    }
  });

  it.each(LANGUAGES.map((l) => [l]))(
    'should give every plural entry of %s each form its plural rules use',
    (language) => {
      const needed = integerCategories(language);
      for (const [path, leaf] of leaves(CATALOGUES[language])) {
        if (!isPluralForms(leaf)) continue;
        const missing = [...needed].filter(
          (category) => category !== 'other' && leaf[category as keyof typeof leaf] === undefined,
        );
        // English may fold `one` into `other` where the sentence reads the same; no other language may.
        if (language !== 'en') expect(missing, `${language} ${path}`).toEqual([]);
      }
    },
  );

  it('should use the forms Polish, Russian and Romanian need: 1 lead / 2 leady / 5 leadów', () => {
    const lines = (language: Language) =>
      [1, 2, 5, 12, 22, 25, 101].map((n) =>
        pluralFor(language, CATALOGUES[language].agenda.campaignLine, n)
          .replace('{campaign}: ', '')
          .replace(/, .*$/, '')
          .replace('{count}', String(n)),
      );
    expect(lines('pl')).toEqual([
      '1 lead',
      '2 leady',
      '5 leadów',
      '12 leadów',
      '22 leady',
      '25 leadów',
      '101 leadów',
    ]);
    expect(lines('ru')).toEqual(['1 лид', '2 лида', '5 лидов', '12 лидов', '22 лида', '25 лидов', '101 лид']);
    expect(lines('ro')).toEqual([
      '1 lead',
      '2 lead-uri',
      '5 lead-uri',
      '12 lead-uri',
      '22 de lead-uri',
      '25 de lead-uri',
      '101 lead-uri',
    ]);
    expect(lines('en')).toEqual([
      '1 lead',
      '2 leads',
      '5 leads',
      '12 leads',
      '22 leads',
      '25 leads',
      '101 leads',
    ]);
  });
});

/** A plural entry by its dotted path in a catalogue. */
function entryAt(language: Language, path: string): PluralForms {
  const entry = path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], CATALOGUES[language]);
  if (!isPluralForms(entry)) throw new Error(`${path} is not a plural entry`);
  return entry;
}

describe('counts said with the forms each language uses', () => {
  // The same counts in every row: one, few, many, the few again past 20 (pl/ru), and a fraction.
  const COUNTS = [1, 2, 5, 22, 1.5];
  const TABLE: Array<[string, Record<Language, string[]>]> = [
    [
      'agreement.words.monthsHot',
      {
        en: [
          'Hot: buying in less than 1 month',
          'Hot: buying in fewer than 2 months',
          'Hot: buying in fewer than 5 months',
          'Hot: buying in fewer than 22 months',
          'Hot: buying in fewer than 1.5 months',
        ],
        pl: [
          'Gorący: zakup przed upływem 1 miesiąca',
          'Gorący: zakup przed upływem 2 miesięcy',
          'Gorący: zakup przed upływem 5 miesięcy',
          'Gorący: zakup przed upływem 22 miesięcy',
          'Gorący: zakup przed upływem 1,5 miesiąca',
        ],
        ro: [
          'Fierbinte: cumpără în mai puțin de 1 lună',
          'Fierbinte: cumpără în mai puțin de 2 luni',
          'Fierbinte: cumpără în mai puțin de 5 luni',
          'Fierbinte: cumpără în mai puțin de 22 de luni',
          'Fierbinte: cumpără în mai puțin de 1,5 luni',
        ],
        ru: [
          'Горячий: покупка менее чем через 1 месяц',
          'Горячий: покупка менее чем через 2 месяца',
          'Горячий: покупка менее чем через 5 месяцев',
          'Горячий: покупка менее чем через 22 месяца',
          'Горячий: покупка менее чем через 1,5 месяца',
        ],
      },
    ],
    [
      'agreement.words.monthsWarm',
      {
        en: [
          'Warm: buying in 0 to 1 month',
          'Warm: buying in 0 to 2 months',
          'Warm: buying in 0 to 5 months',
          'Warm: buying in 0 to 22 months',
          'Warm: buying in 0 to 1.5 months',
        ],
        pl: [
          'Ciepły: zakup za 0–1 miesiąc',
          'Ciepły: zakup za 0–2 miesiące',
          'Ciepły: zakup za 0–5 miesięcy',
          'Ciepły: zakup za 0–22 miesiące',
          'Ciepły: zakup za 0–1,5 miesiąca',
        ],
        ro: [
          'Cald: cumpără în 0–1 lună',
          'Cald: cumpără în 0–2 luni',
          'Cald: cumpără în 0–5 luni',
          'Cald: cumpără în 0–22 de luni',
          'Cald: cumpără în 0–1,5 luni',
        ],
        ru: [
          'Тёплый: покупка через 0–1 месяц',
          'Тёплый: покупка через 0–2 месяца',
          'Тёплый: покупка через 0–5 месяцев',
          'Тёплый: покупка через 0–22 месяца',
          'Тёплый: покупка через 0–1,5 месяца',
        ],
      },
    ],
    [
      'agreement.words.monthsCold',
      {
        en: [
          'Cold: buying in more than 1 month',
          'Cold: buying in more than 2 months',
          'Cold: buying in more than 5 months',
          'Cold: buying in more than 22 months',
          'Cold: buying in more than 1.5 months',
        ],
        pl: [
          'Zimny: zakup za ponad 1 miesiąc',
          'Zimny: zakup za ponad 2 miesiące',
          'Zimny: zakup za ponad 5 miesięcy',
          'Zimny: zakup za ponad 22 miesiące',
          'Zimny: zakup za ponad 1,5 miesiąca',
        ],
        ro: [
          'Rece: cumpără în mai mult de 1 lună',
          'Rece: cumpără în mai mult de 2 luni',
          'Rece: cumpără în mai mult de 5 luni',
          'Rece: cumpără în mai mult de 22 de luni',
          'Rece: cumpără în mai mult de 1,5 luni',
        ],
        ru: [
          'Холодный: покупка более чем через 1 месяц',
          'Холодный: покупка более чем через 2 месяца',
          'Холодный: покупка более чем через 5 месяцев',
          'Холодный: покупка более чем через 22 месяца',
          'Холодный: покупка более чем через 1,5 месяца',
        ],
      },
    ],
    [
      'agreement.words.halfLife',
      {
        en: [
          'Engagement points halve every day.',
          'Engagement points halve every 2 days.',
          'Engagement points halve every 5 days.',
          'Engagement points halve every 22 days.',
          'Engagement points halve every 1.5 days.',
        ],
        pl: [
          'Punkty zaangażowania maleją o połowę co 1 dzień.',
          'Punkty zaangażowania maleją o połowę co 2 dni.',
          'Punkty zaangażowania maleją o połowę co 5 dni.',
          'Punkty zaangażowania maleją o połowę co 22 dni.',
          'Punkty zaangażowania maleją o połowę co 1,5 dnia.',
        ],
        ro: [
          'Punctele de implicare se înjumătățesc în fiecare zi.',
          'Punctele de implicare se înjumătățesc la fiecare 2 zile.',
          'Punctele de implicare se înjumătățesc la fiecare 5 zile.',
          'Punctele de implicare se înjumătățesc la fiecare 22 de zile.',
          'Punctele de implicare se înjumătățesc la fiecare 1,5 zile.',
        ],
        ru: [
          'Баллы вовлечённости уменьшаются вдвое каждый 1 день.',
          'Баллы вовлечённости уменьшаются вдвое каждые 2 дня.',
          'Баллы вовлечённости уменьшаются вдвое каждые 5 дней.',
          'Баллы вовлечённости уменьшаются вдвое каждые 22 дня.',
          'Баллы вовлечённости уменьшаются вдвое каждые 1,5 дня.',
        ],
      },
    ],
    [
      'agreement.words.fitThreshold',
      {
        en: [
          'High fit from 1 point',
          'High fit from 2 points',
          'High fit from 5 points',
          'High fit from 22 points',
          'High fit from 1.5 points',
        ],
        pl: [
          'Wysokie dopasowanie od 1 punktu',
          'Wysokie dopasowanie od 2 punktów',
          'Wysokie dopasowanie od 5 punktów',
          'Wysokie dopasowanie od 22 punktów',
          'Wysokie dopasowanie od 1,5 punktu',
        ],
        ro: [
          'Potrivire mare de la 1 punct',
          'Potrivire mare de la 2 puncte',
          'Potrivire mare de la 5 puncte',
          'Potrivire mare de la 22 de puncte',
          'Potrivire mare de la 1,5 puncte',
        ],
        ru: [
          'Высокое соответствие от 1 балла',
          'Высокое соответствие от 2 баллов',
          'Высокое соответствие от 5 баллов',
          'Высокое соответствие от 22 баллов',
          'Высокое соответствие от 1,5 балла',
        ],
      },
    ],
    [
      'agreement.words.engagementThreshold',
      {
        en: [
          'High engagement from 1 point',
          'High engagement from 2 points',
          'High engagement from 5 points',
          'High engagement from 22 points',
          'High engagement from 1.5 points',
        ],
        pl: [
          'Wysokie zaangażowanie od 1 punktu',
          'Wysokie zaangażowanie od 2 punktów',
          'Wysokie zaangażowanie od 5 punktów',
          'Wysokie zaangażowanie od 22 punktów',
          'Wysokie zaangażowanie od 1,5 punktu',
        ],
        ro: [
          'Implicare mare de la 1 punct',
          'Implicare mare de la 2 puncte',
          'Implicare mare de la 5 puncte',
          'Implicare mare de la 22 de puncte',
          'Implicare mare de la 1,5 puncte',
        ],
        ru: [
          'Высокая вовлечённость от 1 балла',
          'Высокая вовлечённость от 2 баллов',
          'Высокая вовлечённость от 5 баллов',
          'Высокая вовлечённость от 22 баллов',
          'Высокая вовлечённость от 1,5 балла',
        ],
      },
    ],
    [
      'agreement.words.mqlMinFit',
      {
        en: [
          'Fit of at least 1 point',
          'Fit of at least 2 points',
          'Fit of at least 5 points',
          'Fit of at least 22 points',
          'Fit of at least 1.5 points',
        ],
        pl: [
          'Dopasowanie co najmniej 1 punkt',
          'Dopasowanie co najmniej 2 punkty',
          'Dopasowanie co najmniej 5 punktów',
          'Dopasowanie co najmniej 22 punkty',
          'Dopasowanie co najmniej 1,5 punktu',
        ],
        ro: [
          'Potrivire de cel puțin 1 punct',
          'Potrivire de cel puțin 2 puncte',
          'Potrivire de cel puțin 5 puncte',
          'Potrivire de cel puțin 22 de puncte',
          'Potrivire de cel puțin 1,5 puncte',
        ],
        ru: [
          'Соответствие не менее 1 балла',
          'Соответствие не менее 2 баллов',
          'Соответствие не менее 5 баллов',
          'Соответствие не менее 22 баллов',
          'Соответствие не менее 1,5 балла',
        ],
      },
    ],
    [
      'agreement.words.mqlMinEngagement',
      {
        en: [
          'Engagement of at least 1 point',
          'Engagement of at least 2 points',
          'Engagement of at least 5 points',
          'Engagement of at least 22 points',
          'Engagement of at least 1.5 points',
        ],
        pl: [
          'Zaangażowanie co najmniej 1 punkt',
          'Zaangażowanie co najmniej 2 punkty',
          'Zaangażowanie co najmniej 5 punktów',
          'Zaangażowanie co najmniej 22 punkty',
          'Zaangażowanie co najmniej 1,5 punktu',
        ],
        ro: [
          'Implicare de cel puțin 1 punct',
          'Implicare de cel puțin 2 puncte',
          'Implicare de cel puțin 5 puncte',
          'Implicare de cel puțin 22 de puncte',
          'Implicare de cel puțin 1,5 puncte',
        ],
        ru: [
          'Вовлечённость не менее 1 балла',
          'Вовлечённость не менее 2 баллов',
          'Вовлечённость не менее 5 баллов',
          'Вовлечённость не менее 22 баллов',
          'Вовлечённость не менее 1,5 балла',
        ],
      },
    ],
    [
      'agreement.words.hoursCount',
      {
        en: [
          '1 business hour',
          '2 business hours',
          '5 business hours',
          '22 business hours',
          '1.5 business hours',
        ],
        pl: [
          '1 godzina robocza',
          '2 godziny robocze',
          '5 godzin roboczych',
          '22 godziny robocze',
          '1,5 godziny roboczej',
        ],
        ro: [
          '1 oră lucrătoare',
          '2 ore lucrătoare',
          '5 ore lucrătoare',
          '22 de ore lucrătoare',
          '1,5 ore lucrătoare',
        ],
        ru: ['1 рабочий час', '2 рабочих часа', '5 рабочих часов', '22 рабочих часа', '1,5 рабочего часа'],
      },
    ],
    [
      'agreement.words.reviewEvery',
      {
        en: [
          'Reviewed every month',
          'Reviewed every 2 months',
          'Reviewed every 5 months',
          'Reviewed every 22 months',
          'Reviewed every 1.5 months',
        ],
        pl: [
          'Przegląd co miesiąc',
          'Przegląd co 2 miesiące',
          'Przegląd co 5 miesięcy',
          'Przegląd co 22 miesiące',
          'Przegląd co 1,5 miesiąca',
        ],
        ro: [
          'Revizuită în fiecare lună',
          'Revizuită la fiecare 2 luni',
          'Revizuită la fiecare 5 luni',
          'Revizuită la fiecare 22 de luni',
          'Revizuită la fiecare 1,5 luni',
        ],
        ru: [
          'Пересматривается каждый 1 месяц',
          'Пересматривается каждые 2 месяца',
          'Пересматривается каждые 5 месяцев',
          'Пересматривается каждые 22 месяца',
          'Пересматривается каждые 1,5 месяца',
        ],
      },
    ],
    [
      'agreement.words.contactAttempts',
      {
        en: [
          '1 contact attempt',
          '2 contact attempts',
          '5 contact attempts',
          '22 contact attempts',
          '1.5 contact attempts',
        ],
        pl: [
          '1 próba kontaktu',
          '2 próby kontaktu',
          '5 prób kontaktu',
          '22 próby kontaktu',
          '1,5 próby kontaktu',
        ],
        ro: [
          '1 încercare de contact',
          '2 încercări de contact',
          '5 încercări de contact',
          '22 de încercări de contact',
          '1,5 încercări de contact',
        ],
        ru: ['1 попытки', '2 попыток', '5 попыток', '22 попыток', '1,5 попытки'],
      },
    ],
    [
      'agreement.words.channelCount',
      {
        en: ['1 channel', '2 channels', '5 channels', '22 channels', '1.5 channels'],
        pl: ['1 kanale', '2 kanałach', '5 kanałach', '22 kanałach', '1,5 kanału'],
        ro: ['1 canal', '2 canale', '5 canale', '22 de canale', '1,5 canale'],
        ru: ['1 каналу', '2 каналам', '5 каналам', '22 каналам', '1,5 канала'],
      },
    ],
    [
      'agreement.words.businessDays',
      {
        en: ['1 business day', '2 business days', '5 business days', '22 business days', '1.5 business days'],
        pl: [
          '1 dnia roboczego',
          '2 dni roboczych',
          '5 dni roboczych',
          '22 dni roboczych',
          '1,5 dnia roboczego',
        ],
        ro: [
          '1 zi lucrătoare',
          '2 zile lucrătoare',
          '5 zile lucrătoare',
          '22 de zile lucrătoare',
          '1,5 zile lucrătoare',
        ],
        ru: ['1 рабочий день', '2 рабочих дня', '5 рабочих дней', '22 рабочих дня', '1,5 рабочего дня'],
      },
    ],
    [
      'sheet.leadView.scores.fit',
      {
        en: [
          'Fit: 1 point (high from 40)',
          'Fit: 2 points (high from 40)',
          'Fit: 5 points (high from 40)',
          'Fit: 22 points (high from 40)',
          'Fit: 1.5 points (high from 40)',
        ],
        pl: [
          'Dopasowanie: 1 punkt (wysokie od 40)',
          'Dopasowanie: 2 punkty (wysokie od 40)',
          'Dopasowanie: 5 punktów (wysokie od 40)',
          'Dopasowanie: 22 punkty (wysokie od 40)',
          'Dopasowanie: 1,5 punktu (wysokie od 40)',
        ],
        ro: [
          'Potrivire: 1 punct (ridicată de la 40)',
          'Potrivire: 2 puncte (ridicată de la 40)',
          'Potrivire: 5 puncte (ridicată de la 40)',
          'Potrivire: 22 de puncte (ridicată de la 40)',
          'Potrivire: 1,5 puncte (ridicată de la 40)',
        ],
        ru: [
          'Соответствие: 1 балл (высокое от 40)',
          'Соответствие: 2 балла (высокое от 40)',
          'Соответствие: 5 баллов (высокое от 40)',
          'Соответствие: 22 балла (высокое от 40)',
          'Соответствие: 1,5 балла (высокое от 40)',
        ],
      },
    ],
    [
      'sheet.leadView.scores.engagement',
      {
        en: [
          'Engagement: 1 point (high from 40)',
          'Engagement: 2 points (high from 40)',
          'Engagement: 5 points (high from 40)',
          'Engagement: 22 points (high from 40)',
          'Engagement: 1.5 points (high from 40)',
        ],
        pl: [
          'Zaangażowanie: 1 punkt (wysokie od 40)',
          'Zaangażowanie: 2 punkty (wysokie od 40)',
          'Zaangażowanie: 5 punktów (wysokie od 40)',
          'Zaangażowanie: 22 punkty (wysokie od 40)',
          'Zaangażowanie: 1,5 punktu (wysokie od 40)',
        ],
        ro: [
          'Implicare: 1 punct (ridicată de la 40)',
          'Implicare: 2 puncte (ridicată de la 40)',
          'Implicare: 5 puncte (ridicată de la 40)',
          'Implicare: 22 de puncte (ridicată de la 40)',
          'Implicare: 1,5 puncte (ridicată de la 40)',
        ],
        ru: [
          'Вовлечённость: 1 балл (высокая от 40)',
          'Вовлечённость: 2 балла (высокая от 40)',
          'Вовлечённость: 5 баллов (высокая от 40)',
          'Вовлечённость: 22 балла (высокая от 40)',
          'Вовлечённость: 1,5 балла (высокая от 40)',
        ],
      },
    ],
    [
      'sheet.leadView.scores.touch',
      {
        en: [
          '3 × X: 1 point each',
          '3 × X: 2 points each',
          '3 × X: 5 points each',
          '3 × X: 22 points each',
          '3 × X: 1.5 points each',
        ],
        pl: [
          '3 × X, każdy za 1 punkt',
          '3 × X, każdy za 2 punkty',
          '3 × X, każdy za 5 punktów',
          '3 × X, każdy za 22 punkty',
          '3 × X, każdy za 1,5 punktu',
        ],
        ro: [
          '3 × X: câte 1 punct',
          '3 × X: câte 2 puncte',
          '3 × X: câte 5 puncte',
          '3 × X: câte 22 de puncte',
          '3 × X: câte 1,5 puncte',
        ],
        ru: [
          '3 × X: по 1 баллу',
          '3 × X: по 2 балла',
          '3 × X: по 5 баллов',
          '3 × X: по 22 балла',
          '3 × X: по 1,5 балла',
        ],
      },
    ],
    [
      'sheet.leadView.deadlines.left',
      {
        en: [
          '1 business hour left',
          '2 business hours left',
          '5 business hours left',
          '22 business hours left',
          '1.5 business hours left',
        ],
        pl: [
          'została 1 godzina robocza',
          'zostały 2 godziny robocze',
          'zostało 5 godzin roboczych',
          'zostały 22 godziny robocze',
          'zostało 1,5 godziny roboczej',
        ],
        ro: [
          'a mai rămas 1 oră lucrătoare',
          'au mai rămas 2 ore lucrătoare',
          'au mai rămas 5 ore lucrătoare',
          'au mai rămas 22 de ore lucrătoare',
          'au mai rămas 1,5 ore lucrătoare',
        ],
        ru: [
          'остался 1 рабочий час',
          'осталось 2 рабочих часа',
          'осталось 5 рабочих часов',
          'осталось 22 рабочих часа',
          'осталось 1,5 рабочего часа',
        ],
      },
    ],
    [
      'sheet.leadView.deadlines.overdue',
      {
        en: [
          '1 business hour overdue',
          '2 business hours overdue',
          '5 business hours overdue',
          '22 business hours overdue',
          '1.5 business hours overdue',
        ],
        pl: [
          'po terminie o 1 godzinę roboczą',
          'po terminie o 2 godziny robocze',
          'po terminie o 5 godzin roboczych',
          'po terminie o 22 godziny robocze',
          'po terminie o 1,5 godziny roboczej',
        ],
        ro: [
          'depășit cu 1 oră lucrătoare',
          'depășit cu 2 ore lucrătoare',
          'depășit cu 5 ore lucrătoare',
          'depășit cu 22 de ore lucrătoare',
          'depășit cu 1,5 ore lucrătoare',
        ],
        ru: [
          'просрочено на 1 рабочий час',
          'просрочено на 2 рабочих часа',
          'просрочено на 5 рабочих часов',
          'просрочено на 22 рабочих часа',
          'просрочено на 1,5 рабочего часа',
        ],
      },
    ],
    [
      'errors.textTooLong',
      {
        en: [
          'At most 1 character; this one has 201. Nothing was stored.',
          'At most 2 characters; this one has 201. Nothing was stored.',
          'At most 5 characters; this one has 201. Nothing was stored.',
          'At most 22 characters; this one has 201. Nothing was stored.',
          'At most 1.5 characters; this one has 201. Nothing was stored.',
        ],
        pl: [
          'Najwyżej 1 znak; ta wartość ma ich 201. Niczego nie zapisano.',
          'Najwyżej 2 znaki; ta wartość ma ich 201. Niczego nie zapisano.',
          'Najwyżej 5 znaków; ta wartość ma ich 201. Niczego nie zapisano.',
          'Najwyżej 22 znaki; ta wartość ma ich 201. Niczego nie zapisano.',
          'Najwyżej 1,5 znaku; ta wartość ma ich 201. Niczego nie zapisano.',
        ],
        ro: [
          'Cel mult 1 caracter; aceasta are 201. Nu s-a salvat nimic.',
          'Cel mult 2 caractere; aceasta are 201. Nu s-a salvat nimic.',
          'Cel mult 5 caractere; aceasta are 201. Nu s-a salvat nimic.',
          'Cel mult 22 de caractere; aceasta are 201. Nu s-a salvat nimic.',
          'Cel mult 1,5 caractere; aceasta are 201. Nu s-a salvat nimic.',
        ],
        ru: [
          'Не более 1 символа, а здесь 201. Ничего не сохранено.',
          'Не более 2 символов, а здесь 201. Ничего не сохранено.',
          'Не более 5 символов, а здесь 201. Ничего не сохранено.',
          'Не более 22 символов, а здесь 201. Ничего не сохранено.',
          'Не более 1,5 символа, а здесь 201. Ничего не сохранено.',
        ],
      },
    ],
    [
      'errors.calendarGapDays',
      {
        en: [
          'The calendar has no business hours in 1 day.',
          'The calendar has no business hours in 2 consecutive days.',
          'The calendar has no business hours in 5 consecutive days.',
          'The calendar has no business hours in 22 consecutive days.',
          'The calendar has no business hours in 1.5 consecutive days.',
        ],
        pl: [
          'Kalendarz nie ma godzin pracy przez 1 dzień.',
          'Kalendarz nie ma godzin pracy przez 2 kolejne dni.',
          'Kalendarz nie ma godzin pracy przez 5 kolejnych dni.',
          'Kalendarz nie ma godzin pracy przez 22 kolejne dni.',
          'Kalendarz nie ma godzin pracy przez 1,5 dnia.',
        ],
        ro: [
          'Calendarul nu are ore de lucru timp de 1 zi.',
          'Calendarul nu are ore de lucru timp de 2 zile consecutive.',
          'Calendarul nu are ore de lucru timp de 5 zile consecutive.',
          'Calendarul nu are ore de lucru timp de 22 de zile consecutive.',
          'Calendarul nu are ore de lucru timp de 1,5 zile consecutive.',
        ],
        ru: [
          'В календаре нет рабочих часов 1 день подряд.',
          'В календаре нет рабочих часов 2 дня подряд.',
          'В календаре нет рабочих часов 5 дней подряд.',
          'В календаре нет рабочих часов 22 дня подряд.',
          'В календаре нет рабочих часов 1,5 дня подряд.',
        ],
      },
    ],
  ];
  const params: Record<string, Record<string, string | number>> = {
    'agreement.words.monthsWarm': { a: 0 },
    'sheet.leadView.scores.fit': { threshold: 40 },
    'sheet.leadView.scores.engagement': { threshold: 40 },
    'sheet.leadView.scores.touch': { touches: 3, type: 'X' },
    'errors.textTooLong': { length: 201 },
  };
  const digits = (path: string) => (path.startsWith('sheet.leadView.deadlines') ? 1 : 2);

  it.each(TABLE)('should say %s with the right form for 1, 2, 5, 22 and 1.5', (path, expected) => {
    for (const language of LANGUAGES) {
      const said = COUNTS.map((n) =>
        counted(language, entryAt(language, path), n, params[path] ?? {}, digits(path)),
      );
      expect(said, `${language} ${path}`).toEqual(expected[language]);
    }
  });

  it('should write the count as the language does and pick the form of the number shown', () => {
    expect(counted('ru', entryAt('ru', 'agreement.words.fitThreshold'), 1000)).toBe(
      `Высокое соответствие от 1${NBSP}000 баллов`,
    );
    // Refusals choose their form the same way through say(), as intake and the business calendar say them.
    expect(say('textTooLong', { count: 200, length: 201 })('ro')).toBe(
      'Cel mult 200 de caractere; aceasta are 201. Nu s-a salvat nimic.',
    );
    expect(say('calendarGap', { count: 3660 })('pl')).toBe(
      'Kalendarz nie ma godzin pracy przez 3660 kolejnych dni (sprawdź dni wolne), więc termin nie może upłynąć.',
    );
    // The intake's limits (32 levels, 300 seconds) take 'de' in Romanian past 19.
    expect(LANGUAGES.map((l) => say('nestAtMost', { count: 32 })(l))).toEqual([
      'Nest objects at most 32 levels deep.',
      'Zagnieżdżaj obiekty najwyżej na 32 poziomach.',
      'Imbricați obiectele pe cel mult 32 de niveluri.',
      'Вкладывайте объекты не глубже 32 уровней.',
    ]);
    expect(LANGUAGES.map((l) => say('signStale', { count: 300 })(l))).toEqual([
      'The signature timestamp is more than 300 seconds from our clock.',
      'Znacznik czasu podpisu różni się od naszego zegara o ponad 300 sekund.',
      'Marca de timp a semnăturii diferă de ceasul nostru cu mai mult de 300 de secunde.',
      'Метка времени подписи расходится с нашими часами более чем на 300 секунд.',
    ]);
    expect(say('signStale', { count: 1 })('pl')).toBe(
      'Znacznik czasu podpisu różni się od naszego zegara o ponad 1 sekundę.',
    );
    // 2.004 is shown as 2, so it takes the form of 2, not of a fraction.
    expect(counted('pl', entryAt('pl', 'sheet.leadView.scores.fit'), 2.004, { threshold: 40 })).toBe(
      'Dopasowanie: 2 punkty (wysokie od 40)',
    );
  });
});

describe('numbers and money in the team’s locale', () => {
  it.each([
    ['pl', 48000, 'PLN', `48${NBSP}000,00${NBSP}zł`],
    ['ro', 48000, 'RON', `48.000,00${NBSP}RON`],
    ['ru', 48000, 'RUB', `48${NBSP}000,00${NBSP}₽`],
    ['en', 48000, 'EUR', '€48,000.00'],
    ['pl', 1234.5, 'EUR', `1234,50${NBSP}€`],
  ] as const)('should write %s money %d %s as %s', (language, amount, currency, expected) => {
    expect(formatMoney(language, amount, currency)).toBe(expected);
  });

  it('should group a bare number when no currency is known, never print "48000"', () => {
    expect(formatMoney('pl', 48000, null)).toBe(`48${NBSP}000`);
    expect(formatNumber('ru', 172883.66)).toBe(`172${NBSP}883,66`);
    expect(formatNumber('en', 48000)).toBe('48,000');
    expect([NBSP, NNBSP]).toContain(formatNumber('pl', 12345).charAt(2));
  });
});

describe('Accept-Language', () => {
  it.each([
    ['pl', 'pl'],
    ['pl-PL,pl;q=0.9,en-US;q=0.8,en;q=0.7', 'pl'],
    ['de-DE,de;q=0.9,ro;q=0.8', 'ro'],
    ['en;q=0.5, ru', 'ru'],
    ['RU-ru', 'ru'],
    ['de, fr;q=0.9', null],
    ['pl;q=0, en', 'en'],
    ['*', null],
    ['', null],
    [undefined, null],
  ] as const)('should read %j as %s', (header, expected) => {
    expect(languageOfAcceptLanguage(header)).toBe(expected);
  });
});

describe('agenda lines in the team’s language', () => {
  const base: AgendaInput = {
    week: '2026-W48',
    language: 'en',
    timeZone: 'Europe/Warsaw',
    meetingAt: '2026-11-23T09:00:00.000Z',
    durationMinutes: 45,
    period: { start: '2026-11-16T09:00:00.000Z', end: '2026-11-23T09:00:00.000Z' },
    standingItems: [],
    handedOver: [],
    breaches: [],
    rejections: [],
    nurtures: [],
    campaigns: [
      { campaign: 'targi-budma', stages: { mql: 1 } },
      { campaign: 'webinar-q4', stages: { mql: 3, sql: 2 } },
      { campaign: 'ebook-bhp', stages: { lead: 5 } },
    ],
    pace: {
      period: '2026-Q4',
      currency: 'PLN',
      stages: [{ stage: 'revenue', status: 'behind', actual: 48000, expected: 172883.66, planned: 300000 }],
    },
    personaReview: null,
    pendingAgreement: null,
  };
  const linesOf = (language: Language, id: string) =>
    buildAgenda({ ...base, language }, new Date('2026-11-20T12:00:00Z')).sections.find((s) => s.id === id)
      ?.lines;

  it.each([
    [
      'pl',
      [
        'ebook-bhp: 5 leadów, teraz 5 leadów',
        'webinar-q4: 5 leadów, teraz 3 MQL, 2 SQL',
        'targi-budma: 1 lead, teraz 1 MQL',
      ],
      `przychód: 48${NBSP}000,00${NBSP}zł, do dziś oczekiwano 172${NBSP}883,66${NBSP}zł z 300${NBSP}000,00${NBSP}zł planowanych na 2026-Q4: za planem.`,
    ],
    [
      'ru',
      [
        'ebook-bhp: 5 лидов, сейчас 5 лидов',
        'webinar-q4: 5 лидов, сейчас 3 MQL, 2 SQL',
        'targi-budma: 1 лид, сейчас 1 MQL',
      ],
      `выручка: 48${NBSP}000,00${NBSP}PLN, к сегодняшнему дню ожидалось 172${NBSP}883,66${NBSP}PLN из 300${NBSP}000,00${NBSP}PLN по плану на 2026-Q4: отстаём от плана.`,
    ],
    [
      'ro',
      [
        'ebook-bhp: 5 lead-uri, acum 5 lead-uri',
        'webinar-q4: 5 lead-uri, acum 3 MQL, 2 SQL',
        'targi-budma: 1 lead, acum 1 MQL',
      ],
      `venituri: 48.000,00${NBSP}PLN, 172.883,66${NBSP}PLN așteptate până acum din 300.000,00${NBSP}PLN planificate pentru 2026-Q4: sub plan.`,
    ],
    [
      'en',
      [
        'ebook-bhp: 5 leads, now 5 leads',
        'webinar-q4: 5 leads, now 3 MQL, 2 SQL',
        'targi-budma: 1 lead, now 1 MQL',
      ],
      `revenue: PLN${NBSP}48,000.00, PLN${NBSP}172,883.66 expected by now of PLN${NBSP}300,000.00 planned for 2026-Q4: behind.`,
    ],
  ] as const)('should count campaign leads and write revenue as money in %s', (language, campaigns, pace) => {
    expect(linesOf(language, 'campaigns')).toEqual(campaigns);
    expect(linesOf(language, 'pace')).toEqual([pace]);
  });

  it('should write the rejection and nurture counts as the language groups them', () => {
    const many = Array.from({ length: 1200 }, (_, i) => ({
      leadId: `lead_${i}`,
      reasons: [{ code: 'no_budget', label: 'Brak budżetu' }],
    }));
    const lines = (language: Language) =>
      buildAgenda({ ...base, language, rejections: many }, new Date('2026-11-20T12:00:00Z')).sections.find(
        (s) => s.id === 'rejections',
      )?.lines;
    expect(lines('ru')?.[0]).toMatch(new RegExp(`Brak budżetu: 1${NBSP}200$`));
    expect(lines('en')?.[0]).toBe('Rejected, Brak budżetu: 1,200');
  });

  it('should say how many of one or of many handed-over leads were not worked', () => {
    const handedOver = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        leadId: `lead_${i}`,
        name: `Lead ${i}`,
        ownerId: null,
        ownerName: null,
        mqlAt: '2026-11-18T09:00:00.000Z',
        worked: i > 0,
      }));
    const first = (language: Language, n: number) =>
      buildAgenda({ ...base, language, handedOver: handedOver(n) }, new Date('2026-11-20T12:00:00Z'))
        .sections[0]?.lines[0];
    expect(first('pl', 1)).toBe('1 z 1 przekazanego leada nie podjęto.');
    expect(first('pl', 5)).toBe('1 z 5 przekazanych leadów nie podjęto.');
    expect(first('ru', 1)).toBe('Из 1 переданного лида не отработано 1.');
    expect(first('ru', 21)).toBe('Из 21 переданного лида не отработано 1.');
    expect(first('ru', 3)).toBe('Из 3 переданных лидов не отработано 1.');
    expect(first('ro', 1)).toBe('1 din 1 lead trimis nu a fost lucrat.');
    expect(first('ro', 4)).toBe('1 din cele 4 lead-uri trimise nu au fost lucrate.');
    expect(first('ro', 30)).toBe('1 din cele 30 de lead-uri trimise nu au fost lucrate.');
    expect(first('en', 4)).toBe('1 of the 4 leads we sent were not worked.');
  });
});

describe('diffs and notifications in the team’s language', () => {
  const en = starterAgreement('en', { timezone: 'Europe/Warsaw', country: 'PL' });
  const changed = structuredClone(en);
  changed.sla.firstTouchHours.perfect = 2;
  changed.sla.holidays = ['2026-12-24'];

  it.each([
    [
      'pl',
      ['sla.holidays: dodano "2026-12-24".', 'sla.firstTouchHours.perfect: 1 → 2.'],
      '## SLA przekazania leadów (sla)\n',
    ],
    [
      'ro',
      ['sla.holidays: adăugat "2026-12-24".', 'sla.firstTouchHours.perfect: 1 → 2.'],
      '## SLA de predare a lead-urilor (sla)\n',
    ],
    [
      'ru',
      ['sla.holidays: добавлено "2026-12-24".', 'sla.firstTouchHours.perfect: 1 → 2.'],
      '## SLA передачи лидов (sla)\n',
    ],
    ['en', ['sla.holidays: added "2026-12-24".', 'sla.firstTouchHours.perfect: 1 → 2.'], '## sla\n'],
  ] as const)('should say each change of a diff in %s, paths unchanged', (language, lines, heading) => {
    const diff = diffAgreements(en, changed, language);
    expect(diff.sections.map((s) => s.section)).toEqual(['sla']);
    expect(diff.sections[0]?.changes.map((c) => c.text).sort()).toEqual([...lines].sort());
    const markdown = diffAsMarkdown(diff, 'x', language);
    expect(markdown).toContain(heading);
    expect(diffAsMarkdown(diffAgreements(en, en, language), 'x', language)).toBe(
      `# x\n\n${{ pl: 'Brak zmian.', ro: 'Nicio modificare.', ru: 'Изменений нет.', en: 'No changes.' }[language]}\n`,
    );
  });

  it('should write a diff’s amounts as money in the goals’ currency and its numbers as the language does', () => {
    const before = structuredClone(en);
    before.goals.currency = 'PLN';
    before.goals.shared.revenue = 1_000_000;
    const after = structuredClone(before);
    after.goals.shared.revenue = 1_250_000.5;
    after.goals.marketing.sourcedRevenue = 400_000;
    after.sla.firstTouchHours.perfect = 0.5;
    const said = (language: Language) =>
      diffAgreements(before, after, language).sections.flatMap((s) => s.changes.map((c) => c.text));
    expect(said('pl')).toEqual([
      'sla.firstTouchHours.perfect: 1 → 0,5.',
      `goals.shared.revenue: 1${NBSP}000${NBSP}000,00${NBSP}zł → 1${NBSP}250${NBSP}000,50${NBSP}zł.`,
      `goals.marketing.sourcedRevenue: brak → 400${NBSP}000,00${NBSP}zł.`,
    ]);
    expect(said('en')).toEqual([
      'sla.firstTouchHours.perfect: 1 → 0.5.',
      `goals.shared.revenue: PLN${NBSP}1,000,000.00 → PLN${NBSP}1,250,000.50.`,
      `goals.marketing.sourcedRevenue: none → PLN${NBSP}400,000.00.`,
    ]);
  });

  it('should write a breach notification in Polish and Russian with the time in the team’s zone', () => {
    const notice = {
      topic: 'breached' as const,
      kind: 'first_touch' as const,
      dueAt: '2026-11-24T09:00:00.000Z',
      lead: { id: 'lead_1', name: 'Jan Kowalski (Stalmet)' },
      ownerName: 'Anna Nowak',
      recipients: [{ memberId: 'mem_1', name: 'Anna Nowak', role: 'owner' as const }],
    };
    expect(noticeLines(notice, 'pl', 'Europe/Warsaw')).toEqual([
      '🔴 Naruszenie SLA: pierwszy kontakt dla Jan Kowalski (Stalmet) — termin minął 24 lis 2026, 10:00.',
      'Opiekun: Anna Nowak.',
      'Do: Anna Nowak (opiekun).',
    ]);
    expect(noticeLines(notice, 'ru', 'Europe/Moscow')[0]).toBe(
      '🔴 Нарушение SLA: первый контакт по лиду Jan Kowalski (Stalmet), срок истёк 24 нояб. 2026 г., 12:00.',
    );
  });
});
