import { withReaderRedaction } from '../access/reader-redaction.js';
import { activityOpenTo } from '../activities/activity.visibility.js';
import type { HubModule } from '../core/module.js';
import { byIdLoader } from '../core/loader-kit.js';
import type { LoaderFactories, LoadersOf } from '../core/loaders.js';
import { nodeType } from '../core/node.resolver.js';
import { planOpenTo } from '../plans/plan.visibility.js';
import { Evaluation, Indicator, Measurement } from './effect.entity.js';
import { ActivityIndicatorsResolver, EvaluationResolver, IndicatorResolver, PlanIndicatorsResolver } from './effect.resolver.js';
import { activityEvaluationsLoader, activityIndicatorsLoader, measurementsLoader, planIndicatorsLoader } from './effect.service.js';
import { effectReads } from './effect.reads.js';

const loaders = {
  indicator: (em) => byIdLoader(em, Indicator),
  evaluation: (em) => byIdLoader(em, Evaluation),
  measurements: (em) => measurementsLoader(em),
  planIndicators: (em) => planIndicatorsLoader(em),
  activityIndicators: (em) => activityIndicatorsLoader(em),
  activityEvaluations: (em) => activityEvaluationsLoader(em),
} satisfies LoaderFactories;

declare module '../core/context.js' {
  interface HubLoaders extends LoadersOf<typeof loaders> {}
}

export const effectModule: HubModule = {
  name: 'effect',
  reads: effectReads,
  // Free text a lead may have written a phone number or an e-mail address into.
  schemaTransforms: [withReaderRedaction(['Measurement.note', 'Evaluation.rationale'])],
  resolvers: [IndicatorResolver, EvaluationResolver, PlanIndicatorsResolver, ActivityIndicatorsResolver],
  entities: [Indicator, Measurement, Evaluation],
  loaders,
  nodes: [
    nodeType({
      entity: Indicator,
      loader: (l) => l.indicator,
      visible: (ctx, indicator) => (indicator.plan ? planOpenTo(ctx, indicator.plan.id) : activityOpenTo(ctx, indicator.activity?.id)),
    }),
    nodeType({ entity: Evaluation, loader: (l) => l.evaluation, visible: (ctx, evaluation) => activityOpenTo(ctx, evaluation.activity?.id) }),
  ],
};
