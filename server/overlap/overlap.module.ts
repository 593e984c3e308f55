import { withReaderRedaction } from '../access/reader-redaction.js';
import { activityWrites } from '../activities/activity.hooks.js';
import { areaWrites } from '../areas/area.hooks.js';
import { catalogueWrites } from '../catalogue/catalogue.hooks.js';
import type { HubModule } from '../core/module.js';
import type { LoaderFactories, LoadersOf } from '../core/loaders.js';
import { CoverageResolver } from './coverage.js';
import { OverlapGroupResolver } from './overlap-groups.js';
import { ActivityOverlap, AreaMatch, HubSetting, MethodTerm, OverlapReviewRecord, TargetGroupMatch } from './overlap.entity.js';
import { ActivityOverlapsResolver, ActivityPayloadOverlapsResolver, OverlapResolver, OverlapReviewResolver } from './overlap.resolver.js';
import { activityOverlapsLoader, overlapPairLoader, overlapReviewLoader, supersedeReviews } from './overlap.service.js';
import { overlapWrites } from './overlap.hooks.js';
import {
  lockActivitiesForChange,
  lockActivityForChange,
  lockAreaBlocks,
  pairScores,
  raisedPairs,
  refreshActivityOverlaps,
  refreshInferences,
  refreshMatchTables,
  refreshMethodPrior,
} from './overlap.store.js';
import { overlapReads } from './overlap.reads.js';

const loaders = {
  activityOverlaps: (em, viewer, budget) => activityOverlapsLoader(em, viewer, budget),
  overlapPair: (em) => overlapPairLoader(em),
  overlapReview: (em) => overlapReviewLoader(em),
} satisfies LoaderFactories;

declare module '../core/context.js' {
  interface HubLoaders extends LoadersOf<typeof loaders> {}
}

export const overlapModule: HubModule = {
  name: 'overlap',
  reads: overlapReads,
  // Free text a lead may have written a phone number or an e-mail address into.
  schemaTransforms: [withReaderRedaction(['OverlapReview.note'])],
  resolvers: [OverlapResolver, OverlapReviewResolver, OverlapGroupResolver, ActivityOverlapsResolver, ActivityPayloadOverlapsResolver, CoverageResolver],
  entities: [ActivityOverlap, OverlapReviewRecord, AreaMatch, TargetGroupMatch, HubSetting, MethodTerm],
  loaders,
  // The stored pairs follow every write they derive from, in the writer's transaction.
  connect() {
    activityWrites.lockActivity.handle(lockActivityForChange);
    activityWrites.lockActivities.handle(lockActivitiesForChange);
    activityWrites.lockAreas.handle(lockAreaBlocks);
    activityWrites.changed.handle(async (tx, ids, { reopenReviews }) => {
      for (const id of ids) if (reopenReviews === true || (reopenReviews !== false && reopenReviews.has(id))) await supersedeReviews(tx, id);
      const before = await pairScores(tx, ids);
      await refreshActivityOverlaps(tx, ids);
      const raised = raisedPairs(before, await pairScores(tx, ids), new Set(ids));
      if (raised.length) await overlapWrites.raised.run(tx, raised);
    });
    areaWrites.added.handle(refreshMatchTables);
    catalogueWrites.targetGroupAdded.handle(refreshMatchTables);
    catalogueWrites.methodChanged.handle(refreshMethodPrior);
    catalogueWrites.methodKeywordsChanged.handle(refreshInferences);
  },
};
