// Reference data of the demo city: a fictional city modelled on Odense. All persons are fictional.

export interface AreaSeed {
  code: string;
  name: string;
  kind: 'MUNICIPALITY' | 'DISTRICT' | 'ESTATE';
  parent?: string;
  lat: number;
  lon: number;
  residents: number;
}

export const MUNICIPALITY: AreaSeed = { code: 'odense', name: 'Odense Kommune', kind: 'MUNICIPALITY', lat: 55.3959, lon: 10.3883, residents: 208000 };

/** Districts (bydele) and their estates (boligafdelinger), with centroids and residents. */
export const DISTRICTS: { district: AreaSeed; estates: AreaSeed[] }[] = [
  {
    district: { code: 'vollsmose', name: 'Vollsmose', kind: 'DISTRICT', lat: 55.4075, lon: 10.433, residents: 7900 },
    estates: [
      { code: 'vollsmose-boegeparken', name: 'Bøgeparken', kind: 'ESTATE', lat: 55.4098, lon: 10.4385, residents: 1650 },
      { code: 'vollsmose-egeparken', name: 'Egeparken', kind: 'ESTATE', lat: 55.4058, lon: 10.431, residents: 1400 },
      { code: 'vollsmose-birkeparken', name: 'Birkeparken', kind: 'ESTATE', lat: 55.411, lon: 10.429, residents: 1550 },
      { code: 'vollsmose-granparken', name: 'Granparken', kind: 'ESTATE', lat: 55.4035, lon: 10.44, residents: 1200 },
      { code: 'vollsmose-laerkeparken', name: 'Lærkeparken', kind: 'ESTATE', lat: 55.403, lon: 10.4255, residents: 1100 },
      { code: 'vollsmose-fyrreparken', name: 'Fyrreparken', kind: 'ESTATE', lat: 55.4125, lon: 10.444, residents: 1000 },
    ],
  },
  {
    district: { code: 'korsloekken', name: 'Korsløkken', kind: 'DISTRICT', lat: 55.3965, lon: 10.43, residents: 2300 },
    estates: [
      { code: 'korsloekken-parken', name: 'Korsløkkeparken', kind: 'ESTATE', lat: 55.396, lon: 10.4245, residents: 1300 },
      { code: 'korsloekken-syd', name: 'Korsløkke Syd', kind: 'ESTATE', lat: 55.3925, lon: 10.4335, residents: 1000 },
    ],
  },
  {
    district: { code: 'rising', name: 'Rising', kind: 'DISTRICT', lat: 55.4045, lon: 10.4085, residents: 3100 },
    estates: [
      { code: 'rising-parken', name: 'Risingparken', kind: 'ESTATE', lat: 55.4055, lon: 10.407, residents: 1200 },
      { code: 'rising-stroemmen', name: 'Strømmen', kind: 'ESTATE', lat: 55.408, lon: 10.413, residents: 950 },
      { code: 'rising-kildegaarden', name: 'Kildegården', kind: 'ESTATE', lat: 55.401, lon: 10.403, residents: 950 },
    ],
  },
  {
    district: { code: 'ejerslykke', name: 'Ejerslykke', kind: 'DISTRICT', lat: 55.376, lon: 10.359, residents: 2700 },
    estates: [
      { code: 'ejerslykke-parken', name: 'Ejerslykkeparken', kind: 'ESTATE', lat: 55.3745, lon: 10.357, residents: 1500 },
      { code: 'ejerslykke-solbakken', name: 'Solbakken', kind: 'ESTATE', lat: 55.3785, lon: 10.3625, residents: 1200 },
    ],
  },
  {
    district: { code: 'hoejstrup', name: 'Højstrup', kind: 'DISTRICT', lat: 55.384, lon: 10.352, residents: 2400 },
    estates: [
      { code: 'hoejstrup-parken', name: 'Højstrupparken', kind: 'ESTATE', lat: 55.3835, lon: 10.353, residents: 1400 },
      { code: 'hoejstrup-lindved', name: 'Lindvedparken', kind: 'ESTATE', lat: 55.387, lon: 10.347, residents: 1000 },
    ],
  },
  {
    district: { code: 'sktklemens', name: 'Skt. Klemens', kind: 'DISTRICT', lat: 55.345, lon: 10.423, residents: 2600 },
    estates: [
      { code: 'sktklemens-parken', name: 'Skt. Klemensparken', kind: 'ESTATE', lat: 55.344, lon: 10.421, residents: 1500 },
      { code: 'sktklemens-hollufgaard', name: 'Hollufgård Vænge', kind: 'ESTATE', lat: 55.349, lon: 10.43, residents: 1100 },
    ],
  },
  {
    district: { code: 'bolbro', name: 'Bolbro', kind: 'DISTRICT', lat: 55.3975, lon: 10.356, residents: 3300 },
    estates: [
      { code: 'bolbro-odinsparken', name: 'Odinsparken', kind: 'ESTATE', lat: 55.399, lon: 10.352, residents: 1250 },
      { code: 'bolbro-stadionvej', name: 'Stadionparken', kind: 'ESTATE', lat: 55.395, lon: 10.361, residents: 1050 },
      { code: 'bolbro-tarupgaard', name: 'Tarupgård', kind: 'ESTATE', lat: 55.404, lon: 10.344, residents: 1000 },
    ],
  },
  {
    district: { code: 'skibhus', name: 'Skibhus', kind: 'DISTRICT', lat: 55.41, lon: 10.38, residents: 3000 },
    estates: [
      { code: 'skibhus-parken', name: 'Skibhusparken', kind: 'ESTATE', lat: 55.411, lon: 10.378, residents: 1300 },
      { code: 'skibhus-nyborgvej', name: 'Bågøparken', kind: 'ESTATE', lat: 55.415, lon: 10.37, residents: 900 },
      { code: 'skibhus-vaerftet', name: 'Værftsparken', kind: 'ESTATE', lat: 55.413, lon: 10.388, residents: 800 },
    ],
  },
  {
    district: { code: 'soenderbro', name: 'Sønderbro', kind: 'DISTRICT', lat: 55.388, lon: 10.396, residents: 2800 },
    estates: [
      { code: 'soenderbro-parken', name: 'Sønderparken', kind: 'ESTATE', lat: 55.387, lon: 10.394, residents: 1100 },
      { code: 'soenderbro-munkebjerg', name: 'Munkebjergparken', kind: 'ESTATE', lat: 55.383, lon: 10.405, residents: 1000 },
      { code: 'soenderbro-hunderup', name: 'Hunderupparken', kind: 'ESTATE', lat: 55.385, lon: 10.387, residents: 700 },
    ],
  },
  {
    district: { code: 'dalum', name: 'Dalum', kind: 'DISTRICT', lat: 55.364, lon: 10.375, residents: 2500 },
    estates: [
      { code: 'dalum-parken', name: 'Dalumparken', kind: 'ESTATE', lat: 55.365, lon: 10.374, residents: 1300 },
      { code: 'dalum-hjallese', name: 'Hjallese Vænge', kind: 'ESTATE', lat: 55.357, lon: 10.39, residents: 1200 },
    ],
  },
  {
    district: { code: 'tarup', name: 'Tarup', kind: 'DISTRICT', lat: 55.412, lon: 10.338, residents: 2100 },
    estates: [
      { code: 'tarup-parken', name: 'Tarupparken', kind: 'ESTATE', lat: 55.413, lon: 10.336, residents: 1100 },
      { code: 'tarup-paarup', name: 'Pårupparken', kind: 'ESTATE', lat: 55.418, lon: 10.329, residents: 1000 },
    ],
  },
  {
    district: { code: 'naesby', name: 'Næsby', kind: 'DISTRICT', lat: 55.43, lon: 10.38, residents: 2000 },
    estates: [
      { code: 'naesby-parken', name: 'Næsbyparken', kind: 'ESTATE', lat: 55.431, lon: 10.379, residents: 1100 },
      { code: 'naesby-agedrup', name: 'Agedrupvænget', kind: 'ESTATE', lat: 55.424, lon: 10.396, residents: 900 },
    ],
  },
];

