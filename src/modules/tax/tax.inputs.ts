import { Field, InputType, Int } from 'type-graphql';
import { CreditCodeScalar, DecimalScalar } from '../../common/scalars';
import { TaxPilot } from './tax.entity';

@InputType()
export class TaxPilotUsageInput {
  @Field(() => CreditCodeScalar)
  creditCode!: string;

  @Field(() => TaxPilot)
  pilot!: TaxPilot;

  @Field(() => Int)
  fiscalYear!: number;

  @Field(() => DecimalScalar)
  reliefAmount!: string;
}
