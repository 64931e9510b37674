import { Migration } from '@mikro-orm/migrations';

/**
 * The pilot programmes and the first versions of their rules, as data. Later versions are recorded with
 * `recordProgrammeRuleVersion`; these stay as they were, so answers for past dates can be given again.
 * Thresholds marked (design) in DOMAIN.md are the zone's defaults, not law.
 */
const PROGRAMMES: {
  code: string;
  name: string;
  nameEn: string;
  description: string;
  uptake: string;
  versions: { effectiveFrom: string; note: string; criteria: Record<string, unknown>[] }[];
}[] = [
  {
    code: 'IP_PLEDGE_LOAN',
    name: '知识产权质押贷款试点',
    nameEn: 'IP-pledge loan pilot',
    description: 'Loans secured by pledged invention patents, with the risk compensation pool sharing losses.',
    uptake: 'IP_PLEDGE_LOAN',
    versions: [
      {
        effectiveFrom: '2020-01-01',
        note: 'Zone pilot rules (design): certified high-tech enterprises with an appraised, unpledged invention patent.',
        criteria: [
          { kind: 'REGISTERED_IN_ZONE', minYears: 1 },
          { kind: 'HIGH_TECH_CERTIFICATE' },
          { kind: 'UNPLEDGED_INVENTION_PATENT', count: 1, months: 12 },
          { kind: 'CREDIT_RATING', minimumRating: 'BBB' },
          { kind: 'NO_RECENT_DEFAULT', months: 24 },
          { kind: 'NOT_DISHONEST_DEBTOR', maxAgeDays: 365 },
        ],
      },
    ],
  },
  {
    code: 'CREDIT_LOAN',
    name: '科技型中小企业信用贷款试点',
    nameEn: 'Credit loan pilot for tech SMEs',
    description: 'Unsecured loans to rated tech SMEs in good standing.',
    uptake: 'CREDIT_LOAN',
    versions: [
      {
        effectiveFrom: '2020-01-01',
        note: 'Zone pilot rules (design): SMEs up to ¥200m revenue, rated BBB or better, tax credit A or B.',
        criteria: [
          { kind: 'REGISTERED_IN_ZONE', minYears: 2 },
          { kind: 'HIGH_TECH_CERTIFICATE' },
          { kind: 'REVENUE', maximum: '200000000.00' },
          { kind: 'CREDIT_RATING', minimumRating: 'BBB' },
          { kind: 'TAX_CREDIT_GRADE', grades: ['A', 'B'] },
          { kind: 'NO_RECENT_DEFAULT', months: 24 },
          { kind: 'NOT_DISHONEST_DEBTOR', maxAgeDays: 365 },
        ],
      },
    ],
  },
  {
    code: 'NEEQ_FIRST_BATCH',
    name: '新三板首批挂牌',
    nameEn: 'NEEQ first-batch listing',
    description: 'Zone enterprises put forward for the first batch of NEEQ (新三板) listings.',
    uptake: 'NEEQ_LISTING',
    versions: [
      {
        effectiveFrom: '2010-01-01',
        note: 'Zone rules (design): two years in operation, certified, with revenue, in good standing.',
        criteria: [
          { kind: 'REGISTERED_IN_ZONE', minYears: 2 },
          { kind: 'HIGH_TECH_CERTIFICATE' },
          { kind: 'REVENUE', minimum: '10000000.00' },
          { kind: 'TAX_CREDIT_GRADE', grades: ['A', 'B'] },
          { kind: 'NO_RECENT_DEFAULT', months: 24 },
          { kind: 'NOT_DISHONEST_DEBTOR', maxAgeDays: 365 },
        ],
      },
    ],
  },
  {
    code: 'TECH_INSURANCE_SUBSIDY',
    name: '科技保险保费补贴',
    nameEn: 'Tech insurance premium subsidy',
    description: 'Part of the premium of a tech insurance policy paid back by the zone.',
    uptake: 'TECH_INSURANCE_SUBSIDY',
    versions: [
      {
        effectiveFrom: '2020-01-01',
        note: 'Zone subsidy rules (design): certified enterprises with a policy in force.',
        criteria: [
          { kind: 'REGISTERED_IN_ZONE' },
          { kind: 'HIGH_TECH_CERTIFICATE' },
          { kind: 'TECH_INSURANCE_IN_FORCE' },
          { kind: 'NOT_DISHONEST_DEBTOR', maxAgeDays: 365 },
        ],
      },
    ],
  },
  {
    code: 'EQUITY_INCENTIVE',
    name: '国有科技型企业股权和分红激励',
    nameEn: 'Equity incentive pilot (state-owned tech enterprises)',
    description: 'Equity and dividend incentives under the 2016 rules for state-owned tech enterprises.',
    uptake: 'EQUITY_INCENTIVE_PLAN',
    versions: [
      {
        effectiveFrom: '2016-03-01',
        note: '财资〔2016〕4号: state-owned, three years in operation, R&D at least 3% of revenue over three years, S&T staff at least 10%.',
        criteria: [
          { kind: 'REGISTERED_IN_ZONE', minYears: 3 },
          { kind: 'STATE_OWNED', stateOwned: true },
          { kind: 'RD_INTENSITY', years: 3, rdBands: [{ revenueUpTo: null, minimumPercent: '3.0000' }] },
          { kind: 'ST_STAFF_SHARE', minimumPercent: '10.0000' },
        ],
      },
    ],
  },
  {
    code: 'HIGH_TECH_SELF_CHECK',
    name: '高新技术企业认定自评',
    nameEn: 'High-tech certification self-check',
    description: 'The criteria of high-tech enterprise certification, checked before applying.',
    uptake: 'HIGH_TECH_CERTIFICATE',
    versions: [
      {
        effectiveFrom: '2008-04-14',
        note: '国科发火〔2008〕172号: R&D 6% / 4% / 3% of revenue for revenue up to ¥50m / ¥50m–200m / over ¥200m.',
        criteria: [
          { kind: 'REGISTERED_IN_ZONE', minYears: 1 },
          { kind: 'CORE_IP', count: 1 },
          {
            kind: 'SUPPORTED_INDUSTRY',
            industries: ['OPTOELECTRONIC_INFORMATION', 'BIOMEDICINE', 'ENERGY_SAVING_ENVIRONMENTAL', 'HIGH_END_EQUIPMENT', 'HIGH_TECH_SERVICES', 'INTEGRATED_CIRCUITS', 'NEW_DISPLAYS', 'NEW_MATERIALS', 'NEW_ENERGY'],
          },
          { kind: 'ST_STAFF_SHARE', minimumPercent: '10.0000' },
          {
            kind: 'RD_INTENSITY',
            years: 3,
            rdBands: [
              { revenueUpTo: '50000000.00', minimumPercent: '6.0000' },
              { revenueUpTo: '200000000.00', minimumPercent: '4.0000' },
              { revenueUpTo: null, minimumPercent: '3.0000' },
            ],
          },
          { kind: 'HIGH_TECH_REVENUE_SHARE', minimumPercent: '60.0000' },
        ],
      },
      {
        effectiveFrom: '2016-01-01',
        note: '国科发火〔2016〕32号: R&D 5% / 4% / 3% of revenue for revenue up to ¥50m / ¥50m–200m / over ¥200m.',
        criteria: [
          { kind: 'REGISTERED_IN_ZONE', minYears: 1 },
          { kind: 'CORE_IP', count: 1 },
          {
            kind: 'SUPPORTED_INDUSTRY',
            industries: ['OPTOELECTRONIC_INFORMATION', 'BIOMEDICINE', 'ENERGY_SAVING_ENVIRONMENTAL', 'HIGH_END_EQUIPMENT', 'HIGH_TECH_SERVICES', 'INTEGRATED_CIRCUITS', 'NEW_DISPLAYS', 'NEW_MATERIALS', 'NEW_ENERGY'],
          },
          { kind: 'ST_STAFF_SHARE', minimumPercent: '10.0000' },
          {
            kind: 'RD_INTENSITY',
            years: 3,
            rdBands: [
              { revenueUpTo: '50000000.00', minimumPercent: '5.0000' },
              { revenueUpTo: '200000000.00', minimumPercent: '4.0000' },
              { revenueUpTo: null, minimumPercent: '3.0000' },
            ],
          },
          { kind: 'HIGH_TECH_REVENUE_SHARE', minimumPercent: '60.0000' },
        ],
      },
    ],
  },
  {
    code: 'RD_SUPER_DEDUCTION',
    name: '研发费用加计扣除试点',
    nameEn: 'R&D super-deduction tax pilot',
    description: 'The widened R&D super-deduction extended from Zhongguancun (财税〔2010〕81号).',
    uptake: 'RD_SUPER_DEDUCTION',
    versions: [
      {
        effectiveFrom: '2010-01-01',
        note: '财税〔2010〕81号: enterprises in the zone with R&D expense in the year.',
        criteria: [{ kind: 'REGISTERED_IN_ZONE' }, { kind: 'RD_EXPENSE', minimum: '0.01' }],
      },
    ],
  },
];

export class Migration20261129063900_programmes extends Migration {
  override async up(): Promise<void> {
    for (const p of PROGRAMMES) {
      this.addSql(
        `insert into "pilot_programme" ("id", "code", "name", "name_en", "description", "uptake")
         values (gen_random_uuid(), '${p.code}', '${p.name}', '${p.nameEn}', '${p.description.replace(/'/g, "''")}', '${p.uptake}');`,
      );
      p.versions.forEach((v, i) => {
        this.addSql(
          `insert into "programme_rule_version" ("id", "programme_id", "version", "effective_from", "criteria", "note", "recorded_by")
           select gen_random_uuid(), id, ${i + 1}, '${v.effectiveFrom}', '${JSON.stringify(v.criteria)}'::jsonb, '${v.note.replace(/'/g, "''")}', 'migration'
           from "pilot_programme" where code = '${p.code}';`,
        );
      });
    }
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "programme_rule_version" where recorded_by = 'migration';`);
    this.addSql(`delete from "pilot_programme";`);
  }
}
