/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** What an activity would be, for similarActivities; same fields as CreateActivityInput. */
export type ActivityDraftInput = {
  /** Areas; at least one. */
  areaIds: Array<string | number>;
  /** Description. */
  description?: string | null | undefined;
  /** Last day; leave out for open-ended. */
  endDate?: string | null | undefined;
  /** Method from the catalogue. */
  methodId?: string | number | null | undefined;
  /** The plan it would belong to; its other activities count as well. */
  planId?: string | number | null | undefined;
  /** Weekly slots. */
  schedule?: Array<ScheduleSlotInput> | null | undefined;
  /** First day. */
  startDate: string;
  /** Target groups; at least one. */
  targetGroupIds: Array<string | number>;
  /** Themes. */
  themeIds?: Array<string | number> | null | undefined;
  /** Title. */
  title: string;
};

/** Narrows a list of activities; all given conditions must hold. */
export type ActivityFilter = {
  /** Activities whose period includes this date. */
  activeOn?: string | null | undefined;
  /** Activities in any of these areas or their sub-areas. */
  areaIds?: Array<string | number> | null | undefined;
  /** Default false. */
  includeArchived?: boolean | null | undefined;
  /** Activities using any of these methods. */
  methodIds?: Array<string | number> | null | undefined;
  /** Activities of any of these plans. */
  planIds?: Array<string | number> | null | undefined;
  /** Activities in any of these statuses. */
  status?: Array<ActivityStatus> | null | undefined;
  /** Activities for any of these target groups or their sub-groups. */
  targetGroupIds?: Array<string | number> | null | undefined;
  /** Free text, Danish-aware (stemming), over title and description: every word must begin a word of the activity, accents optional. */
  text?: string | null | undefined;
  /** Activities with any of these themes. */
  themeIds?: Array<string | number> | null | undefined;
};

/** Where an activity is in its life. */
export type ActivityStatus =
  | 'CANCELLED'
  | 'ENDED'
  | 'PAUSED'
  | 'PLANNED'
  | 'RUNNING';

/** An activity to archive: it leaves lists and overlap analysis, and stays readable by id. */
export type ArchiveActivityInput = {
  /** The version you read. */
  expectedVersion: number;
  /** The activity to archive. */
  id: string | number;
};

/** Level of an area: municipality, district (bydel) or housing estate (boligafdeling). */
export type AreaKind =
  | 'DISTRICT'
  | 'ESTATE'
  | 'MUNICIPALITY';

/** Which cells of the coverage matrix to count. */
export type CoverageFilter = {
  /** Default: today. */
  activeOn?: string | null | undefined;
  /** Rows of the matrix: these areas. */
  areaIds?: Array<string | number> | null | undefined;
  /** Rows of the matrix: areas of this kind (default DISTRICT unless areaIds are given). */
  areaKind?: AreaKind | null | undefined;
  /** Only cells with no active activity. */
  gapsOnly?: boolean | null | undefined;
  /** Columns: these target groups (default all). */
  targetGroupIds?: Array<string | number> | null | undefined;
  /** When given, every cell is split by these themes. */
  themeIds?: Array<string | number> | null | undefined;
};

/** A new activity of a plan. */
export type CreateActivityInput = {
  /** Areas where it takes place; at least one. */
  areaIds: Array<string | number>;
  /** Participants it can take at once. */
  capacity?: number | null | undefined;
  /** Who to contact about it (a Person). */
  contactId?: string | number | null | undefined;
  /** What happens, for whom and how; at most 10,000 characters. */
  description?: string | null | undefined;
  /** Last day; leave out while open-ended. */
  endDate?: string | null | undefined;
  /** A retry with the same key returns the first result instead of creating a second activity. */
  idempotencyKey?: string | null | undefined;
  /** Method from the shared catalogue. */
  methodId?: string | number | null | undefined;
  /** Organisations it is run with. */
  partnerIds?: Array<string | number> | null | undefined;
  /** The plan it belongs to; a project lead may only use their own plans. */
  planId: string | number;
  /** The plan's own reference for it, unique within the plan; at most 100 characters. */
  reference?: string | null | undefined;
  /** Weekly time slots. */
  schedule?: Array<ScheduleSlotInput> | null | undefined;
  /** First day. */
  startDate: string;
  /** Default PLANNED. */
  status?: ActivityStatus | null | undefined;
  /** Target groups it serves; at least one. */
  targetGroupIds: Array<string | number>;
  /** Themes it works on. */
  themeIds?: Array<string | number> | null | undefined;
  /** Title, at most 200 characters. */
  title: string;
};

