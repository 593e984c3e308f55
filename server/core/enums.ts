import { registerEnumType } from 'type-graphql';

export enum AreaKind {
  MUNICIPALITY = 'MUNICIPALITY',
  DISTRICT = 'DISTRICT',
  ESTATE = 'ESTATE',
}

export enum OrganisationKind {
  HOUSING_ORGANISATION = 'HOUSING_ORGANISATION',
  MUNICIPAL_DEPARTMENT = 'MUNICIPAL_DEPARTMENT',
  NGO = 'NGO',
  POLICE = 'POLICE',
  SCHOOL = 'SCHOOL',
  OTHER = 'OTHER',
}

export enum PlanStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  ENDED = 'ENDED',
}

export enum ActivityStatus {
  PLANNED = 'PLANNED',
  RUNNING = 'RUNNING',
  PAUSED = 'PAUSED',
  ENDED = 'ENDED',
  CANCELLED = 'CANCELLED',
}

export enum Weekday {
  MONDAY = 'MONDAY',
  TUESDAY = 'TUESDAY',
  WEDNESDAY = 'WEDNESDAY',
  THURSDAY = 'THURSDAY',
  FRIDAY = 'FRIDAY',
  SATURDAY = 'SATURDAY',
  SUNDAY = 'SUNDAY',
}

/** The days as Danish readers name them: in messages, e-mails and sheets. */
export const DANISH_WEEKDAYS: Readonly<Record<Weekday, string>> = {
  MONDAY: 'mandag',
  TUESDAY: 'tirsdag',
  WEDNESDAY: 'onsdag',
  THURSDAY: 'torsdag',
  FRIDAY: 'fredag',
  SATURDAY: 'lørdag',
  SUNDAY: 'søndag',
};

export enum Role {
  ADMIN = 'ADMIN',
  COORDINATOR = 'COORDINATOR',
  PROJECT_LEAD = 'PROJECT_LEAD',
  READER = 'READER',
}

registerEnumType(AreaKind, {
  name: 'AreaKind',
  description: 'Level of an area: municipality, district (bydel) or housing estate (boligafdeling).',
});
registerEnumType(OrganisationKind, { name: 'OrganisationKind', description: 'What kind of organisation it is.' });
registerEnumType(PlanStatus, { name: 'PlanStatus', description: 'Where a helhedsplan is in its life.' });
registerEnumType(ActivityStatus, { name: 'ActivityStatus', description: 'Where an activity is in its life.' });
registerEnumType(Weekday, { name: 'Weekday', description: 'Day of the week, Monday first.' });
registerEnumType(Role, {
  name: 'Role',
  description: 'What a user may do.',
  valuesConfig: {
    ADMIN: { description: 'Administers users and reference data.' },
    COORDINATOR: { description: 'The citywide team: reads and writes everything.' },
    PROJECT_LEAD: {
      description: 'Registers and edits activities, experiences and measurements of the plans they lead only.',
    },
    READER: { description: 'Read-only, no personal data (newsletter tooling).' },
  },
});
