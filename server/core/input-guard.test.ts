import { GraphQLError } from 'graphql';
import { expect, test } from 'vitest';
import { ActivityFilter } from '../activities/activity.filter.js';
import { OverlapFilter } from '../overlap/overlap.input.js';
import { validateArgument } from './input-guard.js';

const refusal = (value: object) =>
  validateArgument(value).then(
    () => null,
    (error: GraphQLError) => ({ en: error.message, da: error.extensions.da }),
  );

test("an argument's broken rules are named in English and in Danish, with their limits, and never echo the value", async () => {
  expect(await refusal(Object.assign(new OverlapFilter(), { minScore: 1.5 }))).toEqual({
    en: 'minScore: minScore must not be greater than 1',
    da: 'minScore: højst 1',
  });
  expect(await refusal(Object.assign(new OverlapFilter(), { minScore: -0.5 }))).toEqual({
    en: 'minScore: minScore must not be less than 0',
    da: 'minScore: mindst 0',
  });
  const refused = await refusal(Object.assign(new ActivityFilter(), { text: 'lektie'.repeat(100) }));
  expect(refused).toEqual({ en: 'text: text must be shorter than or equal to 500 characters', da: 'text: højst 500 tegn' });
  expect(JSON.stringify(refused)).not.toContain('lektielektie');
  expect(await refusal(Object.assign(new OverlapFilter(), { minScore: 0.5 }))).toBeNull();
});
