import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { ForwardPageArgs, type Page } from '../common/pagination';
import {
  DeleteWebhookPayload,
  DisableWebhookPayload,
  EnableWebhookPayload,
  RedeliverWebhookDeliveryInput,
  RedeliverWebhookDeliveryPayload,
  RegisterWebhookInput,
  RegisterWebhookPayload,
  SetWebhookAllowListInput,
  SetWebhookAllowListPayload,
  UpdateWebhookInput,
  UpdateWebhookPayload,
  Webhook,
  WebhookAllowList,
  WebhookConnection,
  WebhookDeliveriesArgs,
  type WebhookDelivery,
  WebhookDeliveryConnection,
  DisableWebhookInput,
  EnableWebhookInput,
  DeleteWebhookInput,
} from './webhook.types';
import {
  deleteWebhook,
  listWebhooks,
  redeliverWebhookDelivery,
  registerWebhook,
  setWebhookAllowList,
  setWebhookEnabled,
  updateWebhook,
  webhookAllowList,
  webhookDeliveries,
} from './webhook.service';

const ERRORS = 'Errors: InvalidInputError, WebhookUrlNotAllowedError, NotFoundError, NotPermittedError.';

/** Webhooks for machine clients (issue 17 item 5; README “Webhooks”). */
@Resolver(() => Webhook)
export class WebhookResolver {
  @Authorized()
  @Query(() => WebhookConnection, {
    description: 'Your organization’s webhooks, oldest registered first; the zone’s administrators see every one. Secrets are never shown.',
  })
  webhooks(@Ctx() ctx: RequestContext, @Args() page: ForwardPageArgs): Promise<Page<Webhook>> {
    return listWebhooks(ctx, page);
  }

  @Authorized()
  @Query(() => WebhookAllowList, { description: 'Where webhooks may point: the origins the zone’s administrators allow.' })
  webhookAllowList(@Ctx() ctx: RequestContext): Promise<WebhookAllowList> {
    return webhookAllowList(ctx);
  }

  @FieldResolver(() => WebhookDeliveryConnection, {
    description: 'Its deliveries, newest event first, with their status and attempts; `status: DEAD` is its dead-letter list.',
  })
  deliveries(@Ctx() ctx: RequestContext, @Root() webhook: Webhook, @Args() args: WebhookDeliveriesArgs): Promise<Page<WebhookDelivery>> {
    return webhookDeliveries(ctx, webhook, args);
  }

  @Authorized()
  @Mutation(() => RegisterWebhookPayload, {
    description:
      'Registers a webhook for your organization: the events addressed to it (as its notifications) of the kinds chosen are POSTed ' +
      'to the URL, signed with the secret (README “Webhooks”). The URL must be on the allow-list; the kinds, ones your role is ever ' +
      'told of; the secret, 32 to 256 characters; a URL your organization registered already is a DuplicateError.\n\n' +
      'Errors: InvalidInputError, DuplicateError, WebhookUrlNotAllowedError.',
  })
  async registerWebhook(@Ctx() ctx: RequestContext, @Arg('input', () => RegisterWebhookInput, { description: 'The URL, the kinds and the secret.' }) input: RegisterWebhookInput) {
    return RegisterWebhookPayload.from(await registerWebhook(ctx, input));
  }

  @Authorized()
  @Mutation(() => UpdateWebhookPayload, {
    description: `Changes a webhook of your organization: its URL, its kinds or its secret (rotation).\n\n${ERRORS}`,
  })
  async updateWebhook(@Ctx() ctx: RequestContext, @Arg('input', () => UpdateWebhookInput, { description: 'The webhook and what to change.' }) input: UpdateWebhookInput) {
    return UpdateWebhookPayload.from(await updateWebhook(ctx, input));
  }

  @Authorized()
  @Mutation(() => DisableWebhookPayload, {
    description:
      'Disables a webhook: nothing is delivered to it until it is enabled (events meanwhile are not sent later; deliveries waiting go DEAD). ' +
      'Your organization’s, or any for the zone’s administrators.\n\nErrors: NotFoundError, NotPermittedError, TransitionNotAllowedError.',
  })
  async disableWebhook(@Ctx() ctx: RequestContext, @Arg('input', () => DisableWebhookInput, { description: 'The webhook.' }) input: DisableWebhookInput) {
    return DisableWebhookPayload.from(await setWebhookEnabled(ctx, input.id, false));
  }

  @Authorized()
  @Mutation(() => EnableWebhookPayload, {
    description: 'Enables a disabled webhook: events from now on are delivered. Your organization’s, or any for the zone’s administrators.\n\nErrors: NotFoundError, NotPermittedError, TransitionNotAllowedError.',
  })
  async enableWebhook(@Ctx() ctx: RequestContext, @Arg('input', () => EnableWebhookInput, { description: 'The webhook.' }) input: EnableWebhookInput) {
    return EnableWebhookPayload.from(await setWebhookEnabled(ctx, input.id, true));
  }

  @Authorized()
  @Mutation(() => DeleteWebhookPayload, {
    description: 'Deletes a webhook and its deliveries. Your organization’s, or any for the zone’s administrators.\n\nErrors: NotFoundError, NotPermittedError.',
  })
  async deleteWebhook(@Ctx() ctx: RequestContext, @Arg('input', () => DeleteWebhookInput, { description: 'The webhook.' }) input: DeleteWebhookInput) {
    return DeleteWebhookPayload.from(await deleteWebhook(ctx, input.id));
  }

  @Authorized()
  @Mutation(() => RedeliverWebhookDeliveryPayload, {
    description:
      'Sends a DEAD delivery again, with its retries, signed anew (same `Innozone-Event-Id`). Your organization’s, or any for the ' +
      'zone’s administrators.\n\nErrors: NotFoundError, NotPermittedError, TransitionNotAllowedError.',
  })
  async redeliverWebhookDelivery(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RedeliverWebhookDeliveryInput, { description: 'The delivery.' }) input: RedeliverWebhookDeliveryInput,
  ) {
    return RedeliverWebhookDeliveryPayload.from(await redeliverWebhookDelivery(ctx, input.id));
  }

  @Authorized()
  @Mutation(() => SetWebhookAllowListPayload, {
    description:
      'Sets the zone’s webhook allow-list, whole (administrators). Read again at each delivery: a webhook whose origin is taken off ' +
      'gets nothing more. An entry that is not an origin, or names a link-local address, is a WebhookUrlNotAllowedError.\n\n' +
      'Errors: InvalidInputError, WebhookUrlNotAllowedError.',
  })
  async setWebhookAllowList(@Ctx() ctx: RequestContext, @Arg('input', () => SetWebhookAllowListInput, { description: 'The entries.' }) input: SetWebhookAllowListInput) {
    return SetWebhookAllowListPayload.from(await setWebhookAllowList(ctx, input.entries));
  }
}
