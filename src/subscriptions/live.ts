import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Int, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import { mayCall } from '../auth/policy';
import { forbidden, notFound, unauthenticated } from '../common/errors';
import { fromGlobalId } from '../common/global-id';
import { DateTimeScalar } from '../common/scalars';
import type { RequestContext } from '../context';
import { EventKind } from '../events/event-kind';
import type { RelayedEvent } from '../events/publisher';
import { countNotifications, recipientOf } from '../events/notification.service';
import type { Recipient } from '../events/recipients';
import { Proposal } from '../modules/cppcc/cppcc.entity';
import type { EventHub } from './hub';
import { judged, listened } from './stream';

/** An event of a proposal as a subscriber receives it: what happened, when, and the proposal as it stands now. */
@ObjectType('LiveProposalEvent', {
  description:
    'A step of a proposal, sent by `proposalEvents` as it is committed: what happened and when, and the proposal as it stands when the ' +
    'event is sent (read with your access, as `proposal(id:)` answers).',
})
export class LiveProposalEvent {
  /** The proposal's uuid (its global id is `proposal.id`). Not in the schema. */
  readonly proposalUuid: string;

  @Field(() => ID, { description: 'The event’s id: the same for every subscriber and instance that receives it.' })
  id: string;

  @Field(() => EventKind, { description: 'What happened (the kinds of events whose name starts with PROPOSAL_).' })
  kind: EventKind;

  @Field(() => DateTimeScalar, { description: 'When the step was committed.' })
  occurredAt: Date;

  @Field(() => String, {
    nullable: true,
    description: 'What the step said, as its timeline entry notes it: the review’s ground or reason, the reply’s note, the rating or the extension decided.',
  })
  detail: string | null;

  constructor(event: RelayedEvent) {
    this.id = event.id;
    this.kind = event.kind;
    this.occurredAt = event.occurredAt;
    this.detail = event.payload.detail ?? null;
    this.proposalUuid = event.subject!.id;
  }
}

/** Fresh per event: a subscription's context lives for hours, its identity map and the viewer's access for one event. */
function renewed(ctx: RequestContext): RequestContext {
  if (!ctx.renew) return ctx;
  const fresh = ctx.renew();
  ctx.em = fresh.em;
  ctx.loaders = fresh.loaders;
  ctx.access = fresh.access;
  return ctx;
}

/** The policy's gate on a subscription's root field, as queries have it (src/auth/policy.ts ROOT.Subscription). */
function gate(ctx: RequestContext, field: string): EventHub {
  if (!ctx.viewer) throw unauthenticated();
  if (!mayCall('Subscription', field, ctx.viewer.role)) throw forbidden(`A ${ctx.viewer.role} may not use ${field}.`);
  if (!ctx.hub) throw new Error('subscriptions are served over WebSocket only (src/subscriptions/ws.ts)');
  return ctx.hub;
}

/**
 * The proposal of an event if the viewer sees it now, else null: read afresh and judged by the Proposal row rule, as
 * `proposal(id:)` judges it (a draft is its members', a unit sees what is assigned to it, the office what was submitted).
 */
async function visibleProposal(ctx: RequestContext, uuid: string): Promise<Proposal | null> {
  const fresh = renewed(ctx);
  const proposal = await fresh.loaders.byId(Proposal).load(uuid);
  return proposal && (await fresh.access.seesObject('Proposal', proposal, 'proposalEvents')) ? proposal : null;
}

/** Is a notification for `to` one of `me`'s? (A notification naming no account is for every viewer of its role and org.) */
export const addressedTo = (to: Recipient, me: Recipient): boolean =>
  to.role === me.role && (to.org ?? null) === me.org && (to.account === null || to.account === me.account);

/** The viewer's unread notifications, counted as `notifications(unreadOnly: true) { totalCount }` counts them. */
export const unreadCount = (ctx: RequestContext, me: Recipient): Promise<number> => countNotifications(ctx.em.fork(), me, true);

/**
 * The subscriptions (issue 17 item 3), served over graphql-ws at /graphql (src/subscriptions/ws.ts). Each event is
 * judged by the access policy when it is sent, with the viewer's access as it stands then.
 */
