import { Field, InputType } from 'type-graphql';
import { CreditCodeScalar, DateScalar } from '../../common/scalars';
import { QualificationKind } from './enums';

@InputType('RecordQualificationInput', { description: 'A qualification (资质) an enterprise was granted.' })
export class QualificationInput {
  @Field(() => CreditCodeScalar, { description: 'The enterprise that holds it; a representative, its own only.' })
  creditCode!: string;

  @Field(() => QualificationKind, { description: 'What the qualification is.' })
  kind!: QualificationKind;

  @Field({ description: 'The number the issuer gave; unique within the kind.' })
  number!: string;

  @Field(() => DateScalar, { description: 'The first day it is valid: today or earlier (the registry records what was granted).' })
  validFrom!: string;

  @Field(() => DateScalar, { description: 'The last day it is valid (included); not before validFrom.' })
  validUntil!: string;

  @Field({ description: 'The authority that granted it.' })
  issuer!: string;
}
