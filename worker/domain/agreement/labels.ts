import type { Language, Side } from '../constants';
import type {
  AgreementSection,
  FeedbackAnswerKind,
  GoalPeriod,
  IcpOperator,
  LeadField,
  Quadrant,
  RejectionDestination,
  ReportCadence,
  ReportItem,
  TemperatureLevel,
  TouchType,
  VersionStatus,
  Weekday,
} from './constants';

/**
 * The words the shared agreement page (and the add-on's tabs) use, in the four
 * starter languages. The agreement's own text is the team's; these are only the
 * frame around it.
 */
export interface AgreementLabels {
  locale: string;
  sections: Record<AgreementSection, string>;
  fields: Record<LeadField, string>;
  operators: Record<IcpOperator, string>;
  touches: Record<TouchType, string>;
  quadrants: Record<Quadrant, string>;
  temperatures: Record<TemperatureLevel, string>;
  weekdays: Record<Weekday, string>;
  destinations: Record<RejectionDestination, string>;
  sides: Record<Side, string>;
  reportItems: Record<ReportItem, string>;
  answers: Record<FeedbackAnswerKind, string>;
  periods: Record<GoalPeriod, string>;
  cadences: Record<ReportCadence, string>;
  statuses: Record<VersionStatus, string>;
  words: {
    version: string;
    activeSince: string;
    contentHash: string;
    readOnly: string;
    print: string;
    isLead: string;
    isNotLead: string;
    examples: string;
    criterion: string;
    rule: string;
    kind: string;
    requiredGate: string;
    weightedPoints: string;
    points: string;
    consentRequired: string;
    yes: string;
    no: string;
    source: string;
    creates: string;
    lead: string;
    prospectTouch: string;
    marketingView: string;
    salesView: string;
    monthsHot: string;
    monthsWarm: string;
    monthsCold: string;
    fitRoles: string;
    engagementPoints: string;
    pages: string;
    halfLife: string;
    thresholds: string;
    fitThreshold: string;
    engagementThreshold: string;
    mqlConsent: string;
    mqlIcp: string;
    mqlFields: string;
    mqlMinFit: string;
    mqlMinEngagement: string;
    mqlQuadrants: string;
    required: string;
    optional: string;
    reason: string;
    failedCriterion: string;
    hardDisqualifier: string;
    destination: string;
    timezone: string;
    businessHours: string;
    closed: string;
    holidays: string;
    none: string;
    firstTouch: string;
    businessHoursUnit: string;
    attemptsRule: string;
    decisionRule: string;
    period: string;
    currency: string;
    sharedGoal: string;
    marketingGoal: string;
    salesGoal: string;
    rewards: string;
    sqls: string;
    sourcedRevenue: string;
    closedRevenue: string;
    notSet: string;
    weeklyMeeting: string;
    managementReview: string;
    agreementReview: string;
    everyMonths: string;
    dayOfMonth: string;
    minutes: string;
    cadence: string;
    reportContains: string;
    weeklyAgenda: string;
    segments: string;
    roles: string;
    problems: string;
    challenges: string;
    values: string;
    guardian: string;
    reviewEvery: string;
    lastReviewed: string;
    question: string;
    answer: string;
    signatures: string;
    side: string;
    signedBy: string;
    signedAt: string;
    notSigned: string;
    notYetSigned: string;
    noActiveVersion: string;
    notFound: string;
    notFoundText: string;
  };
}

