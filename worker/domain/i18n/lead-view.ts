import type { Language } from '../constants';
import type { EventType } from '../ledger/constants';
import type { AttemptChannel } from '../ledger/events';

/**
 * What the sidebar's one-lead view says, one table per language, in the shape
 * of `sheet-work.ts` (stages, statuses, quadrants, action names and attempt
 * outcomes come from the sheet's own tables). Placeholders are `{name}`,
 * filled with `fill`.
 */
export interface LeadViewTexts {
  title: string;
  /** Buttons at the top: open the selected row's lead, or the lead with the id typed. */
  openSelected: string;
  openById: string;
  leadIdPlaceholder: string;
  refresh: string;
  loading: string;
  sections: { profile: string; scores: string; history: string; deadlines: string; actions: string };
  fields: {
    name: string;
    company: string;
    email: string;
    phone: string;
    source: string;
    campaign: string;
    stage: string;
    owner: string;
    version: string;
  };
  scores: {
    quadrant: string;
    marketingTemperature: string;
    salesTemperature: string;
    /** `{total}` points, high from `{threshold}`. */
    fit: string;
    engagement: string;
    /** A criterion met (`{points}` added when weighted) or not. */
    met: string;
    metPoints: string;
    notMet: string;
    /** A required ICP criterion (a gate). */
    gate: string;
    role: string;
    touch: string;
    halfLife: string;
    rule: string;
    none: string;
    unexplained: string;
  };
  events: Record<EventType, string>;
  channels: Record<AttemptChannel, string>;
  /** Who acted, when the ledger names no member. */
  actors: { system: string; token: string; source: string };
  deadlines: { left: string; overdue: string; none: string };
  inputs: {
    /** The Worker's `attempt`: one button with channel and outcome. */
    attempt: string;
    channel: string;
    outcome: string;
    checklist: string;
    buyingHorizon: string;
    reasons: string;
    reason: string;
    amount: string;
    currency: string;
    note: string;
    send: string;
    yes: string;
    no: string;
  };
  noActions: string;
  /** Messages. */
  selectRow: string;
  notConnected: string;
  notFound: string;
  sent: string;
  refused: string;
  stale: string;
  nothingNew: string;
  unreachable: string;
}

const en: LeadViewTexts = {
  title: 'Lead',
  openSelected: 'Open the selected row’s lead',
  openById: 'Open',
  leadIdPlaceholder: 'or a lead id',
  refresh: 'Refresh',
  loading: 'Loading…',
  sections: {
    profile: 'Profile',
    scores: 'Scores',
    history: 'History',
    deadlines: 'Deadlines',
    actions: 'Actions',
  },
  fields: {
    name: 'Name',
    company: 'Company',
    email: 'E-mail',
    phone: 'Phone',
    source: 'Source',
    campaign: 'Campaign',
    stage: 'Stage',
    owner: 'Owner',
    version: 'Version',
  },
  scores: {
    quadrant: 'Quadrant',
    marketingTemperature: 'Marketing temperature',
    salesTemperature: 'Sales temperature',
    fit: 'Fit: {total} points (high from {threshold})',
    engagement: 'Engagement: {total} points (high from {threshold})',
    met: '✓ {label}',
    metPoints: '✓ {label}: +{points}',
    notMet: '✗ {label}',
    gate: '(required)',
    role: 'Role: {label}: +{points}',
    touch: '{count} × {type}: {points} points each',
    halfLife: 'Engagement points halve every {days} days.',
    rule: 'Matches: {label}',
    none: '—',
    unexplained: 'No signed agreement explains these scores yet.',
  },
  events: {
    created: 'Created',
    became_lead: 'Became a lead',
    touch: 'Touch',
    profile_updated: 'Profile updated',
    consent_given: 'Consent given',
    scored: 'Scored',
    mql: 'Became an MQL',
    assigned: 'Assigned',
    attempt: 'Contact attempt',
    accepted: 'Accepted by sales',
    qualified: 'Qualified',
    rejected: 'Rejected',
    nurtured: 'Sent to nurture',
    opportunity: 'Opportunity',
    won: 'Won',
    lost: 'Lost',
    feedback: 'Feedback',
    erased: 'Personal data erased',
    imported: 'Imported',
  },
  channels: { phone: 'Phone', email: 'E-mail', linkedin: 'LinkedIn', meeting: 'Meeting', other: 'Other' },
  actors: { system: 'LeadPact', token: 'a LeadPact token', source: 'form: {name}' },
  deadlines: {
    left: '{hours} business hours left',
    overdue: '{hours} business hours overdue',
    none: 'No deadlines.',
  },
  inputs: {
    attempt: 'Log an attempt',
    channel: 'Channel',
    outcome: 'Outcome',
    checklist: 'SQL checklist (tick what is met)',
    buyingHorizon: 'Buying horizon (months)',
    reasons: 'Reasons',
    reason: 'Reason',
    amount: 'Amount',
    currency: 'Currency',
    note: 'Note',
    send: 'Send',
    yes: 'Yes',
    no: 'No',
  },
  noActions: 'You cannot act on this lead now.',
  selectRow: 'Select a lead’s row in the Leads tab (or type its id), then open it.',
  notConnected: 'LeadPact is not connected: save the API URL and your token first.',
  notFound: 'No lead {id} in this workspace.',
  sent: 'Recorded: {action}.',
  refused: 'LeadPact refused this: {reason}',
  stale:
    'The lead changed since you opened it, so nothing was sent. Since then: {changes}. Check it and send again.',
  nothingNew: 'nothing you can see here',
  unreachable: 'LeadPact could not be reached ({reason}); nothing was sent. Try again.',
};