/** A lesson learned, on an activity and/or a method. */
export type CreateExperienceInput = {
  /** The activity it comes from; a project lead may only use activities of their plans. */
  activityId?: string | number | null | undefined;
  /** What happened and what was learned, at most 10,000 characters. */
  body: string;
  /** The method it concerns; default the activity's method. */
  methodId?: string | number | null | undefined;
  /** Whether it worked. */
  outcome: ExperienceOutcome;
  /** Whether readers and the newsletter may see it. Default false. */
  publishable?: boolean | null | undefined;
  /** Advice to others, at most 10,000 characters. */
  recommendation?: string | null | undefined;
  /** Short title, at most 200 characters. */
  title: string;
};

/** Narrows a list of experiences; all given conditions must hold. */
export type ExperienceFilter = {
  /** Experiences with any of these methods. */
  methodIds?: Array<string | number> | null | undefined;
  /** Experiences with any of these outcomes. */
  outcome?: Array<ExperienceOutcome> | null | undefined;
  /** Experiences from activities for any of these target groups or their sub-groups. */
  targetGroupIds?: Array<string | number> | null | undefined;
  /** Free text, Danish-aware, over title, body and recommendation. */
  text?: string | null | undefined;
  /** Experiences from activities with any of these themes. */
  themeIds?: Array<string | number> | null | undefined;
};

/** How the experience turned out. */
export type ExperienceOutcome =
  | 'DID_NOT_WORK'
  | 'MIXED'
  | 'WORKED';

/** What kind of news a highlight is. */
export type HighlightKind =
  | 'ACTIVITY_STARTING'
  | 'EVALUATION'
  | 'EXPERIENCE_PUBLISHED'
  | 'NEW_ACTIVITY'
  | 'NEW_PLAN'
  | 'OVERLAP_RESOLVED'
  | 'TARGET_REACHED';

/** A sheet of activities to import: the first row holds the headers (the README lists them). */
export type ImportActivitiesInput = {
  /** The CSV text, or the XLSX file base64-encoded; at most 5 MB. */
  content: string;
  /** Default true: check every row and report what would happen, writing nothing. */
  dryRun?: boolean;
  /** CSV or XLSX. */
  format: ImportFormat;
  /** The plan of rows that name none (or of a sheet without a Helhedsplan column). */
  planId?: string | number | null | undefined;
};

/** The kind of file an import reads. */
export type ImportFormat =
  /** Text separated by ";" or ","; the content is the text itself. */
  | 'CSV'
  /** An Excel workbook (.xlsx), its first sheet (or one named "Aktiviteter"); the content is the file base64-encoded. */
  | 'XLSX';

/** What an import did, or would do, with one row. */
export type ImportRowStatus =
  /** A new activity was registered. */
  | 'CREATED'
  /** The row has errors; nothing of the import was written. */
  | 'FAILED'
  /** The activity the row matches already says what the row says. */
  | 'UNCHANGED'
  /** The activity the row matches was changed. */
  | 'UPDATED'
  /** Not written (a dry run, or another row failed): the row would register a new activity. */
  | 'WOULD_CREATE'
  /** Not written (a dry run, or another row failed): the row would change the activity it matches. */
  | 'WOULD_UPDATE';

