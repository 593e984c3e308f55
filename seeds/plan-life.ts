// A year in the life of every plan: experiences, indicators and measurements, evaluations, steering-group
// meetings with follow-ups, and inquiry counts. All dates are relative to the demo city's date.
import type { CitySeed } from './demo-city.js';
import { DEMO_TODAY, random } from './demo-city.js';

type Row = (string | number | boolean | null)[];

export interface PlanLifeRows {
  experiences: Row[];
  indicators: { row: Row; measurements: Row[] }[];
  evaluations: Row[];
  meetings: { row: Row; actionItems: Row[] }[];
  inquiries: Row[];
}

export interface Ids {
  plan: (code: string) => number;
  person: (key: string) => number;
  method: (code: string) => number;
  activity: (index: number) => number;
  steeringGroup: (planCode: string) => number;
}

const EXPERIENCES: Record<
  string,
  { title: string; body: string; outcome: 'WORKED' | 'MIXED' | 'DID_NOT_WORK'; recommendation: string; publishable: boolean }[]
> = {
  lektiecafe: [
    {
      title: 'Faste frivillige holder på børnene',
      body: 'Da vi gik fra skiftende frivillige til faste makkerpar hver uge, steg fremmødet fra 9 til 17 børn i gennemsnit. Børnene spurgte efter "deres" frivillige.',
      outcome: 'WORKED',
      recommendation: 'Bind frivillige til en fast ugedag og et fast hold børn.',
      publishable: true,
    },
    {
      title: 'Lektiecafé i skolens lokaler trak færre',
      body: 'Vi prøvede at flytte lektiecaféen til skolen for at spare husleje. Fremmødet halverede: børnene ville hjem efter skoletid og tilbage til boligområdet.',
      outcome: 'DID_NOT_WORK',
      recommendation: 'Hold lektiecaféen i boligområdet, tæt på hvor børnene bor.',
      publishable: true,
    },
  ],
  bydelsmoedre: [
    {
      title: 'Bydelsmødre åbner døre til sundhedsplejen',
      body: 'Bydelsmødrene fulgte 23 kvinder til sundhedsplejerske og tandlæge. Flere fortalte, at de ikke ville være gået alene.',
      outcome: 'WORKED',
      recommendation: 'Aftal faste træffetider med sundhedsplejen, så bydelsmødrene kan følge med.',
      publishable: true,
    },
  ],
  fritidsjob: [
    {
      title: 'Butikkerne vil have unge, der møder op til tiden',
      body: 'Samtaletræning og en "første uge"-aftale med arbejdsgiveren gjorde, at 14 af 18 unge stadig var i job efter tre måneder.',
      outcome: 'WORKED',
      recommendation: 'Ring til både den unge og arbejdsgiveren efter første uge.',
      publishable: true,
    },
    {
      title: 'For få virksomheder i lokalområdet',
      body: 'Vi havde flere unge end fritidsjob. Et samarbejde med nabobydelens helhedsplan om virksomhedskontakter hjalp noget, men ikke nok.',
      outcome: 'MIXED',
      recommendation: 'Del virksomhedskontakter på tværs af helhedsplanerne.',
      publishable: true,
    },
  ],
  gadeplan: [
    {
      title: 'Gadeplan virker bedst sammen med SSP',
      body: 'Fælles aftenvagter med SSP og lokalbetjenten gav kortere vej fra bekymring til handling. Uroen ved indkøbscentret faldt i efteråret.',
      outcome: 'WORKED',
      recommendation: 'Hold et kort fælles møde før hver vagt.',
      publishable: true,
    },
    {
      title: 'Intern: personalesituationen i gadeplansteamet',
      body: 'To medarbejdere stoppede samme måned, og vagterne blev aflyst i tre uger. Forløbet er drøftet i styregruppen.',
      outcome: 'DID_NOT_WORK',
      recommendation: 'Hav en vikarliste klar.',
      publishable: false,
    },
  ],
  faedregruppe: [
    {
      title: 'Fædre kommer, når der er mad og en opgave',
      body: 'Fremmødet steg, da møderne begyndte med fælles madlavning, og når fædrene selv planlagde en tur for børnene.',
      outcome: 'WORKED',
      recommendation: 'Giv gruppen en konkret opgave, ikke kun oplæg.',
      publishable: true,
    },
  ],
  kvindenetvaerk: [
    {
      title: 'Kvindenetværket blev en vej til sprogkursus',
      body: 'Otte kvinder fra netværket tilmeldte sig danskundervisning efter et oplæg fra sprogcentret i netværkets egne lokaler.',
      outcome: 'WORKED',
      recommendation: 'Inviter sprogcentret og jobcentret ind i netværket frem for at henvise.',
      publishable: true,
    },
    {
      title: 'To kvindenetværk i samme bydel konkurrerede',
      body: 'Vores netværk og nabohelhedsplanens kvindecafé holdt møde samme formiddag. Begge havde svært ved at samle nok deltagere.',
      outcome: 'MIXED',
      recommendation: 'Aftal dage og målgrupper med nabohelhedsplanen.',
      publishable: false,
    },
  ],
  familiekursus: [
    {
      title: 'Børnepasning afgør om forældrene kommer',
      body: 'Uden børnepasning gennemførte 4 af 12 forældre kurset, med børnepasning 11 af 12.',
      outcome: 'WORKED',
      recommendation: 'Budgettér altid med børnepasning.',
      publishable: true,
    },
  ],
  jobcafe: [
    {
      title: 'Jobcafé uden jobcentret fik ingen jobs',
      body: 'I perioden uden medarbejder fra jobcentret kom der færre, og ingen fik job eller praktik.',
      outcome: 'DID_NOT_WORK',
      recommendation: 'Hold kun åbent, når jobcentret er til stede.',
      publishable: true,
    },
  ],
  tryghedsvandring: [
    {
      title: 'Tryghedsvandringen gav lys på stierne',
      body: 'Efter to vandringer satte boligorganisationen belysning op på tre stier. Trygheden i beboerundersøgelsen steg.',
      outcome: 'WORKED',
      recommendation: 'Tag teknisk personale med på vandringen, så de ser det selv.',
      publishable: true,
    },
  ],
  'aaben-legestue': [
    {
      title: 'Legestuen fanger familier tidligt',
      body: 'Halvdelen af familierne i legestuen kendte ikke sundhedsplejens tilbud i forvejen.',
      outcome: 'WORKED',
      recommendation: 'Lad sundhedsplejersken komme fast en gang om måneden.',
      publishable: true,
    },
  ],
  sprogcafe: [
    {
      title: 'Sprogcaféen mangler mandlige deltagere',
      body: 'Næsten alle deltagere er kvinder. Et forsøg med en sprogcafé i forbindelse med fodbold trak nogle mænd.',
      outcome: 'MIXED',
      recommendation: 'Læg sprogtræning ind i aktiviteter, mændene allerede kommer til.',
      publishable: true,
    },
  ],
  mentor: [
    {
      title: 'Mentorer fastholdt unge i uddannelse',
      body: '9 af 11 unge med mentor var stadig i uddannelse efter et år.',
      outcome: 'WORKED',
      recommendation: 'Match mentor og ung på interesser, ikke kun tid.',
      publishable: true,
    },
  ],
  faellesspisning: [
    {
      title: 'Fællesspisning som første skridt',
      body: 'Mange nye beboere kom første gang til fællesspisningen og siden til andre aktiviteter.',
      outcome: 'WORKED',
      recommendation: 'Hav en fast vært, der byder nye velkommen.',
      publishable: true,
    },
  ],
  foreningsguide: [
    {
      title: 'Kontingentstøtte alene er ikke nok',
      body: 'Børn med betalt kontingent stoppede ofte efter få uger. Med en guide, der fulgte med de første gange, blev flere.',
      outcome: 'MIXED',
      recommendation: 'Følg barnet de første tre gange.',
      publishable: true,
    },
  ],
  seniorklub: [
    {
      title: 'Digital hjælp fylder mest i seniorklubben',
      body: 'MitID og digital post tog mere tid end planlagt. Vi lavede faste "digitale tirsdage".',
      outcome: 'WORKED',
      recommendation: 'Sæt tid af til digital hjælp hver gang.',
      publishable: true,
    },
  ],
};

