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
  EQUITY_AWARD_INSTALMENTS = 'EQUITY_AWARD_INSTALMENTS',
  PARTNERSHIP_VC_DEDUCTION = 'PARTNERSHIP_VC_DEDUCTION',
  TECH_TRANSFER_INCOME_RELIEF = 'TECH_TRANSFER_INCOME_RELIEF',
  CAPITALISED_RESERVE_INSTALMENTS = 'CAPITALISED_RESERVE_INSTALMENTS',
}
registerEnumType(TaxPilot, {
  name: 'TaxPilot',
  valuesConfig: {
    RD_SUPER_DEDUCTION: { description: 'R&D super-deduction, widened (财税〔2010〕81号).' },
    EMPLOYEE_EDUCATION_DEDUCTION: { description: 'Employee education up to 8% of payroll (82号).' },
    EQUITY_AWARD_INSTALMENTS: { description: 'Income tax on equity awards in instalments over ≤ 5 years (83号).' },
    PARTNERSHIP_VC_DEDUCTION: { description: '70% investment deduction for partnership venture funds (2015).' },
    TECH_TRANSFER_INCOME_RELIEF: { description: 'Tech-transfer income relief (2015).' },
    CAPITALISED_RESERVE_INSTALMENTS: { description: '5-year instalments on capitalised reserves (2015).' },
  },
});

@ObjectType({ implements: Node, description: 'Use of a tax pilot by an enterprise in one fiscal year.' })
@Entity()
@Unique({ properties: ['enterprise', 'pilot', 'fiscalYear'] })
export class TaxPilotUsage extends BaseEntity {
  @ManyToOne(() => Enterprise, { ref: true, deleteRule: 'cascade' })
  enterprise!: Ref<Enterprise>;

  @Field(() => TaxPilot)
  @Enum({ items: () => TaxPilot, nativeEnumName: 'tax_pilot' })
  pilot!: TaxPilot;

  @Field(() => Int)
  @Property({ type: 'smallint' })
  fiscalYear!: number;

  @Field(() => DecimalScalar, { description: 'Tax relief obtained, in yuan.' })
  @Property({ type: 'decimal', precision: 18, scale: 2 })
  reliefAmount!: string;
}
