import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import { Payload } from '../../common/payload';
import { Qualification } from './qualification.entity';
import { QualificationInput } from './qualification.inputs';
import { recordQualification } from './qualification.service';

export const QualificationPayload = Payload('RecordQualificationPayload', 'qualification', Qualification, 'The qualification recorded.');

/** Writes of qualifications; an enterprise's are read through `Enterprise.qualifications` (enterprise.resolver.ts). */
@Resolver(() => Qualification)
export class QualificationResolver {
  @Authorized()
  @Mutation(() => QualificationPayload, {
    description:
      'Records a qualification (资质: 科技型中小企业, 专精特新, 瞪羚 …) an enterprise holds; a DuplicateError when its kind and number are recorded already. A representative records its own enterprise’s.\n' +
      'Errors: DuplicateError, InvalidInputError, NotFoundError, NotPermittedError.',
  })
  async recordQualification(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The qualification.' }) input: QualificationInput) {
    return QualificationPayload.from(await recordQualification(ctx, input));
  }
}
