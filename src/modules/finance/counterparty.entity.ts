import { ArrayType, Collection, Entity, Enum, ManyToOne, OneToMany, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../common/node';
import { BaseEntity } from '../../common/base.entity';
import { CreditCodeScalar, DecimalScalar, PercentScalar } from '../../common/scalars';
import { FundType } from './enums';

/** A commercial bank; partner banks take part in the zone's financing pilots. */
@ObjectType({
  implements: Node,
  description: 'A commercial bank (商业银行): a lender of credit and IP-pledge loans. Partner banks (合作银行) take part in the zone financing pilots.',
})
@Entity()
export class Bank extends BaseEntity {
  @Field(() => CreditCodeScalar, { description: "The bank's unified social credit code (统一社会信用代码)." })
  @Property({ type: 'varchar', length: 18, unique: true })
  creditCode!: string;

  @Field({ description: 'Its registered Chinese name, e.g. 汉口银行.' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Its English name; null when none is recorded.' })
  @Property({ type: 'text', nullable: true })
  nameEn: string | null = null;

  @Field({ description: 'Does it take part in the zone financing pilots (a partner bank, 合作银行)?' })
  @Property({ default: false, fieldName: 'partner' })
  isPartner: boolean = false;

  @Field({ description: 'Is it planned and not yet open (e.g. the Optics Valley Bank, 光谷银行（筹）)? A planned bank lends nothing yet.' })
  @Property({ default: false, fieldName: 'planned' })
  isPlanned: boolean = false;

  @OneToMany(() => BankBranch, (b) => b.bank)
  branches = new Collection<BankBranch>(this);
}

/** A sub-branch; tech sub-branches (科技支行) specialise in tech SMEs. */
@ObjectType({ implements: Node, description: 'A sub-branch (支行) of a bank in the zone.' })
@Entity()
export class BankBranch extends BaseEntity {
  @ManyToOne(() => Bank, { ref: true, index: true })
  bank!: Ref<Bank>;

  @Field({ description: 'Its Chinese name, e.g. 汉口银行光谷科技支行.' })
  @Property({ type: 'text', unique: true })
  name!: string;

  @Field({ description: 'Is it a tech sub-branch (科技支行), specialized in lending to tech SMEs?' })
  @Property({ default: false, fieldName: 'tech_sub_branch' })
  isTechSubBranch: boolean = false;
}

@ObjectType({ implements: Node, description: 'An insurer (保险公司) of technology insurance, or a reinsurer (再保险公司).' })
@Entity()
export class Insurer extends BaseEntity {
  @Field({ description: 'Its Chinese name, e.g. 中国人民财产保险股份有限公司湖北省分公司.' })
  @Property({ type: 'text', unique: true })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Its English name; null when none is recorded.' })
  @Property({ type: 'text', nullable: true })
  nameEn: string | null = null;

  @Field({ description: 'Is it a reinsurer (再保险公司), which may take a share of a technology insurance policy?' })
  @Property({ default: false, fieldName: 'reinsurer' })
  isReinsurer: boolean = false;
}

@ObjectType({ implements: Node, description: 'An investment fund (投资基金): angel, venture, private equity, guidance or the zone’s own.' })
@Entity()
export class Fund extends BaseEntity {
  @Field({ description: 'Its Chinese name.' })
  @Property({ type: 'text', unique: true })
  name!: string;

  @Field({ description: 'The fund manager (基金管理人).' })
  @Property({ type: 'text' })
  manager!: string;

  @Field(() => FundType, { description: 'What kind of fund it is.' })
  @Enum({ items: () => FundType, nativeEnumName: 'fund_type' })
  type!: FundType;
}

@ObjectType({
  implements: Node,
  description: 'A risk compensation pool or SME loan mutual-aid fund (风险补偿资金池): it bears a share of the losses on the loans it covers.',
})
@Entity()
export class RiskCompensationPool extends BaseEntity {
  @Field({ description: 'Its Chinese name.' })
  @Property({ type: 'text', unique: true })
  name!: string;

  @Field({ description: 'Who manages the pool.' })
  @Property({ type: 'text' })
  manager!: string;

  @Field(() => [String], { description: 'Who paid in: government funds, banks, guarantors (by name).' })
  @Property({ type: ArrayType })
  contributors: string[] = [];

  @Field(() => PercentScalar, { description: 'The share of a loss the pool covers by default, in percent.' })
  @Property({ type: 'decimal', precision: 7, scale: 4 })
  coverageRatio!: string;

  @Field(() => DecimalScalar, { description: 'The most the pool pays for one loan, in yuan.' })
  @Property({ type: 'decimal', precision: 18, scale: 2 })
  capPerLoan!: string;
}