const pl: LeadViewTexts = {
  title: 'Lead',
  openSelected: 'Otwórz leada z zaznaczonego wiersza',
  openById: 'Otwórz',
  leadIdPlaceholder: 'lub id leada',
  refresh: 'Odśwież',
  loading: 'Wczytywanie…',
  sections: {
    profile: 'Profil',
    scores: 'Ocena',
    history: 'Historia',
    deadlines: 'Terminy',
    actions: 'Działania',
  },
  fields: {
    name: 'Imię i nazwisko',
    company: 'Firma',
    email: 'E-mail',
    phone: 'Telefon',
    source: 'Źródło',
    campaign: 'Kampania',
    stage: 'Etap',
    owner: 'Opiekun',
    version: 'Wersja',
  },
  scores: {
    quadrant: 'Ćwiartka',
    marketingTemperature: 'Temperatura marketingowa',
    salesTemperature: 'Temperatura sprzedażowa',
    fit: 'Dopasowanie: {total} pkt (wysokie od {threshold})',
    engagement: 'Zaangażowanie: {total} pkt (wysokie od {threshold})',
    met: '✓ {label}',
    metPoints: '✓ {label}: +{points}',
    notMet: '✗ {label}',
    gate: '(wymagane)',
    role: 'Rola: {label}: +{points}',
    touch: '{count} × {type}: po {points} pkt',
    halfLife: 'Punkty zaangażowania maleją o połowę co {days} dni.',
    rule: 'Spełnia: {label}',
    none: '—',
    unexplained: 'Żadna podpisana umowa nie wyjaśnia jeszcze tej oceny.',
  },
  events: {
    created: 'Utworzony',
    became_lead: 'Został leadem',
    touch: 'Interakcja',
    profile_updated: 'Zmiana profilu',
    consent_given: 'Zgoda udzielona',
    scored: 'Oceniony',
    mql: 'Został MQL',
    assigned: 'Przypisany',
    attempt: 'Próba kontaktu',
    accepted: 'Zaakceptowany przez sprzedaż',
    qualified: 'Zakwalifikowany',
    rejected: 'Odrzucony',
    nurtured: 'Przekazany do dogrzewania',
    opportunity: 'Szansa sprzedaży',
    won: 'Wygrany',
    lost: 'Przegrany',
    feedback: 'Informacja zwrotna',
    erased: 'Dane osobowe usunięte',
    imported: 'Zaimportowany',
  },
  channels: { phone: 'Telefon', email: 'E-mail', linkedin: 'LinkedIn', meeting: 'Spotkanie', other: 'Inny' },
  actors: { system: 'LeadPact', token: 'token LeadPact', source: 'formularz: {name}' },
  deadlines: {
    left: 'zostało {hours} godz. roboczych',
    overdue: 'po terminie o {hours} godz. roboczych',
    none: 'Brak terminów.',
  },
  inputs: {
    attempt: 'Zapisz próbę kontaktu',
    channel: 'Kanał',
    outcome: 'Wynik',
    checklist: 'Lista kryteriów SQL (zaznacz spełnione)',
    buyingHorizon: 'Horyzont zakupu (miesiące)',
    reasons: 'Powody',
    reason: 'Powód',
    amount: 'Kwota',
    currency: 'Waluta',
    note: 'Notatka',
    send: 'Wyślij',
    yes: 'Tak',
    no: 'Nie',
  },
  noActions: 'Nie możesz teraz działać na tym leadzie.',
  selectRow: 'Zaznacz wiersz leada w karcie Leads (lub wpisz jego id), a potem go otwórz.',
  notConnected: 'LeadPact nie jest połączony: najpierw zapisz adres API i swój token.',
  notFound: 'W tym obszarze roboczym nie ma leada {id}.',
  sent: 'Zapisano: {action}.',
  refused: 'LeadPact odrzucił to: {reason}',
  stale:
    'Lead zmienił się od otwarcia, więc nic nie wysłano. Od tego czasu: {changes}. Sprawdź i wyślij ponownie.',
  nothingNew: 'nic, co widać tutaj',
  unreachable: 'Nie udało się połączyć z LeadPact ({reason}); nic nie wysłano. Spróbuj ponownie.',
};

