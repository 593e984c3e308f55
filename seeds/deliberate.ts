// Deliberate overlaps and near misses, documented pair by pair in seeds/README.md.
import type { SlotSeed } from './templates.js';

export interface DeliberateActivity {
  key: string;
  plan: string;
  area: string;
  method?: string;
  title: string;
  description: string;
  groups: string[];
  themes: string[];
  startDate: string;
  endDate?: string;
  status: 'PLANNED' | 'RUNNING' | 'PAUSED' | 'ENDED' | 'CANCELLED';
  schedule: SlotSeed[];
  capacity?: number;
  archived?: boolean;
}

const s = (weekday: SlotSeed['weekday'], startTime: string, endTime: string): SlotSeed => ({ weekday, startTime, endTime });

export const DELIBERATE: DeliberateActivity[] = [
  // D1: same method, same group, neighbouring estates, same afternoons.
  { key: 'D1a', plan: 'VOL-OEST', area: 'vollsmose-boegeparken', method: 'lektiecafe', title: 'Lektiecafé i Bøgeparkens beboerhus',
    description: 'Frivillige hjælper skolebørn med lektier, læsning og matematik to eftermiddage om ugen.', groups: ['skoleboern'], themes: ['UDD'],
    startDate: '2024-08-12', status: 'RUNNING', schedule: [s('TUESDAY', '15:00', '17:00'), s('THURSDAY', '15:00', '17:00')], capacity: 30 },
  { key: 'D1b', plan: 'VOL-VEST', area: 'vollsmose-egeparken', method: 'lektiecafe', title: 'Lektiehjælp i Egeparken',
    description: 'Lektiehjælp for skolebørn med frivillige fra gymnasiet og universitetet.', groups: ['skoleboern'], themes: ['UDD'],
    startDate: '2025-01-06', endDate: '2026-12-31', status: 'RUNNING', schedule: [s('TUESDAY', '15:30', '17:30')], capacity: 25 },
  // D2: a district-wide activity and one in an estate inside that district; shared theme and similar content, one without a method.
  { key: 'D2a', plan: 'VOL-FREM', area: 'vollsmose', method: 'kvindenetvaerk', title: 'Kvindenetværk Vollsmose',
    description: 'Netværk for etniske minoritetskvinder i hele Vollsmose med oplæg, udflugter og kaffe.', groups: ['etniske-kvinder'], themes: ['SAM'],
    startDate: '2023-03-01', status: 'RUNNING', schedule: [s('THURSDAY', '10:00', '12:00')], capacity: 40 },
  { key: 'D2b', plan: 'VOL-BIRK', area: 'vollsmose-birkeparken', title: 'Kvindecafé for etniske minoritetskvinder i Birkeparken',
    description: 'Kvindenetværk og café for etniske minoritetskvinder: oplæg, samtaler og udflugter.', groups: ['etniske-kvinder'], themes: ['SAM'],
    startDate: '2024-02-01', status: 'RUNNING', schedule: [s('THURSDAY', '10:30', '12:30')], capacity: 25 },
  // D3: a target group and its sub-group, same method, same estate.
  { key: 'D3a', plan: 'KOR', area: 'korsloekken-parken', method: 'gadeplan', title: 'Gadeplan for kriminalitetstruede unge i Korsløkken',
    description: 'Opsøgende arbejde om aftenen med unge i risiko for kriminalitet, i samarbejde med SSP.', groups: ['krim-unge'], themes: ['KRIM'],
    startDate: '2023-02-01', status: 'RUNNING', schedule: [s('FRIDAY', '19:00', '23:00')] },
  { key: 'D3b', plan: 'ODE-UNGE', area: 'korsloekken-parken', method: 'gadeplan', title: 'Opsøgende ungeindsats i Korsløkkeparken',
    description: 'Gadeplansmedarbejdere møder unge i Korsløkkeparken fredag og lørdag aften.', groups: ['unge'], themes: ['KRIM'],
    startDate: '2024-09-01', status: 'RUNNING', schedule: [s('FRIDAY', '20:00', '23:00'), s('SATURDAY', '20:00', '23:00')] },
  // D4: matched by text alone: neither has a method.
  { key: 'D4a', plan: 'RIS', area: 'rising-parken', title: 'Lektiehjælp for skolebørn',
    description: 'Hjælp til lektier for børn i 0.-6. klasse i beboerhuset.', groups: ['skoleboern'], themes: ['UDD'],
    startDate: '2024-01-08', status: 'RUNNING', schedule: [s('MONDAY', '15:00', '17:00'), s('WEDNESDAY', '15:00', '17:00')], capacity: 20 },
  { key: 'D4b', plan: 'RIS', area: 'rising-stroemmen', title: 'Lektiecafé i beboerhuset',
    description: 'Lektiecafé for skolebørn med frivillige hjælpere og saftevand.', groups: ['skoleboern'], themes: ['UDD'],
    startDate: '2025-02-03', status: 'RUNNING', schedule: [s('WEDNESDAY', '15:00', '17:00')], capacity: 20 },
  // D5: neighbouring estates across a district border (Korsløkkeparken and Lærkeparken, about 800 m).
  { key: 'D5a', plan: 'KOR', area: 'korsloekken-parken', method: 'fritidsjob', title: 'Fritidsjob for unge i Korsløkken',
    description: 'Jobformidler hjælper unge til deres første fritidsjob.', groups: ['unge'], themes: ['BESK'],
    startDate: '2023-08-01', status: 'RUNNING', schedule: [s('TUESDAY', '17:00', '19:00')], capacity: 25 },
  { key: 'D5b', plan: 'VOL-VEST', area: 'vollsmose-laerkeparken', method: 'fritidsjob', title: 'Jobklar – fritidsjob til unge i Lærkeparken',
    description: 'CV, jobsamtaler og kontakt til butikker og klubber, så unge får et fritidsjob.', groups: ['unge'], themes: ['BESK'],
    startDate: '2024-03-01', status: 'RUNNING', schedule: [s('TUESDAY', '17:00', '19:00')], capacity: 20 },
  // D6: two activities of the same plan in its two estates.
  { key: 'D6a', plan: 'SKK', area: 'sktklemens-parken', method: 'faedregruppe', title: 'Fædregruppe i Skt. Klemensparken',
    description: 'Fædre mødes om faderrollen og laver mad sammen.', groups: ['faedre'], themes: ['SAM'],
    startDate: '2023-09-04', status: 'RUNNING', schedule: [s('MONDAY', '18:00', '20:00')], capacity: 15 },
  { key: 'D6b', plan: 'SKK', area: 'sktklemens-hollufgaard', method: 'faedregruppe', title: 'Fædrenetværk i Hollufgård Vænge',
    description: 'Netværk for fædre om opdragelse, skole og fritid.', groups: ['faedre'], themes: ['SAM'],
    startDate: '2025-01-13', status: 'RUNNING', schedule: [s('MONDAY', '18:30', '20:30')], capacity: 15 },
  // D7: neighbouring estates in two districts (Ejerslykkeparken and Højstrupparken, about 1 km), same morning.
  { key: 'D7a', plan: 'EJE', area: 'ejerslykke-parken', method: 'jobcafe', title: 'Jobcafé Ejerslykke',
    description: 'Åben jobrådgivning med jobcentret: CV, ansøgninger og jobsøgning.', groups: ['ledige'], themes: ['BESK'],
    startDate: '2023-04-01', status: 'RUNNING', schedule: [s('WEDNESDAY', '09:00', '12:00')], capacity: 30 },
  { key: 'D7b', plan: 'HOJ', area: 'hoejstrup-parken', method: 'jobcafe', title: 'Jobcafé i Højstrupparken',
    description: 'Hjælp til jobsøgning og CV for ledige beboere.', groups: ['ledige'], themes: ['BESK'],
    startDate: '2024-05-01', status: 'RUNNING', schedule: [s('WEDNESDAY', '09:30', '12:00')], capacity: 20 },

  // N1: same method and group, but about 7 km apart.
  { key: 'N1a', plan: 'VOL-OEST', area: 'vollsmose-fyrreparken', method: 'bydelsmoedre', title: 'Bydelsmødrenes træffetid i Fyrreparken',
    description: 'Bydelsmødre rådgiver kvinder om sundhed, skole og rettigheder.', groups: ['etniske-kvinder'], themes: ['SAM'],
    startDate: '2023-05-01', status: 'RUNNING', schedule: [s('WEDNESDAY', '10:00', '12:00')] },
  { key: 'N1b', plan: 'SKK', area: 'sktklemens-parken', method: 'bydelsmoedre', title: 'Bydelsmødre i Skt. Klemens',
    description: 'Bydelsmødre rådgiver kvinder om sundhed, skole og rettigheder.', groups: ['etniske-kvinder'], themes: ['SAM'],
    startDate: '2023-05-01', status: 'RUNNING', schedule: [s('WEDNESDAY', '10:00', '12:00')] },
  // N2: same method, estate and time, but the age ranges 6-12 and 13-17 do not meet.
  { key: 'N2a', plan: 'HOJ', area: 'hoejstrup-parken', method: 'ferieaktiviteter', title: 'Ferieklub for skolebørn i Højstrupparken',
    description: 'Ture og aktiviteter i skolernes ferier.', groups: ['skoleboern'], themes: ['SAM'],
    startDate: '2024-06-01', status: 'RUNNING', schedule: [s('MONDAY', '10:00', '15:00')], capacity: 40 },
  { key: 'N2b', plan: 'HOJ', area: 'hoejstrup-parken', method: 'ferieaktiviteter', title: 'Ferieture for unge i Højstrupparken',
    description: 'Ture og aktiviteter i skolernes ferier.', groups: ['unge'], themes: ['SAM'],
    startDate: '2024-06-01', status: 'RUNNING', schedule: [s('MONDAY', '10:00', '15:00')], capacity: 30 },
  // N3: same everything, but the periods are three years apart.
  { key: 'N3a', plan: 'EJE', area: 'ejerslykke-parken', method: 'lektiecafe', title: 'Sommerskole 2024 i Ejerslykkeparken',
    description: 'Sommerskole med læsning og matematik for skolebørn.', groups: ['skoleboern'], themes: ['UDD'],
    startDate: '2024-06-24', endDate: '2024-08-09', status: 'ENDED', schedule: [s('TUESDAY', '10:00', '13:00')], capacity: 30 },
  { key: 'N3b', plan: 'EJE', area: 'ejerslykke-parken', method: 'lektiecafe', title: 'Sommerskole 2027 i Ejerslykkeparken',
    description: 'Sommerskole med læsning og matematik for skolebørn.', groups: ['skoleboern'], themes: ['UDD'],
    startDate: '2027-06-28', endDate: '2027-08-06', status: 'PLANNED', schedule: [s('TUESDAY', '10:00', '13:00')], capacity: 30 },
  // N4: same group, estate and theme, but different work (homework help against study guidance).
  { key: 'N4a', plan: 'VOL-GRAN', area: 'vollsmose-granparken', method: 'lektiecafe', title: 'Lektiecafé for 7.-9. klasse i Granparken',
    description: 'Matematik, dansk og projektopgaver for elever i 7.-9. klasse.', groups: ['unge'], themes: ['UDD'],
    startDate: '2023-09-01', status: 'RUNNING', schedule: [s('WEDNESDAY', '16:00', '18:00')], capacity: 20 },
  { key: 'N4b', plan: 'VOL-GRAN', area: 'vollsmose-granparken', method: 'uddannelsesvejledning', title: 'Uddannelsesvejledning i Granparken',
    description: 'UU-vejleder holder træffetid om valg af ungdomsuddannelse og erhvervspraktik.', groups: ['unge'], themes: ['UDD'],
    startDate: '2024-01-15', status: 'RUNNING', schedule: [s('THURSDAY', '13:00', '15:00')] },
  // N5: would overlap, but one is cancelled (a) or archived (c).
  { key: 'N5a', plan: 'VOL-VEST', area: 'vollsmose-laerkeparken', method: 'motion-kvinder', title: 'Kvindegymnastik i Lærkeparken',
    description: 'Gymnastik for kvinder med børnepasning.', groups: ['etniske-kvinder'], themes: ['SAM'],
    startDate: '2025-03-01', status: 'CANCELLED', schedule: [s('SUNDAY', '10:00', '12:00')], capacity: 20 },
  { key: 'N5b', plan: 'VOL-FREM', area: 'vollsmose-laerkeparken', method: 'motion-kvinder', title: 'Motion for kvinder i Lærkeparken',
    description: 'Motion og sundhed for kvinder med børnepasning.', groups: ['etniske-kvinder'], themes: ['SAM'],
    startDate: '2024-09-01', status: 'RUNNING', schedule: [s('SUNDAY', '10:00', '12:00')], capacity: 25 },
  { key: 'N5c', plan: 'VOL-FREM', area: 'vollsmose-egeparken', title: 'Pigeklub i Egeparken',
    description: 'Pigeklub for piger 13-17 år med dans, madlavning og ture.', groups: ['unge'], themes: ['SAM'],
    startDate: '2023-01-09', status: 'RUNNING', schedule: [s('THURSDAY', '17:00', '19:00')], capacity: 20, archived: true },
  { key: 'N5d', plan: 'VOL-VEST', area: 'vollsmose-egeparken', title: 'Pigeklubben Egeparken',
    description: 'Pigeklub for piger 13-17 år: dans, madlavning og ture.', groups: ['unge'], themes: ['SAM'],
    startDate: '2024-08-15', status: 'RUNNING', schedule: [s('THURSDAY', '17:00', '19:00')], capacity: 20 },
];

/** The documented pairs: overlapping (true) or near misses (false). */
export const DOCUMENTED_PAIRS: { pair: [string, string]; overlap: boolean }[] = [
  { pair: ['D1a', 'D1b'], overlap: true },
  { pair: ['D2a', 'D2b'], overlap: true },
  { pair: ['D3a', 'D3b'], overlap: true },
  { pair: ['D4a', 'D4b'], overlap: true },
  { pair: ['D5a', 'D5b'], overlap: true },
  { pair: ['D6a', 'D6b'], overlap: true },
  { pair: ['D7a', 'D7b'], overlap: true },
  { pair: ['N1a', 'N1b'], overlap: false },
  { pair: ['N2a', 'N2b'], overlap: false },
  { pair: ['N3a', 'N3b'], overlap: false },
  { pair: ['N4a', 'N4b'], overlap: false },
  { pair: ['N5a', 'N5b'], overlap: false },
  { pair: ['N5c', 'N5d'], overlap: false },
];