export const HOUSING_ORGANISATIONS = [
  'Civica',
  'FAB – Fyns Almennyttige Boligselskab',
  'Odense Boligselskab',
  'Boligforeningen Ved Kongens Have',
  'Lejerbo Odense',
  'Domea Fyn',
  'Højstrup Boligselskab',
  'Boligselskabet Sct. Jørgen',
];

export const OTHER_ORGANISATIONS: { name: string; kind: 'MUNICIPAL_DEPARTMENT' | 'NGO' | 'POLICE' | 'SCHOOL' | 'OTHER' }[] = [
  { name: 'Børn- og Ungeforvaltningen', kind: 'MUNICIPAL_DEPARTMENT' },
  { name: 'Beskæftigelses- og Socialforvaltningen', kind: 'MUNICIPAL_DEPARTMENT' },
  { name: 'Ældre- og Handicapforvaltningen', kind: 'MUNICIPAL_DEPARTMENT' },
  { name: 'By- og Kulturforvaltningen', kind: 'MUNICIPAL_DEPARTMENT' },
  { name: 'SSP Odense', kind: 'MUNICIPAL_DEPARTMENT' },
  { name: 'Jobcenter Odense', kind: 'MUNICIPAL_DEPARTMENT' },
  { name: 'Ungdommens Uddannelsesvejledning Odense', kind: 'MUNICIPAL_DEPARTMENT' },
  { name: 'Sundhedsplejen Odense', kind: 'MUNICIPAL_DEPARTMENT' },
  { name: 'Fyns Politi', kind: 'POLICE' },
  { name: 'Røde Kors Odense', kind: 'NGO' },
  { name: 'Red Barnet Fyn', kind: 'NGO' },
  { name: 'Mødrehjælpen Odense', kind: 'NGO' },
  { name: 'Dansk Flygtningehjælp Ungdom', kind: 'NGO' },
  { name: 'Bydelsmødrenes Landsorganisation', kind: 'NGO' },
  { name: 'DGI Fyn', kind: 'NGO' },
  { name: 'KFUM’s Sociale Arbejde', kind: 'NGO' },
  { name: 'Ældre Sagen Odense', kind: 'NGO' },
  { name: 'Abildgårdskolen', kind: 'SCHOOL' },
  { name: 'Rising Skole', kind: 'SCHOOL' },
  { name: 'Ejerslykkeskolen', kind: 'SCHOOL' },
  { name: 'Højstrup Skole', kind: 'SCHOOL' },
  { name: 'Skt. Klemens Skole', kind: 'SCHOOL' },
  { name: 'Tingkærskolen', kind: 'SCHOOL' },
  { name: 'Odense Tekniske Gymnasium', kind: 'SCHOOL' },
  { name: 'Vollsmose Bibliotek', kind: 'OTHER' },
  { name: 'Boldklubben Vollsmose', kind: 'OTHER' },
];

