import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import { Payload } from '../../common/payload';
import { TaxPilotUsage } from './tax.entity';
import { TaxPilotUsageInput } from './tax.inputs';
import { recordTaxPilotUsage } from './tax.service';

export const TaxPilotUsagePayload = Payload('RecordTaxPilotUsagePayload', 'usage', TaxPilotUsage, 'The use of the tax pilot recorded.');

@Resolver(() => TaxPilotUsage)
export class TaxPilotUsageResolver {
  @Authorized()
  @Mutation(() => TaxPilotUsagePayload, {
    description:
      'Records that an enterprise used a tax pilot in a fiscal year, with the relief obtained; a representative records its own enterprise’s.\n' +
      'Errors: DuplicateError, InvalidInputError, NotFoundError, NotPermittedError.',
  })
  async recordTaxPilotUsage(@Ctx() ctx: RequestContext, @Arg('input', { description: 'The use.' }) input: TaxPilotUsageInput) {
    return TaxPilotUsagePayload.from(await recordTaxPilotUsage(ctx, input));
  }
}
