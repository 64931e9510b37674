import { Entity, Enum, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../common/node';
import { BaseEntity } from '../../common/base.entity';
import { DecimalScalar } from '../../common/scalars';
import { Enterprise } from '../enterprise/enterprise.entity';

/** Tax pilots extended from Zhongguancun (DOMAIN.md). */
export enum TaxPilot {
  RD_SUPER_DEDUCTION = 'RD_SUPER_DEDUCTION',
  EMPLOYEE_EDUCATION_DEDUCTION = 'EMPLOYEE_EDUCATION_DEDUCTION',
  EQUITY_AWARD_INSTALLMENTS = 'EQUITY_AWARD_INSTALLMENTS',
  PARTNERSHIP_VC_DEDUCTION = 'PARTNERSHIP_VC_DEDUCTION',
  TECH_TRANSFER_INCOME_RELIEF = 'TECH_TRANSFER_INCOME_RELIEF',
  CAPITALIZED_RESERVE_INSTALLMENTS = 'CAPITALIZED_RESERVE_INSTALLMENTS',
}
registerEnumType(TaxPilot, {
  name: 'TaxPilot',
  description: 'A tax pilot (税收试点政策) extended to the zone from Zhongguancun.',
  valuesConfig: {
    RD_SUPER_DEDUCTION: { description: 'R&D super-deduction (研发费用加计扣除), widened (财税〔2010〕81号).' },
    EMPLOYEE_EDUCATION_DEDUCTION: { description: 'Employee education expense (职工教育经费) deductible up to 8% of payroll (财税〔2010〕82号).' },
    EQUITY_AWARD_INSTALLMENTS: { description: 'Income tax on equity awards (股权奖励个人所得税) paid in installments over at most 5 years (财税〔2010〕83号).' },
    PARTNERSHIP_VC_DEDUCTION: { description: 'Investment deduction of 70% (投资额抵扣) for partnership venture capital funds (2015).' },
    TECH_TRANSFER_INCOME_RELIEF: { description: 'Income tax relief on technology transfer income (技术转让所得减免, 2015).' },
    CAPITALIZED_RESERVE_INSTALLMENTS: { description: 'Income tax on reserves capitalized into shares (转增股本) paid in installments over 5 years (2015).' },
  },
});

@ObjectType({ implements: Node, description: 'Use of a tax pilot (税收试点政策享受情况) by an enterprise in one fiscal year.' })
@Entity()
@Unique({ properties: ['enterprise', 'pilot', 'fiscalYear'] })
export class TaxPilotUsage extends BaseEntity {
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'cascade' })
  enterprise!: Ref<Enterprise>;

  @Field(() => TaxPilot, { description: 'The tax pilot used.' })
  @Enum({ items: () => TaxPilot, nativeEnumName: 'tax_pilot' })
  pilot!: TaxPilot;

  @Field(() => Int, { description: 'The fiscal year (纳税年度) it was used in.' })
  @Property({ type: 'smallint' })
  fiscalYear!: number;

  @Field(() => DecimalScalar, { description: 'The tax relief obtained (减免税额), in yuan.' })
  @Property({ type: 'decimal', precision: 18, scale: 2 })
  reliefAmount!: string;
}