/** What the team decided about a pair of overlapping activities. */
export type OverlapDecision =
  /** Different purposes: not a real overlap. */
  | 'COMPLEMENTARY'
  /** The projects now coordinate (shared staff, joint recruitment, agreed split). */
  | 'COORDINATED'
  /** A true duplicate that should be merged or stopped. */
  | 'DUPLICATE';

/** Narrows the list of overlaps; all given conditions must hold. */
export type OverlapFilter = {
  /** Only pairs whose activities are both active on this date. Default: pairs whose common period has not ended before today (current and future overlaps). */
  activeOn?: string | null | undefined;
  /** Overlaps in which at least one activity is in one of these areas or their sub-areas. */
  areaIds?: Array<string | number> | null | undefined;
  /** Default false: reviewed pairs are hidden. */
  includeReviewed?: boolean | null | undefined;
  /** Default true: pairs inside one plan count too. */
  includeSamePlan?: boolean | null | undefined;
  /** Overlaps in which at least one activity is of one of these kinds of work: its method, or the method inferred from its words with confidence from 0.5. */
  methodIds?: Array<string | number> | null | undefined;
  /** Lowest score returned. Default: the implementation's calibrated threshold, the one that separates true overlaps from near misses. */
  minScore?: number | null | undefined;
  /** Overlaps in which at least one activity belongs to one of these plans. */
  planIds?: Array<string | number> | null | undefined;
  /** Overlaps in which at least one activity serves one of these target groups or their sub-groups. */
  targetGroupIds?: Array<string | number> | null | undefined;
  /** Overlaps in which at least one activity has one of these themes. */
  themeIds?: Array<string | number> | null | undefined;
};

/** A kind of signal behind an overlap score. */
export type OverlapReasonKind =
  | 'AREA'
  | 'METHOD'
  | 'PERIOD'
  | 'SCHEDULE'
  | 'TARGET_GROUP'
  | 'TEXT'
  | 'THEME';

/** Narrows a list of plans; all given conditions must hold. */
export type PlanFilter = {
  /** Plans working in any of these areas or their sub-areas. */
  areaIds?: Array<string | number> | null | undefined;
  /** Plans in any of these statuses. */
  status?: Array<PlanStatus> | null | undefined;
};

/** Where a helhedsplan is in its life. */
export type PlanStatus =
  | 'ACTIVE'
  | 'DRAFT'
  | 'ENDED';

/** A decision on a pair of overlapping activities. */
export type ReviewOverlapInput = {
  /** The two activities of the pair. */
  activityIds: Array<string | number>;
  /** What was decided. */
  decision: OverlapDecision;
  /** Why, or what was agreed; at most 10,000 characters. */
  note?: string | null | undefined;
};

/** What a user may do. */
export type Role =
  /** Administers users and reference data. */
  | 'ADMIN'
  /** The citywide team: reads and writes everything. */
  | 'COORDINATOR'
  /** Registers and edits activities, experiences and measurements of the plans they lead only. */
  | 'PROJECT_LEAD'
  /** Read-only, no personal data (newsletter tooling). */
  | 'READER';

/** A weekly time slot. */
export type ScheduleSlotInput = {
  /** End time, HH:mm; after startTime. */
  endTime: string;
  /** Start time, HH:mm. */
  startTime: string;
  /** Day of the week. */
  weekday: Weekday;
};