@Resolver(() => LiveProposalEvent)
export class LiveResolver {
  @Authorized()
  @Subscription(() => LiveProposalEvent, {
    description:
      'The events of the proposals you may see, as they are committed: of one proposal (`proposalId`), or of every one. An event is sent ' +
      'only if you see its proposal when it is sent (your access is applied to each, as `proposal(id:)` applies it). A proposal you may not ' +
      'see is answered as one that does not exist: NOT_FOUND. README “Subscriptions”.',
    subscribe: async ({ args, context }) => {
      const ctx = context as RequestContext;
      const hub = gate(ctx, 'proposalEvents');
      const wanted = (args as { proposalId?: string | null }).proposalId ?? null;
      let only: string | null = null;
      if (wanted !== null) {
        const parsed = fromGlobalId(wanted);
        only = parsed?.type === 'Proposal' ? parsed.id : null;
        if (!only || !(await visibleProposal(ctx, only))) throw notFound('No proposal has this id.');
      }
      const raw = listened<RelayedEvent>((push) => {
        const listener = (event: RelayedEvent) => {
          if (event.subject?.type === 'PROPOSAL' && (only === null || event.subject.id === only)) push(event);
        };
        hub.on('event', listener);
        return () => hub.off('event', listener);
      });
      // Each event is let through only when the viewer sees its proposal now; graphql-js asks for the next event once
      // the last one was sent, so one event is judged and answered at a time, on the context renewed for it.
      return judged(raw, async (event) => ((await visibleProposal(ctx, event.subject!.id)) ? new LiveProposalEvent(event) : null));
    },
  })
  proposalEvents(
    @Root() event: LiveProposalEvent,
    @Arg('proposalId', () => ID, { nullable: true, description: 'A proposal’s global id: only its events. Omitted: the events of every proposal you may see.' })
    _proposalId: string | null,
  ): LiveProposalEvent {
    return event;
  }

  @FieldResolver(() => Proposal, {
    nullable: true,
    description: 'The proposal, as it stands when the event is sent (read with your access, as `proposal(id:)` answers).',
  })
  proposal(@Root() event: LiveProposalEvent, @Ctx() ctx: RequestContext): Promise<Proposal | null> {
    return ctx.loaders.byId(Proposal).load(event.proposalUuid);
  }

  @Authorized()
  @Subscription(() => Int, {
    description:
      'How many of your notifications are unread (as `notifications(unreadOnly: true) { totalCount }` counts them): sent when you subscribe, ' +
      'then each time it changes, as a notification reaches you or you mark some read (`markNotificationsRead`), on any instance.',
    subscribe: async ({ context }) => {
      const ctx = context as RequestContext;
      const hub = gate(ctx, 'unreadNotificationCount');
      const me = recipientOf(ctx);
      // A burst of changes is counted once: a trigger only says "count again".
      let changed = true;
      const triggers = listened<true>((push) => {
        const onEvent = (event: RelayedEvent) => {
          if (event.recipients.some((r) => addressedTo(r, me))) push(true);
        };
        // Marked by anyone of the same role and organization: a notification naming no account is theirs too.
        const onRead = (to: Recipient) => {
          if (to.role === me.role && (to.org ?? null) === me.org) push(true);
        };
        hub.on('event', onEvent).on('read', onRead);
        return () => {
          hub.off('event', onEvent);
          hub.off('read', onRead);
        };
      });
      let last: number | null = null;
      const counts: AsyncIterableIterator<number> = {
        async next(): Promise<IteratorResult<number>> {
          for (;;) {
            if (!changed) {
              const got = await triggers.next();
              if (got.done) return { value: undefined, done: true };
            }
            changed = false;
            const count = await unreadCount(ctx, me);
            if (count !== last) {
              last = count;
              return { value: count, done: false };
            }
          }
        },
        async return(): Promise<IteratorResult<number>> {
          await triggers.return!();
          return { value: undefined, done: true };
        },
        [Symbol.asyncIterator]() {
          return this;
        },
      };
      return counts;
    },
  })
  unreadNotificationCount(@Root() count: number): number {
    return count;
  }
}
