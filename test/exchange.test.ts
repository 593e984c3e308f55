import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../server/core/config.js';
import { Role } from '../server/core/enums.js';
import { SHEET_COLUMNS } from '../server/exchange/sheet.js';
import { graphqlRequest, startTestHub, type TestHub } from './support/hub.js';

// ajv-formats is CommonJS: its plugin is the default export's default.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => void;

let t: TestHub;
let ownPlan: string;

beforeAll(async () => {
  t = await startTestHub();
  ownPlan = await t.idOf('Plan', "select id from plan where code = 'VOL-OEST'");
});
afterAll(() => t?.stop());

const REPORT = `report { written created updated unchanged failed unknownColumns
  rows { row title status similarCount errors { column code message } activity { id title version reference startDate endDate status capacity
    schedule { weekday startTime endTime } method { code } targetGroups { code } areas { code } themes { code } partners { name } contact { name } plan { code } } } }`;

/** As the console sends it: in Danish, so the sheet's problems come back in Danish. */
async function importSheet(input: Record<string, unknown>, as: Role = Role.COORDINATOR) {
  const result = await graphqlRequest<any>(
    t.hub.url,
    t.users[as].token,
    `mutation($input: ImportActivitiesInput!) { importActivities(input: $input) { ${REPORT} userErrors { field code message } } }`,
    { input },
    { 'accept-language': 'da' },
  );
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data.importActivities;
}

const activityCount = async () => Number(((await t.hub.orm.em.fork().execute('select count(*) as n from activity')) as { n: string }[])[0]!.n);

/** A plan's sheet as a lead keeps it: Danish headers in their own spelling, mixed dates, names instead of codes, an extra column. */
const HEADER =
  'Reference;Titel;Beskrivelse;Metode;MÅLGRUPPER;omrader;Indsatsområde;Startdato;Slutdato;Status;Kapacitet;Ugeplan;Kontakt;Samarbejdspartnere;Bemærkning';
const GOOD_ROWS = [
  'VO-101;Lektiehjælp i Fyrreparken;Frivillige hjælper skolebørn med lektier;Lektiecafé;Skolebørn 6-12;Fyrreparken;Uddannelse og livschancer;1.2.2026;30-06-2026;I gang;20;"tirsdag 15.30-17.00; torsdag 15.30-17.00";;Vollsmose Bibliotek, Røde Kors Odense;intern note',
  'VO-102;Mødregruppe i Bøgeparken;Mødre mødes om sundhed og hverdag;;Mødre;Bøgeparken;Sammenhængskraft og medborgerskab;1. marts 2026;;planlagt;12;onsdag 10-12;;;',
  '"VO-103";"Fritidsjob-formidling, Bøgeparken";"Unge får hjælp til CV; og første job";Fritidsjob;"Unge 13-17";"Bøgeparken";"Beskæftigelse";2026-01-15;;kører;;"man og ons kl. 14-16";;"Jobcenter Odense";',
];
const BAD_ROWS = [
  'VO-104;Fodbold for unge;;;Unge 18;Bøgeparken;;32.13.2026;;slut om lidt;mange;tirsdag 17-16;;;',
  'VO-105;;Mangler titel;;Unge 13-17;Fyrreparken;;1.2.2026;;;;;;;',
];
const csv = (rows: string[]) => `\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`;

