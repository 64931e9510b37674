import { EventKind } from './event-kind';
import type { EventPayload } from './outbox';

type Words = (p: EventPayload) => [chinese: string, english: string];

const FACTS: Record<string, [string, string]> = {
  CREDIT_RATING: ['信用评级', 'credit rating'],
  DISHONEST_DEBTOR_CHECK: ['失信被执行人查询', 'dishonest-debtor check'],
};

/** A notification's title per kind, in Chinese (the zone's working language) and English: the one table of wordings. */
export const TITLES: Record<EventKind, Words> = {
  PROPOSAL_SUBMITTED: (p) => [`新提交提案：《${p.title}》`, `Proposal submitted: ${p.title}`],
  PROPOSAL_ACCEPTED: (p) => [`提案已立案：《${p.title}》`, `Proposal accepted: ${p.title}`],
  PROPOSAL_REJECTED: (p) => [`提案不予立案：《${p.title}》`, `Proposal not accepted: ${p.title}`],
  PROPOSAL_CONVERTED: (p) => [`提案已转为委员来信或社情民意：《${p.title}》`, `Proposal converted into a letter or report: ${p.title}`],
  PROPOSAL_ASSIGNED: (p) => [`交办提案：《${p.title}》，请于${p.date}前答复`, `Proposal assigned to you: ${p.title}, reply due by ${p.date}`],
  PROPOSAL_RETURNED: (p) => [`提案被退回，待重新交办：《${p.title}》`, `Proposal returned, to be assigned again: ${p.title}`],
  PROPOSAL_MERGED: (p) => [`提案已并案办理：《${p.title}》`, `Proposal merged into another: ${p.title}`],
  PROPOSAL_REPLIED: (p) => [`提案已答复：《${p.title}》`, `Proposal replied to: ${p.title}`],
  PROPOSAL_RATED: (p) => [`答复已测评：《${p.title}》`, `Reply rated: ${p.title}`],
  PROPOSAL_EXTENSION_REQUESTED: (p) => [`申请延期答复：《${p.title}》`, `More time asked for: ${p.title}`],
  PROPOSAL_EXTENSION_DECIDED: (p) =>
    p.detail === 'EXTENSION_APPROVED'
      ? [`延期申请已同意：《${p.title}》，请于${p.date}前答复`, `More time granted: ${p.title}, reply due by ${p.date}`]
      : [`延期申请未同意：《${p.title}》，请于${p.date}前答复`, `More time refused: ${p.title}, reply due by ${p.date}`],
  PROPOSAL_OVERDUE: (p) => [`提案答复已逾期（应于${p.date}前答复）：《${p.title}》`, `Reply overdue (due by ${p.date}): ${p.title}`],
  PROPOSAL_DUE_SOON: (p) => [`提案将于${p.date}到期答复：《${p.title}》`, `Reply due by ${p.date}: ${p.title}`],
  AUTHORIZATION_GRANTED: (p) => [`${p.title}已向${p.detail}授权查询数据`, `${p.title} authorized ${p.detail} to see its data`],
  AUTHORIZATION_REVOKED: (p) => [`${p.title}已撤销对${p.detail}的数据授权`, `${p.title} revoked the authorization of ${p.detail}`],
  AUTHORIZATION_EXPIRING: (p) => [`${p.title}对${p.detail}的数据授权将于${p.date}到期`, `The authorization of ${p.detail} by ${p.title} ends on ${p.date}`],
  IMPORT_FINISHED: (p) =>
    p.status === 'SUCCEEDED' ? [`导入完成：${p.title}`, `Import written: ${p.title}`] : [`导入失败，未写入任何数据：${p.title}`, `Import failed, nothing written: ${p.title}`],
  CREDIT_FACTS_STALE: (p) => {
    const [zh, en] = FACTS[p.facts?.[0] ?? ''] ?? ['信用信息', 'credit facts'];
    return [`${p.title}的${zh}将于${p.date}失效，届时资格判断将为“未知”`, `The ${en} of ${p.title} goes stale on ${p.date}: eligibility answers turn UNKNOWN then`];
  },
};
