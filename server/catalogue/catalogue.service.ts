import { recordAudit } from '../core/audit-trail.js';
import { requireMutation } from '../access/permissions.js';
import { checkCode, checkCodeFree } from '../core/codes.js';
import type { HubContext } from '../core/context.js';
import { toGlobalId } from '../core/global-id.js';
import { InputChecker, MAX_TEXT, MAX_TITLE, runMutation, type Path } from '../core/mutation.js';
import { UserErrorCode, message, type Message } from '../core/user-errors.js';
import { catalogueWrites } from './catalogue.hooks.js';
import type { CreateMethodInput, CreateTargetGroupInput, CreateThemeInput, UpdateMethodInput } from './catalogue.input.js';
import { Method } from './method.entity.js';
import { TargetGroup } from './target-group.entity.js';
import { Theme } from './theme.entity.js';

const taken = (what: Message, code: string) => ({
  field: ['input', 'code'],
  message: message(`${what.en} with the code "${code}" exists already`, `${what.da} med koden "${code}" findes allerede`),
});
const THEME = message('A theme', 'Et tema');
const TARGET_GROUP = message('A target group', 'En målgruppe');
const METHOD = message('A method', 'En metode');

export function createTheme(ctx: HubContext, input: CreateThemeInput) {
  return runMutation(
    ctx,
    { theme: null as Theme | null },
    async (tx) => {
      const viewer = requireMutation(ctx.viewer, 'createTheme');
      const check = new InputChecker(tx);
      const code = checkCode(check, ['input', 'code'], input.code);
      const name = check.text(['input', 'name'], input.name, { required: true, max: MAX_TITLE });
      await checkCodeFree(check, ['input', 'code'], 'theme', code, THEME);
      check.check();
      const theme = tx.create(Theme, { code: code!, name: name! });
      await tx.flush();
      recordAudit(tx, viewer, 'createTheme', { type: 'Theme', id: theme.id }, null, { code: theme.code, name: theme.name });
      return { theme };
    },
    taken(THEME, input.code),
  );
}

const MAX_AGE = 150;

/** A new target group; ages given for a child must lie within its parent's range. */
export function createTargetGroup(ctx: HubContext, input: CreateTargetGroupInput) {
  return runMutation(
    ctx,
    { targetGroup: null as TargetGroup | null },
    async (tx) => {
      const viewer = requireMutation(ctx.viewer, 'createTargetGroup');
      const check = new InputChecker(tx);
      const code = checkCode(check, ['input', 'code'], input.code);
      const name = check.text(['input', 'name'], input.name, { required: true, max: MAX_TITLE });
      const parent = await check.ref(['input', 'parentId'], input.parentId, TargetGroup);
      const [minAge, maxAge] = [input.minAge ?? null, input.maxAge ?? null];
      // Ages are stored as smallint; a person's age is what makes sense here anyway.
      for (const [field, age] of [
        ['minAge', minAge],
        ['maxAge', maxAge],
      ] as const) {
        if (age !== null && (age < 0 || age > MAX_AGE))
          check.problems.add(
            ['input', field],
            UserErrorCode.INVALID,
            message(`${field} must be between 0 and ${MAX_AGE}, got ${age}`, `Alderen skal være mellem 0 og ${MAX_AGE}, ikke ${age}`),
          );
      }
      if (minAge !== null && maxAge !== null && minAge > maxAge) {
        check.problems.add(
          ['input', 'maxAge'],
          UserErrorCode.INVALID,
          message(`maxAge (${maxAge}) must not be below minAge (${minAge})`, `Den højeste alder (${maxAge}) må ikke være under den laveste (${minAge})`),
        );
      }
      if (parent && ((minAge !== null && minAge < (parent.minAge ?? 0)) || (maxAge !== null && maxAge > (parent.maxAge ?? Infinity)))) {
        check.problems.add(
          ['input', 'parentId'],
          UserErrorCode.INVALID,
          message(
            `The ages must lie within those of "${parent.name}" (${parent.minAge ?? 0}-${parent.maxAge ?? ''})`,
            `Alderen skal ligge inden for "${parent.name}" (${parent.minAge ?? 0}-${parent.maxAge ?? ''})`,
          ),
        );
      }
      await checkCodeFree(check, ['input', 'code'], 'target_group', code, TARGET_GROUP);
      check.check();
      const targetGroup = tx.create(TargetGroup, { code: code!, name: name!, parent: parent ?? null, minAge, maxAge });
      await tx.flush();
      await catalogueWrites.targetGroupAdded.run(tx);
      recordAudit(tx, viewer, 'createTargetGroup', { type: 'TargetGroup', id: targetGroup.id }, null, {
        code: targetGroup.code,
        name: targetGroup.name,
        parent: parent ? toGlobalId('TargetGroup', parent.id) : null,
        minAge,
        maxAge,
      });
      return { targetGroup };
    },
    taken(TARGET_GROUP, input.code),
  );
}

