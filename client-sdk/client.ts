import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import {
  ActivitiesDocument,
  ArchiveActivityDocument,
  CoverageDocument,
  CreateActivityDocument,
  CreateExperienceDocument,
  ExperiencesDocument,
  HighlightsDocument,
  ImportActivitiesDocument,
  OverlapsDocument,
  PlanByCodeDocument,
  PlansDocument,
  ReviewOverlapDocument,
  SimilarActivitiesDocument,
  UpdateActivityDocument,
  ViewerDocument,
  type ActivitiesQueryVariables,
  type ArchiveActivityInput,
  type CoverageQueryVariables,
  type CreateActivityInput,
  type CreateExperienceInput,
  type ExperiencesQueryVariables,
  type HighlightsQueryVariables,
  type ImportActivitiesInput,
  type OverlapsQueryVariables,
  type PlansQueryVariables,
  type ReviewOverlapInput,
  type SimilarActivitiesQueryVariables,
  type UpdateActivityInput,
} from './generated/graphql.js';

export * from './generated/graphql.js';
export { decodeText, sheetFile, SheetFileError, type SheetFile } from './sheet-file.js';

/** A typed operation: the generated documents (typed strings), or any typed document that prints as its query text. */
export type HubDocument<R, V> = DocumentTypeDecoration<R, V> & { toString(): string };

/** The hub could not be reached, or answered with an HTTP error that is not GraphQL's. */
export class HubTransportError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'HubTransportError';
  }
}

/** The hub refused the token (HTTP 401). */
export class HubAuthError extends HubTransportError {
  constructor(message: string) {
    super(message, 401);
    this.name = 'HubAuthError';
  }
}

/** The hub answered with GraphQL errors: a malformed request or a fault, never a user's mistake (those are userErrors). */
export class HubGraphQLError extends Error {
  constructor(
    readonly errors: { message: string; extensions?: Record<string, unknown> }[],
    readonly status: number,
  ) {
    super(errors.map((e) => e.message).join('; '));
    this.name = 'HubGraphQLError';
  }
}

export interface HubClientOptions {
  /** The GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  url: string;
  /** A bearer token (see createUser, or the demo tokens file). */
  token: string;
  /** Attempts after the first for queries (and mutations with an idempotency key) on network failures and 5xx; default 3. */
  retries?: number;
  /** First backoff in ms, doubled each retry; default 200. */
  backoffMs?: number;
  /** A fetch to use instead of the global one. */
  fetch?: typeof fetch;
  /** The language of userErrors' messages: "da" for Danish; English by default. */
  language?: 'da' | 'en';
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A typed client for the hub: one function per thing its users do. */
export function createHubClient(options: HubClientOptions) {
  const retries = options.retries ?? 3;
  const backoff = options.backoffMs ?? 200;
  const doFetch = options.fetch ?? globalThis.fetch;

  async function request<R, V>(document: HubDocument<R, V>, variables: V, retry: boolean): Promise<R> {
    const body = JSON.stringify({ query: document.toString(), variables });
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await doFetch(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${options.token}`,
            ...(options.language ? { 'accept-language': options.language } : {}),
          },
          body,
        });
      } catch (error) {
        if (retry && attempt < retries) {
          await sleep(backoff * 2 ** attempt);
          continue;
        }
        throw new HubTransportError(`The hub at ${options.url} cannot be reached: ${(error as Error).message}`, undefined, { cause: error });
      }
      if (response.status >= 500 && retry && attempt < retries) {
        await sleep(backoff * 2 ** attempt);
        continue;
      }
      if (response.status === 401) throw new HubAuthError(`The hub at ${options.url} refused the token`);
      let json: { data?: R; errors?: { message: string; extensions?: Record<string, unknown> }[] };
      try {
        json = (await response.json()) as typeof json;
      } catch (error) {
        throw new HubTransportError(`The hub at ${options.url} answered HTTP ${response.status} without JSON`, response.status, { cause: error });
      }
      if (json.errors?.length) throw new HubGraphQLError(json.errors, response.status);
      if (!json.data) throw new HubTransportError(`The hub at ${options.url} answered HTTP ${response.status} without data`, response.status);
      return json.data;
    }
  }

  const query = <R, V>(document: HubDocument<R, V>, variables: V) => request(document, variables, true);
  // A mutation is retried only when an idempotency key makes a repeat harmless.
  const mutate = <R, V>(document: HubDocument<R, V>, variables: V, idempotent = false) => request(document, variables, idempotent);

  return {
    /** Any typed operation, e.g. one generated from your own documents. */
    query,
    viewer: async () => (await query(ViewerDocument, {})).viewer,
    plans: async (variables: PlansQueryVariables = {}) => (await query(PlansDocument, variables)).plans,
    plan: async (code: string) => (await query(PlanByCodeDocument, { code })).plan,
    activities: async (variables: ActivitiesQueryVariables = {}) => (await query(ActivitiesDocument, variables)).activities,
    overlaps: async (variables: OverlapsQueryVariables = {}) => (await query(OverlapsDocument, variables)).overlaps,
    similarActivities: async (variables: SimilarActivitiesQueryVariables) => (await query(SimilarActivitiesDocument, variables)).similarActivities,
    coverage: async (variables: CoverageQueryVariables = {}) => (await query(CoverageDocument, variables)).coverage,
    experiences: async (variables: ExperiencesQueryVariables = {}) => (await query(ExperiencesDocument, variables)).experiences,
    highlights: async (variables: HighlightsQueryVariables) => (await query(HighlightsDocument, variables)).highlights,
    createActivity: async (input: CreateActivityInput) => (await mutate(CreateActivityDocument, { input }, Boolean(input.idempotencyKey))).createActivity,
    updateActivity: async (input: UpdateActivityInput) => (await mutate(UpdateActivityDocument, { input })).updateActivity,
    archiveActivity: async (input: ArchiveActivityInput) => (await mutate(ArchiveActivityDocument, { input })).archiveActivity,
    reviewOverlap: async (input: ReviewOverlapInput) => (await mutate(ReviewOverlapDocument, { input })).reviewOverlap,
    /** A sheet of activities (see sheetFile): a dry run unless dryRun is false; a dry run is safe to retry. */
    importActivities: async (input: ImportActivitiesInput) => (await mutate(ImportActivitiesDocument, { input }, input.dryRun !== false)).importActivities,
    createExperience: async (input: CreateExperienceInput) => (await mutate(CreateExperienceDocument, { input })).createExperience,
  };
}

export type HubClient = ReturnType<typeof createHubClient>;
