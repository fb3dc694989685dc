import type { Language } from '../constants';
import type { Conversion, ReasonKind } from '../reports/metrics';
import type { AgendaSection } from '../sla/agenda';

/**
 * The words of the read-only tabs the add-on writes from the snapshot
 * (Agreement, Report, Agenda): labels, table headers and the sentences that
 * say a state in words. Names, reason codes and campaign keys are the team's
 * own and are not here. Placeholders are `{name}`, filled with `fill`.
 */
export interface SheetTabsTexts {
  agreement: {
    title: string;
    status: string;
    enforced: string;
    notEnforced: string;
    notice: string;
    activeVersion: string;
    activeSince: string;
    noneSigned: string;
    signaturesOf: string;
    side: string;
    signedBy: string;
    signedAt: string;
    notSigned: string;
    notRequired: string;
    shareLink: string;
    sharedSince: string;
    notShared: string;
    pending: string;
    pendingNone: string;
    proposedVersion: string;
    stillNeeds: string;
    nobodyMissing: string;
    draftRevision: string;
    draftChanged: string;
    draftSame: string;
    warnings: string;
    warningsNone: string;
    warningWhere: string;
    warningSetting: string;
    warningThreshold: string;
    warningReachable: string;
    warningMeaning: string;
    inActive: string;
    inDraft: string;
    /** `threshold_unreachable` in words. */
    thresholdUnreachable: string;
    /** The settings a warning may point at, by path; an unknown path is shown as written. */
    settings: Record<string, string>;
    scores: { fit: string; engagement: string };
  };
  report: {
    /** `{from}`, `{to}`: the period's first and last day. */
    title: string;
    currency: string;
    totals: string;
    metric: string;
    value: string;
    metrics: {
      leads: string;
      mqls: string;
      mqlsMatchingIcp: string;
      handedToSales: string;
      accepted: string;
      inProgress: string;
      hotLeads: string;
      sqls: string;
      opportunities: string;
      won: string;
      wonRevenue: string;
      marketingSourcedRevenue: string;
      nurture: string;
      disqualified: string;
      lost: string;
      untouched: string;
      firstTouchMedian: string;
      firstTouchP90: string;
      coverage: string;
    };
    conversions: Record<Conversion, string>;
    /** `{kind}`: a deadline kind, as the Leads tab names it. */
    slaMet: string;
    bySource: string;
    byCampaign: string;
    source: string;
    noSource: string;
    campaign: string;
    campaignName: string;
    channel: string;
    touched: string;
    noRows: string;
    reasons: string;
    reason: string;
    kind: string;
    count: string;
    reasonKinds: Record<ReasonKind, string>;
    noReasons: string;
    otherCurrencies: string;
  };
  agenda: {
    meeting: string;
    number: string;
    topic: string;
    detail: string;
    who: string;
    decide: string;
    everyone: string;
    admin: string;
    /** What the meeting decides for each kind of item. */
    decisions: Record<AgendaSection['id'], string>;
  };
}

