import { ArrayMaxSize, Max, MaxLength, Min } from 'class-validator';
import { GraphQLError } from 'graphql';
import { expect, test } from 'vitest';
import { validateArgument } from './input-guard.js';

// The rules the domains' arguments use (core imports no domain).
class OverlapFilter {
  @Min(0)
  @Max(1)
  minScore?: number;

  @ArrayMaxSize(200)
  areaIds?: string[];
}
class ActivityFilter {
  @MaxLength(500)
  text?: string;
}

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
  expect(await refusal(Object.assign(new OverlapFilter(), { areaIds: Array(201).fill('x') }))).toEqual({
    en: 'areaIds: areaIds must contain no more than 200 elements',
    da: 'areaIds: højst 200 værdier',
  });
  expect(await refusal(Object.assign(new OverlapFilter(), { minScore: 0.5 }))).toBeNull();
});
