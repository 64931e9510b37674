import { Role } from '../auth/roles';

/**
 * The operations GraphiQL opens with, one tab per kind of user, each named for the role that runs it (with that
 * role's token in the Headers tab). `test/graphiql.test.ts` validates each against the schema and runs it as its role
 * on the demo zone, so a rename that breaks one fails there.
 */
export interface GraphiqlExample {
  role: Role;
  query: string;
}

const TOKEN_HINT = (role: Role, org: string) =>
  `# Headers: {"Authorization": "Bearer <token>"}; a token from \`npm run token -- --role ${role}${org ? ` --org ${org}` : ''}\`.`;

export const GRAPHIQL_EXAMPLES: readonly GraphiqlExample[] = [
  {
    role: Role.ZONE_ADMIN,
    query: `# 区管委（ZONE_ADMIN）：全区企业组合，按园区与融资工具；再按名称或代码查企业。
${TOKEN_HINT(Role.ZONE_ADMIN, '')}
query ZonePortfolio {
  portfolioSummary {
    enterpriseCount
    highTechCount
    byPark { park { name } count }
    byInstrumentKind { kind count totalAmount }
  }
  enterprises(first: 10, filter: { search: "光谷" }) {
    totalCount
    nodes { creditCode name park { name } isHighTech }
  }
}
`,
  },
  {
    role: Role.BANK_OFFICER,
    query: `# 合作银行（BANK_OFFICER）：本行获得的数据授权，及客户是否符合试点条件（每条标准的理由）。
${TOKEN_HINT(Role.BANK_OFFICER, '<本行统一社会信用代码>')}
query MyClients($codes: [String!]! = ["914201003000010018"]) {
  viewer {
    organization { ... on Bank { name } }
    authorizations(first: 20, active: true) {
      nodes { enterprise { creditCode name } scopes purpose validUntil }
    }
  }
  eligibility(program: "CREDIT_LOAN", creditCodes: $codes) {
    creditCode
    isEligible
    checks { criterion outcome detail }
  }
}
`,
  },
  {
    role: Role.CPPCC_MEMBER,
    query: `# 政协委员（CPPCC_MEMBER）：我的提案、进度与答复。
${TOKEN_HINT(Role.CPPCC_MEMBER, '<委员 id>')}
query MyProposals {
  proposals(first: 20, filter: { isMine: true }) {
    totalCount
    nodes { subject level status dueOn answer { id category text } }
  }
}
`,
  },
  {
    role: Role.CPPCC_OFFICE,
    query: `# 提案委员会办公室（CPPCC_OFFICE）：待审查的提案，及已逾期的提案。
${TOKEN_HINT(Role.CPPCC_OFFICE, '')}
query ReviewQueue {
  submitted: proposals(first: 20, filter: { status: [SUBMITTED] }) {
    totalCount
    nodes { id version subject level submittedAt }
  }
  overdue: proposals(first: 20, filter: { isOverdue: true }) {
    totalCount
    nodes { subject dueOn leadUnit { name } }
  }
}
`,
  },
  {
    role: Role.HANDLING_UNIT,
    query: `# 承办单位（HANDLING_UNIT）：交办给本单位的提案及答复期限。
${TOKEN_HINT(Role.HANDLING_UNIT, '<承办单位 id>')}
query Inbox {
  proposals(first: 20, filter: { status: [ASSIGNED] }) {
    totalCount
    nodes { id subject dueOn isOverdue }
  }
}
`,
  },
  {
    role: Role.ENTERPRISE_REP,
    query: `# 企业代表（ENTERPRISE_REP）：本企业及其向银行的数据授权。
${TOKEN_HINT(Role.ENTERPRISE_REP, '<本企业统一社会信用代码>')}
query MyEnterprise {
  viewer {
    organization { ... on Enterprise { creditCode name park { name } isHighTech } }
    authorizations(first: 20) {
      nodes { id bank { name } scopes purpose validFrom validUntil isActive }
    }
  }
}
`,
  },
];