/** Fields left out are unchanged; a field given as null is cleared where it is nullable. */
export type UpdateActivityInput = {
  /** New areas; at least one. */
  areaIds?: Array<string | number> | null | undefined;
  /** New capacity; null clears it. */
  capacity?: number | null | undefined;
  /** New contact; null clears it. */
  contactId?: string | number | null | undefined;
  /** New description; null clears it. */
  description?: string | null | undefined;
  /** New last day; null makes it open-ended. */
  endDate?: string | null | undefined;
  /** The version you read; a newer version on the server answers VERSION_CONFLICT. */
  expectedVersion: number;
  /** The activity to change. */
  id: string | number;
  /** New method; null clears it. */
  methodId?: string | number | null | undefined;
  /** New partners; null or [] clears them. */
  partnerIds?: Array<string | number> | null | undefined;
  /** New reference, unique within the plan; null clears it. */
  reference?: string | null | undefined;
  /** New weekly slots; null or [] clears them. */
  schedule?: Array<ScheduleSlotInput> | null | undefined;
  /** New first day; cannot be cleared. */
  startDate?: string | null | undefined;
  /** New status; cannot be cleared. */
  status?: ActivityStatus | null | undefined;
  /** New target groups; at least one. */
  targetGroupIds?: Array<string | number> | null | undefined;
  /** New themes; null or [] clears them. */
  themeIds?: Array<string | number> | null | undefined;
  /** New title; cannot be cleared. */
  title?: string | null | undefined;
};

/** Why a mutation refused its input. */
export type UserErrorCode =
  /** The value must be unique and is taken. */
  | 'DUPLICATE'
  /** Your role or your plans do not allow this. */
  | 'FORBIDDEN'
  /** The value breaks a rule: missing, too long, out of order, of the wrong kind. */
  | 'INVALID'
  /** No object has this id. */
  | 'NOT_FOUND'
  /** Someone changed the object since you read it: reload and apply your change again. */
  | 'VERSION_CONFLICT';

/** Day of the week, Monday first. */
export type Weekday =
  | 'FRIDAY'
  | 'MONDAY'
  | 'SATURDAY'
  | 'SUNDAY'
  | 'THURSDAY'
  | 'TUESDAY'
  | 'WEDNESDAY';

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { id: string, name: string, role: Role, plans: Array<{ id: string, code: string, name: string }> } | null };

export type PlansQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: PlanFilter | null | undefined;
}>;


export type PlansQuery = { plans: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, code: string, name: string, status: PlanStatus, startDate: string, endDate: string, areas: Array<{ id: string, name: string }> }> } };

export type ActivitiesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: ActivityFilter | null | undefined;
}>;


export type ActivitiesQuery = { activities: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, title: string, status: ActivityStatus, version: number, startDate: string, endDate: string | null, plan: { id: string, code: string, name: string }, method: { id: string, name: string } | null, targetGroups: Array<{ id: string, name: string }>, areas: Array<{ id: string, name: string }>, schedule: Array<{ weekday: Weekday, startTime: string, endTime: string }> }> } };

export type OverlapPartsFragment = { score: number, reasons: Array<{ kind: OverlapReasonKind, weight: number, detail: string }>, review: { decision: OverlapDecision, note: string | null, reviewedAt: string } | null, activities: Array<{ id: string, title: string, plan: { id: string, code: string, name: string } }> };

export type OverlapsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: OverlapFilter | null | undefined;
}>;


export type OverlapsQuery = { overlaps: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ score: number, reasons: Array<{ kind: OverlapReasonKind, weight: number, detail: string }>, review: { decision: OverlapDecision, note: string | null, reviewedAt: string } | null, activities: Array<{ id: string, title: string, plan: { id: string, code: string, name: string } }> }> } };

export type SimilarActivitiesQueryVariables = Exact<{
  draft: ActivityDraftInput;
  first?: number | null | undefined;
}>;


export type SimilarActivitiesQuery = { similarActivities: Array<{ score: number, reasons: Array<{ kind: OverlapReasonKind, weight: number, detail: string }>, review: { decision: OverlapDecision, note: string | null, reviewedAt: string } | null, activities: Array<{ id: string, title: string, plan: { id: string, code: string, name: string } }> }> };

export type CoverageQueryVariables = Exact<{
  filter?: CoverageFilter | null | undefined;
}>;