const MAX_KEYWORDS = 50;

/** Method keywords as matched: single words (a hyphen allowed), lower case, each once. */
function checkKeywords(check: InputChecker, path: Path, keywords: readonly string[]): string[] {
  if (!check.count(path, keywords, MAX_KEYWORDS)) return [];
  const clean = keywords.map((keyword, i) => {
    const word = keyword.trim().toLowerCase();
    if (!/^[\p{L}\p{N}-]{3,40}$/u.test(word)) {
      check.problems.add(
        [...path, i],
        UserErrorCode.INVALID,
        message(
          `A keyword is one word of 3 to 40 letters (a hyphen allowed), not "${keyword.slice(0, 50)}"`,
          `Et nøgleord er ét ord på 3 til 40 bogstaver (bindestreg tilladt), ikke "${keyword.slice(0, 50)}"`,
        ),
      );
    }
    return word;
  });
  return [...new Set(clean)];
}

export function createMethod(ctx: HubContext, input: CreateMethodInput) {
  return runMutation(
    ctx,
    { method: null as Method | null },
    async (tx) => {
      const viewer = requireMutation(ctx.viewer, 'createMethod');
      const check = new InputChecker(tx);
      const code = checkCode(check, ['input', 'code'], input.code);
      const name = check.text(['input', 'name'], input.name, { required: true, max: MAX_TITLE });
      const description = check.text(['input', 'description'], input.description, { max: MAX_TEXT });
      const keywords = checkKeywords(check, ['input', 'keywords'], input.keywords ?? []);
      await checkCodeFree(check, ['input', 'code'], 'method', code, METHOD);
      check.check();
      const method = tx.create(Method, { code: code!, name: name!, description, keywords });
      await tx.flush();
      await catalogueWrites.methodChanged.run(tx, method.id);
      recordAudit(tx, viewer, 'createMethod', { type: 'Method', id: method.id }, null, { code: method.code, name: method.name, description, keywords });
      return { method };
    },
    taken(METHOD, input.code),
  );
}

export function updateMethod(ctx: HubContext, input: UpdateMethodInput) {
  return runMutation(ctx, { method: null as Method | null }, async (tx) => {
    const viewer = requireMutation(ctx.viewer, 'updateMethod');
    const check = new InputChecker(tx);
    const method = await check.ref(['input', 'id'], input.id, Method);
    if (input.name === null) check.problems.add(['input', 'name'], UserErrorCode.INVALID, message('name cannot be cleared', 'Navnet kan ikke fjernes'));
    const name = input.name ? check.text(['input', 'name'], input.name, { required: true, max: MAX_TITLE }) : undefined;
    const description = input.description !== undefined ? check.text(['input', 'description'], input.description, { max: MAX_TEXT }) : undefined;
    const keywords = input.keywords != null ? checkKeywords(check, ['input', 'keywords'], input.keywords) : undefined;
    check.check();
    const before = { name: method!.name, description: method!.description ?? null, keywords: method!.keywords };
    if (name !== undefined) method!.name = name!;
    if (description !== undefined) method!.description = description;
    if (keywords !== undefined) method!.keywords = keywords;
    await tx.flush();
    recordAudit(tx, viewer, 'updateMethod', { type: 'Method', id: method!.id }, before, {
      name: method!.name,
      description: method!.description ?? null,
      keywords: method!.keywords,
    });
    if (method!.name !== before.name || JSON.stringify(method!.keywords) !== JSON.stringify(before.keywords))
      await catalogueWrites.methodChanged.run(tx, method!.id);
    // The words of activities without a method now point elsewhere: their inference and pairs follow.
    if (keywords !== undefined && JSON.stringify(keywords) !== JSON.stringify(before.keywords)) await catalogueWrites.methodKeywordsChanged.run(tx);
    return { method };
  });
}