const en: AgreementLabels = {
  locale: 'en-GB',
  sections: {
    glossary: 'Glossary',
    icp: 'Ideal customer profile',
    leadDefinition: 'What is a lead',
    temperature: 'Temperature',
    scoring: 'Scoring',
    mql: 'Marketing qualified lead (MQL)',
    sqlCriteria: 'Sales qualified lead (SQL) criteria',
    rejectionReasons: 'Rejection reasons',
    sla: 'Handoff SLA',
    goals: 'Goals',
    meetings: 'Meetings',
    reporting: 'Reporting',
    persona: 'Buyer persona',
    feedback: 'Feedback from sales',
    signers: 'Signatures',
  },
  fields: {
    industry: 'Industry',
    employees: 'Employees',
    country: 'Country',
    title: 'Job title',
    seniority: 'Seniority',
    department: 'Department',
    hasPhone: 'Phone number given',
    emailDomainType: 'E-mail domain type',
    companyDomain: 'Company domain',
    source: 'Source',
  },
  operators: {
    in: 'is one of',
    not_in: 'is none of',
    '>=': 'is at least',
    '<=': 'is at most',
    between: 'is between',
    present: 'is present',
    matches: 'matches',
  },
  touches: {
    form_submitted: 'Form submitted',
    page_view: 'Page view',
    pricing_view: 'Pricing page view',
    support_view: 'Support page view',
    webinar_registered: 'Webinar sign-up',
    webinar_attended: 'Webinar attended',
    ebook_download: 'E-book download',
    email_click: 'E-mail click',
    chat: 'Chat',
    meeting: 'Meeting',
    custom: 'Other touch',
  },
  quadrants: {
    perfect: 'Perfect (high fit, high engagement)',
    engaged: 'Engaged (lower fit, high engagement)',
    fit: 'Fit (high fit, low engagement)',
    low: 'Low (low fit, low engagement)',
  },
  temperatures: { cold: 'Cold', warm: 'Warm', hot: 'Hot' },
  weekdays: {
    mon: 'Monday',
    tue: 'Tuesday',
    wed: 'Wednesday',
    thu: 'Thursday',
    fri: 'Friday',
    sat: 'Saturday',
    sun: 'Sunday',
  },
  destinations: { nurture: 'Back to marketing (nurture)', disqualified: 'Disqualified' },
  sides: { marketing: 'Marketing', sales: 'Sales', management: 'Management' },
  reportItems: {
    mqls_matching_icp: 'MQLs that match the ICP',
    handed_to_sales: 'Leads handed to sales',
    hot_leads: 'Hot leads (buying within 6 months)',
    nurture_with_reasons: 'Leads sent to nurture, with reasons',
    in_progress: 'Leads in progress',
    won: 'Won deals (count and revenue)',
    marketing_sourced_revenue: 'Marketing-sourced revenue',
    stage_conversion: 'Conversion between stages',
    sla_compliance: 'SLA compliance (first touch on time)',
    time_to_first_touch: 'Time to first touch (median, 90th percentile)',
    rejection_reasons: 'Rejection reasons',
    by_source_and_campaign: 'All of it by source and campaign',
  },
  answers: { yes_no: 'Yes / no', scale_1_5: 'Scale 1–5', text: 'Text' },
  periods: { month: 'Month', quarter: 'Quarter', year: 'Year' },
  cadences: { monthly: 'Monthly', quarterly: 'Quarterly' },
  statuses: {
    proposed: 'Awaiting signatures',
    active: 'Active',
    superseded: 'Superseded',
    withdrawn: 'Withdrawn',
  },
  words: {
    version: 'Version',
    activeSince: 'active since',
    contentHash: 'Content fingerprint (SHA-256)',
    readOnly: 'Read-only copy of the signed agreement.',
    print: 'Print or save as PDF from your browser.',
    isLead: 'This is a lead',
    isNotLead: 'This is not a lead',
    examples: 'Examples',
    criterion: 'Criterion',
    rule: 'Rule',
    kind: 'Kind',
    requiredGate: 'Required (gate)',
    weightedPoints: 'Weighted',
    points: 'points',
    consentRequired: 'Consent to be contacted is required',
    yes: 'Yes',
    no: 'No',
    source: 'Source',
    creates: 'Creates',
    lead: 'A lead',
    prospectTouch: 'A prospect touch only',
    marketingView: 'Marketing (engagement)',
    salesView: 'Sales (buying horizon after a call)',
    monthsHot: 'Hot: buying in fewer than {n} months',
    monthsWarm: 'Warm: buying in {a} to {b} months',
    monthsCold: 'Cold: buying in more than {n} months',
    fitRoles: 'Fit points by role',
    engagementPoints: 'Engagement points per touch',
    pages: 'Pages that weigh more',
    halfLife: 'Engagement points halve every {n} days.',
    thresholds: 'Quadrants',
    fitThreshold: 'High fit from {n} points',
    engagementThreshold: 'High engagement from {n} points',
    mqlConsent: 'Consent to be contacted is given',
    mqlIcp: 'Every required ICP criterion is met',
    mqlFields: 'These fields are present',
    mqlMinFit: 'Fit of at least {n} points',
    mqlMinEngagement: 'Engagement of at least {n} points',
    mqlQuadrants: 'The lead is in one of these quadrants',
    required: 'Required',
    optional: 'Optional',
    reason: 'Reason',
    failedCriterion: 'Criterion that failed',
    hardDisqualifier: 'Hard disqualifier',
    destination: 'Lead goes to',
    timezone: 'Time zone',
    businessHours: 'Business hours',
    closed: 'Closed',
    holidays: 'Holidays',
    none: 'None',
    firstTouch: 'First touch within',
    businessHoursUnit: 'business hours',
    attemptsRule:
      'At least {attempts} contact attempts over at least {channels} channels within {days} business days before a lead counts as unreachable.',
    decisionRule: 'A decision (SQL, nurture or disqualify) within {days} business days.',
    period: 'Period',
    currency: 'Currency',
    sharedGoal: 'Shared goal',
    marketingGoal: 'Marketing',
    salesGoal: 'Sales',
    rewards: 'Rewards',
    sqls: 'SQLs',
    sourcedRevenue: 'Marketing-sourced revenue',
    closedRevenue: 'Closed revenue',
    notSet: 'not set yet',
    weeklyMeeting: 'Weekly joint meeting',
    managementReview: 'Management review',
    agreementReview: 'This agreement is reviewed every {n} months.',
    everyMonths: 'every {n} month(s)',
    dayOfMonth: 'on day {n}',
    minutes: 'min',
    cadence: 'Report cadence',
    reportContains: 'The report contains',
    weeklyAgenda: 'A weekly meeting agenda is prepared from the data',
    segments: 'Segments',
    roles: 'Roles',
    problems: 'Problems',
    challenges: 'Challenges',
    values: 'What we stress',
    guardian: 'Persona guardian',
    reviewEvery: 'Reviewed every {n} months',
    lastReviewed: 'Last review',
    question: 'Question',
    answer: 'Answer',
    signatures: 'Signatures',
    side: 'Side',
    signedBy: 'Signed by',
    signedAt: 'Signed on',
    notSigned: 'not signed',
    notYetSigned: 'Not signed yet',
    noActiveVersion: 'No version of the agreement has been signed yet.',
    notFound: 'Link not found',
    notFoundText: 'This link does not exist or was revoked. Ask the person who shared it for a new one.',
  },
};

