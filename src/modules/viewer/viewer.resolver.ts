import { Query, Resolver } from 'type-graphql';
import { CurrentViewer } from '../../auth/auth-checker';
import { Viewer } from '../../auth/viewer';

@Resolver(() => Viewer)
export class ViewerResolver {
  @Query(() => Viewer, {
    nullable: true,
    description: 'Who the bearer token says you are; null without a token. Answers without authentication.',
  })
  viewer(@CurrentViewer() viewer: Viewer | null): Viewer | null {
    return viewer;
  }
}
