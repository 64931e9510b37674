import { mayUseInput } from '../../auth/policy';
import type { RequestContext } from '../../context';
import { forbidden } from '../../common/errors';
import type { EnterpriseFilter } from '../enterprise/enterprise.inputs';
import type { FilterScope } from '../enterprise/enterprise.queries';
import { outreachSql } from './eligibility.service';

/**
 * What an enterprise filter needs besides its own fields, for this viewer: the enterprises it may see, those whose
 * instruments it may see, and the outreach condition (eligible for a program on a date, not using it yet) when it
 * asks for one and may.
 */
export async function filterScope(ctx: RequestContext, filter: EnterpriseFilter | null | undefined): Promise<FilterScope> {
  const visible = await ctx.access.visibleEnterpriseIds();
  const instruments = await ctx.access.enterprisesWithScope('INSTRUMENTS');
  if (!filter?.outreach) return { visible, instruments };
  if (!mayUseInput('EnterpriseFilter.outreach', ctx.viewer?.role ?? null)) {
    throw forbidden('The outreach filter is for zone administrators.');
  }
  return { visible, instruments, outreach: await outreachSql(ctx.em, filter.outreach.program, filter.outreach.asOf) };
}
