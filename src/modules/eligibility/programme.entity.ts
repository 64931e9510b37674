import { Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { Node } from '../../common/node';
import { DateScalar } from '../../common/scalars';
import type { CriterionRule } from './criteria';

/** What "uses the programme already" means, for the outreach list. */
export enum ProgrammeUptake {
  IP_PLEDGE_LOAN = 'IP_PLEDGE_LOAN',
  CREDIT_LOAN = 'CREDIT_LOAN',
  NEEQ_LISTING = 'NEEQ_LISTING',
  TECH_INSURANCE_SUBSIDY = 'TECH_INSURANCE_SUBSIDY',
  EQUITY_INCENTIVE_PLAN = 'EQUITY_INCENTIVE_PLAN',
  HIGH_TECH_CERTIFICATE = 'HIGH_TECH_CERTIFICATE',
  RD_SUPER_DEDUCTION = 'RD_SUPER_DEDUCTION',
  TECH_SME_QUALIFICATION = 'TECH_SME_QUALIFICATION',
}
registerEnumType(ProgrammeUptake, {
  name: 'ProgrammeUptake',
  description: 'What an enterprise already using a programme has.',
  valuesConfig: {
    IP_PLEDGE_LOAN: { description: 'An IP-pledge loan pending or outstanding.' },
    CREDIT_LOAN: { description: 'A credit loan pending or outstanding.' },
    NEEQ_LISTING: { description: 'A NEEQ listing under way or listed.' },
    TECH_INSURANCE_SUBSIDY: { description: 'A tech insurance policy with a premium subsidy claimed.' },
    EQUITY_INCENTIVE_PLAN: { description: 'An equity incentive plan approved or in effect.' },
    HIGH_TECH_CERTIFICATE: { description: 'A high-tech certificate valid on the date.' },
    RD_SUPER_DEDUCTION: { description: 'The R&D super-deduction used in one of the last two fiscal years.' },
    TECH_SME_QUALIFICATION: { description: 'A 科技型中小企业 registration (qualification TECH_SME) valid on the date.' },
  },
});

/** A pilot programme a bank or the zone checks enterprises against (DOMAIN.md "Pilot programmes and eligibility"). */
@ObjectType({ implements: Node, description: 'A pilot programme, with its rules in dated versions.' })
@Entity()
export class PilotProgramme extends BaseEntity {
  @Field({ description: 'What `eligibility(programme:)` takes, e.g. IP_PLEDGE_LOAN.' })
  @Property({ type: 'text', unique: true })
  code!: string;

  @Field({ description: 'Chinese name.' })
  @Property({ type: 'text' })
  name!: string;

  @Field()
  @Property({ type: 'text' })
  nameEn!: string;

  @Field()
  @Property({ type: 'text' })
  description!: string;

  @Field(() => ProgrammeUptake)
  @Enum({ items: () => ProgrammeUptake, nativeEnumName: 'programme_uptake' })
  uptake!: ProgrammeUptake;
}

/**
 * One version of a programme's rules: the criteria, as data, in force from `effectiveFrom` until the next
 * version's date. Versions are never edited: a change of rules is a new version, so an answer given on a date
 * can be given again.
 */
@ObjectType({ implements: Node, description: "One version of a programme's rules, in force from its date until the next." })
@Entity()
@Unique({ properties: ['programme', 'version'] })
@Unique({ properties: ['programme', 'effectiveFrom'] })
@Index({ properties: ['programme', 'effectiveFrom'] })
export class ProgrammeRuleVersion extends BaseEntity {
  @ManyToOne(() => PilotProgramme, { ref: true })
  programme!: Ref<PilotProgramme>;

  @Field(() => Int)
  @Property({ type: 'smallint' })
  version!: number;

  @Field(() => DateScalar)
  @Property({ type: 'date' })
  effectiveFrom!: string;

  @Property({ type: 'jsonb' })
  criteria!: CriterionRule[];

  @Field({ description: 'Where the rules come from, or why they changed.' })
  @Property({ type: 'text' })
  note!: string;

  @Field({ description: 'Who recorded it (role and organisation).' })
  @Property({ type: 'text' })
  recordedBy!: string;
}
