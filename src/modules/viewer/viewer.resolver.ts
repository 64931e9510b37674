import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { CurrentViewer } from '../../auth/auth-checker';
import { Role } from '../../auth/roles';
import { Viewer, ViewerAccount } from '../../auth/viewer';
import { ForwardPageArgs, Page, pageRequest } from '../../common/pagination';
import { DateScalar } from '../../common/scalars';
import type { RequestContext } from '../../context';
import type { DataAuthorization } from '../authorization/authorization.entity';
import { ACTIVE_ARGUMENT, DataAuthorizationConnection, ENDING_BY_ARGUMENT } from '../authorization/authorization.resolver';
import { findAuthorizations } from '../authorization/authorization.queries';
import { Organization, organizationOf } from './organization';

@Resolver(() => Viewer)
export class ViewerResolver {
  @Query(() => Viewer, {
    nullable: true,
    description: 'Who the bearer token (or your session, once signed in) says you are; null without either. Answers without authentication.',
  })
  viewer(@CurrentViewer() viewer: Viewer | null): Viewer | null {
    return viewer;
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description:
      'The organization the token acts for: a bank officer’s Bank, a representative’s Enterprise, a CPPCC member’s own ' +
      'CppccMember record, a handling unit’s HandlingUnit. Null for administrators and the CPPCC proposals office, who act ' +
      'for none. A viewer always sees its own organization.',
  })
  organization(@Root() viewer: Viewer, @Ctx() ctx: RequestContext) {
    return organizationOf(ctx, viewer.role, viewer.organisation);
  }

  @FieldResolver(() => ViewerAccount, {
    nullable: true,
    description:
      'The account you signed in with (POST /auth/sign-in: a session cookie): its username and name, for a console to show. ' +
      'Null for a bearer token, which no account stands behind.',
  })
  account(@Root() viewer: Viewer): ViewerAccount | null {
    return viewer.account ?? null;
  }

  @FieldResolver(() => DataAuthorizationConnection, {
    description:
      'The data authorizations of your organization, newest grant first. A bank officer: those granted to its bank by the ' +
      'enterprises it sees (those holding an authorization for it in force today), so a bank reads its own scopes, ' +
      'purposes and validity instead of inferring them. A representative: those its enterprise granted. Every other role ' +
      '(administrators, who record paper authorizations for enterprises but hold none; the CPPCC roles): an empty list; ' +
      'an administrator reads any enterprise’s with `authorizations(creditCode:)`.',
  })
  async authorizations(
    @Root() viewer: Viewer,
    @Ctx() ctx: RequestContext,
    @Args() page: ForwardPageArgs,
    @Arg('active', () => Boolean, { nullable: true, description: ACTIVE_ARGUMENT }) active: boolean | null,
    @Arg('endingBy', () => DateScalar, { nullable: true, description: ENDING_BY_ARGUMENT }) endingBy: string | null,
  ): Promise<Page<DataAuthorization>> {
    if (viewer.role === Role.BANK_OFFICER) return findAuthorizations(ctx, { bankCreditCode: viewer.organisation!, active, endingBy }, page);
    if (viewer.role === Role.ENTERPRISE_REP) return findAuthorizations(ctx, { creditCode: viewer.organisation!, active, endingBy }, page);
    // Validates the arguments as any list would, and answers an empty page.
    return Page.fromRows([], pageRequest(page, 2), (a: DataAuthorization) => a, () => [], async () => 0);
  }
}
