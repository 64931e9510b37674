import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { ForwardPageArgs, type Page } from '../common/pagination';
import { MarkNotificationsReadInput, MarkNotificationsReadPayload, Notification, NotificationConnection } from './notification.types';
import { listNotifications, markNotificationsRead } from './notification.service';

/** Every viewer's notifications (issue 17 item 4): what the relay told it, and marking them read. */
@Resolver(() => Notification)
export class NotificationResolver {
  @Authorized()
  @Query(() => NotificationConnection, {
    description:
      'The notifications addressed to you, newest first: to your role and the organization your token acts for (a unit its assignments, ' +
      'a member its proposals’ replies and reviews, the office submissions and overdue replies, a representative and its bank their ' +
      'authorizations, an administrator its imports and stale credit facts). README “Notifications and events”.',
  })
  notifications(
    @Ctx() ctx: RequestContext,
    @Args() page: ForwardPageArgs,
    @Arg('unreadOnly', { defaultValue: false, description: 'Only those not yet marked read.' }) unreadOnly: boolean,
  ): Promise<Page<Notification>> {
    return listNotifications(ctx, page, unreadOnly);
  }

  @Authorized()
  @Mutation(() => MarkNotificationsReadPayload, {
    description: 'Marks notifications of yours read: all of them, or none when one is not yours (NOT_FOUND).\n\nErrors: InvalidInputError, NotFoundError.',
  })
  async markNotificationsRead(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => MarkNotificationsReadInput, { description: 'The notifications to mark read.' }) input: MarkNotificationsReadInput,
  ) {
    return MarkNotificationsReadPayload.from(await markNotificationsRead(ctx, input.ids));
  }
}