const MEETING_DATES = ['2026-02-10', '2026-05-12', '2026-08-25', '2026-11-03'];
const TOPICS = ['Husleje', 'Vedligehold', 'Naboklager', 'Aktiviteter og beboerhus', 'Job og uddannelse'];
const MONTHS = Array.from({ length: 12 }, (_, i) => {
  const d = new Date(Date.UTC(2025, 11 + i, 1));
  return d.toISOString().slice(0, 7);
});
/** Channel shares in the first and last of the twelve months: letters and phone give way to digital post and self-service. */
const CHANNEL_SHIFT: Record<string, [number, number]> = {
  LETTER: [0.2, 0.05],
  PHONE: [0.35, 0.2],
  IN_PERSON: [0.15, 0.1],
  EMAIL: [0.15, 0.12],
  DIGITAL_POST: [0.1, 0.3],
  SELF_SERVICE: [0.05, 0.23],
};

const monthEnd = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export function planLife(
  part: Pick<CitySeed, 'plans' | 'activities' | 'steeringGroups'>,
  staffOf: (planCode: string) => string[],
  residentsOf: (planCode: string) => number,
  ids: Ids,
): PlanLifeRows {
  const rows: PlanLifeRows = { experiences: [], indicators: [], evaluations: [], meetings: [], inquiries: [] };
  const now = `${DEMO_TODAY}T09:00:00Z`;
  const usedLessons = new Map<string, number>();
  part.plans.forEach((plan, p) => {
    const rnd = random(7000 + p);
    const staff = staffOf(plan.code);
    const mine = part.activities.map((a, index) => ({ a, index })).filter(({ a }) => a.plan === plan.code && !a.archived);

    // Experiences: the next unused lesson of each method the plan runs, three per plan at most.
    let told = 0;
    for (const { a, index } of mine) {
      if (told >= 3 || !a.method) continue;
      const lessons = EXPERIENCES[a.method] ?? [];
      const n = usedLessons.get(a.method) ?? 0;
      const lesson = lessons[n];
      if (!lesson || a.startDate > DEMO_TODAY) continue;
      usedLessons.set(a.method, n + 1);
      told++;
      const createdAt = `${addDays(DEMO_TODAY, -Math.floor(rnd() * 300))}T10:00:00Z`;
      rows.experiences.push([
        lesson.title,
        lesson.body,
        lesson.outcome,
        lesson.recommendation,
        ids.activity(index),
        ids.method(a.method),
        ids.person(staff[0]!),
        lesson.publishable,
        createdAt,
      ]);
    }

    if (plan.status === 'ACTIVE') {
      // Two plan indicators measured quarterly, one activity indicator measured monthly.
      const trend = 0.6 + rnd() * 0.6;
      const quarterly = (baseline: number, target: number) =>
        ['2025-12-01', '2026-03-01', '2026-06-01', '2026-09-01'].map(
          (start, q) => [start, addDays(addDays(start, 91), -1), Math.round((baseline + ((target - baseline) * trend * (q + 1)) / 4) * 10) / 10, null] as Row,
        );
      rows.indicators.push({ row: ['Unge i uddannelse eller job', '%', 'INCREASE', 72, 80, ids.plan(plan.code), null, now], measurements: quarterly(72, 80) });
      rows.indicators.push({ row: ['Anmeldte hærværkssager', 'sager', 'DECREASE', 40, 25, ids.plan(plan.code), null, now], measurements: quarterly(40, 25) });
      const counted = mine.find(({ a }) => a.status === 'RUNNING' && a.startDate <= '2025-12-01' && a.capacity);
      if (counted) {
        const target = counted.a.capacity!;
        const base = Math.max(1, Math.round(target * 0.4));
        rows.indicators.push({
          row: ['Deltagere pr. gang', 'deltagere', 'INCREASE', base, target, null, ids.activity(counted.index), now],
          measurements: MONTHS.slice(0, 11).map((month, m) => [
            `${month}-01`,
            monthEnd(month),
            Math.round(base + (target - base) * Math.min(1, (trend * (m + 1)) / 10)),
            null,
          ]),
        });
      }
      // Evaluations: continue one running activity, adjust another.
      const running = mine.filter(({ a }) => a.status === 'RUNNING');
      if (running[0])
        rows.evaluations.push([
          ids.activity(running[0].index),
          'CONTINUE',
          'Godt fremmøde og gode tilbagemeldinger fra deltagerne; fortsætter uændret.',
          `${addDays(DEMO_TODAY, -12 - (p % 20))}T14:00:00Z`,
        ]);
      if (running[1])
        rows.evaluations.push([
          ids.activity(running[1].index),
          'ADJUST',
          'For få deltagere om formiddagen; flyttes til eftermiddag og samles med nabohelhedsplanens tilbud.',
          `${addDays(DEMO_TODAY, -70)}T14:00:00Z`,
        ]);
    }
    const ended = mine.find(({ a }) => a.status === 'ENDED');
    if (ended)
      rows.evaluations.push([
        ids.activity(ended.index),
        'STOP',
        'Målgruppen blev ikke nået, og et tilsvarende tilbud i nabolaget dækker behovet.',
        `${ended.a.endDate ?? DEMO_TODAY}T14:00:00Z`,
      ]);

    // Steering-group meetings with follow-ups; the latest ones are not all done, and some are overdue.
    if (plan.status !== 'DRAFT' && part.steeringGroups.some((g) => g.plan === plan.code)) {
      MEETING_DATES.filter((date) => date >= plan.startDate && date <= plan.endDate).forEach((date, m, all) => {
        const latest = m >= all.length - 2;
        const items: Row[] = [
          ['Udsend referat til afdelingsbestyrelserne', ids.person(staff[0]!), addDays(date, 14), latest && rnd() < 0.5 ? 'OPEN' : 'DONE'],
          ['Afklar lokaler til lektiecaféen med skolen', ids.person(staff[1] ?? staff[0]!), addDays(date, 30), latest && rnd() < 0.6 ? 'OPEN' : 'DONE'],
          ['Forbered status på succeskriterierne til næste møde', ids.person(staff[0]!), addDays(date, 60), latest ? 'OPEN' : 'DONE'],
        ];
        rows.meetings.push({
          row: [
            ids.steeringGroup(plan.code),
            date,
            JSON.stringify([
              'Godkendelse af referat',
              'Status på aktiviteterne',
              'Succeskriterier og målinger',
              'Samarbejde med nabohelhedsplaner',
              'Eventuelt',
            ]),
            `Styregruppen gennemgik aktiviteterne i ${plan.name}. Fremmødet er stabilt; der er ønske om bedre koordinering med nabohelhedsplanerne.`,
            JSON.stringify(['Referatet blev godkendt', 'Aktivitetsplanen fortsætter', 'Projektlederen kontakter nabohelhedsplanen om fælles tilbud']),
            now,
          ],
          actionItems: items.map(([description, owner, due, status]) => [
            description,
            owner,
            due,
            status,
            status === 'DONE' ? `${addDays(String(due), -3)}T12:00:00Z` : null,
          ]),
        });
      });
    }

    // Inquiry counts per month, channel and topic, shifting from letters and phone to digital post and self-service.
    if (plan.status !== 'DRAFT') {
      const monthly = Math.max(40, Math.round(residentsOf(plan.code) / 25));
      MONTHS.forEach((month, m) => {
        const x = m / (MONTHS.length - 1);
        for (const [channel, [from, to]] of Object.entries(CHANNEL_SHIFT)) {
          const share = from + (to - from) * x;
          TOPICS.forEach((topic, t) => {
            const weight = [0.3, 0.25, 0.15, 0.2, 0.1][t]!;
            const count = Math.round(monthly * share * weight * (0.85 + rnd() * 0.3));
            if (count > 0) rows.inquiries.push([ids.plan(plan.code), channel, topic, `${month}-01`, monthEnd(month), count, now]);
          });
        }
      });
    }
  });
  return rows;
}
