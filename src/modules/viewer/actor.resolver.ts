import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { Role } from '../../auth/roles';
import type { RequestContext } from '../../context';
import { Actor } from './actor';
import { Organization, organizationOf } from './organization';

/** An actor's name when its organization is not shown: none (administrators, the office), unregistered since, or hidden. */
export const ROLE_NAMES: Record<Role, string> = {
  [Role.ZONE_ADMIN]: 'Zone administration',
  [Role.CPPCC_OFFICE]: 'CPPCC proposals office',
  [Role.CPPCC_MEMBER]: 'A CPPCC member',
  [Role.HANDLING_UNIT]: 'A handling unit',
  [Role.BANK_OFFICER]: 'A bank',
  [Role.ENTERPRISE_REP]: 'An enterprise',
};

/** The root field a resolver runs under (what a bank's read of an enterprise is recorded under). */
function rootField(info: GraphQLResolveInfo): string {
  let p = info.path;
  while (p.prev) p = p.prev;
  return String(p.key);
}

@Resolver(() => Actor)
export class ActorResolver {
  @FieldResolver(() => Organization, {
    nullable: true,
    description:
      'The organization the token acted for. Null for roles that act for none (administrators, the CPPCC proposals office), ' +
      'for one no longer registered, and for one the viewer may not see (an enterprise that has not authorized a bank, a CPPCC ' +
      'member to a representative).',
  })
  organization(@Root() actor: Actor, @Ctx() ctx: RequestContext) {
    return organizationOf(ctx, actor.role, actor.organizationKey);
  }

  @FieldResolver(() => String, {
    description:
      "A display name: the organization's registered name (a bank's, an enterprise's, a handling unit's) or the member's name; " +
      '"Zone administration" for an administrator, "CPPCC proposals office" for the office; and, where `organization` is null ' +
      'for any other reason, the role in words ("A bank", "An enterprise", "A CPPCC member", "A handling unit"), so a name ' +
      'never tells more than the organization would.',
  })
  async name(@Root() actor: Actor, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<string> {
    const organization = await organizationOf(ctx, actor.role, actor.organizationKey);
    if (!organization) return ROLE_NAMES[actor.role];
    const type = organization.constructor.name;
    // Exactly what `organization` shows (the policy screens it the same way): a hidden one has no name either.
    const seen = ctx.access.seesAllRowsOf(type) || (await ctx.access.seesObject(type, organization, rootField(info)));
    return seen ? organization.name : ROLE_NAMES[actor.role];
  }
}
