import type { EntityManager } from '@mikro-orm/postgresql';
import type { DataAuthorization } from '../modules/authorization/authorization.entity';
import type { Enterprise } from '../modules/enterprise/enterprise.entity';
import type { Bank } from '../modules/finance/counterparty.entity';
import type { EventKind } from './event-kind';
import { announce, type NewEvent } from './outbox';

/** An authorization as its events name it: the authorization, its enterprise and bank, its last day in force. */
export interface AuthorizationFacts {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  creditCode: string;
  bankCreditCode: string;
  bankName: string;
  validUntil: string;
}

/** The event of an authorization's grant or revocation: told to the enterprise's representatives and to the bank. */
export function authorizationEvent(kind: EventKind, a: AuthorizationFacts): NewEvent {
  return {
    kind,
    authorizationId: a.id,
    enterpriseId: a.enterpriseId,
    payload: { title: a.enterpriseName, creditCode: a.creditCode, bankCreditCode: a.bankCreditCode, detail: a.bankName, date: a.validUntil },
  };
}

/** Puts an authorization's grant or revocation into the outbox, flushed with it (src/events/recipients.ts). */
export function announceAuthorization(em: EntityManager, kind: EventKind, authorization: DataAuthorization, enterprise: Enterprise, bank: Bank): void {
  announce(
    em,
    authorizationEvent(kind, {
      id: authorization.id,
      enterpriseId: enterprise.id,
      enterpriseName: enterprise.name,
      creditCode: enterprise.creditCode,
      bankCreditCode: bank.creditCode,
      bankName: bank.name,
      validUntil: authorization.validUntil,
    }),
  );
}
