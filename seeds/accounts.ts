import type { MikroORM } from '@mikro-orm/postgresql';
import { Role } from '../src/auth/roles';
import { toGlobalId } from '../src/common/global-id';
import { createAccount } from '../src/modules/account/account.service';
import { CHAIN_MEMBER } from './cppcc';
import { BANKS } from './reference';
import { NAMED_ENTERPRISES } from './zone';

/** The demo zone's password for every demo account (README); never seeded in production. */
export const DEMO_PASSWORD = 'innozone-demo';

/**
 * One account per role on the demo zone (issue 15): `admin`, `bank` (招商银行), `member` (胡振宇, who sits on every
 * level), `office`, `unit` (武汉市科学技术局) and `rep` (the first named enterprise). Loaded with the demo, after its
 * CPPCC; an account already there is left alone.
 */
export async function loadDemoAccounts(orm: MikroORM): Promise<string[]> {
  const em = orm.em.fork();
  const one = async (sql: string, params: unknown[]) => (await em.execute<{ id: string }[]>(sql, params))[0]?.id;
  const member = await one('select id from cppcc_member where name = ? order by id limit 1', [CHAIN_MEMBER]);
  const unit = await one('select id from handling_unit where name = ? order by id limit 1', ['武汉市科学技术局']);
  const accounts = [
    { username: 'admin', displayName: '区管委管理员', role: Role.ZONE_ADMIN, organization: null },
    { username: 'bank', displayName: '招商银行客户经理', role: Role.BANK_OFFICER, organization: BANKS.find((b) => b.key === 'CMB')!.creditCode },
    { username: 'member', displayName: CHAIN_MEMBER, role: Role.CPPCC_MEMBER, organization: member ? toGlobalId('CppccMember', member) : null },
    { username: 'office', displayName: '提案委员会办公室', role: Role.CPPCC_OFFICE, organization: null },
    { username: 'unit', displayName: '武汉市科学技术局', role: Role.HANDLING_UNIT, organization: unit ? toGlobalId('HandlingUnit', unit) : null },
    { username: 'rep', displayName: `${NAMED_ENTERPRISES[0]!.name}代表`, role: Role.ENTERPRISE_REP, organization: NAMED_ENTERPRISES[0]!.creditCode },
  ];
  const made: string[] = [];
  for (const a of accounts) {
    if ((await em.execute('select 1 from account where username = ?', [a.username])).length > 0) continue;
    await createAccount(em, { ...a, password: DEMO_PASSWORD }, 'seed');
    made.push(a.username);
  }
  return made;
}