const pl: AgreementLabels = {
  locale: 'pl-PL',
  sections: {
    glossary: 'Słownik pojęć',
    icp: 'Profil idealnego klienta',
    leadDefinition: 'Kto jest leadem',
    temperature: 'Temperatura leadów',
    scoring: 'Scoring',
    mql: 'Lead marketingowy kwalifikowany (MQL)',
    sqlCriteria: 'Kryteria leada sprzedażowego kwalifikowanego (SQL)',
    rejectionReasons: 'Powody odrzucenia',
    sla: 'SLA przekazania leadów',
    goals: 'Cele',
    meetings: 'Spotkania',
    reporting: 'Raportowanie',
    persona: 'Buyer persona',
    feedback: 'Informacja zwrotna od sprzedaży',
    signers: 'Podpisy',
  },
  fields: {
    industry: 'Branża',
    employees: 'Liczba pracowników',
    country: 'Kraj',
    title: 'Stanowisko',
    seniority: 'Szczebel',
    department: 'Dział',
    hasPhone: 'Podany numer telefonu',
    emailDomainType: 'Rodzaj domeny e-mail',
    companyDomain: 'Domena firmy',
    source: 'Źródło',
  },
  operators: {
    in: 'jest jednym z',
    not_in: 'nie jest żadnym z',
    '>=': 'wynosi co najmniej',
    '<=': 'wynosi najwyżej',
    between: 'mieści się między',
    present: 'jest podany',
    matches: 'pasuje do wzorca',
  },
  touches: {
    form_submitted: 'Wysłany formularz',
    page_view: 'Odsłona strony',
    pricing_view: 'Odsłona cennika',
    support_view: 'Odsłona strony pomocy',
    webinar_registered: 'Zapis na webinar',
    webinar_attended: 'Udział w webinarze',
    ebook_download: 'Pobranie e-booka',
    email_click: 'Kliknięcie w e-mailu',
    chat: 'Czat',
    meeting: 'Spotkanie',
    custom: 'Inny kontakt',
  },
  quadrants: {
    perfect: 'Idealny (wysokie dopasowanie, wysokie zaangażowanie)',
    engaged: 'Zaangażowany (niższe dopasowanie, wysokie zaangażowanie)',
    fit: 'Dopasowany (wysokie dopasowanie, niskie zaangażowanie)',
    low: 'Niski (niskie dopasowanie, niskie zaangażowanie)',
  },
  temperatures: { cold: 'Zimny', warm: 'Ciepły', hot: 'Gorący' },
  weekdays: {
    mon: 'Poniedziałek',
    tue: 'Wtorek',
    wed: 'Środa',
    thu: 'Czwartek',
    fri: 'Piątek',
    sat: 'Sobota',
    sun: 'Niedziela',
  },
  destinations: { nurture: 'Wraca do marketingu (dogrzewanie)', disqualified: 'Zdyskwalifikowany' },
  sides: { marketing: 'Marketing', sales: 'Sprzedaż', management: 'Zarząd' },
  reportItems: {
    mqls_matching_icp: 'Leady MQL zgodne z profilem idealnego klienta',
    handed_to_sales: 'Leady przekazane sprzedaży',
    hot_leads: 'Gorące leady (zakup w ciągu 6 miesięcy)',
    nurture_with_reasons: 'Leady odesłane do dogrzewania, z powodami',
    in_progress: 'Leady w toku',
    won: 'Wygrane transakcje (liczba i przychód)',
    marketing_sourced_revenue: 'Przychód z marketingu',
    stage_conversion: 'Konwersja między etapami',
    sla_compliance: 'Dotrzymanie SLA (pierwszy kontakt na czas)',
    time_to_first_touch: 'Czas do pierwszego kontaktu (mediana, 90. percentyl)',
    rejection_reasons: 'Powody odrzucenia',
    by_source_and_campaign: 'Wszystko według źródła i kampanii',
  },
  answers: { yes_no: 'Tak / nie', scale_1_5: 'Skala 1–5', text: 'Tekst' },
  periods: { month: 'Miesiąc', quarter: 'Kwartał', year: 'Rok' },
  cadences: { monthly: 'Co miesiąc', quarterly: 'Co kwartał' },
  statuses: {
    proposed: 'Czeka na podpisy',
    active: 'Obowiązuje',
    superseded: 'Zastąpiona',
    withdrawn: 'Wycofana',
  },
  words: {
    version: 'Wersja',
    activeSince: 'obowiązuje od',
    contentHash: 'Odcisk treści (SHA-256)',
    readOnly: 'Kopia podpisanej umowy tylko do odczytu.',
    print: 'Wydrukuj lub zapisz jako PDF z poziomu przeglądarki.',
    isLead: 'To jest lead',
    isNotLead: 'To nie jest lead',
    examples: 'Przykłady',
    criterion: 'Kryterium',
    rule: 'Reguła',
    kind: 'Rodzaj',
    requiredGate: 'Wymagane (bramka)',
    weightedPoints: 'Punktowane',
    points: 'pkt',
    consentRequired: 'Wymagana zgoda na kontakt',
    yes: 'Tak',
    no: 'Nie',
    source: 'Źródło',
    creates: 'Tworzy',
    lead: 'Leada',
    prospectTouch: 'Tylko kontakt z prospektem',
    marketingView: 'Marketing (zaangażowanie)',
    salesView: 'Sprzedaż (horyzont zakupu po rozmowie)',
    monthsHot: 'Gorący: zakup w ciągu mniej niż {n} miesięcy',
    monthsWarm: 'Ciepły: zakup za {a}–{b} miesięcy',
    monthsCold: 'Zimny: zakup za ponad {n} miesięcy',
    fitRoles: 'Punkty dopasowania za rolę',
    engagementPoints: 'Punkty zaangażowania za kontakt',
    pages: 'Strony, które ważą więcej',
    halfLife: 'Punkty zaangażowania maleją o połowę co {n} dni.',
    thresholds: 'Ćwiartki',
    fitThreshold: 'Wysokie dopasowanie od {n} pkt',
    engagementThreshold: 'Wysokie zaangażowanie od {n} pkt',
    mqlConsent: 'Jest zgoda na kontakt',
    mqlIcp: 'Spełnione są wszystkie wymagane kryteria profilu idealnego klienta',
    mqlFields: 'Podane są pola',
    mqlMinFit: 'Dopasowanie co najmniej {n} pkt',
    mqlMinEngagement: 'Zaangażowanie co najmniej {n} pkt',
    mqlQuadrants: 'Lead jest w jednej z ćwiartek',
    required: 'Wymagane',
    optional: 'Opcjonalne',
    reason: 'Powód',
    failedCriterion: 'Niespełnione kryterium',
    hardDisqualifier: 'Bezwzględna dyskwalifikacja',
    destination: 'Lead trafia do',
    timezone: 'Strefa czasowa',
    businessHours: 'Godziny pracy',
    closed: 'Nieczynne',
    holidays: 'Dni wolne',
    none: 'Brak',
    firstTouch: 'Pierwszy kontakt w ciągu',
    businessHoursUnit: 'godz. roboczych',
    attemptsRule:
      'Co najmniej {attempts} próby kontaktu w co najmniej {channels} kanałach w ciągu {days} dni roboczych, zanim lead zostanie uznany za nieosiągalny.',
    decisionRule: 'Decyzja (SQL, dogrzewanie lub dyskwalifikacja) w ciągu {days} dni roboczych.',
    period: 'Okres',
    currency: 'Waluta',
    sharedGoal: 'Wspólny cel',
    marketingGoal: 'Marketing',
    salesGoal: 'Sprzedaż',
    rewards: 'Premie',
    sqls: 'Leady SQL',
    sourcedRevenue: 'Przychód z marketingu',
    closedRevenue: 'Przychód z zamkniętych transakcji',
    notSet: 'jeszcze nie ustalono',
    weeklyMeeting: 'Cotygodniowe wspólne spotkanie',
    managementReview: 'Przegląd zarządczy',
    agreementReview: 'Umowa jest przeglądana co {n} miesięcy.',
    everyMonths: 'co {n} mies.',
    dayOfMonth: '{n}. dnia miesiąca',
    minutes: 'min',
    cadence: 'Częstotliwość raportu',
    reportContains: 'Raport zawiera',
    weeklyAgenda: 'Agenda cotygodniowego spotkania powstaje z danych',
    segments: 'Segmenty',
    roles: 'Role',
    problems: 'Problemy',
    challenges: 'Wyzwania',
    values: 'Co podkreślamy',
    guardian: 'Strażnik buyer persony',
    reviewEvery: 'Przegląd co {n} mies.',
    lastReviewed: 'Ostatni przegląd',
    question: 'Pytanie',
    answer: 'Odpowiedź',
    signatures: 'Podpisy',
    side: 'Strona',
    signedBy: 'Podpisał(a)',
    signedAt: 'Data podpisu',
    notSigned: 'brak podpisu',
    notYetSigned: 'Jeszcze nie podpisano',
    noActiveVersion: 'Żadna wersja umowy nie została jeszcze podpisana.',
    notFound: 'Nie znaleziono linku',
    notFoundText: 'Ten link nie istnieje albo został cofnięty. Poproś osobę, która go udostępniła, o nowy.',
  },
};

