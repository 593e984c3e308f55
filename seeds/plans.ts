// The 35 helhedsplaner of the demo city.

export interface PlanSeed {
  code: string;
  name: string;
  status: 'DRAFT' | 'ACTIVE' | 'ENDED';
  startDate: string;
  endDate: string;
  areas: string[];
  housing: string[];
  description: string;
}

const active = (code: string, name: string, areas: string[], housing: string[], description: string, startDate = '2023-01-01', endDate = '2026-12-31'): PlanSeed =>
  ({ code, name, status: 'ACTIVE', startDate, endDate, areas, housing, description });

export const PLANS: PlanSeed[] = [
  active('VOL-OEST', 'Helhedsplan Vollsmose Øst', ['vollsmose-boegeparken', 'vollsmose-fyrreparken'], ['Civica'],
    'Styrker børns skolegang og unges vej til uddannelse og job i Bøgeparken og Fyrreparken.'),
  active('VOL-VEST', 'Helhedsplan Vollsmose Vest', ['vollsmose-egeparken', 'vollsmose-laerkeparken'], ['FAB – Fyns Almennyttige Boligselskab'],
    'Fællesskab, forældreinddragelse og beskæftigelse i Egeparken og Lærkeparken.'),
  active('VOL-BIRK', 'Birkeparken i Fællesskab', ['vollsmose-birkeparken'], ['Civica'],
    'Beboerdrevne aktiviteter og netværk for kvinder og familier i Birkeparken.', '2022-07-01', '2026-12-31'),
  active('VOL-GRAN', 'Granparken Helhedsplan', ['vollsmose-granparken'], ['Odense Boligselskab'],
    'Uddannelse og fritidsliv for børn og unge i Granparken.'),
  active('VOL-FREM', 'Fremtidens Vollsmose – tværgående indsats', ['vollsmose'], ['Civica', 'FAB – Fyns Almennyttige Boligselskab', 'Odense Boligselskab'],
    'Tværgående indsats i hele Vollsmose under udviklingsplanen: tryghed, job og sammenhængskraft.', '2022-01-01', '2027-06-30'),
  active('KOR', 'Helhedsplan Korsløkken', ['korsloekken-parken', 'korsloekken-syd'], ['Civica'],
    'Kriminalitetsforebyggelse og fritidsjob for unge i Korsløkken.'),
  active('RIS', 'Helhedsplan Rising', ['rising-parken', 'rising-stroemmen'], ['Odense Boligselskab'],
    'Lektiehjælp, forældresamarbejde og fællesskab i Risingparken og Strømmen.'),
  active('RIS-KILDE', 'Kildegården Sammen', ['rising-kildegaarden'], ['Lejerbo Odense'],
    'Et mindre boligsocialt projekt med fokus på familier og naboskab.', '2024-01-01', '2027-12-31'),
  active('EJE', 'Helhedsplan Ejerslykke', ['ejerslykke-parken'], ['FAB – Fyns Almennyttige Boligselskab'],
    'Beskæftigelse og uddannelse for unge voksne i Ejerslykkeparken.'),
  active('EJE-SOL', 'Solbakken Helhedsplan', ['ejerslykke-solbakken'], ['Domea Fyn'],
    'Trivsel og fællesskab for familier og seniorer på Solbakken.'),
  active('HOJ', 'Helhedsplan Højstrup', ['hoejstrup-parken'], ['Højstrup Boligselskab'],
    'Job, uddannelse og fritidsliv i Højstrupparken.'),
  active('HOJ-LIN', 'Lindvedparken Helhedsplan', ['hoejstrup-lindved'], ['Odense Boligselskab'],
    'Forældre og børn i Lindvedparken: trivsel, sprog og skolestart.', '2023-07-01', '2027-06-30'),
  active('SKK', 'Helhedsplan Skt. Klemens', ['sktklemens-parken', 'sktklemens-hollufgaard'], ['FAB – Fyns Almennyttige Boligselskab'],
    'Familieindsats og fædrearbejde i Skt. Klemens.'),
  active('BOL-ODIN', 'Odinsparken Helhedsplan', ['bolbro-odinsparken'], ['Boligforeningen Ved Kongens Have'],
    'Børn og unges fritidsliv og skolegang i Odinsparken.'),
  active('BOL-STAD', 'Stadionparken og Bolbro', ['bolbro-stadionvej'], ['Boligforeningen Ved Kongens Have'],
    'Tryghed og fællesskab omkring Stadionparken.'),
  active('BOL-TAR', 'Tarupgård i Udvikling', ['bolbro-tarupgaard'], ['Lejerbo Odense'],
    'Naboskab og beskæftigelse i Tarupgård.', '2024-01-01', '2027-12-31'),
  active('SKI', 'Helhedsplan Skibhus', ['skibhus-parken'], ['Civica'],
    'Unge, uddannelse og tryghed i Skibhusparken.'),
  active('SKI-BAG', 'Bågøparken Helhedsplan', ['skibhus-nyborgvej'], ['Domea Fyn'],
    'Sprog, job og netværk for voksne i Bågøparken.'),
  active('SKI-VAE', 'Værftsparken Helhedsplan', ['skibhus-vaerftet'], ['Boligselskabet Sct. Jørgen'],
    'Familier og fællesskab i Værftsparken.'),
  active('SON', 'Sønderbro Helhedsplan', ['soenderbro-parken'], ['Odense Boligselskab'],
    'Børn, unge og familier på Sønderbro.'),
  active('SON-MUN', 'Munkebjergparken Helhedsplan', ['soenderbro-munkebjerg'], ['FAB – Fyns Almennyttige Boligselskab'],
    'Unge og beskæftigelse i Munkebjergparken.'),
  active('SON-HUN', 'Hunderupparken Helhedsplan', ['soenderbro-hunderup'], ['Boligselskabet Sct. Jørgen'],
    'Seniorer og naboskab i Hunderupparken.'),
  active('DAL', 'Helhedsplan Dalum', ['dalum-parken'], ['Civica'],
    'Uddannelse og fritidsjob for unge i Dalumparken.'),
  active('DAL-HJA', 'Hjallese Vænge Helhedsplan', ['dalum-hjallese'], ['Domea Fyn'],
    'Småbørnsfamilier og sprog i Hjallese Vænge.'),
  active('TAR', 'Helhedsplan Tarup', ['tarup-parken'], ['Lejerbo Odense'],
    'Familier, unge og foreningsliv i Tarupparken.'),
  active('TAR-PAR', 'Pårupparken Helhedsplan', ['tarup-paarup'], ['Højstrup Boligselskab'],
    'Beboerdemokrati og fællesskab i Pårupparken.'),
  active('NAE', 'Næsbyparken Helhedsplan', ['naesby-parken'], ['Odense Boligselskab'],
    'Unge og tryghed i Næsbyparken.'),
  active('NAE-AGE', 'Agedrupvænget Helhedsplan', ['naesby-agedrup'], ['Boligforeningen Ved Kongens Have'],
    'Familier og naboskab i Agedrupvænget.'),
  active('ODE-UNGE', 'Ungeindsats Odense Øst', ['vollsmose', 'korsloekken', 'rising'], ['Civica', 'Odense Boligselskab'],
    'Fælles ungeindsats på tværs af Vollsmose, Korsløkken og Rising: gadeplan, mentorer og fritidsjob.', '2022-01-01', '2026-12-31'),
  active('ODE-BESK', 'Job og uddannelse Vest', ['bolbro', 'tarup', 'ejerslykke', 'hoejstrup'], ['FAB – Fyns Almennyttige Boligselskab', 'Lejerbo Odense'],
    'Tværgående beskæftigelsesindsats i de vestlige boligområder sammen med Jobcenter Odense.'),
  active('ODE-FAM', 'Stærke familier Syd', ['soenderbro', 'dalum', 'sktklemens'], ['Odense Boligselskab', 'Domea Fyn'],
    'Forældrekurser og familienetværk i de sydlige boligområder.'),
  active('ODE-TRYG', 'Tryghed i Nord', ['skibhus', 'naesby'], ['Civica', 'Boligselskabet Sct. Jørgen'],
    'Tryghedsvandringer, gadeplan og naboskab i Skibhus og Næsby.'),
  { code: 'VOL-2019', name: 'Helhedsplan Vollsmose 2019-2022', status: 'ENDED', startDate: '2019-01-01', endDate: '2022-12-31',
    areas: ['vollsmose'], housing: ['Civica', 'FAB – Fyns Almennyttige Boligselskab'],
    description: 'Den forrige helhedsplan for Vollsmose; afsluttet og evalueret.' },
  { code: 'RIS-2018', name: 'Rising 2018-2021', status: 'ENDED', startDate: '2018-07-01', endDate: '2021-12-31',
    areas: ['rising'], housing: ['Odense Boligselskab'], description: 'Afsluttet helhedsplan i Rising.' },
  { code: 'KOR-2027', name: 'Korsløkken 2027-2030', status: 'DRAFT', startDate: '2027-01-01', endDate: '2030-12-31',
    areas: ['korsloekken'], housing: ['Civica'], description: 'Udkast til næste helhedsplan i Korsløkken; ansøgning til Landsbyggefonden under udarbejdelse.' },
];
