import { visibleActivityIdSql } from '../access/visibility.js';
import { byForeignKey, type ConnectionRead, type ListRead, type ReadContext, type TypeReads } from '../core/reads.js';
import type { ExperienceFilter } from './experience.input.js';
import { experienceConditions } from './experience.service.js';

/** What readers may see of an experience on alias `e`: publishable, of a visible activity (or none). */
const publishable = (c: ReadContext, e: string) => (c.scope.restricted ? `${e}.publishable and ${visibleActivityIdSql(null, `${e}.activity_id`)}` : 'true');

/** Experiences newest first, keyset-paged by id. */
const experiencePages = (source: ConnectionRead['source']): ConnectionRead => ({
  kind: 'connection',
  source,
  orderBy: (t) => `${t}.id desc`,
  key: (t) => [`${t}.id`],
  kinds: ['number'],
  after: (t, key, param) => `${t}.id < ${param(key[0])}`,
});

const activityExperiences: ListRead = {
  kind: 'list',
  source: (c) => ({ from: `experience ${c.t}`, where: `${c.t}.activity_id = ${c.parent}.id and ${publishable(c, c.t)}`, orderBy: `${c.t}.id desc` }),
};

export const experienceReads: TypeReads = {
  Query: {
    fields: {
      experiences: experiencePages((c) => ({
        from: `(select e.* from experience e where ${experienceConditions(c.scope.viewer, (c.args.filter ?? {}) as ExperienceFilter).toSqlWith(c.param)}) ${c.t}`,
      })),
    },
  },
  Activity: { fields: { experiences: activityExperiences } },
  Method: {
    fields: {
      experiences: experiencePages((c) => ({ from: `experience ${c.t}`, where: `${c.t}.method_id = ${c.parent}.id and ${publishable(c, c.t)}` })),
    },
  },
  Experience: {
    node: {
      table: 'experience',
      visible: (t, scope) => (scope.restricted ? `${t}.publishable and ${visibleActivityIdSql(scope.viewer, `${t}.activity_id`)}` : 'true'),
    },
    columns: ['title', 'body', 'outcome', 'recommendation', 'publishable', 'createdAt'],
    fields: {
      activity: byForeignKey('activity', 'activity_id'),
      method: byForeignKey('method', 'method_id'),
      author: byForeignKey('person', 'author_id'),
    },
  },
};
