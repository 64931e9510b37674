import type { GraphQLFieldResolver, GraphQLObjectType, GraphQLSchema } from 'graphql';
import type { PubSub } from 'type-graphql';
import type { RequestContext } from '../context';
import { recipientOf } from '../events/notification.service';

/** The mutation that marks notifications read (src/events/notification.resolver.ts). */
const MARK_READ = 'markNotificationsRead';

/**
 * Wraps `markNotificationsRead` (after the policy's wrapper, so after its transaction committed): when it marked any,
 * the hub tells every instance's `unreadNotificationCount` subscribers of the viewer's role and organization to count
 * again. Nothing in the events module needs to know of subscriptions.
 */
export function announceReads(schema: GraphQLSchema): void {
  const field = (schema.getType('Mutation') as GraphQLObjectType | undefined)?.getFields()[MARK_READ];
  if (!field?.resolve) return;
  const inner = field.resolve as GraphQLFieldResolver<unknown, RequestContext>;
  field.resolve = async (root, args, ctx, info) => {
    const payload = (await inner(root, args, ctx, info)) as { errors?: unknown[] } | null;
    if (ctx.hub && ctx.viewer && payload && !payload.errors?.length) {
      try {
        await ctx.hub.notificationsRead(recipientOf(ctx));
      } catch (err) {
        // The marks are committed; a count that misses this change corrects itself at the next one.
        ctx.log.warn({ err }, 'notifications marked read, but the live counts could not be told');
      }
    }
    return payload;
  };
}

/** type-graphql wants a PubSub for any @Subscription; innozone's subscriptions bring their own streams and use none. */
export const NO_PUB_SUB: PubSub = {
  publish() {
    throw new Error('innozone publishes through its EventHub (src/subscriptions/hub.ts), not type-graphql’s PubSub');
  },
  subscribe() {
    throw new Error('innozone subscribes through its EventHub (src/subscriptions/hub.ts), not type-graphql’s PubSub');
  },
};
