import { Arg, Args, Authorized, Ctx, Field, InputType, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import { Connection, ForwardPageArgs, type Page } from '../../common/pagination';
import { Institution, InstitutionKind } from './institution.entity';
import { findInstitutions } from './institution.queries';

@InputType({ description: 'Which institutions: every condition given must hold.' })
export class InstitutionFilter {
  @Field(() => InstitutionKind, { nullable: true, description: 'Universities only, or research institutes only.' })
  kind?: InstitutionKind | null;

  @Field(() => String, { nullable: true, description: 'A part of the Chinese name, or of the English name (any case).' })
  search?: string | null;
}

@ObjectType('InstitutionConnection', { description: 'A page of universities and research institutes (Relay connection).' })
export class InstitutionConnection extends Connection(Institution, 'Institution') {}

@Resolver(() => Institution)
export class InstitutionResolver {
  @Authorized()
  @Query(() => InstitutionConnection, {
    description: 'Universities and research institutes: universities first, then research institutes, each by name in pinyin order.',
  })
  institutions(
    @Ctx() ctx: RequestContext,
    @Args() page: ForwardPageArgs,
    @Arg('filter', () => InstitutionFilter, { nullable: true, description: 'Default: every institution.' }) filter: InstitutionFilter | null,
  ): Promise<Page<Institution>> {
    return findInstitutions(ctx, filter, page);
  }
}
