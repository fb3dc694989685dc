import type { Language } from '../constants';

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
};

export const SHEET_TABS_TEXTS: Record<Language, SheetTabsTexts> = { en, pl, ro, ru };
