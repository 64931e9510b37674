import type { EntityManager } from '@mikro-orm/postgresql';
import type { DataAuthorization } from '../modules/authorization/authorization.entity';
import type { Enterprise } from '../modules/enterprise/enterprise.entity';
import type { Bank } from '../modules/finance/counterparty.entity';
import type { EventKind } from './event-kind';
import { announce } from './outbox';

/**
 * Puts an authorization's grant or revocation into the outbox, flushed with it: told to the enterprise's
 * representatives and to the bank (src/events/recipients.ts).
 */
export function announceAuthorization(em: EntityManager, kind: EventKind, authorization: DataAuthorization, enterprise: Enterprise, bank: Bank): void {
  announce(em, {
    kind,
    authorizationId: authorization.id,
    enterpriseId: enterprise.id,
    payload: {
      title: enterprise.name,
      creditCode: enterprise.creditCode,
      bankCreditCode: bank.creditCode,
      detail: bank.name,
      date: authorization.validUntil,
    },
  });
}