const ro: LeadViewTexts = {
  title: 'Lead',
  openSelected: 'Deschide lead-ul din rândul selectat',
  openById: 'Deschide',
  leadIdPlaceholder: 'sau un id de lead',
  refresh: 'Reîmprospătează',
  loading: 'Se încarcă…',
  sections: {
    profile: 'Profil',
    scores: 'Scoruri',
    history: 'Istoric',
    deadlines: 'Termene',
    actions: 'Acțiuni',
  },
  fields: {
    name: 'Nume',
    company: 'Companie',
    email: 'E-mail',
    phone: 'Telefon',
    source: 'Sursă',
    campaign: 'Campanie',
    stage: 'Etapă',
    owner: 'Responsabil',
    version: 'Versiune',
  },
  scores: {
    quadrant: 'Cadran',
    marketingTemperature: 'Temperatură de marketing',
    salesTemperature: 'Temperatură de vânzări',
    fit: 'Potrivire: {total} puncte (ridicată de la {threshold})',
    engagement: 'Implicare: {total} puncte (ridicată de la {threshold})',
    met: '✓ {label}',
    metPoints: '✓ {label}: +{points}',
    notMet: '✗ {label}',
    gate: '(obligatoriu)',
    role: 'Rol: {label}: +{points}',
    touch: '{count} × {type}: câte {points} puncte',
    halfLife: 'Punctele de implicare se înjumătățesc la fiecare {days} zile.',
    rule: 'Îndeplinește: {label}',
    none: '—',
    unexplained: 'Niciun acord semnat nu explică încă aceste scoruri.',
  },
  events: {
    created: 'Creat',
    became_lead: 'A devenit lead',
    touch: 'Interacțiune',
    profile_updated: 'Profil actualizat',
    consent_given: 'Consimțământ dat',
    scored: 'Punctat',
    mql: 'A devenit MQL',
    assigned: 'Atribuit',
    attempt: 'Încercare de contact',
    accepted: 'Acceptat de vânzări',
    qualified: 'Calificat',
    rejected: 'Respins',
    nurtured: 'Trimis la nurturing',
    opportunity: 'Oportunitate',
    won: 'Câștigat',
    lost: 'Pierdut',
    feedback: 'Feedback',
    erased: 'Date personale șterse',
    imported: 'Importat',
  },
  channels: { phone: 'Telefon', email: 'E-mail', linkedin: 'LinkedIn', meeting: 'Întâlnire', other: 'Altul' },
  actors: { system: 'LeadPact', token: 'un token LeadPact', source: 'formular: {name}' },
  deadlines: {
    left: 'au mai rămas {hours} ore lucrătoare',
    overdue: 'depășit cu {hours} ore lucrătoare',
    none: 'Niciun termen.',
  },
  inputs: {
    attempt: 'Înregistrează o încercare',
    channel: 'Canal',
    outcome: 'Rezultat',
    checklist: 'Lista de criterii SQL (bifează ce este îndeplinit)',
    buyingHorizon: 'Orizont de cumpărare (luni)',
    reasons: 'Motive',
    reason: 'Motiv',
    amount: 'Sumă',
    currency: 'Monedă',
    note: 'Notă',
    send: 'Trimite',
    yes: 'Da',
    no: 'Nu',
  },
  noActions: 'Nu poți acționa acum asupra acestui lead.',
  selectRow: 'Selectează rândul unui lead în fila Leads (sau scrie id-ul lui), apoi deschide-l.',
  notConnected: 'LeadPact nu este conectat: salvează mai întâi adresa API și tokenul tău.',
  notFound: 'Nu există lead-ul {id} în acest spațiu de lucru.',
  sent: 'Înregistrat: {action}.',
  refused: 'LeadPact a refuzat: {reason}',
  stale:
    'Lead-ul s-a schimbat de când l-ai deschis, așa că nu s-a trimis nimic. Între timp: {changes}. Verifică și trimite din nou.',
  nothingNew: 'nimic din ce se vede aici',
  unreachable: 'LeadPact nu a putut fi contactat ({reason}); nu s-a trimis nimic. Încearcă din nou.',
};