export type CoverageQuery = { coverage: Array<{ activeActivities: number, area: { id: string, name: string, kind: AreaKind, residents: number | null }, targetGroup: { id: string, name: string }, theme: { id: string, name: string } | null }> };

export type ExperiencesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: ExperienceFilter | null | undefined;
}>;


export type ExperiencesQuery = { experiences: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, title: string, body: string, outcome: ExperienceOutcome, recommendation: string | null, publishable: boolean, createdAt: string, method: { id: string, name: string } | null, activity: { id: string, title: string } | null }> } };

export type HighlightsQueryVariables = Exact<{
  since: string;
  until?: string | null | undefined;
  first?: number | null | undefined;
}>;


export type HighlightsQuery = { highlights: Array<{ kind: HighlightKind, title: string, summary: string, occurredAt: string, score: number, subject:
      | { __typename: 'ActionItem', id: string }
      | { __typename: 'Activity', id: string }
      | { __typename: 'Area', id: string }
      | { __typename: 'Evaluation', id: string }
      | { __typename: 'Experience', id: string }
      | { __typename: 'Indicator', id: string }
      | { __typename: 'Meeting', id: string }
      | { __typename: 'Method', id: string }
      | { __typename: 'Notification', id: string }
      | { __typename: 'Organisation', id: string }
      | { __typename: 'Person', id: string }
      | { __typename: 'Plan', id: string }
      | { __typename: 'SteeringGroup', id: string }
      | { __typename: 'TargetGroup', id: string }
      | { __typename: 'Theme', id: string }
      | { __typename: 'User', id: string }
     | null }> };

export type PlanByCodeQueryVariables = Exact<{
  code: string;
}>;


export type PlanByCodeQuery = { plan: { id: string, code: string, name: string } | null };

export type UserErrorPartsFragment = { field: Array<string>, code: UserErrorCode, message: string };

export type ActivityPartsFragment = { id: string, title: string, description: string | null, status: ActivityStatus, version: number, archived: boolean, startDate: string, endDate: string | null, capacity: number | null, plan: { id: string, code: string }, method: { id: string, name: string } | null, targetGroups: Array<{ id: string, name: string }>, areas: Array<{ id: string, name: string }>, schedule: Array<{ weekday: Weekday, startTime: string, endTime: string }> };

export type CreateActivityMutationVariables = Exact<{
  input: CreateActivityInput;
}>;


export type CreateActivityMutation = { createActivity: { activity: { id: string, title: string, description: string | null, status: ActivityStatus, version: number, archived: boolean, startDate: string, endDate: string | null, capacity: number | null, plan: { id: string, code: string }, method: { id: string, name: string } | null, targetGroups: Array<{ id: string, name: string }>, areas: Array<{ id: string, name: string }>, schedule: Array<{ weekday: Weekday, startTime: string, endTime: string }> } | null, similarActivities: Array<{ score: number, reasons: Array<{ kind: OverlapReasonKind, weight: number, detail: string }>, review: { decision: OverlapDecision, note: string | null, reviewedAt: string } | null, activities: Array<{ id: string, title: string, plan: { id: string, code: string, name: string } }> }>, userErrors: Array<{ field: Array<string>, code: UserErrorCode, message: string }> } };

export type UpdateActivityMutationVariables = Exact<{
  input: UpdateActivityInput;
}>;


export type UpdateActivityMutation = { updateActivity: { activity: { id: string, title: string, description: string | null, status: ActivityStatus, version: number, archived: boolean, startDate: string, endDate: string | null, capacity: number | null, plan: { id: string, code: string }, method: { id: string, name: string } | null, targetGroups: Array<{ id: string, name: string }>, areas: Array<{ id: string, name: string }>, schedule: Array<{ weekday: Weekday, startTime: string, endTime: string }> } | null, similarActivities: Array<{ score: number, reasons: Array<{ kind: OverlapReasonKind, weight: number, detail: string }>, review: { decision: OverlapDecision, note: string | null, reviewedAt: string } | null, activities: Array<{ id: string, title: string, plan: { id: string, code: string, name: string } }> }>, userErrors: Array<{ field: Array<string>, code: UserErrorCode, message: string }> } };