/** The themes (indsatsområder) of Landsbyggefonden's 2019-26 period. */
export const THEMES = [
  { code: 'UDD', name: 'Uddannelse og livschancer' },
  { code: 'BESK', name: 'Beskæftigelse' },
  { code: 'KRIM', name: 'Kriminalitetsforebyggelse' },
  { code: 'SAM', name: 'Sammenhængskraft og medborgerskab' },
];

export interface TargetGroupSeed {
  code: string;
  name: string;
  parent?: string;
  minAge?: number;
  maxAge?: number;
}

export const TARGET_GROUPS: TargetGroupSeed[] = [
  { code: 'boern', name: 'Børn 0-12', minAge: 0, maxAge: 12 },
  { code: 'smaaboern', name: 'Småbørn 0-5', parent: 'boern', minAge: 0, maxAge: 5 },
  { code: 'skoleboern', name: 'Skolebørn 6-12', parent: 'boern', minAge: 6, maxAge: 12 },
  { code: 'unge', name: 'Unge 13-17', minAge: 13, maxAge: 17 },
  { code: 'krim-unge', name: 'Kriminalitetstruede unge', parent: 'unge', minAge: 13, maxAge: 17 },
  { code: 'unge-problemer', name: 'Unge med problemer', parent: 'unge', minAge: 13, maxAge: 17 },
  { code: 'unge-18-29', name: 'Unge 18-29 uden uddannelse', minAge: 18, maxAge: 29 },
  { code: 'voksne', name: 'Voksne', minAge: 18 },
  { code: 'foraeldre', name: 'Forældre', parent: 'voksne', minAge: 18 },
  { code: 'faedre', name: 'Fædre', parent: 'foraeldre', minAge: 18 },
  { code: 'moedre', name: 'Mødre', parent: 'foraeldre', minAge: 18 },
  { code: 'etniske-kvinder', name: 'Etniske minoritetskvinder', parent: 'voksne', minAge: 18 },
  { code: 'ledige', name: 'Ledige', parent: 'voksne', minAge: 18, maxAge: 67 },
  { code: 'seniorer', name: 'Seniorer', minAge: 65 },
  { code: 'alle', name: 'Alle beboere' },
];