describe('importActivities', () => {
  test('a dry run reads a sheet as people write it, reports every error in Danish beside its cell, and writes nothing', async () => {
    const before = await activityCount();
    const { report, userErrors } = await importSheet({ planId: ownPlan, format: 'CSV', content: csv([...GOOD_ROWS, ...BAD_ROWS]) });
    expect(userErrors).toEqual([]);
    expect(await activityCount()).toBe(before);
    expect(report).toMatchObject({ written: false, created: 3, updated: 0, unchanged: 0, failed: 2, unknownColumns: ['Bemærkning'] });
    expect(report.rows.map((r: { row: number; status: string }) => [r.row, r.status])).toEqual([
      [2, 'WOULD_CREATE'],
      [3, 'WOULD_CREATE'],
      [4, 'WOULD_CREATE'],
      [5, 'FAILED'],
      [6, 'FAILED'],
    ]);
    const bad = report.rows[3];
    const byColumn = Object.fromEntries(bad.errors.map((e: { column: string; message: string }) => [e.column, e.message]));
    expect(Object.keys(byColumn).sort()).toEqual(['Kapacitet', 'MÅLGRUPPER', 'Startdato', 'Status', 'Ugeplan'].sort());
    expect(byColumn['MÅLGRUPPER']).toMatch(/^Ukendt målgruppe "Unge 18"; mente du .*"Unge 13-17"/);
    expect(byColumn.Startdato).toMatch(/er ikke en dato/);
    expect(byColumn.Status).toMatch(/Ukendt status "slut om lidt"; brug Planlagt, I gang/);
    expect(byColumn.Ugeplan).toMatch(/slutter \(16\.00\) før den begynder \(17\.00\)/);
    expect(report.rows[4].errors).toEqual([{ column: 'Titel', code: 'INVALID', message: 'Titlen mangler' }]);
    expect(report.rows.every((r: { activity: unknown }) => r.activity === null)).toBe(true);
  });

  test('an import with a failed row writes nothing; fixed, it writes every row at once, read as the sheet meant it', async () => {
    const before = await activityCount();
    const failing = await importSheet({ planId: ownPlan, format: 'CSV', content: csv([...GOOD_ROWS, BAD_ROWS[1]!]), dryRun: false });
    expect(failing.report).toMatchObject({ written: false, created: 3, failed: 1 });
    expect(await activityCount()).toBe(before);

    const { report } = await importSheet({ planId: ownPlan, format: 'CSV', content: csv(GOOD_ROWS), dryRun: false });
    expect(report).toMatchObject({ written: true, created: 3, updated: 0, unchanged: 0, failed: 0 });
    expect(await activityCount()).toBe(before + 3);
    const [homework, mothers, jobs] = report.rows.map((r: { activity: unknown }) => r.activity);
    expect(homework).toMatchObject({
      reference: 'VO-101',
      title: 'Lektiehjælp i Fyrreparken',
      plan: { code: 'VOL-OEST' },
      method: { code: 'lektiecafe' },
      targetGroups: [{ code: 'skoleboern' }],
      areas: [{ code: 'vollsmose-fyrreparken' }],
      themes: [{ code: 'UDD' }],
      startDate: '2026-02-01',
      endDate: '2026-06-30',
      status: 'RUNNING',
      capacity: 20,
      schedule: [
        { weekday: 'TUESDAY', startTime: '15:30', endTime: '17:00' },
        { weekday: 'THURSDAY', startTime: '15:30', endTime: '17:00' },
      ],
      version: 1,
    });
    expect(homework.partners.map((p: { name: string }) => p.name).sort()).toEqual(['Røde Kors Odense', 'Vollsmose Bibliotek']);
    expect(mothers).toMatchObject({
      startDate: '2026-03-01',
      endDate: null,
      status: 'PLANNED',
      method: null,
      schedule: [{ weekday: 'WEDNESDAY', startTime: '10:00', endTime: '12:00' }],
    });
    expect(jobs).toMatchObject({
      title: 'Fritidsjob-formidling, Bøgeparken',
      status: 'RUNNING',
      schedule: [
        { weekday: 'MONDAY', startTime: '14:00', endTime: '16:00' },
        { weekday: 'WEDNESDAY', startTime: '14:00', endTime: '16:00' },
      ],
    });
    // A homework café for school children in the estate where the plan runs others: the overlap store saw it.
    expect(report.rows[0].similarCount).toBeGreaterThan(0);
    const log = await t.gql('query($id: ID!) { auditLog(entityId: $id) { action actor { role } } }', { id: homework.id });
    expect(log.data.auditLog).toEqual([{ action: 'importActivities', actor: { role: 'COORDINATOR' } }]);

    // The same file again changes nothing.
    const again = await importSheet({ planId: ownPlan, format: 'CSV', content: csv(GOOD_ROWS), dryRun: false });
    expect(again.report).toMatchObject({ written: true, created: 0, updated: 0, unchanged: 3, failed: 0 });
    expect(again.report.rows.map((r: { activity: { version: number } }) => r.activity.version)).toEqual([1, 1, 1]);

    // A changed cell changes that activity, and the log names the import.
    const changed = GOOD_ROWS.map((row, i) => (i === 1 ? row.replace(';12;', ';15;') : row));
    const third = await importSheet({ planId: ownPlan, format: 'CSV', content: csv(changed), dryRun: false });
    expect(third.report).toMatchObject({ written: true, created: 0, updated: 1, unchanged: 2 });
    expect(third.report.rows[1]).toMatchObject({ status: 'UPDATED', activity: { capacity: 15, version: 2 } });
    const mothersLog = await t.gql('query($id: ID!) { auditLog(entityId: $id) { action changes } }', { id: mothers.id });
    expect(mothersLog.data.auditLog[0].action).toBe('importActivities');
    expect(JSON.parse(mothersLog.data.auditLog[0].changes)).toEqual({ capacity: { before: 12, after: 15 } });
  });

  test('rows without a reference match by plan and title; a sheet with a plan column needs no plan of its own', async () => {
    const sheet = [
      'Helhedsplan,Titel,Målgrupper,Områder,Startdato,Kapacitet',
      'VOL-OEST,Seniorfrokost i Fyrreparken,Seniorer,Fyrreparken,2026-04-01,30',
      'Helhedsplan Vollsmose Øst,Seniorfrokost i Fyrreparken,Seniorer,Fyrreparken,2026-04-01,30',
    ].join('\n');
    const dry = await importSheet({ format: 'CSV', content: sheet });
    expect(dry.report.rows[1].errors).toEqual([{ column: 'Titel', code: 'DUPLICATE', message: 'Rækken gentager række 2' }]);
    const first = await importSheet({ format: 'CSV', content: sheet.split('\n').slice(0, 2).join('\n'), dryRun: false });
    expect(first.report).toMatchObject({ written: true, created: 1 });
    const second = await importSheet({ format: 'CSV', content: sheet.split('\n').slice(0, 2).join('\n').replace(',30', ',35'), dryRun: false });
    expect(second.report).toMatchObject({ written: true, created: 0, updated: 1 });
    expect(second.report.rows[0].activity).toMatchObject({ title: 'Seniorfrokost i Fyrreparken', capacity: 35, version: 2 });
  });

  test('a project lead imports into their own plans only', async () => {
    const otherPlan = await t.idOf('Plan', "select id from plan where code = 'SKK'");
    const refused = await importSheet({ planId: otherPlan, format: 'CSV', content: csv(GOOD_ROWS) }, Role.PROJECT_LEAD);
    expect(refused.userErrors).toMatchObject([{ field: ['input', 'planId'], code: 'FORBIDDEN' }]);
    const sheet = [
      'Helhedsplan;Titel;Målgrupper;Områder;Startdato',
      'VOL-OEST;Strikkecafé;Seniorer;Fyrreparken;1.5.2026',
      'SKK;Strikkecafé;Seniorer;Skt. Klemensparken;1.5.2026',
    ].join('\n');
    const { report } = await importSheet({ format: 'CSV', content: sheet }, Role.PROJECT_LEAD);
    expect(report.rows.map((r: { status: string }) => r.status)).toEqual(['WOULD_CREATE', 'FAILED']);
    expect(report.rows[1].errors).toMatchObject([{ column: 'Helhedsplan', code: 'FORBIDDEN' }]);
    const reader = await importSheet({ planId: ownPlan, format: 'CSV', content: csv(GOOD_ROWS) }, Role.READER);
    expect(reader.userErrors).toMatchObject([{ code: 'FORBIDDEN' }]);
  });

  test('an Excel workbook: dates as Excel dates, numbers as numbers; a formula is refused in its cell', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Aktiviteter');
    sheet.addRow(['Titel', 'Målgrupper', 'Områder', 'Startdato', 'Slutdato', 'Kapacitet', 'Reference']);
    sheet.addRow(['Cykelværksted for unge', 'Unge 13-17; Unge 18-29 uden uddannelse', 'Bøgeparken', new Date(Date.UTC(2026, 4, 4)), '31.12.2026', 14, 'X-1']);
    sheet.addRow(['Madklub', 'Alle beboere', 'Fyrreparken', new Date(Date.UTC(2026, 4, 4)), null, { formula: 'SUM(1,2)', result: 3 }, 'X-2']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const { report } = await importSheet({ planId: ownPlan, format: 'XLSX', content });
    expect(report.rows[0]).toMatchObject({ row: 2, status: 'WOULD_CREATE', errors: [] });
    expect(report.rows[1]).toMatchObject({
      row: 3,
      status: 'FAILED',
      errors: [{ column: 'Kapacitet', message: expect.stringMatching(/formel.*=SUM\(1,2\)/) }],
    });
  });

  test('files the hub cannot read get a clear Danish error, never a fault', async () => {
    const refuse = async (format: string, content: string) => {
      const { userErrors, report } = await importSheet({ planId: ownPlan, format, content });
      expect(report).toBeNull();
      expect(userErrors).toHaveLength(1);
      expect(userErrors[0].field).toEqual(['input', 'content']);
      return userErrors[0].message as string;
    };
    // An encrypted workbook (and an old .xls) is an OLE compound file, not a zip.
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    expect(await refuse('XLSX', ole.toString('base64'))).toMatch(/adgangskode/);
    expect(await refuse('XLSX', Buffer.from('not a workbook at all').toString('base64'))).toMatch(/ikke en Excel-fil/);
    expect(await refuse('XLSX', 'this is not base64!')).toMatch(/base64/);
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Ark1').addRow(['Titel']);
    const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    zip.file('xl/vbaProject.bin', Buffer.from('macro'));
    expect(await refuse('XLSX', (await zip.generateAsync({ type: 'nodebuffer' })).toString('base64'))).toMatch(/makroer/);
    // A small file that unpacks to far more than a sheet (a zip bomb) is refused before it is unpacked.
    const bomb = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    bomb.file('xl/media/filler.bin', Buffer.alloc(80 * 1024 * 1024));
    const bombBytes = await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bombBytes.length).toBeLessThan(1024 * 1024);
    expect(await refuse('XLSX', bombBytes.toString('base64'))).toMatch(/udpakket/);
    const truncated = Buffer.from(await workbook.xlsx.writeBuffer()).subarray(0, 400);
    expect(await refuse('XLSX', truncated.toString('base64'))).toMatch(/Excel/);
    expect(await refuse('CSV', 'Titel;Beskrivelse\n"Åben hal;x')).toMatch(/anførselstegn/);
    expect(await refuse('CSV', 'Navn på ting;Hvornår\nx;y')).toMatch(/ingen kolonne Titel/);
    expect(await refuse('CSV', '')).toMatch(/tom/);
    expect(await refuse('CSV', 'Titel\nK\uFFFDbenhavn')).toMatch(/UTF-8 eller Windows-1252/);
  });

  test('limits: rows, cell length and file size are refused with their figures', async () => {
    const many = ['Titel;Målgrupper;Områder;Startdato', ...Array.from({ length: 5001 }, (_, i) => `Aktivitet ${i};Seniorer;Fyrreparken;1.1.2026`)].join('\n');
    const rows = await importSheet({ planId: ownPlan, format: 'CSV', content: many });
    expect(rows.userErrors[0].message).toMatch(/5\.001 rækker; der kan højst importeres 5\.000/);
    const long = `Titel;Beskrivelse;Målgrupper;Områder;Startdato\nLang;${'x'.repeat(10_001)};Seniorer;Fyrreparken;1.1.2026`;
    const cell = await importSheet({ planId: ownPlan, format: 'CSV', content: long });
    expect(cell.report.rows[0].errors).toMatchObject([{ column: 'Beskrivelse', message: expect.stringMatching(/10\.001 tegn; højst 10\.000/) }]);
    const huge = await importSheet({ planId: ownPlan, format: 'XLSX', content: 'A'.repeat(7_100_000) });
    expect(huge.userErrors[0].message).toMatch(/mere end 5 MB/);
  });
});