export type ArchiveActivityMutationVariables = Exact<{
  input: ArchiveActivityInput;
}>;


export type ArchiveActivityMutation = { archiveActivity: { activity: { id: string, title: string, description: string | null, status: ActivityStatus, version: number, archived: boolean, startDate: string, endDate: string | null, capacity: number | null, plan: { id: string, code: string }, method: { id: string, name: string } | null, targetGroups: Array<{ id: string, name: string }>, areas: Array<{ id: string, name: string }>, schedule: Array<{ weekday: Weekday, startTime: string, endTime: string }> } | null, userErrors: Array<{ field: Array<string>, code: UserErrorCode, message: string }> } };

export type ReviewOverlapMutationVariables = Exact<{
  input: ReviewOverlapInput;
}>;


export type ReviewOverlapMutation = { reviewOverlap: { overlap: { score: number, reasons: Array<{ kind: OverlapReasonKind, weight: number, detail: string }>, review: { decision: OverlapDecision, note: string | null, reviewedAt: string } | null, activities: Array<{ id: string, title: string, plan: { id: string, code: string, name: string } }> } | null, userErrors: Array<{ field: Array<string>, code: UserErrorCode, message: string }> } };

export type CreateExperienceMutationVariables = Exact<{
  input: CreateExperienceInput;
}>;


export type CreateExperienceMutation = { createExperience: { experience: { id: string, title: string, publishable: boolean } | null, userErrors: Array<{ field: Array<string>, code: UserErrorCode, message: string }> } };

export type ImportActivitiesMutationVariables = Exact<{
  input: ImportActivitiesInput;
}>;


