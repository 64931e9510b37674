import { Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { Node } from '../../common/node';
import { DateScalar, DateTimeScalar } from '../../common/scalars';
import { Actor } from '../viewer/actor';
import type { BenefitRateRule } from './benefits';
import type { CriterionRule } from './criteria';

/** What "uses the program already" means, for the outreach list. */
export enum ProgramUptake {
  IP_PLEDGE_LOAN = 'IP_PLEDGE_LOAN',
  CREDIT_LOAN = 'CREDIT_LOAN',
  NEEQ_LISTING = 'NEEQ_LISTING',
  TECH_INSURANCE_SUBSIDY = 'TECH_INSURANCE_SUBSIDY',
  EQUITY_INCENTIVE_PLAN = 'EQUITY_INCENTIVE_PLAN',
  HIGH_TECH_CERTIFICATE = 'HIGH_TECH_CERTIFICATE',
  RD_SUPER_DEDUCTION = 'RD_SUPER_DEDUCTION',
  TECH_SME_QUALIFICATION = 'TECH_SME_QUALIFICATION',
}
registerEnumType(ProgramUptake, {
  name: 'ProgramUptake',
  description: 'What an enterprise already using a program has (已享受试点政策), so the outreach list leaves it out.',
  valuesConfig: {
    IP_PLEDGE_LOAN: { description: 'An IP-pledge loan (知识产权质押贷款) pending or outstanding.' },
    CREDIT_LOAN: { description: 'A credit loan (信用贷款) pending or outstanding.' },
    NEEQ_LISTING: { description: 'A NEEQ listing (新三板挂牌) under way or listed.' },
    TECH_INSURANCE_SUBSIDY: { description: 'A tech insurance policy (科技保险) with a premium subsidy claimed.' },
    EQUITY_INCENTIVE_PLAN: { description: 'An equity incentive plan (股权激励方案) approved or in effect.' },
    HIGH_TECH_CERTIFICATE: { description: 'A high-tech enterprise certificate (高新技术企业证书) valid on the date.' },
    RD_SUPER_DEDUCTION: { description: 'The R&D super-deduction (研发费用加计扣除) used in one of the last two fiscal years.' },
    TECH_SME_QUALIFICATION: { description: 'A tech SME registration (科技型中小企业入库登记, qualification TECH_SME) valid on the date.' },
  },
});

/**
 * A pilot program a bank or the zone checks enterprises against (DOMAIN.md "Pilot programmes and eligibility").
 * Its table keeps the name it was created with (pilot_programme): the API's spelling changed, not the data.
 */
@ObjectType({ implements: Node, description: 'A pilot program (试点政策) the zone runs, with its eligibility rules in dated versions. Public: anyone may read it.' })
@Entity({ tableName: 'pilot_programme' })
export class PilotProgram extends BaseEntity {
  @Field({ description: 'The program’s code, what `eligibility(program:)` takes, e.g. IP_PLEDGE_LOAN.' })
  @Property({ type: 'text', unique: true })
  code!: string;

  @Field({ description: 'The program’s name in Chinese (名称), e.g. 知识产权质押贷款试点.' })
  @Property({ type: 'text' })
  name!: string;

  @Field({ description: 'The program’s name in English.' })
  @Property({ type: 'text' })
  nameEn!: string;

  @Field({ description: 'What the program is and which regulations it follows, in words.' })
  @Property({ type: 'text' })
  description!: string;

  @Field(() => ProgramUptake, { description: 'What an enterprise already using the program has (the outreach list leaves it out).' })
  @Enum({ items: () => ProgramUptake, nativeEnumName: 'programme_uptake' })
  uptake!: ProgramUptake;
}

/**
 * One version of a program's rules: the criteria, as data, in force from `effectiveFrom` until the next
 * version's date. Versions are never edited: a change of rules is a new version. Chinese rules are often
 * retroactive (国科发火〔2016〕32号 was issued on 2016-01-29, effective 2016-01-01), and a rule recorded wrongly is
 * corrected from the date it was wrong: such a version, dated today or earlier, or on or before a later version's
 * date, carries the reason it was recorded so. On a date, the version with the latest `effectiveFrom` not after it
 * is in force, and of two from the same day the one recorded later (a correction supersedes what it corrects).
 * What a bank was answered before stays in its receipt.
 */
@ObjectType({
  implements: Node,
  description: "One version of a program's eligibility rules (认定规则版本), in force from its date until the next version's. Public: anyone may read it.",
})
@Entity({ tableName: 'programme_rule_version' })
@Unique({ name: 'programme_rule_version_programme_id_version_unique', properties: ['program', 'version'] })
@Index({ name: 'programme_rule_version_programme_id_effective_from_index', properties: ['program', 'effectiveFrom'] })
@Index({
  name: 'programme_rule_version_corrected_once',
  expression:
    'create unique index "programme_rule_version_corrected_once" on "programme_rule_version" ("programme_id", "corrects_version") where "corrects_version" is not null',
})
export class ProgramRuleVersion extends BaseEntity {
  @ManyToOne(() => PilotProgram, { ref: true, fieldName: 'programme_id' })
  program!: Ref<PilotProgram>;

  @Field(() => Int, {
    description: 'The version’s number within its program: 1, 2 … in the order recorded, whatever their dates (what `corrects` names). Not an optimistic lock: versions are never edited.',
  })
  @Property({ type: 'smallint' })
  version!: number;

  @Field(() => DateScalar, { description: 'The first day it is in force (施行日期).' })
  @Property({ type: 'date' })
  effectiveFrom!: string;

  @Property({ type: 'jsonb' })
  criteria!: CriterionRule[];

  /** What an eligible enterprise gets, by class, first match (benefits.ts); none for a program that grants no rate. */
  @Property({ type: 'jsonb', default: '[]' })
  benefits: BenefitRateRule[] = [];

  @Field({ description: 'Where the rules come from (the regulation), or why they changed.' })
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
    description: 'The number of the version this one corrects (recorded wrongly, e.g. with the wrong date or criteria): that one is in force on no date. Null when it corrects none.',
  })
  @Property({ type: 'smallint', nullable: true })
  correctsVersion: number | null = null;
}

/** Versions in the order they are looked up: the latest date first, and on one date the one recorded last first. */
export const IN_FORCE_ORDER = { effectiveFrom: 'desc', version: 'desc' } as const;

/**
 * The version in force on `date` among a program's versions: of those not corrected by another, the one with the
 * latest `effectiveFrom` not after the date, and of two from one day the one recorded later.
 */
export function versionInForce<V extends Pick<ProgramRuleVersion, 'version' | 'effectiveFrom' | 'correctsVersion'>>(versions: V[], date: string): V | null {
  const corrected = new Set(versions.map((v) => v.correctsVersion).filter((n) => n !== null));
  let best: V | null = null;
  for (const v of versions) {
    if (corrected.has(v.version) || v.effectiveFrom > date) continue;
    if (!best || v.effectiveFrom > best.effectiveFrom || (v.effectiveFrom === best.effectiveFrom && v.version > best.version)) best = v;
  }
  return best;
}
