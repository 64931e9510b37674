import type { EntityManager } from '@mikro-orm/postgresql';
import type { DataAuthorization } from '../modules/authorization/authorization.entity';
import type { Enterprise } from '../modules/enterprise/enterprise.entity';
import type { Bank } from '../modules/finance/counterparty.entity';
import type { EventKind } from './event-kind';
import { announce, type NewEvent } from './outbox';

/**
 * The columns of `data_authorization a` joined to `enterprise e` and `bank b` that make `AuthorizationFacts`: for the
 * SQL that finds authorizations to announce (a paper import's, the expiring ones).
 */
export const AUTHORIZATION_FACTS_SQL = `select a.id, a.enterprise_id as "enterpriseId", e.name as "enterpriseName", e.credit_code as "creditCode",
       b.credit_code as "bankCreditCode", b.name as "bankName", to_char(a.valid_to, 'YYYY-MM-DD') as "validUntil"
  from data_authorization a join enterprise e on e.id = a.enterprise_id join bank b on b.id = a.bank_id`;

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
