import { ObjectType } from 'type-graphql';
import { Connection } from '../../common/pagination';
import { asc, childPages, desc } from '../../db/child-pages';
import { CreditRatingRecord, DishonestDebtorCheck } from '../credit/credit.entity';
import { EquityIncentivePlan, TalentAward } from '../incentive/incentive.entity';
import { Patent } from '../ip/patent.entity';
import { ResearchProject } from '../project/project.entity';

/**
 * The lists of an enterprise that grow without bound, as connections (src/db/child-pages.ts): each page is read for a
 * whole page of enterprises in one statement, ahead of the resolvers or in the SQL answer.
 */
export const ENTERPRISE_PAGES = {
  patents: childPages({
    name: 'Enterprise.patents',
    entity: Patent,
    source: (c) => ({ from: `patent ${c}`, parent: `${c}.owner_id` }),
    order: [asc('number', 'text'), asc('id', 'uuid')],
  }),
  // Each project once, however many roles the enterprise has in it.
  projects: childPages({
    name: 'Enterprise.projects',
    entity: ResearchProject,
    source: (c) => ({
      from: `research_project ${c} join (select distinct project_id, enterprise_id from project_participant where enterprise_id is not null) x on x.project_id = ${c}.id`,
      parent: 'x.enterprise_id',
    }),
    order: [desc('start_date', 'date'), asc('id', 'uuid')],
  }),
  incentivePlans: childPages({
    name: 'Enterprise.incentivePlans',
    entity: EquityIncentivePlan,
    source: (c) => ({ from: `equity_incentive_plan ${c}`, parent: `${c}.enterprise_id` }),
    order: [desc('approved_on', 'date'), asc('id', 'uuid')],
  }),
  talentAwards: childPages({
    name: 'Enterprise.talentAwards',
    entity: TalentAward,
    source: (c) => ({ from: `talent_award ${c}`, parent: `${c}.enterprise_id` }),
    order: [desc('awarded_on', 'date'), asc('id', 'uuid')],
  }),
  // Of two on one day, the one recorded last first; a voided record is left out (it stays readable by id).
  creditRatings: childPages({
    name: 'Enterprise.creditRatings',
    entity: CreditRatingRecord,
    source: (c) => ({ from: `credit_rating_record ${c}`, parent: `${c}.enterprise_id`, where: `${c}.voided_at is null` }),
    order: [desc('rated_on', 'date'), desc('created_at', 'timestamptz'), desc('id', 'uuid')],
  }),
  dishonestDebtorChecks: childPages({
    name: 'Enterprise.dishonestDebtorChecks',
    entity: DishonestDebtorCheck,
    source: (c) => ({ from: `dishonest_debtor_check ${c}`, parent: `${c}.enterprise_id`, where: `${c}.voided_at is null` }),
    order: [desc('checked_on', 'date'), desc('created_at', 'timestamptz'), desc('id', 'uuid')],
  }),
};

@ObjectType('PatentConnection', { description: 'Patents (专利) of an enterprise, by patent number.' })
export class PatentConnection extends Connection(Patent, 'Patent') {}

@ObjectType('ResearchProjectConnection', {
  description: 'Industry–university–research projects (产学研项目) an enterprise takes part in, each once, the latest start first.',
})
export class ResearchProjectConnection extends Connection(ResearchProject, 'ResearchProject') {}

@ObjectType('EquityIncentivePlanConnection', {
  description: 'Equity and dividend incentive plans (股权和分红激励方案) of an enterprise, the latest approved first.',
})
export class EquityIncentivePlanConnection extends Connection(EquityIncentivePlan, 'EquityIncentivePlan') {}

@ObjectType('TalentAwardConnection', { description: 'Talent scheme awards (人才计划资助) to an enterprise, the latest first.' })
export class TalentAwardConnection extends Connection(TalentAward, 'TalentAward') {}

@ObjectType('CreditRatingRecordConnection', {
  description: 'SME credit ratings (中小企业信用评级) of an enterprise, the latest rated first (on one day, the one recorded last first).',
})
export class CreditRatingRecordConnection extends Connection(CreditRatingRecord, 'CreditRatingRecord') {}

@ObjectType('DishonestDebtorCheckConnection', {
  description:
    'Checks of the dishonest judgment debtor list (失信被执行人名单) for an enterprise, the latest first (on one day, the one recorded last first).',
})
export class DishonestDebtorCheckConnection extends Connection(DishonestDebtorCheck, 'DishonestDebtorCheck') {}
