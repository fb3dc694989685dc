import type { Catalogue } from '../catalogue';

/** The starter agreement's words in Romanian, as practitioners say them (DOMAIN.md). */
export const roStarter: Catalogue['starter'] = {
  title: 'Acord SLA (acord privind serviciile) între marketing și vânzări',
  terms: {
    suspect: {
      term: 'Suspect (companie din segment)',
      definition:
        'Orice companie din segmentul nostru țintă, fie că ne cunoaște sau nu — de exemplu, orice producător cu {min} până la {max} de angajați de pe piața noastră.',
      examples: [
        'O companie dintr-o bază de date de profil',
        'Un client al concurenței cu care nu am vorbit niciodată',
      ],
    },
    prospect: {
      term: 'Prospect',
      definition:
        'O persoană sau o companie despre care credem cu tărie că are o problemă pe care o rezolvăm, dar care încă nu ne-a cerut nimic.',
      examples: ['Înscriere la un webinar', 'Descărcarea unui ghid PDF', 'Un nume dintr-o listă de companii'],
    },
    lead: {
      term: 'Lead',
      definition:
        'O persoană care ne-a lăsat datele de contact și acordul de a fi contactată și a făcut ceva la care ne putem referi când o sunăm („ne-ați cerut o ofertă de produs”).',
      examples: ['A cerut o ofertă de preț prin formularul de contact', 'A programat o demonstrație'],
    },
    mql: {
      term: 'Lead calificat de marketing (MQL)',
      definition:
        'Un lead care îndeplinește criteriile din acest acord — se potrivește profilului clientului ideal, are datele de care vânzările au nevoie (un număr de telefon) și arată suficient interes. Marketingul îl predă vânzărilor.',
    },
    sal: {
      term: 'Lead acceptat de vânzări (SAL)',
      definition:
        'Un MQL preluat de vânzări: prima încercare de contact a fost făcută și lead-ul are un responsabil.',
    },
    sql: {
      term: 'Lead calificat de vânzări (SQL)',
      definition:
        'Un lead evaluat de vânzări după criteriile SQL scrise în acest acord: o nevoie pe care o putem acoperi, un factor de decizie, o dată de decizie cunoscută. Niciodată „după impresie”.',
    },
    opportunity: {
      term: 'Oportunitate',
      definition: 'Un SQL înregistrat ca tranzacție în curs, cu valoare estimată și dată de închidere.',
    },
    customer: {
      term: 'Client (câștigat)',
      definition:
        'O tranzacție închisă, cu venitul ei. Venitul este „adus de marketing” când lead-ul a venit prima dată dintr-o sursă de marketing.',
    },
    nurture: {
      term: 'Nurturing (cultivarea lead-urilor)',
      definition:
        'Un lead trimis înapoi la marketing pentru că nu este încă pregătit să cumpere — întotdeauna cu un cod de motiv, ca marketingul să știe la ce să lucreze.',
      examples: ['Cumpără peste mai mult de {months} luni', 'Fără buget anul acesta'],
    },
    disqualified: {
      term: 'Descalificat / pierdut',
      definition: 'Ieșit definitiv din pâlnia de vânzări, întotdeauna cu un cod de motiv.',
      examples: ['Spam sau date false', 'Un candidat la angajare sau un furnizor', 'Un concurent'],
    },
  },
  leadExamples: {
    is: [
      'A completat formularul de contact și a cerut să fie sunat',
      'A cerut o ofertă de preț sau o propunere',
      'A programat o demonstrație în calendar',
      'A participat la un webinar al cărui formular promitea un apel și și-a dat acordul',
    ],
    isNot: [
      'S-a înscris la un webinar fără să ceară să fie contactat',
      'A descărcat un e-book fără acord de contact',
      'Un nume dintr-o bază de date cumpărată sau găsit pe LinkedIn',
      'Un candidat la angajare, un furnizor sau un student care își scrie lucrarea de licență',
    ],
  },
  icpSummary:
    'Companii care pot cumpăra și folosi ce vindem: clienți de business cu {min} până la {max} de angajați pe piața noastră, care ne scriu de pe o adresă de firmă. Șablonul nu are criterii obligatorii, așa că lead-urile curg din prima zi; faceți un criteriu „obligatoriu” când trebuie să fie o barieră.',
  criteria: {
    company_size: 'Compania are între {min} și {max} de angajați',
    target_industry: 'Industrie pe care o deservim: producție, software, logistică',
    home_market: 'Sediul pe piața noastră',
    business_email: 'A scris de pe o adresă de e-mail de firmă',
    phone_given: 'A lăsat un număr de telefon',
  },
  industryPattern: 'produc|software|logistic|manufactur',
  leadSummary:
    'O persoană devine lead când ne dă datele de contact și acordul de a fi contactată și cere ceva la care ne putem referi în apel. Orice altceva este un contact cu un prospect, pe care marketingul continuă să-l cultive.',
  sources: {
    contact_form: {
      label: 'Formular de contact („sunați-mă”)',
    },
    quote_request: {
      label: 'Cerere de ofertă',
    },
    demo_booking: {
      label: 'Programare demonstrație',
    },
    webinar_signup: {
      label: 'Înscriere la webinar',
      note: 'Devine lead doar când formularul a promis un apel și persoana a fost de acord.',
    },
    ebook_download: {
      label: 'Descărcare e-book sau ghid',
    },
    newsletter: {
      label: 'Abonare la newsletter',
    },
  },
  temperatures: {
    cold: 'Rece: o înscriere la webinar',
    warm: 'Cald: a participat la un webinar și a descărcat un e-book',
    hot: 'Fierbinte: a participat la două webinarii și a descărcat un e-book',
  },
  roles: {
    executive: 'Proprietar, director general sau alt membru al conducerii',
    director: 'Vicepreședinte sau director',
    it_lead: 'Factor de decizie IT (CIO, CTO, director IT)',
  },
  itTitlePattern: '\\b(CIO|CTO|IT)\\b',
  sitePaths: {
    pricing: ['/pricing', '/preturi'],
    support: ['/support', '/suport'],
    contact: ['/contact'],
  },
  mqlSummary:
    'Acord de contact dat și număr de telefon prezent. Vânzările sună fiecare astfel de lead, în timp ce echipa ajustează profilul și pragurile de scor.',
  sqlCriteria: {
    reached: {
      label: 'Am vorbit cu persoana',
    },
    need: {
      label: 'O nevoie pe care o putem acoperi',
      description: 'Persoana a descris, cu propriile cuvinte, o problemă pe care oferta noastră o rezolvă.',
    },
    decision_maker: {
      label: 'Factor de decizie sau acces la el',
      description: 'Vorbim cu persoana care decide sau aceasta va fi adusă la următoarea întâlnire.',
    },
    timeframe: {
      label: 'Termenul deciziei este cunoscut',
      description: 'Persoana a spus când intenționează să decidă.',
    },
    budget: {
      label: 'Bugetul există sau poate fi obținut',
    },
    acceptable_deal: {
      label: 'Nu este un tip de tranzacție pe care îl refuzăm',
      description: 'Fără proiecte unice la comandă, fără revânzare, fără licitații sub pragul nostru minim.',
    },
    company_size: {
      label: 'Compania are cel puțin {min} de angajați',
    },
  },
  rejectionReasons: {
    unreachable: 'De negăsit după încercările convenite',
    no_need: 'Nicio nevoie pe care o putem acoperi acum',
    no_decision_maker: 'Fără acces la factorul de decizie',
    no_timeframe: 'Nicio dată de decizie în vedere',
    no_budget: 'Fără buget anul acesta',
    refused_deal: 'Un tip de tranzacție pe care îl refuzăm',
    too_small: 'Companie prea mică pentru oferta noastră',
    spam: 'Spam sau date de contact false',
    out_of_scope: 'Nu este client: candidat la angajare, furnizor, student',
    competitor: 'Un concurent',
  },
  goals: {
    shared: 'Obiectivul comun este venitul. Ambele echipe văd aceleași cifre în același tabel.',
    marketing:
      'Marketingul este măsurat după lead-urile SQL și venitul adus de marketing, nu după numărul de MQL: o țintă de MQL se „bifează” ușor cu campanii ieftine de formulare.',
    sales: 'Vânzările sunt măsurate după tranzacțiile închise și după respectarea SLA-ului de preluare.',
    rewards:
      'Ambele echipe pot fi recompensate din venitul din vânzări, astfel încât amândouă câștigă când un lead se închide.',
  },
  weeklyAgenda: [
    'MQL-urile predate săptămâna trecută și câte nu au fost lucrate',
    'Depășirile de SLA pe responsabili',
    'Respingerile și lead-urile întoarse la nurturing, cu motivele lor',
    'Ce s-a întâmplat cu lead-urile fiecărei campanii',
    'Ritmul față de plan',
  ],
  reviewAgenda: ['Raportul lunar', 'Conversia între etapele pâlniei', 'Modificări ale acestui acord'],
  segments: {
    growing_b2b: {
      name: 'Companii B2B în creștere',
      description:
        'Companii cu {min} până la {max} de angajați care vând altor companii și au depășit stadiul de foi de calcul și e-mail.',
    },
  },
  personaRoles: {
    owner: {
      name: 'Proprietar sau director general',
      problems: ['Venitul depinde de câțiva oameni', 'Nu vede clar ce aduce marketingul'],
      challenges: ['Puțin timp', 'Vrea dovezi înainte să cheltuiască'],
    },
    it_director: {
      name: 'Director IT',
      problems: ['Prea multe instrumente care nu comunică între ele'],
      challenges: ['Verificări de securitate și protecția datelor (GDPR)', 'Echipă mică pentru integrări'],
    },
    sales_director: {
      name: 'Director de vânzări',
      problems: ['Lead-urile vin fără context', 'Agenții urmăresc lead-uri care nu vor cumpăra niciodată'],
      challenges: ['Atingerea țintei trimestriale', 'Date actualizate în CRM'],
    },
  },
  personaValues: [
    'Pornire rapidă, fără implementare lungă',
    'Rezultate măsurabile în fiecare lună',
    'Un partener care răspunde repede',
  ],
  feedback: {
    conversation: 'Cum a decurs discuția? (1 = slab, 5 = excelent)',
    as_promised: 'A fost lead-ul așa cum l-a descris marketingul?',
    best_contacts: 'Care persoane din companie au fost cele mai interesante?',
    missing_info: 'Ce informații de la marketing v-au lipsit înainte de apel?',
  },
};
