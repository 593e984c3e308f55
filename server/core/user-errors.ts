import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum UserErrorCode {
  INVALID = 'INVALID',
  NOT_FOUND = 'NOT_FOUND',
  FORBIDDEN = 'FORBIDDEN',
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  DUPLICATE = 'DUPLICATE',
}
registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Why a mutation refused its input.',
  valuesConfig: {
    INVALID: { description: 'The value breaks a rule: missing, too long, out of order, of the wrong kind.' },
    NOT_FOUND: { description: 'No object has this id.' },
    FORBIDDEN: { description: 'Your role or your plans do not allow this.' },
    VERSION_CONFLICT: { description: 'Someone changed the object since you read it: reload and apply your change again.' },
    DUPLICATE: { description: 'The value must be unique and is taken.' },
  },
});

@ObjectType('UserError', { description: "A mutation's validation or business-rule failure, addressed to the input field that caused it." })
export class UserError {
  @Field(() => [String], { description: 'Path to the input field, e.g. ["input", "endDate"]; empty when the error concerns the whole input.' })
  field!: string[];

  @Field(() => UserErrorCode, { description: 'What kind of failure.' })
  code!: UserErrorCode;

  @Field(() => String, { description: 'What was wrong, in words a user can act on.' })
  message!: string;
}

/** What a user error says, in the two languages the hub answers in: English for programs, Danish for the people of the console. */
export interface Message {
  en: string;
  da: string;
}

export const message = (en: string, da: string): Message => ({ en, da });

/** A user error as a mutation finds it: its message in both languages until the answer picks one (runMutation). */
export interface Problem {
  field: string[];
  code: UserErrorCode;
  message: Message;
}

/** A problem as the caller reads it, in the language of the request's Accept-Language (Danish when it asks for Danish). */
export function inLanguage(problems: readonly Problem[], language: 'da' | 'en'): UserError[] {
  return problems.map((p) => ({ field: p.field, code: p.code, message: p.message[language] }));
}

/** Collects the user errors of one mutation. */
export class Problems {
  readonly errors: Problem[] = [];

  add(field: (string | number)[], code: UserErrorCode, text: Message): void {
    this.errors.push({ field: field.map(String), code, message: text });
  }

  get any(): boolean {
    return this.errors.length > 0;
  }

  /** Stops the mutation (rolling back its transaction) when anything was found. */
  check(): void {
    if (this.any) throw new UserErrorsFound(this.errors);
  }
}

/** Thrown inside a mutation's transaction to roll it back and answer with user errors. */
export class UserErrorsFound extends Error {
  constructor(readonly errors: Problem[]) {
    super(errors.map((e) => e.message.en).join('; '));
  }
}

export function refuse(field: (string | number)[], code: UserErrorCode, text: Message): never {
  throw new UserErrorsFound([{ field: field.map(String), code, message: text }]);
}