const ru: LeadViewTexts = {
  title: 'Лид',
  openSelected: 'Открыть лид из выделенной строки',
  openById: 'Открыть',
  leadIdPlaceholder: 'или id лида',
  refresh: 'Обновить',
  loading: 'Загрузка…',
  sections: {
    profile: 'Профиль',
    scores: 'Оценка',
    history: 'История',
    deadlines: 'Сроки',
    actions: 'Действия',
  },
  fields: {
    name: 'Имя',
    company: 'Компания',
    email: 'E-mail',
    phone: 'Телефон',
    source: 'Источник',
    campaign: 'Кампания',
    stage: 'Этап',
    owner: 'Ответственный',
    version: 'Версия',
  },
  scores: {
    quadrant: 'Квадрант',
    marketingTemperature: 'Маркетинговая температура',
    salesTemperature: 'Температура продаж',
    fit: 'Соответствие: {total} балл. (высокое от {threshold})',
    engagement: 'Вовлечённость: {total} балл. (высокая от {threshold})',
    met: '✓ {label}',
    metPoints: '✓ {label}: +{points}',
    notMet: '✗ {label}',
    gate: '(обязательно)',
    role: 'Роль: {label}: +{points}',
    touch: '{count} × {type}: по {points} балл.',
    halfLife: 'Баллы вовлечённости уменьшаются вдвое каждые {days} дн.',
    rule: 'Соответствует: {label}',
    none: '—',
    unexplained: 'Ни одно подписанное соглашение пока не объясняет эту оценку.',
  },
  events: {
    created: 'Создан',
    became_lead: 'Стал лидом',
    touch: 'Касание',
    profile_updated: 'Профиль обновлён',
    consent_given: 'Согласие получено',
    scored: 'Оценён',
    mql: 'Стал MQL',
    assigned: 'Назначен',
    attempt: 'Попытка связаться',
    accepted: 'Принят отделом продаж',
    qualified: 'Квалифицирован',
    rejected: 'Отклонён',
    nurtured: 'Передан на взращивание',
    opportunity: 'Сделка',
    won: 'Выигран',
    lost: 'Проигран',
    feedback: 'Обратная связь',
    erased: 'Персональные данные удалены',
    imported: 'Импортирован',
  },
  channels: { phone: 'Телефон', email: 'E-mail', linkedin: 'LinkedIn', meeting: 'Встреча', other: 'Другое' },
  actors: { system: 'LeadPact', token: 'токен LeadPact', source: 'форма: {name}' },
  deadlines: {
    left: 'осталось {hours} рабочих ч.',
    overdue: 'просрочено на {hours} рабочих ч.',
    none: 'Сроков нет.',
  },
  inputs: {
    attempt: 'Записать попытку',
    channel: 'Канал',
    outcome: 'Результат',
    checklist: 'Чек-лист SQL (отметьте выполненное)',
    buyingHorizon: 'Горизонт покупки (мес.)',
    reasons: 'Причины',
    reason: 'Причина',
    amount: 'Сумма',
    currency: 'Валюта',
    note: 'Заметка',
    send: 'Отправить',
    yes: 'Да',
    no: 'Нет',
  },
  noActions: 'Сейчас вы не можете действовать по этому лиду.',
  selectRow: 'Выделите строку лида на вкладке Leads (или введите его id) и откройте его.',
  notConnected: 'LeadPact не подключён: сначала сохраните адрес API и свой токен.',
  notFound: 'Лида {id} нет в этом рабочем пространстве.',
  sent: 'Записано: {action}.',
  refused: 'LeadPact отклонил это: {reason}',
  stale:
    'Лид изменился с момента открытия, поэтому ничего не отправлено. С тех пор: {changes}. Проверьте и отправьте снова.',
  nothingNew: 'ничего из видимого здесь',
  unreachable: 'Не удалось связаться с LeadPact ({reason}); ничего не отправлено. Попробуйте снова.',
};

export const LEAD_VIEW_TEXTS: Readonly<Record<Language, LeadViewTexts>> = { en, pl, ro, ru };
