export {
  DateTimeResolver as DateTimeScalar,
  EmailAddressResolver as EmailAddressScalar,
  LatitudeResolver as LatitudeScalar,
  LocalDateResolver as LocalDateScalar,
  LocalTimeResolver as LocalTimeScalar,
  LongitudeResolver as LongitudeScalar,
  NonNegativeIntResolver as NonNegativeIntScalar,
} from 'graphql-scalars';
