import { ArrayType, Collection, Entity, Enum, ManyToOne, OneToMany, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../common/node';
import { BaseEntity } from '../../common/base.entity';
import { CreditCodeScalar, DecimalScalar, PercentScalar } from '../../common/scalars';
import { FundType } from './enums';

/** A commercial bank; partner banks take part in the zone's financing pilots. */
@ObjectType({
  implements: Node,
  description:
    'A commercial bank (商业银行): a lender of the zone’s loans and a counterparty of data authorizations; partner banks (合作银行) take part in the zone’s financing pilots. Reference data: recorded by zone administrators, seen by everyone.',
})
@Entity()
export class Bank extends BaseEntity {
  @Field(() => CreditCodeScalar, { description: 'Its Unified Social Credit Code (统一社会信用代码): the bank’s key in inputs and tokens.' })
  @Property({ type: 'varchar', length: 18, unique: true })
  creditCode!: string;

  @Field({ description: 'Its registered Chinese name.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Its English name; null when none is recorded.' })
  @Property({ type: 'text', nullable: true })
  nameEn: string | null = null;

  @Field({ description: 'Whether it takes part in the zone’s financing pilots (a partner bank, 合作银行).' })
  @Property({ fieldName: 'partner', default: false })
  isPartner: boolean = false;

  @Field({ description: 'Whether it is planned and not yet open (e.g. 光谷银行（筹）, the Optics Valley Bank): it neither lends nor receives authorizations yet.' })
  @Property({ fieldName: 'planned', default: false })
  isPlanned: boolean = false;

  @OneToMany(() => BankBranch, (b) => b.bank)
  branches = new Collection<BankBranch>(this);
}

/** A sub-branch; tech sub-branches (科技支行) specialise in tech SMEs. */
@ObjectType({
  implements: Node,
  description: 'A sub-branch (支行) of a bank in the zone, where loans are granted; tech sub-branches (科技支行) specialize in tech SMEs. Reference data.',
})
@Entity()
export class BankBranch extends BaseEntity {
  @ManyToOne(() => Bank, { ref: true, index: true })
  bank!: Ref<Bank>;

  @Field({ description: 'Its full Chinese name, unique in the zone (e.g. 汉口银行光谷科技支行).' })
  @Property({ type: 'text', unique: true })
  name!: string;

  @Field({ description: 'Whether it is a tech sub-branch (科技支行), specialized in lending to tech SMEs.' })
  @Property({ fieldName: 'tech_sub_branch', default: false })
  isTechSubBranch: boolean = false;
}

@ObjectType({
  implements: Node,
  description: 'An insurer (保险公司) writing the zone’s tech insurance (科技保险), or a reinsurer (再保险公司) taking a share of it. Reference data.',
})
@Entity()
export class Insurer extends BaseEntity {
  @Field({ description: 'Its registered Chinese name, unique.' })
  @Property({ type: 'text', unique: true })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Its English name; null when none is recorded.' })
  @Property({ type: 'text', nullable: true })
  nameEn: string | null = null;

  @Field({ description: 'Whether it is a reinsurer (再保险公司): the one a reinsurance names, never the insurer of a policy.' })
  @Property({ fieldName: 'reinsurer', default: false })
  isReinsurer: boolean = false;
}

@ObjectType({
  implements: Node,
  description: 'An investment fund (投资基金) investing in the zone’s enterprises: angel, venture, private equity or government guidance fund. Reference data.',
})
@Entity()
export class Fund extends BaseEntity {
  @Field({ description: 'Its registered Chinese name, unique.' })
  @Property({ type: 'text', unique: true })
  name!: string;

  @Field({ description: 'The fund manager (基金管理人) running it.' })
  @Property({ type: 'text' })
  manager!: string;

  @Field(() => FundType, { description: 'What kind of fund it is.' })
  @Enum({ items: () => FundType, nativeEnumName: 'fund_type' })
  type!: FundType;
}

@ObjectType({
  implements: Node,
  description:
    'A risk compensation pool (风险补偿资金池) or SME loan mutual-aid fund (中小企业助贷基金): money paid in by government funds, banks and guarantors that covers a share of a bank’s loss on a loan it covers. Reference data.',
})
@Entity()
export class RiskCompensationPool extends BaseEntity {
  @Field({ description: 'Its name, unique.' })
  @Property({ type: 'text', unique: true })
  name!: string;

  @Field({ description: 'Who manages it (e.g. the zone’s IP office or finance bureau).' })
  @Property({ type: 'text' })
  manager!: string;

  @Field(() => [String], { description: 'Who paid in, by name: government funds, banks, guarantors (at least one; a short list).' })
  @Property({ type: ArrayType })
  contributors: string[] = [];

  @Field(() => PercentScalar, { description: 'The share of a covered loss the pool pays as a rule, in percent (each cover states the share agreed for its loan).' })
  @Property({ type: 'decimal', precision: 7, scale: 4 })
  coverageRatio!: string;

  @Field(() => DecimalScalar, { description: 'The most the pool covers for one loan, in yuan: no cover from it may exceed this.' })
  @Property({ type: 'decimal', precision: 18, scale: 2 })
  capPerLoan!: string;
}
