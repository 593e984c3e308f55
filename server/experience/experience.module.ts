import { withReaderRedaction } from '../access/reader-redaction.js';
import { experienceVisible } from '../access/visibility.js';
import { activityOpenTo } from '../activities/activity.visibility.js';
import type { HubModule } from '../core/module.js';
import { byIdLoader } from '../core/loader-kit.js';
import type { LoaderFactories, LoadersOf } from '../core/loaders.js';
import { nodeType } from '../core/node.resolver.js';
import { Experience } from './experience.entity.js';
import { ActivityExperiencesResolver, ExperienceResolver, MethodExperiencesResolver } from './experience.resolver.js';
import { experiencesLoader, methodExperiencePagesLoader } from './experience.service.js';
import { experienceReads } from './experience.reads.js';

const loaders = {
  experience: (em) => byIdLoader(em, Experience),
  activityExperiences: (em) => experiencesLoader(em, 'activity_id', false),
  publishableActivityExperiences: (em) => experiencesLoader(em, 'activity_id', true),
  methodExperiences: (em) => methodExperiencePagesLoader(em, false),
  publishableMethodExperiences: (em) => methodExperiencePagesLoader(em, true),
} satisfies LoaderFactories;

declare module '../core/context.js' {
  interface HubLoaders extends LoadersOf<typeof loaders> {}
}

export const experienceModule: HubModule = {
  name: 'experience',
  reads: experienceReads,
  // Free text a lead may have written a phone number or an e-mail address into.
  schemaTransforms: [withReaderRedaction(['Experience.title', 'Experience.body', 'Experience.recommendation'])],
  resolvers: [ExperienceResolver, ActivityExperiencesResolver, MethodExperiencesResolver],
  entities: [Experience],
  loaders,
  nodes: [
    nodeType({
      entity: Experience,
      loader: (l) => l.experience,
      visible: async (ctx, experience) => experienceVisible(ctx.viewer, experience) && activityOpenTo(ctx, experience.activity?.id),
    }),
  ],
};