const ro: AgreementLabels = {
  locale: 'ro-RO',
  sections: {
    glossary: 'Glosar',
    icp: 'Profilul clientului ideal',
    leadDefinition: 'Ce este un lead',
    temperature: 'Temperatura lead-urilor',
    scoring: 'Scoring',
    mql: 'Lead calificat de marketing (MQL)',
    sqlCriteria: 'Criteriile pentru lead calificat de vânzări (SQL)',
    rejectionReasons: 'Motive de respingere',
    sla: 'SLA de predare a lead-urilor',
    goals: 'Obiective',
    meetings: 'Întâlniri',
    reporting: 'Raportare',
    persona: 'Buyer persona',
    feedback: 'Feedback de la vânzări',
    signers: 'Semnături',
  },
  fields: {
    industry: 'Industrie',
    employees: 'Număr de angajați',
    country: 'Țară',
    title: 'Funcție',
    seniority: 'Nivel ierarhic',
    department: 'Departament',
    hasPhone: 'Număr de telefon lăsat',
    emailDomainType: 'Tipul domeniului de e-mail',
    companyDomain: 'Domeniul companiei',
    source: 'Sursă',
  },
  operators: {
    in: 'este unul dintre',
    not_in: 'nu este niciunul dintre',
    '>=': 'este cel puțin',
    '<=': 'este cel mult',
    between: 'este între',
    present: 'este completat',
    matches: 'se potrivește cu',
  },
  touches: {
    form_submitted: 'Formular trimis',
    page_view: 'Vizualizare de pagină',
    pricing_view: 'Vizualizare pagină de prețuri',
    support_view: 'Vizualizare pagină de suport',
    webinar_registered: 'Înscriere la webinar',
    webinar_attended: 'Participare la webinar',
    ebook_download: 'Descărcare e-book',
    email_click: 'Clic într-un e-mail',
    chat: 'Chat',
    meeting: 'Întâlnire',
    custom: 'Alt contact',
  },
  quadrants: {
    perfect: 'Perfect (potrivire mare, implicare mare)',
    engaged: 'Implicat (potrivire mai mică, implicare mare)',
    fit: 'Potrivit (potrivire mare, implicare mică)',
    low: 'Scăzut (potrivire mică, implicare mică)',
  },
  temperatures: { cold: 'Rece', warm: 'Cald', hot: 'Fierbinte' },
  weekdays: {
    mon: 'Luni',
    tue: 'Marți',
    wed: 'Miercuri',
    thu: 'Joi',
    fri: 'Vineri',
    sat: 'Sâmbătă',
    sun: 'Duminică',
  },
  destinations: { nurture: 'Înapoi la marketing (nurturing)', disqualified: 'Descalificat' },
  sides: { marketing: 'Marketing', sales: 'Vânzări', management: 'Conducere' },
  reportItems: {
    mqls_matching_icp: 'MQL-uri care corespund profilului clientului ideal',
    handed_to_sales: 'Lead-uri predate vânzărilor',
    hot_leads: 'Lead-uri fierbinți (cumpără în 6 luni)',
    nurture_with_reasons: 'Lead-uri trimise la nurturing, cu motive',
    in_progress: 'Lead-uri în lucru',
    won: 'Tranzacții câștigate (număr și venit)',
    marketing_sourced_revenue: 'Venit adus de marketing',
    stage_conversion: 'Conversia între etape',
    sla_compliance: 'Respectarea SLA (primul contact la timp)',
    time_to_first_touch: 'Timpul până la primul contact (mediană, percentila 90)',
    rejection_reasons: 'Motive de respingere',
    by_source_and_campaign: 'Totul pe surse și campanii',
  },
  answers: { yes_no: 'Da / nu', scale_1_5: 'Scară 1–5', text: 'Text' },
  periods: { month: 'Lună', quarter: 'Trimestru', year: 'An' },
  cadences: { monthly: 'Lunar', quarterly: 'Trimestrial' },
  statuses: {
    proposed: 'Așteaptă semnături',
    active: 'În vigoare',
    superseded: 'Înlocuită',
    withdrawn: 'Retrasă',
  },
  words: {
    version: 'Versiunea',
    activeSince: 'în vigoare din',
    contentHash: 'Amprenta conținutului (SHA-256)',
    readOnly: 'Copie doar pentru citire a acordului semnat.',
    print: 'Tipăriți sau salvați ca PDF din browser.',
    isLead: 'Acesta este un lead',
    isNotLead: 'Acesta nu este un lead',
    examples: 'Exemple',
    criterion: 'Criteriu',
    rule: 'Regulă',
    kind: 'Tip',
    requiredGate: 'Obligatoriu (barieră)',
    weightedPoints: 'Punctat',
    points: 'puncte',
    consentRequired: 'Acordul de contact este obligatoriu',
    yes: 'Da',
    no: 'Nu',
    source: 'Sursă',
    creates: 'Creează',
    lead: 'Un lead',
    prospectTouch: 'Doar un contact cu un prospect',
    marketingView: 'Marketing (implicare)',
    salesView: 'Vânzări (orizontul de cumpărare după apel)',
    monthsHot: 'Fierbinte: cumpără în mai puțin de {n} luni',
    monthsWarm: 'Cald: cumpără în {a}–{b} luni',
    monthsCold: 'Rece: cumpără în mai mult de {n} luni',
    fitRoles: 'Puncte de potrivire pe rol',
    engagementPoints: 'Puncte de implicare pe contact',
    pages: 'Pagini care cântăresc mai mult',
    halfLife: 'Punctele de implicare se înjumătățesc la fiecare {n} zile.',
    thresholds: 'Cadrane',
    fitThreshold: 'Potrivire mare de la {n} puncte',
    engagementThreshold: 'Implicare mare de la {n} puncte',
    mqlConsent: 'Acordul de contact este dat',
    mqlIcp: 'Toate criteriile obligatorii ale profilului clientului ideal sunt îndeplinite',
    mqlFields: 'Aceste câmpuri sunt completate',
    mqlMinFit: 'Potrivire de cel puțin {n} puncte',
    mqlMinEngagement: 'Implicare de cel puțin {n} puncte',
    mqlQuadrants: 'Lead-ul este într-unul dintre aceste cadrane',
    required: 'Obligatoriu',
    optional: 'Opțional',
    reason: 'Motiv',
    failedCriterion: 'Criteriul neîndeplinit',
    hardDisqualifier: 'Descalificare directă',
    destination: 'Lead-ul merge la',
    timezone: 'Fus orar',
    businessHours: 'Program de lucru',
    closed: 'Închis',
    holidays: 'Zile libere',
    none: 'Niciuna',
    firstTouch: 'Primul contact în',
    businessHoursUnit: 'ore lucrătoare',
    attemptsRule:
      'Cel puțin {attempts} încercări de contact pe cel puțin {channels} canale în {days} zile lucrătoare înainte ca un lead să fie considerat de negăsit.',
    decisionRule: 'O decizie (SQL, nurturing sau descalificare) în {days} zile lucrătoare.',
    period: 'Perioadă',
    currency: 'Monedă',
    sharedGoal: 'Obiectiv comun',
    marketingGoal: 'Marketing',
    salesGoal: 'Vânzări',
    rewards: 'Recompense',
    sqls: 'Lead-uri SQL',
    sourcedRevenue: 'Venit adus de marketing',
    closedRevenue: 'Venit din tranzacții închise',
    notSet: 'încă nestabilit',
    weeklyMeeting: 'Întâlnirea comună săptămânală',
    managementReview: 'Analiza conducerii',
    agreementReview: 'Acordul este revizuit la fiecare {n} luni.',
    everyMonths: 'la fiecare {n} lună/luni',
    dayOfMonth: 'în ziua {n}',
    minutes: 'min',
    cadence: 'Frecvența raportului',
    reportContains: 'Raportul conține',
    weeklyAgenda: 'Agenda întâlnirii săptămânale se pregătește din date',
    segments: 'Segmente',
    roles: 'Roluri',
    problems: 'Probleme',
    challenges: 'Provocări',
    values: 'Ce subliniem',
    guardian: 'Responsabilul buyer persona',
    reviewEvery: 'Revizuită la fiecare {n} luni',
    lastReviewed: 'Ultima revizuire',
    question: 'Întrebare',
    answer: 'Răspuns',
    signatures: 'Semnături',
    side: 'Partea',
    signedBy: 'Semnat de',
    signedAt: 'Data semnării',
    notSigned: 'nesemnat',
    notYetSigned: 'Încă nesemnat',
    noActiveVersion: 'Nicio versiune a acordului nu a fost semnată încă.',
    notFound: 'Link negăsit',
    notFoundText:
      'Acest link nu există sau a fost revocat. Cereți un link nou persoanei care l-a distribuit.',
  },
};