describe('npm run import', () => {
  const run = (args: string[], token: string) =>
    new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'client-sdk/import-cli.ts', ...args], {
        cwd: new URL('..', import.meta.url).pathname,
        env: { ...process.env, HUB_URL: t.hub.url, HUB_TOKEN: token },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (c) => (output += c));
      child.stderr.on('data', (c) => (output += c));
      child.on('exit', (code) => resolve({ code, output }));
    });

  test('a Windows-1252 CSV from Danish Excel: a dry run, then --commit; errors exit 1', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hub-import-'));
    const file = path.join(dir, 'aktiviteter.csv');
    const sheet = 'Titel;Målgrupper;Områder;Startdato\r\nSøndagsbrunch for ældre;Seniorer;Fyrreparken;7.6.2026\r\n';
    writeFileSync(file, Buffer.from(sheet, 'latin1'));
    const dry = await run([file, '--plan', 'VOL-OEST'], t.users.COORDINATOR.token);
    expect(dry.output).toMatch(/row +2 +oprettes +Søndagsbrunch for ældre/);
    expect(dry.output).toMatch(/Nothing written \(dry run; add --commit to write\)/);
    expect(dry.code).toBe(0);
    const commit = await run([file, '--plan', 'VOL-OEST', '--commit'], t.users.COORDINATOR.token);
    expect(commit.output).toMatch(/Imported: 1 new, 0 changed, 0 unchanged, 0 with errors/);
    expect(commit.code).toBe(0);
    writeFileSync(file, Buffer.from(sheet.replace('Seniorer', 'Seniorerne'), 'latin1'));
    const bad = await run([file, '--plan', 'VOL-OEST', '--commit'], t.users.COORDINATOR.token);
    expect(bad.output).toMatch(/Målgrupper: Ukendt målgruppe "Seniorerne"; mente du "Seniorer"\?/);
    expect(bad.code).toBe(1);
    const noPlan = await run([file, '--plan', 'NOPE'], t.users.COORDINATOR.token);
    expect(noPlan.output).toMatch(/No plan has the code "NOPE"/);
    expect(noPlan.code).toBe(2);
  });
});

