import type { AgreementInput } from '../schema';
import type { StarterOptions } from './shared';
import { STARTER_REPORT_ITEMS, starterEngagementPoints, starterSla } from './shared';

/** Șablonul de pornire în română: un acord SLA complet, gata de semnat și de ajustat de echipă. */
export function romanianStarter({ timezone, country }: StarterOptions): AgreementInput {
  return {
    language: 'ro',
    title: 'Acord SLA (acord privind serviciile) între marketing și vânzări',
    glossary: {
      terms: [
        {
          key: 'suspect',
          term: 'Suspect (companie din segment)',
          definition:
            'Orice companie din segmentul nostru țintă, fie că ne cunoaște sau nu — de exemplu, orice producător cu 20 până la 1.000 de angajați de pe piața noastră.',
          examples: [
            'O companie dintr-o bază de date de profil',
            'Un client al concurenței cu care nu am vorbit niciodată',
          ],
        },
        {
          key: 'prospect',
          term: 'Prospect',
          definition:
            'O persoană sau o companie despre care credem cu tărie că are o problemă pe care o rezolvăm, dar care încă nu ne-a cerut nimic.',
          examples: [
            'Înscriere la un webinar',
            'Descărcarea unui ghid PDF',
            'Un nume dintr-o listă de companii',
          ],
        },
        {
          key: 'lead',
          term: 'Lead',
          definition:
            'O persoană care ne-a lăsat datele de contact și acordul de a fi contactată și a făcut ceva la care ne putem referi când o sunăm („ne-ați cerut o ofertă de produs”).',
          examples: ['A cerut o ofertă de preț prin formularul de contact', 'A programat o demonstrație'],
        },
        {
          key: 'mql',
          term: 'Lead calificat de marketing (MQL)',
          definition:
            'Un lead care îndeplinește criteriile din acest acord — se potrivește profilului clientului ideal, are datele de care vânzările au nevoie (un număr de telefon) și arată suficient interes. Marketingul îl predă vânzărilor.',
          examples: [],
        },
        {
          key: 'sal',
          term: 'Lead acceptat de vânzări (SAL)',
          definition:
            'Un MQL preluat de vânzări: prima încercare de contact a fost făcută și lead-ul are un responsabil.',
          examples: [],
        },
        {
          key: 'sql',
          term: 'Lead calificat de vânzări (SQL)',
          definition:
            'Un lead evaluat de vânzări după criteriile SQL scrise în acest acord: o nevoie pe care o putem acoperi, un factor de decizie, o dată de decizie cunoscută. Niciodată „după impresie”.',
          examples: [],
        },
        {
          key: 'opportunity',
          term: 'Oportunitate',
          definition: 'Un SQL înregistrat ca tranzacție în curs, cu valoare estimată și dată de închidere.',
          examples: [],
        },
        {
          key: 'customer',
          term: 'Client (câștigat)',
          definition:
            'O tranzacție închisă, cu venitul ei. Venitul este „adus de marketing” când lead-ul a venit prima dată dintr-o sursă de marketing.',
          examples: [],
        },
        {
          key: 'nurture',
          term: 'Nurturing (cultivarea lead-urilor)',
          definition:
            'Un lead trimis înapoi la marketing pentru că nu este încă pregătit să cumpere — întotdeauna cu un cod de motiv, ca marketingul să știe la ce să lucreze.',
          examples: ['Cumpără peste mai mult de 12 luni', 'Fără buget anul acesta'],
        },
        {
          key: 'disqualified',
          term: 'Descalificat / pierdut',
          definition: 'Ieșit definitiv din pâlnia de vânzări, întotdeauna cu un cod de motiv.',
          examples: ['Spam sau date false', 'Un candidat la angajare sau un furnizor', 'Un concurent'],
        },
      ],
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
    },
    icp: {
      summary:
        'Companii care pot cumpăra și folosi ce vindem: clienți de business cu 20 până la 1.000 de angajați pe piața noastră, care ne scriu de pe o adresă de firmă. Șablonul nu are criterii obligatorii, așa că lead-urile curg din prima zi; faceți un criteriu „obligatoriu” când trebuie să fie o barieră.',
      criteria: [
        {
          id: 'company_size',
          label: 'Compania are între 20 și 1.000 de angajați',
          field: 'employees',
          operator: 'between',
          values: [20, 1000],
          kind: 'weighted',
          points: 20,
        },
        {
          id: 'target_industry',
          label: 'Industrie pe care o deservim: producție, software, logistică',
          field: 'industry',
          operator: 'matches',
          values: ['produc|software|logistic|manufactur'],
          kind: 'weighted',
          points: 15,
        },
        {
          id: 'home_market',
          label: 'Sediul pe piața noastră',
          field: 'country',
          operator: 'in',
          values: [country],
          kind: 'weighted',
          points: 10,
        },
        {
          id: 'business_email',
          label: 'A scris de pe o adresă de e-mail de firmă',
          field: 'emailDomainType',
          operator: 'in',
          values: ['business'],
          kind: 'weighted',
          points: 10,
        },
        {
          id: 'phone_given',
          label: 'A lăsat un număr de telefon',
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
        'O persoană devine lead când ne dă datele de contact și acordul de a fi contactată și cere ceva la care ne putem referi în apel. Orice altceva este un contact cu un prospect, pe care marketingul continuă să-l cultive.',
      consentRequired: true,
      sources: [
        { key: 'contact_form', label: 'Formular de contact („sunați-mă”)', creates: 'lead' },
        { key: 'quote_request', label: 'Cerere de ofertă', creates: 'lead' },
        { key: 'demo_booking', label: 'Programare demonstrație', creates: 'lead' },
        {
          key: 'webinar_signup',
          label: 'Înscriere la webinar',
          creates: 'prospect',
          note: 'Devine lead doar când formularul a promis un apel și persoana a fost de acord.',
        },
        { key: 'ebook_download', label: 'Descărcare e-book sau ghid', creates: 'prospect' },
        { key: 'newsletter', label: 'Abonare la newsletter', creates: 'prospect' },
      ],
    },
    temperature: {
      marketing: [
        {
          temperature: 'cold',
          label: 'Rece: o înscriere la webinar',
          when: [{ touch: 'webinar_registered', atLeast: 1 }],
        },
        {
          temperature: 'warm',
          label: 'Cald: a participat la un webinar și a descărcat un e-book',
          when: [
            { touch: 'webinar_attended', atLeast: 1 },
            { touch: 'ebook_download', atLeast: 1 },
          ],
        },
        {
          temperature: 'hot',
          label: 'Fierbinte: a participat la două webinarii și a descărcat un e-book',
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
            label: 'Proprietar, director general sau alt membru al conducerii',
            field: 'seniority',
            operator: 'in',
            values: ['owner', 'c_level'],
            points: 20,
          },
          {
            id: 'director',
            label: 'Vicepreședinte sau director',
            field: 'seniority',
            operator: 'in',
            values: ['vp', 'director'],
            points: 15,
          },
          {
            id: 'it_lead',
            label: 'Factor de decizie IT (CIO, CTO, director IT)',
            field: 'title',
            operator: 'matches',
            values: ['\\b(CIO|CTO|IT)\\b'],
            points: 15,
          },
        ],
      },
      engagement: starterEngagementPoints([
        { urlContains: '/preturi', points: 10 },
        { urlContains: '/suport', points: 8 },
      ]),
      thresholds: { fit: 40, engagement: 30 },
    },
    mql: {
      summary:
        'Acord de contact dat și număr de telefon prezent. Vânzările sună fiecare astfel de lead, în timp ce echipa ajustează profilul și pragurile de scor.',
      requireConsent: true,
      requireIcp: true,
      requiredFields: ['hasPhone'],
      minFit: null,
      minEngagement: null,
      quadrants: [],
    },
    sqlCriteria: [
      { code: 'reached', label: 'Am vorbit cu persoana', required: true },
      {
        code: 'need',
        label: 'O nevoie pe care o putem acoperi',
        description: 'Persoana a descris, cu propriile cuvinte, o problemă pe care oferta noastră o rezolvă.',
        required: true,
      },
      {
        code: 'decision_maker',
        label: 'Factor de decizie sau acces la el',
        description: 'Vorbim cu persoana care decide sau aceasta va fi adusă la următoarea întâlnire.',
        required: true,
      },
      {
        code: 'timeframe',
        label: 'Termenul deciziei este cunoscut',
        description: 'Persoana a spus când intenționează să decidă.',
        required: true,
      },
      { code: 'budget', label: 'Bugetul există sau poate fi obținut', required: false },
      {
        code: 'acceptable_deal',
        label: 'Nu este un tip de tranzacție pe care îl refuzăm',
        description:
          'Fără proiecte unice la comandă, fără revânzare, fără licitații sub pragul nostru minim.',
        required: true,
      },
      { code: 'company_size', label: 'Compania are cel puțin 20 de angajați', required: false },
    ],
    rejectionReasons: [
      {
        code: 'unreachable',
        label: 'De negăsit după încercările convenite',
        criterion: 'reached',
        hardDisqualifier: false,
        destination: 'nurture',
      },
      {
        code: 'no_need',
        label: 'Nicio nevoie pe care o putem acoperi acum',
        criterion: 'need',
        hardDisqualifier: false,
        destination: 'nurture',
      },
      {
        code: 'no_decision_maker',
        label: 'Fără acces la factorul de decizie',
        criterion: 'decision_maker',
        hardDisqualifier: false,
        destination: 'nurture',
      },
      {
        code: 'no_timeframe',
        label: 'Nicio dată de decizie în vedere',
        criterion: 'timeframe',
        hardDisqualifier: false,
        destination: 'nurture',
      },
      {
        code: 'no_budget',
        label: 'Fără buget anul acesta',
        criterion: 'budget',
        hardDisqualifier: false,
        destination: 'nurture',
      },
      {
        code: 'refused_deal',
        label: 'Un tip de tranzacție pe care îl refuzăm',
        criterion: 'acceptable_deal',
        hardDisqualifier: false,
        destination: 'disqualified',
      },
      {
        code: 'too_small',
        label: 'Companie prea mică pentru oferta noastră',
        criterion: 'company_size',
        hardDisqualifier: false,
        destination: 'disqualified',
      },
      {
        code: 'spam',
        label: 'Spam sau date de contact false',
        criterion: null,
        hardDisqualifier: true,
        destination: 'disqualified',
      },
      {
        code: 'out_of_scope',
        label: 'Nu este client: candidat la angajare, furnizor, student',
        criterion: null,
        hardDisqualifier: true,
        destination: 'disqualified',
      },
      {
        code: 'competitor',
        label: 'Un concurent',
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
        note: 'Obiectivul comun este venitul. Ambele echipe văd aceleași cifre în același tabel.',
      },
      marketing: {
        sqls: null,
        sourcedRevenue: null,
        note: 'Marketingul este măsurat după lead-urile SQL și venitul adus de marketing, nu după numărul de MQL: o țintă de MQL se „bifează” ușor cu campanii ieftine de formulare.',
      },
      sales: {
        closedRevenue: null,
        note: 'Vânzările sunt măsurate după tranzacțiile închise și după respectarea SLA-ului de preluare.',
      },
      rewards:
        'Ambele echipe pot fi recompensate din venitul din vânzări, astfel încât amândouă câștigă când un lead se închide.',
    },
    meetings: {
      weekly: {
        day: 'mon',
        time: '10:00',
        durationMinutes: 45,
        agenda: [
          'MQL-urile predate săptămâna trecută și câte nu au fost lucrate',
          'Depășirile de SLA pe responsabili',
          'Respingerile și lead-urile întoarse la nurturing, cu motivele lor',
          'Ce s-a întâmplat cu lead-urile fiecărei campanii',
          'Ritmul față de plan',
        ],
      },
      managementReview: {
        everyMonths: 1,
        dayOfMonth: 5,
        time: '14:00',
        agenda: ['Raportul lunar', 'Conversia între etapele pâlniei', 'Modificări ale acestui acord'],
      },
      agreementReviewEveryMonths: 6,
    },
    reporting: { cadence: 'monthly', includes: [...STARTER_REPORT_ITEMS], weeklyAgenda: true },
    persona: {
      segments: [
        {
          name: 'Companii B2B în creștere',
          description:
            'Companii cu 20 până la 1.000 de angajați care vând altor companii și au depășit stadiul de foi de calcul și e-mail.',
        },
      ],
      roles: [
        {
          name: 'Proprietar sau director general',
          problems: ['Venitul depinde de câțiva oameni', 'Nu vede clar ce aduce marketingul'],
          challenges: ['Puțin timp', 'Vrea dovezi înainte să cheltuiască'],
        },
        {
          name: 'Director IT',
          problems: ['Prea multe instrumente care nu comunică între ele'],
          challenges: [
            'Verificări de securitate și protecția datelor (GDPR)',
            'Echipă mică pentru integrări',
          ],
        },
        {
          name: 'Director de vânzări',
          problems: [
            'Lead-urile vin fără context',
            'Agenții urmăresc lead-uri care nu vor cumpăra niciodată',
          ],
          challenges: ['Atingerea țintei trimestriale', 'Date actualizate în CRM'],
        },
      ],
      values: [
        'Pornire rapidă, fără implementare lungă',
        'Rezultate măsurabile în fiecare lună',
        'Un partener care răspunde repede',
      ],
      guardianMemberId: null,
      reviewEveryMonths: 3,
      lastReviewedOn: null,
    },
    feedback: {
      questions: [
        {
          id: 'conversation',
          question: 'Cum a decurs discuția? (1 = slab, 5 = excelent)',
          answer: 'scale_1_5',
          required: true,
        },
        {
          id: 'as_promised',
          question: 'A fost lead-ul așa cum l-a descris marketingul?',
          answer: 'yes_no',
          required: true,
        },
        {
          id: 'best_contacts',
          question: 'Care persoane din companie au fost cele mai interesante?',
          answer: 'text',
          required: false,
        },
        {
          id: 'missing_info',
          question: 'Ce informații de la marketing v-au lipsit înainte de apel?',
          answer: 'text',
          required: false,
        },
      ],
    },
    signers: { marketing: true, sales: true, management: false },
  };
}
