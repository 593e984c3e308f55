import { BREAK, GraphQLError, Kind, visit, type ArgumentNode, type DocumentNode, type ObjectFieldNode, type ValueNode } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { validate, type ValidationError } from 'class-validator';
import { badInput, ErrorCode } from './errors.js';
import { message, UserErrorCode, type Problem } from './user-errors.js';

/** The NUL character, which PostgreSQL text cannot hold, and UTF-16 surrogate halves without their partner. */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function unstorableText(text: string): boolean {
  return UNSTORABLE.test(text);
}

/** How deep variables and input values may nest: the schema's deepest input is four levels; this leaves room and no more. */
export const MAX_INPUT_DEPTH = 20;

/** Whether a JSON value nests deeper than `limit` (objects and lists), found without recursion: a deep value cannot exhaust the stack. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [item, depth] = stack.pop()!;
    if (!item || typeof item !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item)) if (child && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

/** How deep the input values written in a document nest (graphql-js's visitor walks without recursion). */
export function literalDepth(document: DocumentNode): number {
  let depth = 0;
  let deepest = 0;
  const enter = () => {
    deepest = Math.max(deepest, ++depth);
  };
  const leave = () => {
    depth--;
  };
  visit(document, { ObjectValue: { enter, leave }, ListValue: { enter, leave } });
  return deepest;
}

/** The message for input that nests too deep, naming where. */
export const tooDeep = (where: string) =>
  `${where} nest deeper than ${MAX_INPUT_DEPTH} levels of objects and lists; no input of this API is that deep, so the request was not read further.`;

interface BadText {
  path: (string | number)[];
}

/** The first string in a JSON value that PostgreSQL cannot store, with its path. */
export function findUnstorable(value: unknown, path: (string | number)[] = []): BadText | null {
  if (typeof value === 'string') return unstorableText(value) ? { path } : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorable(value[i], [...path, i]);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = findUnstorable(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

function inLiteral(node: ValueNode, path: (string | number)[]): BadText | null {
  if (node.kind === Kind.STRING) return unstorableText(node.value) ? { path } : null;
  if (node.kind === Kind.LIST) {
    for (let i = 0; i < node.values.length; i++) {
      const found = inLiteral(node.values[i]!, [...path, i]);
      if (found) return found;
    }
  }
  if (node.kind === Kind.OBJECT) return inFields(node.fields, path);
  return null;
}

function inFields(fields: readonly (ArgumentNode | ObjectFieldNode)[], path: (string | number)[]): BadText | null {
  for (const field of fields) {
    const found = inLiteral(field.value, [...path, field.name.value]);
    if (found) return found;
  }
  return null;
}

/** The first unstorable string written in a document's arguments (the path starts at the argument's name). */
function findInDocument(document: DocumentNode): BadText | null {
  let found: BadText | null = null;
  visit(document, {
    Field(node) {
      if (node.arguments?.length) found ??= inFields(node.arguments, []);
      return found ? BREAK : undefined;
    },
  });
  return found;
}

const TEXT_RULE = 'Text may not contain the NUL character or unpaired UTF-16 surrogates';
const TEXT_RULE_DA = 'Teksten må ikke indeholde NUL-tegnet eller enlige UTF-16-surrogater';

/**
 * Text that PostgreSQL cannot store is refused at the boundary, wherever it is: a query is answered
 * 400 with BAD_USER_INPUT; a mutation answers an INVALID user error on that field (see runMutation).
 */
export function inputGuardPlugin<C extends { inputProblems?: Problem[] }>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, contextValue }) {
          const bad = findUnstorable(request.variables ?? {}) ?? findInDocument(document);
          if (!bad) return;
          const where = bad.path.join('.');
          if (operation?.operation === 'mutation') {
            contextValue.inputProblems = [
              { field: bad.path.map(String), code: UserErrorCode.INVALID, message: message(`${TEXT_RULE} (${where})`, `${TEXT_RULE_DA} (${where})`) },
            ];
            return;
          }
          throw new GraphQLError(`${TEXT_RULE} (${where})`, { extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } } });
        },
      };
    },
  };
}

/** Longest message of a refused input: a mistake is named, the input is not sent back. */
const MAX_MESSAGE = 300;

/**
 * Messages of refused input without the input itself: graphql-js writes a variable's whole value into its
 * message ("got invalid value ..."), so the value is dropped and the rest cut to a few hundred characters.
 */
export function withoutEcho(message: string): string {
  const variable = /^Variable "\$(\w+)" got invalid value [\s\S]*?(?: at "(\$?[\w.[\]]+)")?; ([\s\S]*)$/.exec(message);
  const text = variable ? `Variable "$${variable[1]}" has an invalid value${variable[2] ? ` at "${variable[2]}"` : ''}: ${variable[3]}` : message;
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}

/** The rules the arguments use, in Danish: class-validator words its own messages in English only. */
const DANISH_RULES: Readonly<Record<string, (limit: string) => string>> = {
  arrayMaxSize: (n) => `højst ${n} værdier`,
  maxLength: (n) => `højst ${n} tegn`,
  max: (n) => `højst ${n}`,
  min: (n) => `mindst ${n}`,
};

function describe(errors: ValidationError[], prefix = ''): { en: string; da: string }[] {
  return errors.flatMap((error) => {
    const path = `${prefix}${error.property}`;
    const own = Object.entries(error.constraints ?? {}).map(([rule, text]) => {
      // The limit is the number the English message ends with ("no more than 200 elements", "greater than 100").
      const limit = [...text.matchAll(/-?\d+(?:\.\d+)?/g)].pop()?.[0];
      const danish = limit !== undefined ? DANISH_RULES[rule]?.(limit.replace('.', ',')) : undefined;
      return { en: `${path}: ${text}`, da: `${path}: ${danish ?? text}` };
    });
    return [...own, ...describe(error.children ?? [], `${path}.`)];
  });
}

/**
 * Checks an argument's class-validator rules (type-graphql's validateFn). A broken rule is a query mistake:
 * BAD_USER_INPUT with HTTP 400, naming the rule and never echoing the value.
 */
export async function validateArgument(value: unknown): Promise<void> {
  if (value === null || typeof value !== 'object') return;
  const items = (Array.isArray(value) ? value : [value]).filter((item): item is object => item !== null && typeof item === 'object');
  for (const item of items) {
    const errors = await validate(item, { skipMissingProperties: true, forbidUnknownValues: false });
    if (errors.length) {
      const broken = describe(errors);
      throw badInput(broken.map((b) => b.en).join('; '), { da: broken.map((b) => b.da).join('; ') });
    }
  }
}