describe('exports', () => {
  const download = (path: string, as: Role | null = Role.COORDINATOR, init: RequestInit = {}) =>
    fetch(new URL(path, t.hub.url), { ...init, headers: as ? { authorization: `Bearer ${t.users[as].token}` } : {} });
  const sheetOf = async (response: Response) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await response.arrayBuffer()) as never);
    return workbook.worksheets[0]!;
  };

  test("the README's example sheet and the template both import cleanly into the demo city", async () => {
    const example = readFileSync(new URL('../docs/examples/aktiviteter-eksempel.csv', import.meta.url), 'utf8');
    const { report } = await importSheet({ format: 'CSV', content: example });
    expect(report).toMatchObject({ written: false, created: 3, failed: 0, unknownColumns: [] });
    expect(report.rows.map((r: { similarCount: number }) => r.similarCount).some((n: number) => n > 0)).toBe(true);
    const response = await download('/export/template.xlsx', Role.PROJECT_LEAD);
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Aktiviteter', 'Vejledning']);
    expect(workbook.worksheets[0]!.getCell('B2').value).toBe('VOL-OEST');
    const template = await importSheet({ format: 'XLSX', content: bytes.toString('base64') }, Role.PROJECT_LEAD);
    expect(template.report).toMatchObject({ written: false, created: 2, failed: 0 });
  });

  test('a plan to Excel and back: the same columns as the import, and re-importing changes nothing', async () => {
    const response = await download(`/export/activities.xlsx?plan=${encodeURIComponent(ownPlan)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const bytes = Buffer.from(await response.clone().arrayBuffer());
    const sheet = await sheetOf(response);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(SHEET_COLUMNS.map((c) => c.header));
    const planActivities = await t.gql('query($id: ID!) { node(id: $id) { ... on Plan { activities { totalCount } } } }', { id: ownPlan });
    expect(sheet.actualRowCount - 1).toBe(planActivities.data.node.activities.totalCount);
    expect(sheet.getCell('J2').value).toBeInstanceOf(Date);
    const { report } = await importSheet({ format: 'XLSX', content: bytes.toString('base64'), dryRun: false });
    expect(report).toMatchObject({ written: true, created: 0, updated: 0, failed: 0, unknownColumns: [] });
    expect(report.unchanged).toBe(sheet.actualRowCount - 1);
  });

  test('the whole city to CSV and back changes nothing; formula-like text stays text', async () => {
    const tricky = await t.mutate(
      'createActivity',
      'CreateActivityInput',
      {
        planId: ownPlan,
        title: '=HYPERLINK("http://x.example","klik")',
        description: '+45 ring til os; @alle er velkomne',
        targetGroupIds: [await t.idOf('TargetGroup', "select id from target_group where code = 'alle'")],
        areaIds: [await t.idOf('Area', "select id from area where code = 'vollsmose-fyrreparken'")],
        startDate: '2026-05-01',
      },
      'activity { id }',
    );
    expect(tricky.userErrors).toEqual([]);
    const response = await download('/export/activities.csv');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await response.arrayBuffer());
    // A byte-order mark first, so that Excel reads the Danish letters as UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.startsWith('\uFEFF"Id";"Helhedsplan";"Reference";"Titel"')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://x.example"",""klik"")"`);
    expect(text).toContain(`"'+45 ring til os; @alle er velkomne"`);
    expect(text).not.toMatch(/;"[=+\-@]/);
    const { report } = await importSheet({ format: 'CSV', content: text, dryRun: false });
    expect(report).toMatchObject({ written: true, created: 0, updated: 0, failed: 0 });
    expect(report.unchanged).toBe(text.trim().split('\r\n').length - 1);
    expect(report.unchanged).toBeGreaterThan(600);
    const xlsx = await sheetOf(await download('/export/activities.xlsx?text=HYPERLINK'));
    expect(xlsx.getCell('D2').type).toBe(ExcelJS.ValueType.String);
  });

  test('readers get no e-mail or phone in any export; bad requests are refused plainly', async () => {
    const emails = ((await t.hub.orm.em.fork().execute('select email from person where email is not null')) as { email: string }[]).map((r) => r.email);
    const csvText = await (await download('/export/activities.csv', Role.READER)).text();
    const hsdsResponse = await download('/export/hsds', Role.READER);
    expect(hsdsResponse.status).toBe(200);
    const hsdsText = await hsdsResponse.text();
    for (const email of emails) {
      expect(csvText).not.toContain(email);
      expect(hsdsText).not.toContain(email);
    }
    expect(csvText).toContain('"Kontakt"');
    expect((await download('/export/activities.csv', null)).status).toBe(401);
    const unknown = await download('/export/activities.csv?plna=x');
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ errors: [{ message: expect.stringMatching(/Unknown parameter "plna"/) }] });
    expect((await download('/export/activities.xlsx?planIds=not-an-id')).status).toBe(400);
    expect((await download('/export/activities.csv', Role.COORDINATOR, { method: 'POST' })).status).toBe(405);
  });

  test('the overlap board as CSV: every pair the filter finds, whole where one query is cut by the answer limit, and says how many', async () => {
    // A hub whose answer limit the whole city's pairs pass: the board's own query of every group's pairs is refused there.
    const small = await startTestHub({ config: { limits: { ...loadConfig({}).limits, answerFields: 2000 } } });
    try {
      const token = small.users[Role.COORDINATOR].token;
      const everything = await small.gql('{ overlapGroups(by: AREA_AND_KIND) { overlaps { score activities { title plan { name } } reasons { detail } } } }');
      expect(everything.errors?.[0]?.extensions?.code).toBe('QUERY_LIMIT');
      const total = (await small.gql('{ overlaps(first: 1) { totalCount } }')).data.overlaps.totalCount as number;
      expect(total).toBeGreaterThan(100);
      const response = await fetch(new URL('/export/overlaps.csv', small.hub.url), { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-export-rows')).toBe(String(total));
      const bytes = new Uint8Array(await response.arrayBuffer());
      const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).split('\r\n').filter(Boolean);
      expect(lines[0]).toBe('\ufeff"Aktivitet A";"Helhedsplan A";"Aktivitet B";"Helhedsplan B";"Score";"Beslutning";"Begrundelser"');
      expect(lines).toHaveLength(total + 1);
      // The board's filters, by the console's names: one district's pairs only.
      const area = await small.idOf('Area', "select id from area where code = 'vollsmose'");
      const inArea = (await small.gql(`{ overlaps(first: 1, filter: { areaIds: ["${area}"] }) { totalCount } }`)).data.overlaps.totalCount as number;
      const filtered = await fetch(new URL(`/export/overlaps.csv?area=${encodeURIComponent(area)}&min=0,5`, small.hub.url), {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(filtered.headers.get('x-export-rows')).toBe(String(inArea));
      // Refused in the caller's language: English for programs, Danish when asked in Danish (as the console asks).
      const wrong = async (language?: string) => {
        const answer = await fetch(new URL('/export/overlaps.csv?omraade=x&min=2', small.hub.url), {
          headers: { authorization: `Bearer ${token}`, ...(language ? { 'accept-language': language } : {}) },
        });
        expect(answer.status).toBe(400);
        return ((await answer.json()) as { errors: { message: string }[] }).errors[0]!.message;
      };
      expect(await wrong()).toMatch(/^Unknown parameter "omraade"; the export takes area, /);
      expect(await wrong('da-DK,da;q=0.9')).toMatch(/^Ukendt parameter "omraade"; eksporten tager area, /);
      const badScore = await fetch(new URL('/export/overlaps.csv?min=2', small.hub.url), {
        headers: { authorization: `Bearer ${token}`, 'accept-language': 'da' },
      });
      expect(((await badScore.json()) as { errors: { message: string }[] }).errors[0]!.message).toBe('Mindste score skal være et tal fra 0 til 1, ikke "2"');
      expect((await fetch(new URL('/export/overlaps.csv', small.hub.url))).status).toBe(401);
    } finally {
      await small.stop();
    }
  });

  test('the city as Open Referral HSDS 3.0, valid against its JSON schemas; DRAFT plans are left out for readers', async () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const dir = new URL('./fixtures/hsds-3.0/', import.meta.url);
    for (const file of readdirSync(dir)) if (file.endsWith('.json')) ajv.addSchema(JSON.parse(readFileSync(new URL(file, dir), 'utf8')), file);
    const validate = (schema: string, items: unknown[]) => {
      const check = ajv.getSchema(schema)!;
      for (const item of items) expect(check(item) ? null : { item, errors: check.errors }).toBeNull();
    };
    // The validator bites: a service without its status, or with an id that is no UUID, is refused.
    expect(ajv.getSchema('service.json')!({ id: 'a8c6a7b2-1b3c-4d5e-8f90-1a2b3c4d5e6f', name: 'x' })).toBe(false);
    expect(ajv.getSchema('service.json')!({ id: 'x', name: 'x', status: 'active' })).toBe(false);
    const draft = await t.hub.orm.em.fork().execute("select name from plan where status = 'DRAFT'");
    for (const role of [Role.COORDINATOR, Role.READER]) {
      const response = await download('/export/hsds', role);
      expect(response.status).toBe(200);
      const document = (await response.json()) as any;
      expect(document.hsds_version).toBe('3.0');
      expect(document.services.length).toBeGreaterThan(100);
      validate('organization.json', document.organizations);
      validate('service.json', document.services);
      validate('location.json', document.locations);
      validate('service_at_location.json', document.service_at_locations);
      validate('taxonomy.json', document.taxonomies);
      validate('taxonomy_term.json', document.taxonomy_terms);
      const ids = new Set([...document.organizations, ...document.locations, ...document.taxonomy_terms].map((x: { id: string }) => x.id));
      for (const service of document.services) {
        expect(ids.has(service.organization_id)).toBe(true);
        for (const attribute of service.attributes) expect(ids.has(attribute.taxonomy_term_id)).toBe(true);
        for (const at of service.service_at_locations) expect(ids.has(at.location_id)).toBe(true);
      }
      // The weekly times, target groups and plan of one activity, in Open Referral's terms.
      const homework = document.services.find((x: { name: string }) => x.name === 'Lektiehjælp i Fyrreparken');
      expect(homework).toMatchObject({
        status: 'active',
        minimum_age: 6,
        maximum_age: 12,
        eligibility_description: 'For Skolebørn 6-12.',
        schedules: [
          { freq: 'WEEKLY', byday: 'TU', opens_at: '15:30', closes_at: '17:00', valid_from: '2026-02-01', valid_to: '2026-06-30' },
          { freq: 'WEEKLY', byday: 'TH', opens_at: '15:30', closes_at: '17:00' },
        ],
      });
      const terms = new Map(document.taxonomy_terms.map((x: { id: string; name: string }) => [x.id, x.name]));
      expect(homework.attributes.map((a: { taxonomy_term_id: string }) => terms.get(a.taxonomy_term_id)).sort()).toEqual(
        ['Lektiecafé', 'Skolebørn 6-12', 'Uddannelse og livschancer'].sort(),
      );
      expect(document.organizations.find((o: { id: string }) => o.id === homework.organization_id).alternate_name).toBe('VOL-OEST');
      const names = document.organizations.map((o: { name: string }) => o.name);
      if (role === Role.READER) for (const { name } of draft as { name: string }[]) expect(names).not.toContain(name);
    }
  });
});
