import { createHash } from 'node:crypto';
import { type ApolloServerPlugin, type GraphQLResponse, HeaderMap } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import type { RequestContext } from './context';
import { ErrorCode } from './common/errors';

/** How long an answer is kept for replay. */
export const IDEMPOTENCY_HOURS = 24;

/**
 * A claim with no answer after this long was abandoned (its server stopped while answering): the key may be claimed
 * again. Far longer than any request may take (HTTP_REQUEST_TIMEOUT_MS and the execution after it).
 */
const ABANDONED_MINUTES = 5;

/** A key as clients make them: a UUID or any other printable ASCII token, up to 255 characters. */
const KEY = /^[\x21-\x7e]{1,255}$/;

/** A refusal answered in place of the operation (an error thrown from this hook would be answered as a 500). */
const refusal = (message: string, status: number, headers: [string, string][] = []): GraphQLResponse => ({
  http: { status, headers: new HeaderMap(headers) },
  body: { kind: 'single', singleResult: { errors: [{ message, extensions: { code: ErrorCode.BAD_USER_INPUT } }] } },
});

/**
 * `Idempotency-Key` on mutations (issue 12): a client that lost an answer sends the same request with the same key
 * again and gets the first answer (header `Idempotent-Replayed: true`), not a second write. Keys are per viewer (role and
 * organisation) and kept IDEMPOTENCY_HOURS.
 * - The first request with a key claims it in PostgreSQL (one statement, so of two sent at once exactly one claims it);
 *   its answer is stored once sent, unless it is a 5xx, which leaves nothing written and frees the key for a retry.
 * - The same key with a different request (operation, name or variables) is refused with 422.
 * - The same key while the first is still running is refused with 409 and Retry-After; a claim left unanswered for
 *   ABANDONED_MINUTES (its server stopped mid-request) may be claimed again.
 * Queries need no key and ignore one. A replayed answer is not audited again: the write happened once.
 */
export const idempotency: ApolloServerPlugin<RequestContext> = {
  async requestDidStart({ request }) {
    const key = request.http?.headers.get('idempotency-key');
    if (key === undefined) return;
    let claimed: { actor: string } | undefined;
    return {
      async responseForOperation({ operation, request, contextValue }) {
        if (operation.operation !== 'mutation') return null;
        if (!KEY.test(key)) return refusal('Idempotency-Key must be 1 to 255 printable ASCII characters.', 400);
        const viewer = contextValue.viewer;
        const actor = viewer ? `${viewer.role}:${viewer.organisation ?? ''}` : 'anonymous';
        const fingerprint = createHash('sha256')
          .update(JSON.stringify([request.query ?? '', request.operationName ?? null, request.variables ?? {}]))
          .digest('hex');
        const em = contextValue.em.fork();
        // Claim the key, or take it over when its answer is older than the replay window.
        // Answers past the window are dropped on the way (by the created_at index), so the table holds a day of them.
        const won = await em.execute<{ claimed: boolean }[]>(
          `with expired as (
             delete from idempotency.response where created_at < now() - make_interval(hours => ?) and (actor, key) <> (?, ?)
           )
           insert into idempotency.response as r (actor, key, fingerprint) values (?, ?, ?)
           on conflict (actor, key) do update set fingerprint = excluded.fingerprint, status = null, body = null, created_at = now()
             where r.created_at < now() - make_interval(hours => ?)
                or (r.body is null and r.created_at < now() - make_interval(mins => ?))
           returning true as claimed`,
          [IDEMPOTENCY_HOURS, actor, key, actor, key, fingerprint, IDEMPOTENCY_HOURS, ABANDONED_MINUTES],
        );
        if (won.length) {
          claimed = { actor };
          return null;
        }
        const [kept] = await em.execute<{ fingerprint: string; status: number | null; body: FormattedExecutionResult | null }[]>(
          'select fingerprint, status, body from idempotency.response where actor = ? and key = ?',
          [actor, key],
        );
        if (!kept || kept.fingerprint !== fingerprint) {
          return refusal(`This Idempotency-Key was used for a different request in the last ${IDEMPOTENCY_HOURS} hours.`, 422);
        }
        if (kept.body === null) {
          return refusal('A request with this Idempotency-Key is still being answered; try again shortly.', 409, [['retry-after', '1']]);
        }
        return {
          http: { status: kept.status ?? 200, headers: new HeaderMap([['idempotent-replayed', 'true']]) },
          body: { kind: 'single', singleResult: kept.body },
        };
      },

      async willSendResponse({ response, contextValue }) {
        if (!claimed) return;
        const em = contextValue.em.fork();
        const status = response.http.status ?? 200;
        try {
          if (status >= 500 || response.body.kind !== 'single') {
            await em.execute('delete from idempotency.response where actor = ? and key = ?', [claimed.actor, key]);
          } else {
            await em.execute('update idempotency.response set status = ?, body = ?::jsonb where actor = ? and key = ?', [
              status,
              JSON.stringify(response.body.singleResult),
              claimed.actor,
              key,
            ]);
          }
        } catch (err) {
          // The answer still goes out; a retry with this key is told it is being answered until the window ends.
          contextValue.log.error({ err, key }, 'the answer to an Idempotency-Key could not be kept');
        }
      },
    };
  },
};