export const METHODS = [
  {
    code: 'lektiecafe',
    name: 'Lektiecafé',
    description: 'Frivillige og studerende hjælper børn og unge med lektier i beboerhuset, typisk to eftermiddage om ugen.',
    keywords: ['lektiecafé', 'lektie', 'lektiehjælp', 'eksamenstræning', 'opgavehjælp'],
  },
  {
    code: 'bydelsmoedre',
    name: 'Bydelsmødre',
    description: 'Uddannede kvinder fra boligområdet støtter andre kvinder med viden om rettigheder, børneopdragelse, sundhed og samfundet.',
    keywords: ['bydelsmor', 'bydelsmødre'],
  },
  {
    code: 'fritidsjob',
    name: 'Fritidsjob',
    description: 'Unge hjælpes til et første fritidsjob hos lokale virksomheder med støtte fra en jobformidler.',
    keywords: ['fritidsjob', 'jobformidler'],
  },
  {
    code: 'lommepengejob',
    name: 'Lommepengejob',
    description: 'Korte, betalte opgaver i boligafdelingen for de 13-15-årige som trin mod et rigtigt fritidsjob.',
    keywords: ['lommepengejob', 'lommepenge'],
  },
  {
    code: 'gadeplan',
    name: 'Gadeplansindsats',
    description: 'Opsøgende medarbejdere møder unge, hvor de er, om aftenen og i weekenden, i samarbejde med SSP og politi.',
    keywords: ['gadeplan', 'gadeplansindsats', 'gadeplansmedarbejder', 'opsøgende', 'gadeteam'],
  },
  {
    code: 'faedregruppe',
    name: 'Fædregruppe',
    description: 'Fædre mødes om faderrollen, opdragelse og samarbejdet med skole og daginstitution.',
    keywords: ['fædregruppe', 'fædrenetværk', 'fædre', 'fædrecafé'],
  },
  {
    code: 'kvindenetvaerk',
    name: 'Kvindenetværk',
    description: 'Et fast mødested for kvinder med aktiviteter, oplæg og netværk, ofte med fokus på etniske minoritetskvinder.',
    keywords: ['kvindenetværk', 'kvindecafé', 'kvindegruppe', 'kvindeklub', 'kvindeforening'],
  },
  {
    code: 'familiekursus',
    name: 'Familiekursus',
    description: 'Forældrekursus i grupper (fx De Utrolige År) om samspil, grænser og trivsel i familien.',
    keywords: ['familiekursus', 'forældrekursus', 'forældreprogram', 'forældregruppe', 'forældrecafé', 'forældrenetværk'],
  },
  {
    code: 'jobcafe',
    name: 'Jobcafé',
    description: 'Åben rådgivning om job, CV og ansøgninger med jobcentret og frivillige.',
    keywords: ['jobcafé', 'jobsøgning', 'ansøgning', 'jobrådgivning', 'jobklub', 'cv-værksted', 'jobvejledning'],
  },
  {
    code: 'tryghedsvandring',
    name: 'Tryghedsvandring',
    description: 'Beboere, boligorganisation, kommune og politi går en fast rute og noterer utryghedsskabende forhold.',
    keywords: ['tryghedsvandring', 'tryghedsgåtur'],
  },
  {
    code: 'aaben-legestue',
    name: 'Åben legestue',
    description: 'Legestue for småbørn og deres forældre med sprogstimulering og sundhedsplejerske.',
    keywords: ['legestue', 'babycafé', 'småbørnscafé'],
  },
  {
    code: 'sprogcafe',
    name: 'Sprogcafé',
    description: 'Uformel dansktræning for voksne med frivillige samtalepartnere.',
    keywords: ['sprogcafé', 'dansktræning', 'samtalepartner', 'danskundervisning'],
  },
  {
    code: 'mentor',
    name: 'Mentorordning',
    description: 'En voksen mentor følger en ung en-til-en gennem uddannelse eller job.',
    keywords: ['mentor', 'mentorordning'],
  },
  {
    code: 'uddannelsesvejledning',
    name: 'Uddannelsesvejledning',
    description: 'Vejledning om ungdomsuddannelse og studievalg i boligområdet, i samarbejde med UU.',
    keywords: ['uddannelsesvejledning', 'studievalg', 'ungdomsuddannelse', 'uddannelsesvalg', 'studievejledning'],
  },
  {
    code: 'faellesspisning',
    name: 'Fællesspisning',
    description: 'Beboerne laver mad og spiser sammen; et let første skridt ind i fællesskabet.',
    keywords: ['fællesspisning', 'spisning', 'madklub', 'fællesmad'],
  },
  {
    code: 'ferieaktiviteter',
    name: 'Ferieaktiviteter',
    description: 'Ture og aktiviteter i skolernes ferier for børn og unge, der ellers ikke kommer afsted.',
    keywords: ['ferieaktiviteter', 'ferie', 'sommerferie'],
  },
  {
    code: 'foreningsguide',
    name: 'Foreningsguide',
    description: 'Guider hjælper børn og unge ind i idrætsforeninger og fritidsliv, også med kontingent og udstyr.',
    keywords: ['foreningsguide', 'foreningsliv', 'fritidspas'],
  },
  {
    code: 'motion-kvinder',
    name: 'Motion for kvinder',
    description: 'Motion og sundhed for kvinder i trygge rammer, ofte med børnepasning.',
    keywords: ['kvindemotion', 'kvindesvømning', 'kvindegymnastik', 'kvindefitness', 'kvindetræning'],
  },
  {
    code: 'seniorklub',
    name: 'Seniorklub',
    description: 'Samvær, ture og digital hjælp for ældre beboere.',
    keywords: ['seniorklub', 'seniorcafé', 'ældreklub', 'pensionistklub', 'seniortræf'],
  },
  {
    code: 'idraet',
    name: 'Idræt for børn og unge',
    description: 'Fodbold, hal og andre idrætstilbud i boligområdet, ofte med en lokal klub og frivillige trænere.',
    keywords: ['idræt', 'fodbold', 'sport', 'håndbold', 'basketball', 'boksning', 'kampsport', 'boldspil'],
  },
  {
    code: 'seniormotion',
    name: 'Motion og gåture for seniorer',
    description: 'Faste gåture, stavgang og let motion for ældre beboere, med kaffe bagefter.',
    keywords: ['gåtur', 'gåhold', 'stavgang', 'seniormotion', 'seniorgymnastik', 'seniordans', 'vandretur'],
  },
];

export const FIRST_NAMES = [
  'Anne',
  'Mette',
  'Camilla',
  'Louise',
  'Sofie',
  'Maria',
  'Hanne',
  'Rikke',
  'Fatima',
  'Aisha',
  'Leyla',
  'Amina',
  'Pernille',
  'Katrine',
  'Lars',
  'Henrik',
  'Jesper',
  'Mikkel',
  'Thomas',
  'Rasmus',
  'Jonas',
  'Ahmed',
  'Omar',
  'Ali',
  'Hassan',
  'Bo',
  'Søren',
  'Kasper',
  'Niels',
  'Jens',
];
export const LAST_NAMES = [
  'Jensen',
  'Nielsen',
  'Hansen',
  'Pedersen',
  'Andersen',
  'Christensen',
  'Larsen',
  'Sørensen',
  'Rasmussen',
  'Jørgensen',
  'Petersen',
  'Madsen',
  'Kristensen',
  'Olsen',
  'Thomsen',
  'Poulsen',
  'Johansen',
  'Knudsen',
  'Mortensen',
  'Møller',
  'Yilmaz',
  'Hussein',
  'Abdi',
  'Khan',
  'Demir',
  'Ali',
];