const en: SheetTabsTexts = {
  agreement: {
    title: 'The agreement between marketing and sales',
    status: 'Status',
    enforced: 'In force',
    notEnforced: 'Not in force',
    notice: 'What it means',
    activeVersion: 'Active version',
    activeSince: 'Active since',
    noneSigned: 'none signed yet',
    signaturesOf: 'Signatures of version {version}',
    side: 'Side',
    signedBy: 'Signed by',
    signedAt: 'Signed at',
    notSigned: 'not signed yet',
    notRequired: 'not required',
    shareLink: 'Read-only page for the company',
    sharedSince: 'Shared since',
    notShared: 'Not shared: an admin can create the link (POST /v1/agreement/share).',
    pending: 'Proposal waiting for signatures',
    pendingNone: 'none',
    proposedVersion: 'Version {version}',
    stillNeeds: 'Still needs a signature from',
    nobodyMissing: 'nobody: every required side has signed',
    draftRevision: 'Draft revision',
    draftChanged: 'changed since the latest version: propose it to sign it',
    draftSame: 'the same as the latest version',
    warnings: 'Warnings',
    warningsNone: 'None: every threshold can be reached.',
    warningWhere: 'In',
    warningSetting: 'Setting',
    warningThreshold: 'Threshold',
    warningReachable: 'Highest reachable',
    warningMeaning: 'What it means',
    inActive: 'Active version {version}',
    inDraft: 'Draft',
    thresholdUnreachable:
      'No lead can ever reach it: the highest {score} a lead can get under this agreement is {reachable}, the threshold is {threshold}.',
    settings: {
      'scoring.thresholds.fit': 'Fit threshold (scoring)',
      'scoring.thresholds.engagement': 'Engagement threshold (scoring)',
      'mql.minFit': 'Minimum fit for an MQL',
      'mql.minEngagement': 'Minimum engagement for an MQL',
    },
    scores: { fit: 'fit score', engagement: 'engagement score' },
  },
  report: {
    title: 'Report for {from} – {to}',
    currency: 'Currency',
    totals: 'Totals',
    metric: 'Metric',
    value: 'Value',
    metrics: {
      leads: 'Leads',
      mqls: 'MQLs',
      mqlsMatchingIcp: 'MQLs that match the ICP',
      handedToSales: 'Handed to sales',
      accepted: 'Accepted by sales (SAL)',
      inProgress: 'In progress',
      hotLeads: 'Hot leads (buying soon)',
      sqls: 'SQLs',
      opportunities: 'Opportunities',
      won: 'Won deals',
      wonRevenue: 'Won revenue',
      marketingSourcedRevenue: 'Marketing-sourced revenue',
      nurture: 'Sent to nurture',
      disqualified: 'Disqualified',
      lost: 'Lost',
      untouched: 'MQLs nobody has tried to reach',
      firstTouchMedian: 'Time to first touch, median (business hours)',
      firstTouchP90: 'Time to first touch, 90th percentile (business hours)',
      coverage: 'ICP accounts reached by 3+ actions',
    },
    conversions: {
      lead_mql: 'Lead → MQL',
      mql_sal: 'MQL → accepted',
      mql_sql: 'MQL → SQL',
      sql_opportunity: 'SQL → opportunity',
      opportunity_won: 'Opportunity → won',
    },
    slaMet: 'SLA met on time: {kind}',
    bySource: 'By source',
    byCampaign: 'By campaign',
    source: 'Source',
    noSource: '(no source)',
    campaign: 'Campaign',
    campaignName: 'Name',
    channel: 'Channel',
    touched: 'Leads touched',
    noRows: 'Nothing in this period yet.',
    reasons: 'Reasons given',
    reason: 'Reason code',
    kind: 'Where it went',
    count: 'Leads',
    reasonKinds: {
      rejected: 'Rejected by sales',
      nurture: 'Sent to nurture',
      disqualified: 'Disqualified',
      lost: 'Lost',
    },
    noReasons: 'No rejections, nurture returns or losses in this period.',
    otherCurrencies: 'Won in other currencies (counted, not added to revenue)',
  },
  agenda: {
    meeting: 'Meeting',
    number: '#',
    topic: 'Topic',
    detail: 'Detail',
    who: 'Who',
    decide: 'To decide',
    everyone: 'Everyone',
    admin: 'The sheet’s admin',
    decisions: {
      handed_over: 'Who works each untouched lead, and by when?',
      breaches: 'What stops these breaches from happening again?',
      rejections: 'Are the reasons fair, and should the ICP or scoring change?',
      campaigns: 'Which campaigns to keep, change or stop?',
      pace: 'What to change to close the gap to the plan?',
      persona_review: 'Review the buyer persona: what changed?',
      agreement: 'Sign the waiting version, or say what must change.',
      live_sheet: 'Share the sheet again or reconnect it.',
      standing: '',
    },
  },
};

