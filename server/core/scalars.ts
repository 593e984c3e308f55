import { GraphQLScalarType, type GraphQLScalarTypeConfig, type ValueNode } from 'graphql';
import { DateTimeResolver, LocalDateResolver, NonNegativeIntResolver } from 'graphql-scalars';

export {
  EmailAddressResolver as EmailAddressScalar,
  LatitudeResolver as LatitudeScalar,
  LocalTimeResolver as LocalTimeScalar,
  LongitudeResolver as LongitudeScalar,
} from 'graphql-scalars';

/** Dates the hub accepts: a plan, an activity or a measurement outside these years is a typing mistake. */
export const FIRST_DAY = '1900-01-01';
export const LAST_DAY = '2199-12-31';
/** The largest value of a PostgreSQL integer column. */
export const MAX_INT = 2_147_483_647;

/** graphql-scalars' scalar with the same name and description, refusing parsed values that `check` rejects. */
function bounded<T>(base: GraphQLScalarType, check: (value: T) => string | null): GraphQLScalarType {
  const config = base.toConfig() as GraphQLScalarTypeConfig<T, unknown>;
  const parseValue = config.parseValue!;
  const parseLiteral = config.parseLiteral!;
  const guard = (value: T): T => {
    const problem = check(value);
    if (problem) throw new TypeError(problem);
    return value;
  };
  return new GraphQLScalarType<T, unknown>({
    ...config,
    parseValue: (value) => guard(parseValue(value) as T),
    parseLiteral: (node: ValueNode, variables) => guard(parseLiteral(node, variables) as T),
  });
}

export const LocalDateScalar = bounded<string>(LocalDateResolver, (date) =>
  date < FIRST_DAY || date > LAST_DAY ? `Dates must lie between ${FIRST_DAY} and ${LAST_DAY}, got ${date}` : null,
);

export const DateTimeScalar = bounded<Date>(DateTimeResolver, (time) => {
  const year = time.getUTCFullYear();
  return year < 1900 || year > 2199 ? `Times must lie in the years 1900 to 2199, got the year ${year}` : null;
});

export const NonNegativeIntScalar = bounded<number>(NonNegativeIntResolver, (n) => (n > MAX_INT ? `Whole numbers may be at most ${MAX_INT}, got ${n}` : null));
