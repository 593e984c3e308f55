import { expect, test } from 'vitest';
import { declaredHooks, Hook } from './hooks.js';

test('a hook runs its one handler and returns what it returns', async () => {
  const hook = new Hook<(a: number, b: number) => Promise<number>>('test.sum');
  hook.handle(async (a, b) => a + b);
  expect(await hook.run(2, 3)).toBe(5);
  expect(declaredHooks()).toContainEqual(expect.objectContaining({ name: 'test.sum', handled: true }));
});

test('a hook nothing handles fails when called, naming the composition root; a second handler is refused', () => {
  const hook = new Hook<() => void>('test.unwired');
  expect(() => hook.run()).toThrow('Hook test.unwired has no handler: its module is missing from server/modules.ts');
  hook.handle(() => undefined);
  expect(() => hook.handle(() => undefined)).toThrow('Hook test.unwired is handled twice');
});