const pl: SheetTabsTexts = {
  agreement: {
    title: 'Umowa SLA między marketingiem a sprzedażą',
    status: 'Status',
    enforced: 'Obowiązuje',
    notEnforced: 'Nie obowiązuje',
    notice: 'Co to znaczy',
    activeVersion: 'Obowiązująca wersja',
    activeSince: 'Obowiązuje od',
    noneSigned: 'żadna nie jest jeszcze podpisana',
    signaturesOf: 'Podpisy wersji {version}',
    side: 'Strona',
    signedBy: 'Podpisał(a)',
    signedAt: 'Data podpisu',
    notSigned: 'jeszcze nie podpisano',
    notRequired: 'niewymagany',
    shareLink: 'Strona tylko do odczytu dla firmy',
    sharedSince: 'Udostępniono',
    notShared: 'Nie udostępniono: administrator może utworzyć link (POST /v1/agreement/share).',
    pending: 'Propozycja czekająca na podpisy',
    pendingNone: 'brak',
    proposedVersion: 'Wersja {version}',
    stillNeeds: 'Brakuje podpisu strony',
    nobodyMissing: 'nikogo: podpisały wszystkie wymagane strony',
    draftRevision: 'Rewizja szkicu',
    draftChanged: 'zmieniony od ostatniej wersji: zaproponuj go, aby go podpisać',
    draftSame: 'taki sam jak ostatnia wersja',
    warnings: 'Ostrzeżenia',
    warningsNone: 'Brak: każdy próg jest osiągalny.',
    warningWhere: 'Gdzie',
    warningSetting: 'Ustawienie',
    warningThreshold: 'Próg',
    warningReachable: 'Najwyższa osiągalna wartość',
    warningMeaning: 'Co to znaczy',
    inActive: 'Obowiązująca wersja {version}',
    inDraft: 'Szkic',
    thresholdUnreachable:
      'Żaden lead nigdy go nie osiągnie: najwyższy {score}, jaki lead może uzyskać według tej umowy, to {reachable}, a próg wynosi {threshold}.',
    settings: {
      'scoring.thresholds.fit': 'Próg dopasowania (scoring)',
      'scoring.thresholds.engagement': 'Próg zaangażowania (scoring)',
      'mql.minFit': 'Minimalne dopasowanie dla MQL',
      'mql.minEngagement': 'Minimalne zaangażowanie dla MQL',
    },
    scores: { fit: 'wynik dopasowania', engagement: 'wynik zaangażowania' },
  },
  report: {
    title: 'Raport za okres {from} – {to}',
    currency: 'Waluta',
    totals: 'Podsumowanie',
    metric: 'Wskaźnik',
    value: 'Wartość',
    metrics: {
      leads: 'Leady',
      mqls: 'MQL',
      mqlsMatchingIcp: 'MQL zgodne z ICP',
      handedToSales: 'Przekazane sprzedaży',
      accepted: 'Zaakceptowane przez sprzedaż (SAL)',
      inProgress: 'W toku',
      hotLeads: 'Gorące leady (zakup wkrótce)',
      sqls: 'SQL',
      opportunities: 'Szanse sprzedaży',
      won: 'Wygrane transakcje',
      wonRevenue: 'Przychód z wygranych',
      marketingSourcedRevenue: 'Przychód z leadów marketingu',
      nurture: 'Przekazane do dogrzewania',
      disqualified: 'Zdyskwalifikowane',
      lost: 'Przegrane',
      untouched: 'MQL, do których nikt jeszcze nie próbował dotrzeć',
      firstTouchMedian: 'Czas do pierwszego kontaktu, mediana (godziny robocze)',
      firstTouchP90: 'Czas do pierwszego kontaktu, 90. percentyl (godziny robocze)',
      coverage: 'Konta z ICP objęte 3+ działaniami',
    },
    conversions: {
      lead_mql: 'Lead → MQL',
      mql_sal: 'MQL → zaakceptowany',
      mql_sql: 'MQL → SQL',
      sql_opportunity: 'SQL → szansa sprzedaży',
      opportunity_won: 'Szansa → wygrana',
    },
    slaMet: 'SLA dotrzymane w terminie: {kind}',
    bySource: 'Według źródła',
    byCampaign: 'Według kampanii',
    source: 'Źródło',
    noSource: '(bez źródła)',
    campaign: 'Kampania',
    campaignName: 'Nazwa',
    channel: 'Kanał',
    touched: 'Leady objęte kampanią',
    noRows: 'W tym okresie jeszcze nic.',
    reasons: 'Podane powody',
    reason: 'Kod powodu',
    kind: 'Dokąd trafił',
    count: 'Leady',
    reasonKinds: {
      rejected: 'Odrzucony przez sprzedaż',
      nurture: 'Do dogrzewania',
      disqualified: 'Zdyskwalifikowany',
      lost: 'Przegrany',
    },
    noReasons: 'W tym okresie nie było odrzuceń, zwrotów do dogrzewania ani przegranych.',
    otherCurrencies: 'Wygrane w innych walutach (liczone, ale niedodane do przychodu)',
  },
  agenda: {
    meeting: 'Spotkanie',
    number: 'Nr',
    topic: 'Temat',
    detail: 'Szczegóły',
    who: 'Kto',
    decide: 'Do decyzji',
    everyone: 'Wszyscy',
    admin: 'Administrator arkusza',
    decisions: {
      handed_over: 'Kto zajmie się każdym nieobsłużonym leadem i do kiedy?',
      breaches: 'Co zrobić, żeby te przekroczenia się nie powtórzyły?',
      rejections: 'Czy powody są trafne i czy zmienić ICP lub scoring?',
      campaigns: 'Które kampanie utrzymać, zmienić, a które zatrzymać?',
      pace: 'Co zmienić, żeby nadrobić zaległość wobec planu?',
      persona_review: 'Przegląd buyer persony: co się zmieniło?',
      agreement: 'Podpisać czekającą wersję albo powiedzieć, co zmienić.',
      live_sheet: 'Udostępnić arkusz ponownie albo połączyć go od nowa.',
      standing: '',
    },
  },
};