export type ImportActivitiesMutation = { importActivities: { report: { written: boolean, created: number, updated: number, unchanged: number, failed: number, unknownColumns: Array<string>, rows: Array<{ row: number, title: string | null, status: ImportRowStatus, similarCount: number, errors: Array<{ column: string, code: UserErrorCode, message: string }>, activity: { id: string, title: string, version: number } | null }> } | null, userErrors: Array<{ field: Array<string>, code: UserErrorCode, message: string }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const OverlapPartsFragmentDoc = new TypedDocumentString(`
    fragment OverlapParts on Overlap {
  score
  reasons {
    kind
    weight
    detail
  }
  review {
    decision
    note
    reviewedAt
  }
  activities {
    id
    title
    plan {
      id
      code
      name
    }
  }
}
    `, {"fragmentName":"OverlapParts"}) as unknown as TypedDocumentString<OverlapPartsFragment, unknown>;
export const UserErrorPartsFragmentDoc = new TypedDocumentString(`
    fragment UserErrorParts on UserError {
  field
  code
  message
}
    `, {"fragmentName":"UserErrorParts"}) as unknown as TypedDocumentString<UserErrorPartsFragment, unknown>;
export const ActivityPartsFragmentDoc = new TypedDocumentString(`
    fragment ActivityParts on Activity {
  id
  title
  description
  status
  version
  archived
  startDate
  endDate
  capacity
  plan {
    id
    code
  }
  method {
    id
    name
  }
  targetGroups {
    id
    name
  }
  areas {
    id
    name
  }
  schedule {
    weekday
    startTime
    endTime
  }
}
    `, {"fragmentName":"ActivityParts"}) as unknown as TypedDocumentString<ActivityPartsFragment, unknown>;
export const ViewerDocument = new TypedDocumentString(`
    query Viewer {
  viewer {
    id
    name
    role
    plans {
      id
      code
      name
    }
  }
}
    `) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;
export const PlansDocument = new TypedDocumentString(`
    query Plans($first: Int, $after: String, $filter: PlanFilter) {
  plans(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      code
      name
      status
      startDate
      endDate
      areas {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PlansQuery, PlansQueryVariables>;
export const ActivitiesDocument = new TypedDocumentString(`
    query Activities($first: Int, $after: String, $filter: ActivityFilter) {
  activities(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      title
      status
      version
      startDate
      endDate
      plan {
        id
        code
        name
      }
      method {
        id
        name
      }
      targetGroups {
        id
        name
      }
      areas {
        id
        name
      }
      schedule {
        weekday
        startTime
        endTime
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ActivitiesQuery, ActivitiesQueryVariables>;
export const OverlapsDocument = new TypedDocumentString(`
    query Overlaps($first: Int, $after: String, $filter: OverlapFilter) {
  overlaps(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      ...OverlapParts
    }
  }
}
    fragment OverlapParts on Overlap {
  score
  reasons {
    kind
    weight
    detail
  }
  review {
    decision
    note
    reviewedAt
  }
  activities {
    id
    title
    plan {
      id
      code
      name
    }
  }
}`) as unknown as TypedDocumentString<OverlapsQuery, OverlapsQueryVariables>;
export const SimilarActivitiesDocument = new TypedDocumentString(`
    query SimilarActivities($draft: ActivityDraftInput!, $first: Int) {
  similarActivities(draft: $draft, first: $first) {
    ...OverlapParts
  }
}
    fragment OverlapParts on Overlap {
  score
  reasons {
    kind
    weight
    detail
  }
  review {
    decision
    note
    reviewedAt
  }
  activities {
    id
    title
    plan {
      id
      code
      name
    }
  }
}`) as unknown as TypedDocumentString<SimilarActivitiesQuery, SimilarActivitiesQueryVariables>;
export const CoverageDocument = new TypedDocumentString(`
    query Coverage($filter: CoverageFilter) {
  coverage(filter: $filter) {
    activeActivities
    area {
      id
      name
      kind
      residents
    }
    targetGroup {
      id
      name
    }
    theme {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<CoverageQuery, CoverageQueryVariables>;
export const ExperiencesDocument = new TypedDocumentString(`
    query Experiences($first: Int, $after: String, $filter: ExperienceFilter) {
  experiences(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      title
      body
      outcome
      recommendation
      publishable
      createdAt
      method {
        id
        name
      }
      activity {
        id
        title
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ExperiencesQuery, ExperiencesQueryVariables>;
export const HighlightsDocument = new TypedDocumentString(`
    query Highlights($since: DateTime!, $until: DateTime, $first: Int) {
  highlights(since: $since, until: $until, first: $first) {
    kind
    title
    summary
    occurredAt
    score
    subject {
      id
      __typename
    }
  }
}
    `) as unknown as TypedDocumentString<HighlightsQuery, HighlightsQueryVariables>;
export const PlanByCodeDocument = new TypedDocumentString(`
    query PlanByCode($code: String!) {
  plan(code: $code) {
    id
    code
    name
  }
}
    `) as unknown as TypedDocumentString<PlanByCodeQuery, PlanByCodeQueryVariables>;
export const CreateActivityDocument = new TypedDocumentString(`
    mutation CreateActivity($input: CreateActivityInput!) {
  createActivity(input: $input) {
    activity {
      ...ActivityParts
    }
    similarActivities {
      ...OverlapParts
    }
    userErrors {
      ...UserErrorParts
    }
  }
}
    fragment OverlapParts on Overlap {
  score
  reasons {
    kind
    weight
    detail
  }
  review {
    decision
    note
    reviewedAt
  }
  activities {
    id
    title
    plan {
      id
      code
      name
    }
  }
}
fragment UserErrorParts on UserError {
  field
  code
  message
}
fragment ActivityParts on Activity {
  id
  title
  description
  status
  version
  archived
  startDate
  endDate
  capacity
  plan {
    id
    code
  }
  method {
    id
    name
  }
  targetGroups {
    id
    name
  }
  areas {
    id
    name
  }
  schedule {
    weekday
    startTime
    endTime
  }
}`) as unknown as TypedDocumentString<CreateActivityMutation, CreateActivityMutationVariables>;
export const UpdateActivityDocument = new TypedDocumentString(`
    mutation UpdateActivity($input: UpdateActivityInput!) {
  updateActivity(input: $input) {
    activity {
      ...ActivityParts
    }
    similarActivities {
      ...OverlapParts
    }
    userErrors {
      ...UserErrorParts
    }
  }
}
    fragment OverlapParts on Overlap {
  score
  reasons {
    kind
    weight
    detail
  }
  review {
    decision
    note
    reviewedAt
  }
  activities {
    id
    title
    plan {
      id
      code
      name
    }
  }
}
fragment UserErrorParts on UserError {
  field
  code
  message
}
fragment ActivityParts on Activity {
  id
  title
  description
  status
  version
  archived
  startDate
  endDate
  capacity
  plan {
    id
    code
  }
  method {
    id
    name
  }
  targetGroups {
    id
    name
  }
  areas {
    id
    name
  }
  schedule {
    weekday
    startTime
    endTime
  }
}`) as unknown as TypedDocumentString<UpdateActivityMutation, UpdateActivityMutationVariables>;
export const ArchiveActivityDocument = new TypedDocumentString(`
    mutation ArchiveActivity($input: ArchiveActivityInput!) {
  archiveActivity(input: $input) {
    activity {
      ...ActivityParts
    }
    userErrors {
      ...UserErrorParts
    }
  }
}
    fragment UserErrorParts on UserError {
  field
  code
  message
}
fragment ActivityParts on Activity {
  id
  title
  description
  status
  version
  archived
  startDate
  endDate
  capacity
  plan {
    id
    code
  }
  method {
    id
    name
  }
  targetGroups {
    id
    name
  }
  areas {
    id
    name
  }
  schedule {
    weekday
    startTime
    endTime
  }
}`) as unknown as TypedDocumentString<ArchiveActivityMutation, ArchiveActivityMutationVariables>;
export const ReviewOverlapDocument = new TypedDocumentString(`
    mutation ReviewOverlap($input: ReviewOverlapInput!) {
  reviewOverlap(input: $input) {
    overlap {
      ...OverlapParts
    }
    userErrors {
      ...UserErrorParts
    }
  }
}
    fragment OverlapParts on Overlap {
  score
  reasons {
    kind
    weight
    detail
  }
  review {
    decision
    note
    reviewedAt
  }
  activities {
    id
    title
    plan {
      id
      code
      name
    }
  }
}
fragment UserErrorParts on UserError {
  field
  code
  message
}`) as unknown as TypedDocumentString<ReviewOverlapMutation, ReviewOverlapMutationVariables>;
export const CreateExperienceDocument = new TypedDocumentString(`
    mutation CreateExperience($input: CreateExperienceInput!) {
  createExperience(input: $input) {
    experience {
      id
      title
      publishable
    }
    userErrors {
      ...UserErrorParts
    }
  }
}
    fragment UserErrorParts on UserError {
  field
  code
  message
}`) as unknown as TypedDocumentString<CreateExperienceMutation, CreateExperienceMutationVariables>;
export const ImportActivitiesDocument = new TypedDocumentString(`
    mutation ImportActivities($input: ImportActivitiesInput!) {
  importActivities(input: $input) {
    report {
      written
      created
      updated
      unchanged
      failed
      unknownColumns
      rows {
        row
        title
        status
        similarCount
        errors {
          column
          code
          message
        }
        activity {
          id
          title
          version
        }
      }
    }
    userErrors {
      ...UserErrorParts
    }
  }
}
    fragment UserErrorParts on UserError {
  field
  code
  message
}`) as unknown as TypedDocumentString<ImportActivitiesMutation, ImportActivitiesMutationVariables>;