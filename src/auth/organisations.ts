import type { EntityManager } from '@mikro-orm/postgresql';
import { Enterprise } from '../modules/enterprise/enterprise.entity';
import { Bank } from '../modules/finance/counterparty.entity';
import { CppccMember, HandlingUnit } from '../modules/cppcc/cppcc.entity';
import { fromGlobalId } from '../common/global-id';
import { Role } from './roles';
import type { Viewer } from './viewer';

/**
 * Does the organisation a token acts for exist right now? Checked on every request, so a deleted bank's,
 * enterprise's, member's or handling unit's token stops working at once. A member's or unit's token names it by its
 * global id (as `cppccMembers` and `handlingUnits` show it).
 */
export async function organisationExists(em: EntityManager, viewer: Viewer): Promise<boolean> {
  switch (viewer.role) {
    case Role.BANK_OFFICER:
      return (await em.count(Bank, { creditCode: viewer.organisation! })) > 0;
    case Role.ENTERPRISE_REP:
      return (await em.count(Enterprise, { creditCode: viewer.organisation! })) > 0;
    case Role.CPPCC_MEMBER:
    case Role.HANDLING_UNIT: {
      const entity = viewer.role === Role.CPPCC_MEMBER ? CppccMember : HandlingUnit;
      const parsed = fromGlobalId(viewer.organisation!);
      return parsed?.type === entity.name && (await em.count(entity, { id: parsed.id })) > 0;
    }
    default:
      return true;
  }
}
