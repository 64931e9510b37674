import { Field, InputType, Int } from 'type-graphql';
import { CreditCodeScalar, DecimalScalar } from '../../common/scalars';
import { TaxPilot } from './tax.entity';

@InputType('RecordTaxPilotUsageInput', { description: 'An enterprise’s use of a tax pilot in a fiscal year.' })
export class TaxPilotUsageInput {
  @Field(() => CreditCodeScalar, { description: 'The enterprise; a representative, its own only.' })
  creditCode!: string;

  @Field(() => TaxPilot, { description: 'The tax pilot used.' })
  pilot!: TaxPilot;

  @Field(() => Int, { description: 'The fiscal year: from the pilot’s first year (2010, or 2015 for the 2015 extensions) to this year; one use per pilot and year.' })
  fiscalYear!: number;

  @Field(() => DecimalScalar, { description: 'The tax relief obtained, in yuan; not negative.' })
  reliefAmount!: string;
}