const ro: SheetTabsTexts = {
  agreement: {
    title: 'Acordul SLA dintre marketing și vânzări',
    status: 'Stare',
    enforced: 'În vigoare',
    notEnforced: 'Nu este în vigoare',
    notice: 'Ce înseamnă',
    activeVersion: 'Versiunea activă',
    activeSince: 'Activă din',
    noneSigned: 'niciuna semnată încă',
    signaturesOf: 'Semnăturile versiunii {version}',
    side: 'Parte',
    signedBy: 'Semnat de',
    signedAt: 'Semnat la',
    notSigned: 'nesemnat încă',
    notRequired: 'nu este necesară',
    shareLink: 'Pagină doar în citire pentru companie',
    sharedSince: 'Partajat din',
    notShared: 'Nepartajat: un administrator poate crea linkul (POST /v1/agreement/share).',
    pending: 'Propunere care așteaptă semnături',
    pendingNone: 'niciuna',
    proposedVersion: 'Versiunea {version}',
    stillNeeds: 'Mai lipsește semnătura de la',
    nobodyMissing: 'nimeni: toate părțile necesare au semnat',
    draftRevision: 'Revizia ciornei',
    draftChanged: 'modificată față de ultima versiune: propuneți-o pentru a o semna',
    draftSame: 'identică cu ultima versiune',
    warnings: 'Avertismente',
    warningsNone: 'Niciunul: fiecare prag poate fi atins.',
    warningWhere: 'Unde',
    warningSetting: 'Setare',
    warningThreshold: 'Prag',
    warningReachable: 'Maximul atins',
    warningMeaning: 'Ce înseamnă',
    inActive: 'Versiunea activă {version}',
    inDraft: 'Ciornă',
    thresholdUnreachable:
      'Niciun lead nu îl poate atinge: cel mai mare {score} pe care îl poate obține un lead conform acestui acord este {reachable}, iar pragul este {threshold}.',
    settings: {
      'scoring.thresholds.fit': 'Pragul de potrivire (scoring)',
      'scoring.thresholds.engagement': 'Pragul de implicare (scoring)',
      'mql.minFit': 'Potrivirea minimă pentru un MQL',
      'mql.minEngagement': 'Implicarea minimă pentru un MQL',
    },
    scores: { fit: 'scor de potrivire', engagement: 'scor de implicare' },
  },
  report: {
    title: 'Raport pentru {from} – {to}',
    currency: 'Monedă',
    totals: 'Totaluri',
    metric: 'Indicator',
    value: 'Valoare',
    metrics: {
      leads: 'Lead-uri',
      mqls: 'MQL',
      mqlsMatchingIcp: 'MQL care corespund ICP',
      handedToSales: 'Predate vânzărilor',
      accepted: 'Acceptate de vânzări (SAL)',
      inProgress: 'În lucru',
      hotLeads: 'Lead-uri fierbinți (cumpără curând)',
      sqls: 'SQL',
      opportunities: 'Oportunități',
      won: 'Contracte câștigate',
      wonRevenue: 'Venit câștigat',
      marketingSourcedRevenue: 'Venit din lead-uri de marketing',
      nurture: 'Trimise la nurturing',
      disqualified: 'Descalificate',
      lost: 'Pierdute',
      untouched: 'MQL pe care nimeni nu a încercat încă să le contacteze',
      firstTouchMedian: 'Timp până la primul contact, mediana (ore lucrătoare)',
      firstTouchP90: 'Timp până la primul contact, percentila 90 (ore lucrătoare)',
      coverage: 'Conturi ICP atinse de 3+ acțiuni',
    },
    conversions: {
      lead_mql: 'Lead → MQL',
      mql_sal: 'MQL → acceptat',
      mql_sql: 'MQL → SQL',
      sql_opportunity: 'SQL → oportunitate',
      opportunity_won: 'Oportunitate → câștigat',
    },
    slaMet: 'SLA respectat la timp: {kind}',
    bySource: 'După sursă',
    byCampaign: 'După campanie',
    source: 'Sursă',
    noSource: '(fără sursă)',
    campaign: 'Campanie',
    campaignName: 'Nume',
    channel: 'Canal',
    touched: 'Lead-uri atinse',
    noRows: 'Nimic încă în această perioadă.',
    reasons: 'Motive date',
    reason: 'Cod motiv',
    kind: 'Unde a ajuns',
    count: 'Lead-uri',
    reasonKinds: {
      rejected: 'Respins de vânzări',
      nurture: 'Trimis la nurturing',
      disqualified: 'Descalificat',
      lost: 'Pierdut',
    },
    noReasons: 'Nicio respingere, întoarcere la nurturing sau pierdere în această perioadă.',
    otherCurrencies: 'Câștigate în alte monede (numărate, neadăugate la venit)',
  },
  agenda: {
    meeting: 'Ședința',
    number: 'Nr.',
    topic: 'Subiect',
    detail: 'Detalii',
    who: 'Cine',
    decide: 'De decis',
    everyone: 'Toată lumea',
    admin: 'Administratorul foii',
    decisions: {
      handed_over: 'Cine preia fiecare lead nelucrat și până când?',
      breaches: 'Ce facem ca aceste depășiri să nu se repete?',
      rejections: 'Sunt motivele corecte și trebuie schimbate ICP-ul sau scoringul?',
      campaigns: 'Ce campanii păstrăm, schimbăm sau oprim?',
      pace: 'Ce schimbăm pentru a recupera decalajul față de plan?',
      persona_review: 'Revizuirea buyer persona: ce s-a schimbat?',
      agreement: 'Semnați versiunea în așteptare sau spuneți ce trebuie schimbat.',
      live_sheet: 'Partajați din nou foaia sau reconectați-o.',
      standing: '',
    },
  },
};

