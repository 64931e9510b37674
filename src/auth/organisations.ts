import type { EntityManager } from '@mikro-orm/postgresql';
import { Enterprise } from '../modules/enterprise/enterprise.entity';
import { Bank } from '../modules/finance/counterparty.entity';
import { Role } from './roles';
import type { Viewer } from './viewer';

/**
 * Does the organisation a token acts for exist right now? Checked on every request, so a deleted bank's or
 * enterprise's token stops working at once. CPPCC members and handling units are checked once their registers
 * exist (the CPPCC issue); until then their tokens carry an id nothing else uses.
 */
export async function organisationExists(em: EntityManager, viewer: Viewer): Promise<boolean> {
  switch (viewer.role) {
    case Role.BANK_OFFICER:
      return (await em.count(Bank, { creditCode: viewer.organisation! })) > 0;
    case Role.ENTERPRISE_REP:
      return (await em.count(Enterprise, { creditCode: viewer.organisation! })) > 0;
    default:
      return true;
  }
}
