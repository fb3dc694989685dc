import type { Catalogue } from '../catalogue';

/** The starter agreement's words in Polish, as practitioners say them (DOMAIN.md). */
export const plStarter: Catalogue['starter'] = {
  title: 'Umowa SLA — umowa współpracy marketingu i sprzedaży',
  terms: {
    suspect: {
      term: 'Suspect (firma z segmentu)',
      definition:
        'Każda firma z naszego segmentu docelowego, niezależnie od tego, czy nas zna — na przykład każdy producent zatrudniający od {min} do {max} osób na naszym rynku.',
      examples: ['Firma z branżowej bazy danych', 'Klient konkurencji, z którym nigdy nie rozmawialiśmy'],
    },
    prospect: {
      term: 'Prospekt',
      definition:
        'Osoba lub firma, co do której mamy mocne przesłanki, że ma problem, który rozwiązujemy, ale która jeszcze o nic nas nie poprosiła.',
      examples: ['Zapis na webinar', 'Pobranie poradnika PDF', 'Nazwa firmy z listy'],
    },
    lead: {
      term: 'Lead',
      definition:
        'Osoba, która zostawiła dane kontaktowe i zgodę na kontakt oraz zrobiła coś, do czego możemy nawiązać w rozmowie („prosił Pan o przygotowanie oferty”).',
      examples: ['Prośba o wycenę przez formularz kontaktowy', 'Umówienie prezentacji produktu'],
    },
    mql: {
      term: 'Lead marketingowy kwalifikowany (MQL)',
      definition:
        'Lead, który spełnia kryteria z tej umowy — pasuje do profilu idealnego klienta, ma dane potrzebne sprzedaży (numer telefonu) i wykazuje wystarczające zaangażowanie. Marketing przekazuje go sprzedaży.',
    },
    sal: {
      term: 'Lead zaakceptowany (SAL)',
      definition: 'MQL, którego sprzedaż przyjęła: wykonano pierwszą próbę kontaktu i lead ma opiekuna.',
    },
    sql: {
      term: 'Lead sprzedażowy kwalifikowany (SQL)',
      definition:
        'Lead oceniony przez sprzedaż według spisanych w tej umowie kryteriów SQL: potrzeba, na którą odpowiadamy, osoba decyzyjna, znany termin decyzji. Nigdy „na wyczucie”.',
    },
    opportunity: {
      term: 'Szansa sprzedaży',
      definition:
        'SQL zarejestrowany jako prowadzona transakcja, z przewidywaną wartością i datą zamknięcia.',
    },
    customer: {
      term: 'Klient (wygrana)',
      definition:
        'Zamknięta transakcja wraz z przychodem. Przychód jest „z marketingu”, gdy lead pierwszy raz przyszedł ze źródła marketingowego.',
    },
    nurture: {
      term: 'Dogrzewanie (nurturing)',
      definition:
        'Lead odesłany do marketingu, bo nie jest jeszcze gotowy do zakupu — zawsze z kodem powodu, żeby marketing wiedział, nad czym pracować.',
      examples: ['Zakup za ponad {months} miesięcy', 'Brak budżetu w tym roku'],
    },
    disqualified: {
      term: 'Zdyskwalifikowany / przegrany',
      definition: 'Lead definitywnie poza lejkiem sprzedażowym, zawsze z kodem powodu.',
      examples: ['Spam lub fałszywe dane', 'Kandydat do pracy lub dostawca', 'Konkurencja'],
    },
  },
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
  icpSummary:
    'Firmy, które mogą kupić i wykorzystać naszą ofertę: klienci biznesowi zatrudniający od {min} do {max} osób na naszym rynku, piszący z firmowego adresu. Szablon nie ma kryteriów wymaganych, więc leady płyną od pierwszego dnia; zmień kryterium na „wymagane”, gdy ma działać jak bramka.',
  criteria: {
    company_size: 'Firma zatrudnia od {min} do {max} osób',
    target_industry: 'Branża, którą obsługujemy: produkcja, oprogramowanie, logistyka',
    home_market: 'Siedziba na naszym rynku',
    business_email: 'Kontakt z firmowego adresu e-mail',
    phone_given: 'Podany numer telefonu',
  },
  industryPattern: 'produkc|oprogramowan|logisty|manufactur|software|logistic',
  leadSummary:
    'Osoba staje się leadem, gdy poda dane kontaktowe i zgodę na kontakt oraz poprosi o coś, do czego nawiążemy w rozmowie. Wszystko inne to kontakt z prospektem, którego marketing dalej dogrzewa.',
  sources: {
    contact_form: {
      label: 'Formularz kontaktowy („proszę o telefon”)',
    },
    quote_request: {
      label: 'Prośba o wycenę lub ofertę',
    },
    demo_booking: {
      label: 'Umówienie prezentacji',
    },
    webinar_signup: {
      label: 'Zapis na webinar',
      note: 'Staje się leadem tylko wtedy, gdy formularz zapowiadał telefon i osoba się na niego zgodziła.',
    },
    ebook_download: {
      label: 'Pobranie e-booka lub poradnika',
    },
    newsletter: {
      label: 'Zapis na newsletter',
    },
  },
  temperatures: {
    cold: 'Zimny: jeden zapis na webinar',
    warm: 'Ciepły: udział w webinarze i pobrany e-book',
    hot: 'Gorący: udział w dwóch webinarach i pobrany e-book',
  },
  roles: {
    executive: 'Właściciel, prezes lub inny członek zarządu',
    director: 'Wiceprezes lub dyrektor',
    it_lead: 'Decydent IT (CIO, CTO, dyrektor IT)',
  },
  itTitlePattern: '\\b(CIO|CTO|IT)\\b',
  sitePaths: {
    pricing: ['/pricing', '/cennik'],
    support: ['/support', '/pomoc'],
    contact: ['/contact', '/kontakt'],
  },
  mqlSummary:
    'Zgoda na kontakt i podany numer telefonu. Sprzedaż dzwoni do każdego takiego leada, a zespół w tym czasie dostraja profil i progi punktowe.',
  sqlCriteria: {
    reached: {
      label: 'Rozmowa z osobą odbyła się',
    },
    need: {
      label: 'Potrzeba, na którą odpowiadamy',
      description: 'Rozmówca własnymi słowami opisał problem, który rozwiązuje nasza oferta.',
    },
    decision_maker: {
      label: 'Osoba decyzyjna lub dostęp do niej',
      description: 'Rozmawiamy z osobą, która decyduje, albo rozmówca zaprosi ją na kolejne spotkanie.',
    },
    timeframe: {
      label: 'Znany termin decyzji',
      description: 'Rozmówca podał, kiedy zamierza podjąć decyzję.',
    },
    budget: {
      label: 'Budżet jest lub może się pojawić',
    },
    acceptable_deal: {
      label: 'To nie jest rodzaj transakcji, której odmawiamy',
      description:
        'Bez jednorazowych projektów na zamówienie, odsprzedaży i przetargów poniżej naszego minimum.',
    },
    company_size: {
      label: 'Firma zatrudnia co najmniej {min} osób',
    },
  },
  rejectionReasons: {
    unreachable: 'Brak kontaktu mimo uzgodnionych prób',
    no_need: 'Dziś brak potrzeby, na którą odpowiadamy',
    no_decision_maker: 'Brak dostępu do osoby decyzyjnej',
    no_timeframe: 'Brak terminu decyzji',
    no_budget: 'Brak budżetu w tym roku',
    refused_deal: 'Rodzaj transakcji, której odmawiamy',
    too_small: 'Firma za mała na naszą ofertę',
    spam: 'Spam lub fałszywe dane kontaktowe',
    out_of_scope: 'To nie klient: kandydat do pracy, dostawca, student',
    competitor: 'Konkurencja',
  },
  goals: {
    shared: 'Wspólnym celem jest przychód. Oba zespoły patrzą na te same liczby w tym samym arkuszu.',
    marketing:
      'Marketing rozliczamy z leadów SQL i przychodu z marketingu, a nie z liczby MQL: limit MQL łatwo „wyrobić” tanimi kampaniami z formularzem.',
    sales: 'Sprzedaż rozliczamy z zamkniętych transakcji i z dotrzymania SLA przekazania leadów.',
    rewards:
      'Oba zespoły mogą być premiowane od przychodu ze sprzedaży, więc oba wygrywają, gdy lead się zamyka.',
  },
  weeklyAgenda: [
    'Leady MQL przekazane w zeszłym tygodniu i ile z nich nie obsłużono',
    'Przekroczenia SLA według opiekunów',
    'Odrzucenia i zwroty do dogrzewania wraz z powodami',
    'Co stało się z leadami z każdej kampanii',
    'Tempo względem planu',
  ],
  reviewAgenda: ['Raport miesięczny', 'Konwersja między etapami lejka', 'Zmiany w tej umowie'],
  segments: {
    growing_b2b: {
      name: 'Rosnące firmy B2B',
      description:
        'Firmy zatrudniające od {min} do {max} osób, które sprzedają innym firmom i wyrastają z arkuszy i poczty e-mail.',
    },
  },
  personaRoles: {
    owner: {
      name: 'Właściciel lub prezes',
      problems: ['Przychód zależy od kilku osób', 'Brak jasnego obrazu, co daje marketing'],
      challenges: ['Mało czasu', 'Chce dowodów przed wydaniem pieniędzy'],
    },
    it_director: {
      name: 'Dyrektor IT',
      problems: ['Zbyt wiele narzędzi, które ze sobą nie rozmawiają'],
      challenges: ['Przeglądy bezpieczeństwa i ochrony danych (RODO)', 'Mały zespół do integracji'],
    },
    sales_director: {
      name: 'Dyrektor sprzedaży',
      problems: ['Leady przychodzą bez kontekstu', 'Handlowcy gonią leady, które nigdy nie kupią'],
      challenges: ['Realizacja planu kwartalnego', 'Aktualne dane w CRM'],
    },
  },
  personaValues: [
    'Szybki start bez długiego wdrożenia',
    'Mierzalne wyniki co miesiąc',
    'Partner, który szybko odpowiada',
  ],
  feedback: {
    conversation: 'Jak przebiegła rozmowa? (1 — słabo, 5 — świetnie)',
    as_promised: 'Czy lead był taki, jak zapowiadał marketing?',
    best_contacts: 'Które osoby w firmie były najbardziej interesujące?',
    missing_info: 'Jakich informacji od marketingu zabrakło przed rozmową?',
  },
};