const ru: AgreementLabels = {
  locale: 'ru-RU',
  sections: {
    glossary: 'Глоссарий',
    icp: 'Профиль идеального клиента',
    leadDefinition: 'Кто считается лидом',
    temperature: 'Температура лидов',
    scoring: 'Скоринг',
    mql: 'Маркетингово квалифицированный лид (MQL)',
    sqlCriteria: 'Критерии лида, квалифицированного отделом продаж (SQL)',
    rejectionReasons: 'Причины отказа',
    sla: 'SLA передачи лидов',
    goals: 'Цели',
    meetings: 'Встречи',
    reporting: 'Отчётность',
    persona: 'Портрет покупателя',
    feedback: 'Обратная связь от продаж',
    signers: 'Подписи',
  },
  fields: {
    industry: 'Отрасль',
    employees: 'Число сотрудников',
    country: 'Страна',
    title: 'Должность',
    seniority: 'Уровень должности',
    department: 'Отдел',
    hasPhone: 'Указан телефон',
    emailDomainType: 'Тип почтового домена',
    companyDomain: 'Домен компании',
    source: 'Источник',
  },
  operators: {
    in: 'одно из',
    not_in: 'ни одно из',
    '>=': 'не меньше',
    '<=': 'не больше',
    between: 'от и до',
    present: 'указано',
    matches: 'соответствует шаблону',
  },
  touches: {
    form_submitted: 'Отправка формы',
    page_view: 'Просмотр страницы',
    pricing_view: 'Просмотр страницы цен',
    support_view: 'Просмотр страницы поддержки',
    webinar_registered: 'Регистрация на вебинар',
    webinar_attended: 'Участие в вебинаре',
    ebook_download: 'Скачивание электронной книги',
    email_click: 'Клик в письме',
    chat: 'Чат',
    meeting: 'Встреча',
    custom: 'Другое касание',
  },
  quadrants: {
    perfect: 'Идеальный (высокое соответствие, высокая вовлечённость)',
    engaged: 'Вовлечённый (ниже соответствие, высокая вовлечённость)',
    fit: 'Подходящий (высокое соответствие, низкая вовлечённость)',
    low: 'Низкий (низкое соответствие, низкая вовлечённость)',
  },
  temperatures: { cold: 'Холодный', warm: 'Тёплый', hot: 'Горячий' },
  weekdays: {
    mon: 'Понедельник',
    tue: 'Вторник',
    wed: 'Среда',
    thu: 'Четверг',
    fri: 'Пятница',
    sat: 'Суббота',
    sun: 'Воскресенье',
  },
  destinations: { nurture: 'Возврат в маркетинг (взращивание)', disqualified: 'Дисквалифицирован' },
  sides: { marketing: 'Маркетинг', sales: 'Продажи', management: 'Руководство' },
  reportItems: {
    mqls_matching_icp: 'MQL, соответствующие профилю идеального клиента',
    handed_to_sales: 'Лиды, переданные в продажи',
    hot_leads: 'Горячие лиды (покупка в течение 6 месяцев)',
    nurture_with_reasons: 'Лиды, возвращённые на взращивание, с причинами',
    in_progress: 'Лиды в работе',
    won: 'Выигранные сделки (количество и выручка)',
    marketing_sourced_revenue: 'Выручка от маркетинга',
    stage_conversion: 'Конверсия между этапами',
    sla_compliance: 'Соблюдение SLA (первый контакт вовремя)',
    time_to_first_touch: 'Время до первого контакта (медиана, 90-й перцентиль)',
    rejection_reasons: 'Причины отказа',
    by_source_and_campaign: 'Всё это в разрезе источников и кампаний',
  },
  answers: { yes_no: 'Да / нет', scale_1_5: 'Шкала 1–5', text: 'Текст' },
  periods: { month: 'Месяц', quarter: 'Квартал', year: 'Год' },
  cadences: { monthly: 'Ежемесячно', quarterly: 'Ежеквартально' },
  statuses: {
    proposed: 'Ожидает подписей',
    active: 'Действует',
    superseded: 'Заменена',
    withdrawn: 'Отозвана',
  },
  words: {
    version: 'Версия',
    activeSince: 'действует с',
    contentHash: 'Отпечаток содержания (SHA-256)',
    readOnly: 'Копия подписанного соглашения только для чтения.',
    print: 'Распечатайте или сохраните в PDF из браузера.',
    isLead: 'Это лид',
    isNotLead: 'Это не лид',
    examples: 'Примеры',
    criterion: 'Критерий',
    rule: 'Правило',
    kind: 'Тип',
    requiredGate: 'Обязательный (фильтр)',
    weightedPoints: 'С весом',
    points: 'баллов',
    consentRequired: 'Требуется согласие на связь',
    yes: 'Да',
    no: 'Нет',
    source: 'Источник',
    creates: 'Создаёт',
    lead: 'Лида',
    prospectTouch: 'Только касание потенциального клиента',
    marketingView: 'Маркетинг (вовлечённость)',
    salesView: 'Продажи (срок покупки после разговора)',
    monthsHot: 'Горячий: покупка менее чем через {n} мес.',
    monthsWarm: 'Тёплый: покупка через {a}–{b} мес.',
    monthsCold: 'Холодный: покупка более чем через {n} мес.',
    fitRoles: 'Баллы соответствия за роль',
    engagementPoints: 'Баллы вовлечённости за касание',
    pages: 'Страницы с большим весом',
    halfLife: 'Баллы вовлечённости уменьшаются вдвое каждые {n} дн.',
    thresholds: 'Квадранты',
    fitThreshold: 'Высокое соответствие от {n} баллов',
    engagementThreshold: 'Высокая вовлечённость от {n} баллов',
    mqlConsent: 'Получено согласие на связь',
    mqlIcp: 'Выполнены все обязательные критерии профиля идеального клиента',
    mqlFields: 'Указаны поля',
    mqlMinFit: 'Соответствие не менее {n} баллов',
    mqlMinEngagement: 'Вовлечённость не менее {n} баллов',
    mqlQuadrants: 'Лид находится в одном из квадрантов',
    required: 'Обязательный',
    optional: 'Необязательный',
    reason: 'Причина',
    failedCriterion: 'Невыполненный критерий',
    hardDisqualifier: 'Безусловная дисквалификация',
    destination: 'Лид уходит',
    timezone: 'Часовой пояс',
    businessHours: 'Рабочие часы',
    closed: 'Выходной',
    holidays: 'Праздничные дни',
    none: 'Нет',
    firstTouch: 'Первый контакт в течение',
    businessHoursUnit: 'рабочих часов',
    attemptsRule:
      'Не менее {attempts} попыток связаться как минимум по {channels} каналам за {days} рабочих дней, прежде чем лид считается недоступным.',
    decisionRule: 'Решение (SQL, взращивание или дисквалификация) в течение {days} рабочих дней.',
    period: 'Период',
    currency: 'Валюта',
    sharedGoal: 'Общая цель',
    marketingGoal: 'Маркетинг',
    salesGoal: 'Продажи',
    rewards: 'Премирование',
    sqls: 'SQL',
    sourcedRevenue: 'Выручка от маркетинга',
    closedRevenue: 'Выручка по закрытым сделкам',
    notSet: 'ещё не задано',
    weeklyMeeting: 'Еженедельная общая встреча',
    managementReview: 'Обзор для руководства',
    agreementReview: 'Соглашение пересматривается каждые {n} мес.',
    everyMonths: 'раз в {n} мес.',
    dayOfMonth: '{n}-го числа',
    minutes: 'мин',
    cadence: 'Периодичность отчёта',
    reportContains: 'Отчёт содержит',
    weeklyAgenda: 'Повестка еженедельной встречи готовится по данным',
    segments: 'Сегменты',
    roles: 'Роли',
    problems: 'Проблемы',
    challenges: 'Задачи и трудности',
    values: 'Что мы подчёркиваем',
    guardian: 'Ответственный за портрет покупателя',
    reviewEvery: 'Пересматривается каждые {n} мес.',
    lastReviewed: 'Последний пересмотр',
    question: 'Вопрос',
    answer: 'Ответ',
    signatures: 'Подписи',
    side: 'Сторона',
    signedBy: 'Подписал(а)',
    signedAt: 'Дата подписи',
    notSigned: 'не подписано',
    notYetSigned: 'Ещё не подписано',
    noActiveVersion: 'Ни одна версия соглашения ещё не подписана.',
    notFound: 'Ссылка не найдена',
    notFoundText: 'Такой ссылки нет или она отозвана. Попросите новую у того, кто ею поделился.',
  },
};

export const AGREEMENT_LABELS: Record<Language, AgreementLabels> = { en, pl, ro, ru };

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}