const ru: SheetTabsTexts = {
  agreement: {
    title: 'Соглашение между маркетингом и продажами',
    status: 'Статус',
    enforced: 'Действует',
    notEnforced: 'Не действует',
    notice: 'Что это значит',
    activeVersion: 'Действующая версия',
    activeSince: 'Действует с',
    noneSigned: 'ни одна ещё не подписана',
    signaturesOf: 'Подписи версии {version}',
    side: 'Сторона',
    signedBy: 'Подписал(а)',
    signedAt: 'Дата подписи',
    notSigned: 'ещё не подписано',
    notRequired: 'не требуется',
    shareLink: 'Страница только для чтения для всей компании',
    sharedSince: 'Открыта с',
    notShared: 'Ссылки нет: администратор может её создать (POST /v1/agreement/share).',
    pending: 'Предложение ждёт подписей',
    pendingNone: 'нет',
    proposedVersion: 'Версия {version}',
    stillNeeds: 'Ещё нужна подпись стороны',
    nobodyMissing: 'никого: все нужные стороны подписали',
    draftRevision: 'Ревизия черновика',
    draftChanged: 'изменён после последней версии: предложите его, чтобы подписать',
    draftSame: 'совпадает с последней версией',
    warnings: 'Предупреждения',
    warningsNone: 'Нет: каждый порог достижим.',
    warningWhere: 'Где',
    warningSetting: 'Настройка',
    warningThreshold: 'Порог',
    warningReachable: 'Наибольшее достижимое',
    warningMeaning: 'Что это значит',
    inActive: 'Действующая версия {version}',
    inDraft: 'Черновик',
    thresholdUnreachable:
      'Ни один лид его не достигнет: наибольший {score}, который лид может получить по этому соглашению, — {reachable}, а порог — {threshold}.',
    settings: {
      'scoring.thresholds.fit': 'Порог соответствия (скоринг)',
      'scoring.thresholds.engagement': 'Порог вовлечённости (скоринг)',
      'mql.minFit': 'Минимальное соответствие для MQL',
      'mql.minEngagement': 'Минимальная вовлечённость для MQL',
    },
    scores: { fit: 'балл соответствия', engagement: 'балл вовлечённости' },
  },
  report: {
    title: 'Отчёт за период {from} – {to}',
    currency: 'Валюта',
    totals: 'Итоги',
    metric: 'Показатель',
    value: 'Значение',
    metrics: {
      leads: 'Лиды',
      mqls: 'MQL',
      mqlsMatchingIcp: 'MQL, соответствующие ICP',
      handedToSales: 'Переданы в продажи',
      accepted: 'Приняты продажами (SAL)',
      inProgress: 'В работе',
      hotLeads: 'Горячие лиды (покупка скоро)',
      sqls: 'SQL',
      opportunities: 'Сделки',
      won: 'Выигранные сделки',
      wonRevenue: 'Выручка по выигранным',
      marketingSourcedRevenue: 'Выручка от лидов маркетинга',
      nurture: 'Отправлены на взращивание',
      disqualified: 'Дисквалифицированы',
      lost: 'Проиграны',
      untouched: 'MQL, с которыми ещё никто не пытался связаться',
      firstTouchMedian: 'Время до первого контакта, медиана (рабочие часы)',
      firstTouchP90: 'Время до первого контакта, 90-й перцентиль (рабочие часы)',
      coverage: 'Компании из ICP, охваченные 3+ действиями',
    },
    conversions: {
      lead_mql: 'Лид → MQL',
      mql_sal: 'MQL → принят',
      mql_sql: 'MQL → SQL',
      sql_opportunity: 'SQL → сделка',
      opportunity_won: 'Сделка → выиграна',
    },
    slaMet: 'SLA выполнен в срок: {kind}',
    bySource: 'По источникам',
    byCampaign: 'По кампаниям',
    source: 'Источник',
    noSource: '(без источника)',
    campaign: 'Кампания',
    campaignName: 'Название',
    channel: 'Канал',
    touched: 'Охвачено лидов',
    noRows: 'За этот период пока ничего нет.',
    reasons: 'Указанные причины',
    reason: 'Код причины',
    kind: 'Куда ушёл',
    count: 'Лиды',
    reasonKinds: {
      rejected: 'Отклонён продажами',
      nurture: 'На взращивание',
      disqualified: 'Дисквалифицирован',
      lost: 'Проигран',
    },
    noReasons: 'За этот период нет отклонений, возвратов на взращивание и проигрышей.',
    otherCurrencies: 'Выиграно в других валютах (учтено, но не добавлено к выручке)',
  },
  agenda: {
    meeting: 'Встреча',
    number: '№',
    topic: 'Тема',
    detail: 'Подробности',
    who: 'Кто',
    decide: 'Решить',
    everyone: 'Все',
    admin: 'Администратор таблицы',
    decisions: {
      handed_over: 'Кто берёт каждый необработанный лид и к какому сроку?',
      breaches: 'Что сделать, чтобы эти нарушения не повторялись?',
      rejections: 'Справедливы ли причины и нужно ли менять ICP или скоринг?',
      campaigns: 'Какие кампании оставить, изменить или остановить?',
      pace: 'Что изменить, чтобы догнать план?',
      persona_review: 'Пересмотр портрета покупателя: что изменилось?',
      agreement: 'Подписать ожидающую версию или сказать, что изменить.',
      live_sheet: 'Снова открыть доступ к таблице или подключить её заново.',
      standing: '',
    },
  },
};

export const SHEET_TABS_TEXTS: Record<Language, SheetTabsTexts> = { en, pl, ro, ru };
