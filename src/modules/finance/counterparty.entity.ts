import { ArrayType, Collection, Entity, Enum, ManyToOne, OneToMany, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../common/node';
import { BaseEntity } from '../../common/base.entity';
import { CreditCodeScalar, DecimalScalar, PercentScalar } from '../../common/scalars';
import { FundType } from './enums';

/** A commercial bank; partner banks take part in the zone's financing pilots. */
@ObjectType({ implements: Node, description: 'A bank.' })
@Entity()
export class Bank extends BaseEntity {
  @Field(() => CreditCodeScalar)
  @Property({ type: 'varchar', length: 18, unique: true })
  creditCode!: string;

  @Field()
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  nameEn: string | null = null;

  @Field({ description: 'Takes part in the zone financing pilots.' })
  @Property({ default: false })
  partner: boolean = false;

  @Field({ description: 'Planned, not yet open (e.g. the Optics Valley Bank).' })
  @Property({ default: false })
  planned: boolean = false;

  @OneToMany(() => BankBranch, (b) => b.bank)
  branches = new Collection<BankBranch>(this);
}

/** A sub-branch; tech sub-branches (科技支行) specialise in tech SMEs. */
@ObjectType({ implements: Node, description: 'A bank sub-branch.' })
@Entity()
export class BankBranch extends BaseEntity {
  @ManyToOne(() => Bank, { ref: true, index: true })
  bank!: Ref<Bank>;

  @Field()
  @Property({ type: 'text', unique: true })
  name!: string;

  @Field({ description: 'A tech sub-branch (科技支行).' })
  @Property({ default: false })
  techSubBranch: boolean = false;
}

@ObjectType({ implements: Node, description: 'An insurer or reinsurer.' })
@Entity()
export class Insurer extends BaseEntity {
  @Field()
  @Property({ type: 'text', unique: true })
  name!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  nameEn: string | null = null;

  @Field()
  @Property({ default: false })
  reinsurer: boolean = false;
}

@ObjectType({ implements: Node, description: 'An investment fund.' })
@Entity()
export class Fund extends BaseEntity {
  @Field()
  @Property({ type: 'text', unique: true })
  name!: string;

  @Field({ description: 'The fund manager.' })
  @Property({ type: 'text' })
  manager!: string;

  @Field(() => FundType)
  @Enum({ items: () => FundType, nativeEnumName: 'fund_type' })
  type!: FundType;
}

@ObjectType({ implements: Node, description: 'A risk compensation pool or SME loan mutual-aid fund (风险补偿资金池).' })
@Entity()
export class RiskCompensationPool extends BaseEntity {
  @Field()
  @Property({ type: 'text', unique: true })
  name!: string;

  @Field()
  @Property({ type: 'text' })
  manager!: string;

  @Field(() => [String], { description: 'Who paid in: government funds, banks, guarantors.' })
  @Property({ type: ArrayType })
  contributors: string[] = [];

  @Field(() => PercentScalar, { description: 'Share of a loss the pool covers by default.' })
  @Property({ type: 'decimal', precision: 7, scale: 4 })
  coverageRatio!: string;

  @Field(() => DecimalScalar, { description: 'The most the pool pays for one loan.' })
  @Property({ type: 'decimal', precision: 18, scale: 2 })
  capPerLoan!: string;
}
