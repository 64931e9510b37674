import { Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { Node } from '../../common/node';
import { DateScalar, DateTimeScalar } from '../../common/scalars';
import { Actor } from '../viewer/actor';
import type { BenefitRateRule } from './benefits';
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
 * version's date. Versions are never edited: a change of rules is a new version. Chinese rules are often
 * retroactive (国科发火〔2016〕32号 was issued on 2016-01-29, effective 2016-01-01), and a rule recorded wrongly is
 * corrected from the date it was wrong: such a version, dated today or earlier, or on or before a later version's
 * date, carries the reason it was recorded so. On a date, the version with the latest `effectiveFrom` not after it
 * is in force, and of two from the same day the one recorded later (a correction supersedes what it corrects).
 * What a bank was answered before stays in its receipt.
 */
@ObjectType({ implements: Node, description: "One version of a programme's rules, in force from its date until the next." })
@Entity()
@Unique({ properties: ['programme', 'version'] })
@Index({ properties: ['programme', 'effectiveFrom'] })
@Index({
  name: 'programme_rule_version_corrected_once',
  expression:
    'create unique index "programme_rule_version_corrected_once" on "programme_rule_version" ("programme_id", "corrects_version") where "corrects_version" is not null',
})
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

  /** What an eligible enterprise gets, by class, first match (benefits.ts); none for a programme that grants no rate. */
  @Property({ type: 'jsonb', default: '[]' })
  benefits: BenefitRateRule[] = [];

  @Field({ description: 'Where the rules come from, or why they changed.' })
  @Property({ type: 'text' })
  note!: string;

  /** Who recorded it, as stored: see `recordedByActor`. */
  @Property({ type: 'text' })
  recordedBy!: string;

  @Field(() => Actor, {
    name: 'recordedBy',
    nullable: true,
    description: 'Who recorded it (an administrator); null for the versions innozone was installed with (recorded by its migrations).',
  })
  get recordedByActor(): Actor | null {
    return Actor.parse(this.recordedBy);
  }

  @Field(() => DateTimeScalar, { description: 'When it was recorded.' })
  get recordedAt(): Date {
    return this.createdAt;
  }

  @Field(() => String, {
    nullable: true,
    description: 'Why a version was recorded to take effect on or before the day it was recorded, or before a later version: a retroactive rule or a correction. Null for one recorded ahead of its date.',
  })
  @Property({ type: 'text', nullable: true })
  retroactiveReason: string | null = null;

  @Field(() => Int, {
    nullable: true,
    name: 'corrects',
    description: 'The version this one corrects (recorded wrongly, e.g. with the wrong date or criteria): that one is in force on no date.',
  })
  @Property({ type: 'smallint', nullable: true })
  correctsVersion: number | null = null;
}

/** Versions in the order they are looked up: the latest date first, and on one date the one recorded last first. */
export const IN_FORCE_ORDER = { effectiveFrom: 'desc', version: 'desc' } as const;

/**
 * The version in force on `date` among a programme's versions: of those not corrected by another, the one with the
 * latest `effectiveFrom` not after the date, and of two from one day the one recorded later.
 */
export function versionInForce<V extends Pick<ProgrammeRuleVersion, 'version' | 'effectiveFrom' | 'correctsVersion'>>(versions: V[], date: string): V | null {
  const corrected = new Set(versions.map((v) => v.correctsVersion).filter((n) => n !== null));
  let best: V | null = null;
  for (const v of versions) {
    if (corrected.has(v.version) || v.effectiveFrom > date) continue;
    if (!best || v.effectiveFrom > best.effectiveFrom || (v.effectiveFrom === best.effectiveFrom && v.version > best.version)) best = v;
  }
  return best;
}
