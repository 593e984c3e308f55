import { Collection, type Ref } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToMany, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { Area } from '../areas/area.entity.js';
import { PlanStatus } from '../core/enums.js';
import { NodeEntity } from '../core/node.js';
import { LocalDateScalar } from '../core/scalars.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Person } from '../people/person.entity.js';

@Entity({ tableName: 'plan' })
@Check({ name: 'plan_period_check', expression: 'end_date >= start_date' })
@ObjectType('Plan', { implements: NodeEntity, description: 'A boligsocial helhedsplan.' })
export class Plan extends NodeEntity {
  @Unique()
  @Property({ type: 'string', length: 64 })
  @Field(() => String, { description: 'Unique code of the plan, e.g. "ODE-VOL-2022".' })
  code!: string;

  @Property({ type: 'string', length: 200 })
  @Field(() => String, { description: 'Name of the plan.' })
  name!: string;

  @Enum({ items: () => PlanStatus, type: 'string' })
  @Field(() => PlanStatus, { description: 'Draft, active or ended.' })
  status: PlanStatus = PlanStatus.ACTIVE;

  @Property({ type: 'date' })
  @Field(() => LocalDateScalar, { description: 'First day of the plan period.' })
  startDate!: string;

  @Property({ type: 'date' })
  @Field(() => LocalDateScalar, { description: 'Last day of the plan period.' })
  endDate!: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'What the plan sets out to do.' })
  description?: string | null;

  @ManyToMany(() => Area, undefined, { pivotEntity: () => PlanArea })
  areas = new Collection<Area>(this);

  @ManyToMany(() => Organisation, undefined, { pivotEntity: () => PlanHousingOrganisation })
  housingOrganisations = new Collection<Organisation>(this);

  @Index()
  @ManyToOne(() => Person, { ref: true, nullable: true, deleteRule: 'set null' })
  lead?: Ref<Person> | null;

  @Property({ type: 'datetime', onCreate: () => new Date() })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onCreate: () => new Date(), onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

// Pivot tables are declared as entities so that their second column is indexed too.

@Entity({ tableName: 'plan_area' })
@Index({ name: 'plan_area_area_id_index', properties: ['area'] })
export class PlanArea {
  @ManyToOne(() => Plan, { primary: true, deleteRule: 'cascade' })
  plan!: Plan;

  @ManyToOne(() => Area, { primary: true, deleteRule: 'cascade' })
  area!: Area;
}

@Entity({ tableName: 'plan_housing_organisation' })
@Index({ name: 'plan_housing_organisation_organisation_id_index', properties: ['organisation'] })
export class PlanHousingOrganisation {
  @ManyToOne(() => Plan, { primary: true, deleteRule: 'cascade' })
  plan!: Plan;

  @ManyToOne(() => Organisation, { primary: true, deleteRule: 'cascade' })
  organisation!: Organisation;
}
