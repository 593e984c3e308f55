import { expect, test } from 'vitest';
import { expectId, fromGlobalId, toGlobalId } from './global-id.js';

test('a global id names its type and row and reads back', () => {
  const id = toGlobalId('Activity', 42);
  expect(fromGlobalId(id)).toEqual({ type: 'Activity', id: 42 });
  expect(expectId(id, 'Activity', 'id')).toBe(42);
});

test('an id of another type, or no id at all, is refused naming the argument', () => {
  expect(() => expectId(toGlobalId('Plan', 1), 'Activity', 'activityId')).toThrow(/activityId/);
  expect(fromGlobalId('not an id')).toBeUndefined();
});
