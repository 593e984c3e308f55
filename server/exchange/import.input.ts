import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserError, UserErrorCode } from '../core/user-errors.js';

export enum ImportFormat {
  CSV = 'CSV',
  XLSX = 'XLSX',
}
registerEnumType(ImportFormat, {
  name: 'ImportFormat',
  description: 'The kind of file an import reads.',
  valuesConfig: {
    CSV: { description: 'Text separated by ";" or ","; the content is the text itself.' },
    XLSX: { description: 'An Excel workbook (.xlsx), its first sheet (or one named "Aktiviteter"); the content is the file base64-encoded.' },
  },
});

export enum ImportRowStatus {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
  FAILED = 'FAILED',
  WOULD_CREATE = 'WOULD_CREATE',
  WOULD_UPDATE = 'WOULD_UPDATE',
}
registerEnumType(ImportRowStatus, {
  name: 'ImportRowStatus',
  description: 'What an import did, or would do, with one row.',
  valuesConfig: {
    CREATED: { description: 'A new activity was registered.' },
    UPDATED: { description: 'The activity the row matches was changed.' },
    UNCHANGED: { description: 'The activity the row matches already says what the row says.' },
    FAILED: { description: 'The row has errors; nothing of the import was written.' },
    WOULD_CREATE: { description: 'Not written (a dry run, or another row failed): the row would register a new activity.' },
    WOULD_UPDATE: { description: 'Not written (a dry run, or another row failed): the row would change the activity it matches.' },
  },
});

@InputType('ImportActivitiesInput', { description: 'A sheet of activities to import: the first row holds the headers (the README lists them).' })
export class ImportActivitiesInput {
  @Field(() => ID, { nullable: true, description: 'The plan of rows that name none (or of a sheet without a Helhedsplan column).' })
  planId?: string | null;

  @Field(() => ImportFormat, { description: 'CSV or XLSX.' })
  format!: ImportFormat;

  @Field(() => String, { description: 'The CSV text, or the XLSX file base64-encoded; at most 5 MB.' })
  content!: string;

  @Field(() => Boolean, { defaultValue: true, description: 'Default true: check every row and report what would happen, writing nothing.' })
  dryRun!: boolean;
}

@ObjectType('ImportCellError', { description: 'What is wrong in one cell (or a missing one) of a row.' })
export class ImportCellError {
  @Field(() => String, { description: "The column's header as the sheet writes it." })
  column!: string;

  @Field(() => UserErrorCode, { description: 'What kind of problem.' })
  code!: UserErrorCode;

  @Field(() => String, { description: 'What is wrong and what to write instead, in Danish.' })
  message!: string;
}

@ObjectType('ImportRow', { description: 'One row of an imported sheet and what became of it.' })
export class ImportRow {
  @Field(() => Int, { description: "The sheet's own row number (the headers are row 1)." })
  row!: number;

  @Field(() => String, { nullable: true, description: 'The title the row gives.' })
  title!: string | null;

  @Field(() => ImportRowStatus, { description: 'Created, updated, unchanged, failed, or what it would be.' })
  status!: ImportRowStatus;

  /** The activity the row created or matches; the field resolver loads it after the import. */
  activityId!: number | null;

  @Field(() => [ImportCellError], { description: "The row's problems; empty unless FAILED." })
  errors!: ImportCellError[];

  @Field(() => Int, { description: 'Running activities the row’s activity overlaps (at the calibrated threshold, unreviewed pairs).' })
  similarCount!: number;
}

@ObjectType('ImportReport', { description: 'What an import did, or would do, row by row.' })
export class ImportReport {
  @Field(() => Boolean, { description: 'Whether anything was written: false for a dry run and for an import with a failed row.' })
  written!: boolean;

  @Field(() => Int, { description: 'Rows that registered a new activity (or would).' })
  created!: number;

  @Field(() => Int, { description: 'Rows that changed an activity (or would).' })
  updated!: number;

  @Field(() => Int, { description: 'Rows that matched an activity that already says the same.' })
  unchanged!: number;

  @Field(() => Int, { description: 'Rows with errors.' })
  failed!: number;

  @Field(() => [String], { description: 'Headers the hub does not know; their columns were not read.' })
  unknownColumns!: string[];

  @Field(() => [ImportRow], { description: 'Every row with content, in sheet order.' })
  rows!: ImportRow[];
}

@ObjectType('ImportActivitiesPayload', { description: 'The result of importActivities.' })
export class ImportActivitiesPayload {
  @Field(() => ImportReport, { nullable: true, description: 'Row by row; null when the file could not be read (see userErrors).' })
  report!: ImportReport | null;

  @Field(() => [UserError], { description: 'Why the file as a whole could not be imported (unreadable, too large, no title column); empty otherwise.' })
  userErrors!: UserError[];
}
