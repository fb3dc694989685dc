import type { AgreementInput } from '../schema';
import type { StarterOptions } from './shared';
import { STARTER_REPORT_ITEMS, starterEngagementPoints, starterSla } from './shared';

/** Polski szablon startowy: kompletna umowa SLA, gotowa do podpisu i do dostrojenia przez zespół. */
export function polishStarter({ timezone, country }: StarterOptions): AgreementInput {
  return {
    language: 'pl',
    title: 'Umowa SLA — umowa współpracy marketingu i sprzedaży',
    glossary: {
      terms: [
        {
          key: 'suspect',
          term: 'Suspect (firma z segmentu)',
          definition:
            'Każda firma z naszego segmentu docelowego, niezależnie od tego, czy nas zna — na przykład każdy producent zatrudniający od 20 do 1000 osób na naszym rynku.',
          examples: ['Firma z branżowej bazy danych', 'Klient konkurencji, z którym nigdy nie rozmawialiśmy'],
        },
        {
          key: 'prospect',
          term: 'Prospekt',
          definition:
            'Osoba lub firma, co do której mamy mocne przesłanki, że ma problem, który rozwiązujemy, ale która jeszcze o nic nas nie poprosiła.',
          examples: ['Zapis na webinar', 'Pobranie poradnika PDF', 'Nazwa firmy z listy'],
        },
        {
          key: 'lead',
          term: 'Lead',
          definition:
            'Osoba, która zostawiła dane kontaktowe i zgodę na kontakt oraz zrobiła coś, do czego możemy nawiązać w rozmowie („prosił Pan o przygotowanie oferty”).',
          examples: ['Prośba o wycenę przez formularz kontaktowy', 'Umówienie prezentacji produktu'],
        },
        {
          key: 'mql',
          term: 'Lead marketingowy kwalifikowany (MQL)',
          definition:
            'Lead, który spełnia kryteria z tej umowy — pasuje do profilu idealnego klienta, ma dane potrzebne sprzedaży (numer telefonu) i wykazuje wystarczające zaangażowanie. Marketing przekazuje go sprzedaży.',
          examples: [],
        },
        {
          key: 'sal',
          term: 'Lead zaakceptowany (SAL)',
          definition: 'MQL, którego sprzedaż przyjęła: wykonano pierwszą próbę kontaktu i lead ma opiekuna.',
          examples: [],
        },
        {
          key: 'sql',
          term: 'Lead sprzedażowy kwalifikowany (SQL)',
          definition:
            'Lead oceniony przez sprzedaż według spisanych w tej umowie kryteriów SQL: potrzeba, na którą odpowiadamy, osoba decyzyjna, znany termin decyzji. Nigdy „na wyczucie”.',
          examples: [],
        },
        {
          key: 'opportunity',
          term: 'Szansa sprzedaży',
          definition:
            'SQL zarejestrowany jako prowadzona transakcja, z przewidywaną wartością i datą zamknięcia.',
          examples: [],
        },
        {
          key: 'customer',
          term: 'Klient (wygrana)',
          definition:
            'Zamknięta transakcja wraz z przychodem. Przychód jest „z marketingu”, gdy lead pierwszy raz przyszedł ze źródła marketingowego.',
          examples: [],
        },
        {
          key: 'nurture',
          term: 'Dogrzewanie (nurturing)',
          definition:
            'Lead odesłany do marketingu, bo nie jest jeszcze gotowy do zakupu — zawsze z kodem powodu, żeby marketing wiedział, nad czym pracować.',
          examples: ['Zakup za ponad 12 miesięcy', 'Brak budżetu w tym roku'],
        },
        {
          key: 'disqualified',
          term: 'Zdyskwalifikowany / przegrany',
          definition: 'Lead definitywnie poza lejkiem sprzedażowym, zawsze z kodem powodu.',
          examples: ['Spam lub fałszywe dane', 'Kandydat do pracy lub dostawca', 'Konkurencja'],
        },
      ],
      leadExamples: {
        is: [
          'Wypełnił formularz kontaktowy i poprosił o telefon',
          'Poprosił o wycenę lub ofertę',
          'Umówił prezentację produktu w kalendarzu',
          'Był na webinarze, którego formularz zapowiadał telefon, i wyraził zgodę na kontakt',
        ],
        isNot: [
          'Zapisał się na webinar, nie prosząc o kontakt',
          'Pobrał e-booka bez zgody na kontakt',
          'Nazwisko z kupionej bazy lub znalezione na LinkedIn',
          'Kandydat do pracy, dostawca lub student piszący pracę dyplomową',
        ],
      },
    },
    icp: {
      summary:
        'Firmy, które mogą kupić i wykorzystać naszą ofertę: klienci biznesowi zatrudniający od 20 do 1000 osób na naszym rynku, piszący z firmowego adresu. Szablon nie ma kryteriów wymaganych, więc leady płyną od pierwszego dnia; zmień kryterium na „wymagane”, gdy ma działać jak bramka.',
      criteria: [
        {
          id: 'company_size',
          label: 'Firma zatrudnia od 20 do 1000 osób',
          field: 'employees',
          operator: 'between',
          values: [20, 1000],
          kind: 'weighted',
          points: 20,
        },
        {
          id: 'target_industry',
          label: 'Branża, którą obsługujemy: produkcja, oprogramowanie, logistyka',
          field: 'industry',
          operator: 'matches',
          values: ['produkc|oprogramowan|logisty|manufactur|software|logistic'],
          kind: 'weighted',
          points: 15,
        },
        {
          id: 'home_market',
          label: 'Siedziba na naszym rynku',
          field: 'country',
          operator: 'in',
          values: [country],
          kind: 'weighted',
          points: 10,
        },
        {
          id: 'business_email',
          label: 'Kontakt z firmowego adresu e-mail',
          field: 'emailDomainType',
          operator: 'in',
          values: ['business'],
          kind: 'weighted',
          points: 10,
        },
        {
          id: 'phone_given',
          label: 'Podany numer telefonu',
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
        'Osoba staje się leadem, gdy poda dane kontaktowe i zgodę na kontakt oraz poprosi o coś, do czego nawiążemy w rozmowie. Wszystko inne to kontakt z prospektem, którego marketing dalej dogrzewa.',
      consentRequired: true,
      sources: [
        { key: 'contact_form', label: 'Formularz kontaktowy („proszę o telefon”)', creates: 'lead' },
        { key: 'quote_request', label: 'Prośba o wycenę lub ofertę', creates: 'lead' },
        { key: 'demo_booking', label: 'Umówienie prezentacji', creates: 'lead' },
        {
          key: 'webinar_signup',
          label: 'Zapis na webinar',
          creates: 'prospect',
          note: 'Staje się leadem tylko wtedy, gdy formularz zapowiadał telefon i osoba się na niego zgodziła.',
        },
        { key: 'ebook_download', label: 'Pobranie e-booka lub poradnika', creates: 'prospect' },
        { key: 'newsletter', label: 'Zapis na newsletter', creates: 'prospect' },
      ],
    },
    temperature: {
      marketing: [
        {
          temperature: 'cold',
          label: 'Zimny: jeden zapis na webinar',
          when: [{ touch: 'webinar_registered', atLeast: 1 }],
        },
        {
          temperature: 'warm',
          label: 'Ciepły: udział w webinarze i pobrany e-book',
          when: [
            { touch: 'webinar_attended', atLeast: 1 },
            { touch: 'ebook_download', atLeast: 1 },
          ],
        },
        {
          temperature: 'hot',
          label: 'Gorący: udział w dwóch webinarach i pobrany e-book',
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
            label: 'Właściciel, prezes lub inny członek zarządu',
            field: 'seniority',
            operator: 'in',
            values: ['owner', 'c_level'],
            points: 20,
          },
          {
            id: 'director',
            label: 'Wiceprezes lub dyrektor',
            field: 'seniority',
            operator: 'in',
            values: ['vp', 'director'],
            points: 15,
          },
          {
            id: 'it_lead',
            label: 'Decydent IT (CIO, CTO, dyrektor IT)',
            field: 'title',
            operator: 'matches',
            values: ['\\b(CIO|CTO|IT)\\b'],
            points: 15,
          },
        ],
      },
      engagement: starterEngagementPoints([
        { urlContains: '/cennik', points: 10 },
        { urlContains: '/pomoc', points: 8 },
        { urlContains: '/kontakt', points: 5 },
      ]),
      thresholds: { fit: 40, engagement: 30 },
    },
    mql: {
      summary:
        'Zgoda na kontakt i podany numer telefonu. Sprzedaż dzwoni do każdego takiego leada, a zespół w tym czasie dostraja profil i progi punktowe.',
      requireConsent: true,
      requireIcp: true,
      requiredFields: ['hasPhone'],
      minFit: null,
      minEngagement: null,
      quadrants: [],
    },
    sqlCriteria: [
      { code: 'reached', label: 'Rozmowa z osobą odbyła się', required: true },
      {
        code: 'need',
        label: 'Potrzeba, na którą odpowiadamy',
        description: 'Rozmówca własnymi słowami opisał problem, który rozwiązuje nasza oferta.',
        required: true,
      },
      {
        code: 'decision_maker',
        label: 'Osoba decyzyjna lub dostęp do niej',
        description: 'Rozmawiamy z osobą, która decyduje, albo rozmówca zaprosi ją na kolejne spotkanie.',
        required: true,
      },
      {
        code: 'timeframe',
        label: 'Znany termin decyzji',
        description: 'Rozmówca podał, kiedy zamierza podjąć decyzję.',
        required: true,
      },
      { code: 'budget', label: 'Budżet jest lub może się pojawić', required: false },
      {
        code: 'acceptable_deal',
        label: 'To nie jest rodzaj transakcji, której odmawiamy',
        description:
          'Bez jednorazowych projektów na zamówienie, odsprzedaży i przetargów poniżej naszego minimum.',
        required: true,
      },
      { code: 'company_size', label: 'Firma zatrudnia co najmniej 20 osób', required: false },
    ],
    rejectionReasons: [
      {
        code: 'unreachable',
        label: 'Brak kontaktu mimo uzgodnionych prób',
        criterion: 'reached',
        hardDisqualifier: false,
        destination: 'nurture',
      },
      {
        code: 'no_need',
        label: 'Dziś brak potrzeby, na którą odpowiadamy',
        criterion: 'need',
        hardDisqualifier: false,
        destination: 'nurture',
      },
      {
        code: 'no_decision_maker',
        label: 'Brak dostępu do osoby decyzyjnej',
        criterion: 'decision_maker',
        hardDisqualifier: false,
        destination: 'nurture',
      },
      {
        code: 'no_timeframe',
        label: 'Brak terminu decyzji',
        criterion: 'timeframe',
        hardDisqualifier: false,
        destination: 'nurture',
      },
      {
        code: 'no_budget',
        label: 'Brak budżetu w tym roku',
        criterion: 'budget',
        hardDisqualifier: false,
        destination: 'nurture',
      },
      {
        code: 'refused_deal',
        label: 'Rodzaj transakcji, której odmawiamy',
        criterion: 'acceptable_deal',
        hardDisqualifier: false,
        destination: 'disqualified',
      },
      {
        code: 'too_small',
        label: 'Firma za mała na naszą ofertę',
        criterion: 'company_size',
        hardDisqualifier: false,
        destination: 'disqualified',
      },
      {
        code: 'spam',
        label: 'Spam lub fałszywe dane kontaktowe',
        criterion: null,
        hardDisqualifier: true,
        destination: 'disqualified',
      },
      {
        code: 'out_of_scope',
        label: 'To nie klient: kandydat do pracy, dostawca, student',
        criterion: null,
        hardDisqualifier: true,
        destination: 'disqualified',
      },
      {
        code: 'competitor',
        label: 'Konkurencja',
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
        note: 'Wspólnym celem jest przychód. Oba zespoły patrzą na te same liczby w tym samym arkuszu.',
      },
      marketing: {
        sqls: null,
        sourcedRevenue: null,
        note: 'Marketing rozliczamy z leadów SQL i przychodu z marketingu, a nie z liczby MQL: limit MQL łatwo „wyrobić” tanimi kampaniami z formularzem.',
      },
      sales: {
        closedRevenue: null,
        note: 'Sprzedaż rozliczamy z zamkniętych transakcji i z dotrzymania SLA przekazania leadów.',
      },
      rewards:
        'Oba zespoły mogą być premiowane od przychodu ze sprzedaży, więc oba wygrywają, gdy lead się zamyka.',
    },
    meetings: {
      weekly: {
        day: 'mon',
        time: '10:00',
        durationMinutes: 45,
        agenda: [
          'Leady MQL przekazane w zeszłym tygodniu i ile z nich nie obsłużono',
          'Przekroczenia SLA według opiekunów',
          'Odrzucenia i zwroty do dogrzewania wraz z powodami',
          'Co stało się z leadami z każdej kampanii',
          'Tempo względem planu',
        ],
      },
      managementReview: {
        everyMonths: 1,
        dayOfMonth: 5,
        time: '14:00',
        agenda: ['Raport miesięczny', 'Konwersja między etapami lejka', 'Zmiany w tej umowie'],
      },
      agreementReviewEveryMonths: 6,
    },
    reporting: { cadence: 'monthly', includes: [...STARTER_REPORT_ITEMS], weeklyAgenda: true },
    persona: {
      segments: [
        {
          name: 'Rosnące firmy B2B',
          description:
            'Firmy zatrudniające od 20 do 1000 osób, które sprzedają innym firmom i wyrastają z arkuszy i poczty e-mail.',
        },
      ],
      roles: [
        {
          name: 'Właściciel lub prezes',
          problems: ['Przychód zależy od kilku osób', 'Brak jasnego obrazu, co daje marketing'],
          challenges: ['Mało czasu', 'Chce dowodów przed wydaniem pieniędzy'],
        },
        {
          name: 'Dyrektor IT',
          problems: ['Zbyt wiele narzędzi, które ze sobą nie rozmawiają'],
          challenges: ['Przeglądy bezpieczeństwa i ochrony danych (RODO)', 'Mały zespół do integracji'],
        },
        {
          name: 'Dyrektor sprzedaży',
          problems: ['Leady przychodzą bez kontekstu', 'Handlowcy gonią leady, które nigdy nie kupią'],
          challenges: ['Realizacja planu kwartalnego', 'Aktualne dane w CRM'],
        },
      ],
      values: [
        'Szybki start bez długiego wdrożenia',
        'Mierzalne wyniki co miesiąc',
        'Partner, który szybko odpowiada',
      ],
      guardianMemberId: null,
      reviewEveryMonths: 3,
      lastReviewedOn: null,
    },
    feedback: {
      questions: [
        {
          id: 'conversation',
          question: 'Jak przebiegła rozmowa? (1 — słabo, 5 — świetnie)',
          answer: 'scale_1_5',
          required: true,
        },
        {
          id: 'as_promised',
          question: 'Czy lead był taki, jak zapowiadał marketing?',
          answer: 'yes_no',
          required: true,
        },
        {
          id: 'best_contacts',
          question: 'Które osoby w firmie były najbardziej interesujące?',
          answer: 'text',
          required: false,
        },
        {
          id: 'missing_info',
          question: 'Jakich informacji od marketingu zabrakło przed rozmową?',
          answer: 'text',
          required: false,
        },
      ],
    },
    signers: { marketing: true, sales: true, management: false },
  };
}
