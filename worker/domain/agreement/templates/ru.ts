import type { AgreementInput } from '../schema';
import type { StarterOptions } from './shared';
import { STARTER_REPORT_ITEMS, starterEngagementPoints, starterSla } from './shared';

/** Стартовый шаблон на русском: полное соглашение SLA, готовое к подписи и к настройке командой. */
export function russianStarter({ timezone, country }: StarterOptions): AgreementInput {
  return {
    language: 'ru',
    title: 'Соглашение об уровне сервиса (SLA) между продажами и маркетингом',
    glossary: {
      terms: [
        {
          key: 'suspect',
          term: 'Компания целевого сегмента (suspect)',
          definition:
            'Любая компания из нашего целевого сегмента, знает она о нас или нет, — например, любой производитель с численностью от 20 до 1000 сотрудников на нашем рынке.',
          examples: [
            'Компания из отраслевого справочника',
            'Клиент конкурента, с которым мы ни разу не говорили',
          ],
        },
        {
          key: 'prospect',
          term: 'Потенциальный клиент (проспект)',
          definition:
            'Человек или компания, у которых, по нашему твёрдому убеждению, есть проблема, которую мы решаем, но которые ещё ни о чём нас не просили.',
          examples: ['Регистрация на вебинар', 'Скачивание PDF-руководства', 'Название компании из списка'],
        },
        {
          key: 'lead',
          term: 'Лид',
          definition:
            'Человек, который оставил контактные данные и согласие на связь и сделал что-то, на что можно сослаться в разговоре («вы запрашивали коммерческое предложение»).',
          examples: ['Запросил расчёт стоимости через форму обратной связи', 'Записался на демонстрацию'],
        },
        {
          key: 'mql',
          term: 'Маркетингово квалифицированный лид (MQL)',
          definition:
            'Лид, который соответствует критериям этого соглашения: подходит под профиль идеального клиента, содержит данные, нужные продажам (номер телефона), и проявил достаточный интерес. Маркетинг передаёт его в продажи.',
          examples: [],
        },
        {
          key: 'sal',
          term: 'Лид, принятый отделом продаж (SAL)',
          definition:
            'MQL, который продажи взяли в работу: первая попытка связаться сделана, у лида есть ответственный.',
          examples: [],
        },
        {
          key: 'sql',
          term: 'Квалифицированный отделом продаж лид (SQL)',
          definition:
            'Лид, который продажи оценили по письменным критериям SQL этого соглашения: есть потребность, которую мы закрываем, есть лицо, принимающее решение, известен срок решения. Никогда «по ощущениям».',
          examples: [],
        },
        {
          key: 'opportunity',
          term: 'Сделка в работе',
          definition: 'SQL, зарегистрированный как сделка в работе, с ожидаемой суммой и датой закрытия.',
          examples: [],
        },
        {
          key: 'customer',
          term: 'Клиент (выигранная сделка)',
          definition:
            'Закрытая сделка с её выручкой. Выручка считается «от маркетинга», если лид впервые пришёл из маркетингового источника.',
          examples: [],
        },
        {
          key: 'nurture',
          term: 'Взращивание лидов',
          definition:
            'Лид, возвращённый в маркетинг, потому что он ещё не готов к покупке, — всегда с кодом причины, чтобы маркетинг понимал, над чем работать.',
          examples: ['Покупка более чем через 12 месяцев', 'Нет бюджета в этом году'],
        },
        {
          key: 'disqualified',
          term: 'Дисквалифицирован / проигран',
          definition: 'Окончательно выбыл из воронки продаж, всегда с кодом причины.',
          examples: ['Спам или ложные данные', 'Соискатель или поставщик', 'Конкурент'],
        },
      ],
      leadExamples: {
        is: [
          'Заполнил форму обратной связи и попросил перезвонить',
          'Запросил расчёт стоимости или коммерческое предложение',
          'Записался на демонстрацию в календаре',
          'Был на вебинаре, в форме которого обещали звонок, и дал согласие на связь',
        ],
        isNot: [
          'Зарегистрировался на вебинар, не прося связаться с ним',
          'Скачал электронную книгу без согласия на связь',
          'Контакт из купленной базы или найденный в LinkedIn',
          'Соискатель, поставщик или студент, который пишет диплом',
        ],
      },
    },
    icp: {
      summary:
        'Компании, которые могут купить и использовать наше предложение: бизнес-клиенты с численностью от 20 до 1000 сотрудников на нашем рынке, пишущие с корпоративного адреса. В шаблоне нет обязательных критериев, поэтому лиды идут с первого дня; сделайте критерий «обязательным», когда он должен работать как фильтр.',
      criteria: [
        {
          id: 'company_size',
          label: 'В компании от 20 до 1000 сотрудников',
          field: 'employees',
          operator: 'between',
          values: [20, 1000],
          kind: 'weighted',
          points: 20,
        },
        {
          id: 'target_industry',
          label: 'Отрасль, которую мы обслуживаем: производство, ПО, логистика',
          field: 'industry',
          operator: 'matches',
          values: ['производ|программ|логист|manufactur|software|logistic'],
          kind: 'weighted',
          points: 15,
        },
        {
          id: 'home_market',
          label: 'Компания на нашем рынке',
          field: 'country',
          operator: 'in',
          values: [country],
          kind: 'weighted',
          points: 10,
        },
        {
          id: 'business_email',
          label: 'Написал с корпоративного адреса электронной почты',
          field: 'emailDomainType',
          operator: 'in',
          values: ['business'],
          kind: 'weighted',
          points: 10,
        },
        {
          id: 'phone_given',
          label: 'Оставил номер телефона',
          field: 'hasPhone',
          operator: 'present',
          values: [],
          kind: 'weighted',
          points: 5,
        },
      ],
    },
    leadDefinition: {
      summary:
        'Человек становится лидом, когда оставляет контактные данные и согласие на связь и просит о чём-то, на что можно сослаться в разговоре. Всё остальное — касание потенциального клиента, которого маркетинг продолжает взращивать.',
      consentRequired: true,
      sources: [
        { key: 'contact_form', label: 'Форма обратной связи («перезвоните мне»)', creates: 'lead' },
        { key: 'quote_request', label: 'Запрос расчёта или коммерческого предложения', creates: 'lead' },
        { key: 'demo_booking', label: 'Запись на демонстрацию', creates: 'lead' },
        {
          key: 'webinar_signup',
          label: 'Регистрация на вебинар',
          creates: 'prospect',
          note: 'Становится лидом, только если в форме обещали звонок и человек на него согласился.',
        },
        { key: 'ebook_download', label: 'Скачивание электронной книги или руководства', creates: 'prospect' },
        { key: 'newsletter', label: 'Подписка на рассылку', creates: 'prospect' },
      ],
    },
    temperature: {
      marketing: [
        {
          temperature: 'cold',
          label: 'Холодный: одна регистрация на вебинар',
          when: [{ touch: 'webinar_registered', atLeast: 1 }],
        },
        {
          temperature: 'warm',
          label: 'Тёплый: посетил вебинар и скачал электронную книгу',
          when: [
            { touch: 'webinar_attended', atLeast: 1 },
            { touch: 'ebook_download', atLeast: 1 },
          ],
        },
        {
          temperature: 'hot',
          label: 'Горячий: посетил два вебинара и скачал электронную книгу',
          when: [
            { touch: 'webinar_attended', atLeast: 2 },
            { touch: 'ebook_download', atLeast: 1 },
          ],
        },
      ],
      sales: { hotUnderMonths: 6, coldOverMonths: 12 },
    },
    scoring: {
      fit: {
        roles: [
          {
            id: 'executive',
            label: 'Владелец, генеральный директор или другой топ-менеджер',
            field: 'seniority',
            operator: 'in',
            values: ['owner', 'c_level'],
            points: 20,
          },
          {
            id: 'director',
            label: 'Вице-президент или директор',
            field: 'seniority',
            operator: 'in',
            values: ['vp', 'director'],
            points: 15,
          },
          {
            id: 'it_lead',
            label: 'ЛПР в ИТ (CIO, CTO, ИТ-директор)',
            field: 'title',
            operator: 'matches',
            values: ['(^|[^\\p{L}])(CIO|CTO|IT|ИТ)([^\\p{L}]|$)'],
            points: 15,
          },
        ],
      },
      engagement: starterEngagementPoints([
        { urlContains: '/ceny', points: 10 },
        { urlContains: '/podderzhka', points: 8 },
      ]),
      thresholds: { fit: 40, engagement: 30 },
    },
    mql: {
      summary:
        'Согласие на связь получено и номер телефона указан. Продажи звонят каждому такому лиду, пока команда настраивает профиль и пороги оценки.',
      requireConsent: true,
      requireIcp: true,
      requiredFields: ['hasPhone'],
      minFit: null,
      minEngagement: null,
      quadrants: [],
    },
    sqlCriteria: [
      { code: 'reached', label: 'Разговор с человеком состоялся', required: true },
      {
        code: 'need',
        label: 'Есть потребность, которую мы закрываем',
        description: 'Собеседник своими словами описал проблему, которую решает наше предложение.',
        required: true,
      },
      {
        code: 'decision_maker',
        label: 'Лицо, принимающее решение, или выход на него',
        description:
          'Мы говорим с тем, кто принимает решение, или собеседник приведёт его на следующую встречу.',
        required: true,
      },
      {
        code: 'timeframe',
        label: 'Известен срок принятия решения',
        description: 'Собеседник назвал, когда собирается принять решение.',
        required: true,
      },
      { code: 'budget', label: 'Бюджет есть или может появиться', required: false },
      {
        code: 'acceptable_deal',
        label: 'Это не тот тип сделки, от которого мы отказываемся',
        description: 'Никаких разовых заказных проектов, перепродажи и тендеров ниже нашего минимума.',
        required: true,
      },
      { code: 'company_size', label: 'В компании не менее 20 сотрудников', required: false },
    ],
    rejectionReasons: [
      {
        code: 'unreachable',
        label: 'Не удалось связаться за согласованные попытки',
        criterion: 'reached',
        hardDisqualifier: false,
        destination: 'nurture',
      },
      {
        code: 'no_need',
        label: 'Сейчас нет потребности, которую мы закрываем',
        criterion: 'need',
        hardDisqualifier: false,
        destination: 'nurture',
      },
      {
        code: 'no_decision_maker',
        label: 'Нет выхода на лицо, принимающее решение',
        criterion: 'decision_maker',
        hardDisqualifier: false,
        destination: 'nurture',
      },
      {
        code: 'no_timeframe',
        label: 'Срок решения неизвестен',
        criterion: 'timeframe',
        hardDisqualifier: false,
        destination: 'nurture',
      },
      {
        code: 'no_budget',
        label: 'Нет бюджета в этом году',
        criterion: 'budget',
        hardDisqualifier: false,
        destination: 'nurture',
      },
      {
        code: 'refused_deal',
        label: 'Тип сделки, от которого мы отказываемся',
        criterion: 'acceptable_deal',
        hardDisqualifier: false,
        destination: 'disqualified',
      },
      {
        code: 'too_small',
        label: 'Компания слишком мала для нашего предложения',
        criterion: 'company_size',
        hardDisqualifier: false,
        destination: 'disqualified',
      },
      {
        code: 'spam',
        label: 'Спам или ложные контактные данные',
        criterion: null,
        hardDisqualifier: true,
        destination: 'disqualified',
      },
      {
        code: 'out_of_scope',
        label: 'Не покупатель: соискатель, поставщик, студент',
        criterion: null,
        hardDisqualifier: true,
        destination: 'disqualified',
      },
      {
        code: 'competitor',
        label: 'Конкурент',
        criterion: null,
        hardDisqualifier: true,
        destination: 'disqualified',
      },
    ],
    sla: starterSla(timezone),
    goals: {
      period: 'quarter',
      currency: null,
      shared: {
        revenue: null,
        note: 'Общая цель — выручка. Обе команды видят одни и те же цифры в одной и той же таблице.',
      },
      marketing: {
        sqls: null,
        sourcedRevenue: null,
        note: 'Маркетинг оценивается по количеству SQL и выручке от маркетинга, а не по числу MQL: план по MQL легко «выполнить» дешёвыми кампаниями с формами.',
      },
      sales: {
        closedRevenue: null,
        note: 'Продажи оцениваются по закрытым сделкам и по соблюдению SLA передачи лидов.',
      },
      rewards:
        'Обе команды могут получать премию от выручки продаж, поэтому обе выигрывают, когда лид превращается в сделку.',
    },
    meetings: {
      weekly: {
        day: 'mon',
        time: '10:00',
        durationMinutes: 45,
        agenda: [
          'MQL, переданные на прошлой неделе, и сколько из них не взято в работу',
          'Нарушения SLA по ответственным',
          'Отказы и возвраты на взращивание с причинами',
          'Что стало с лидами каждой кампании',
          'Темп относительно плана',
        ],
      },
      managementReview: {
        everyMonths: 1,
        dayOfMonth: 5,
        time: '14:00',
        agenda: ['Ежемесячный отчёт', 'Конверсия между этапами воронки', 'Изменения в этом соглашении'],
      },
      agreementReviewEveryMonths: 6,
    },
    reporting: { cadence: 'monthly', includes: [...STARTER_REPORT_ITEMS], weeklyAgenda: true },
    persona: {
      segments: [
        {
          name: 'Растущие B2B-компании',
          description:
            'Компании с численностью от 20 до 1000 сотрудников, которые продают другим компаниям и переросли таблицы и почту.',
        },
      ],
      roles: [
        {
          name: 'Владелец или генеральный директор',
          problems: ['Выручка зависит от нескольких человек', 'Нет ясной картины, что приносит маркетинг'],
          challenges: ['Мало времени', 'Хочет доказательств, прежде чем тратить деньги'],
        },
        {
          name: 'ИТ-директор',
          problems: ['Слишком много систем, которые не связаны между собой'],
          challenges: [
            'Проверки безопасности и защиты персональных данных',
            'Небольшая команда для интеграций',
          ],
        },
        {
          name: 'Коммерческий директор',
          problems: [
            'Лиды приходят без контекста',
            'Менеджеры тратят время на лидов, которые никогда не купят',
          ],
          challenges: ['Выполнение квартального плана', 'Актуальные данные в CRM'],
        },
      ],
      values: [
        'Быстрый старт без долгого внедрения',
        'Измеримый результат каждый месяц',
        'Партнёр, который быстро отвечает',
      ],
      guardianMemberId: null,
      reviewEveryMonths: 3,
      lastReviewedOn: null,
    },
    feedback: {
      questions: [
        {
          id: 'conversation',
          question: 'Как прошёл разговор? (1 — плохо, 5 — отлично)',
          answer: 'scale_1_5',
          required: true,
        },
        {
          id: 'as_promised',
          question: 'Соответствовал ли лид тому, что обещал маркетинг?',
          answer: 'yes_no',
          required: true,
        },
        {
          id: 'best_contacts',
          question: 'Какие контакты в компании оказались самыми интересными?',
          answer: 'text',
          required: false,
        },
        {
          id: 'missing_info',
          question: 'Какой информации от маркетинга не хватило перед звонком?',
          answer: 'text',
          required: false,
        },
      ],
    },
    signers: { marketing: true, sales: true, management: false },
  };
}
