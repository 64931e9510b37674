import type { Pair } from '../../../text';

/**
 * The facts a correction, void or update keeps before and after (`RecordChange.before`/`after`, by the field names of
 * the record's type), as a person reads them. A field missing here is shown by its name.
 */
export const FIELD_LABELS: Record<string, Pair> = {
  version: ['版本', 'Version'],
  voidedAt: ['作废时间', 'Voided at'],
  // patents and their appraisals
  number: ['专利号', 'Patent number'],
  title: ['名称', 'Title'],
  legalStatus: ['法律状态', 'Legal status'],
  grantedOn: ['授权公告日', 'Granted on'],
  appraiser: ['评估机构', 'Appraiser'],
  value: ['评估价值', 'Appraised value'],
  appraisedOn: ['评估日期', 'Appraised on'],
  // credit standing
  rating: ['信用等级', 'Rating'],
  agency: ['评级机构', 'Agency'],
  ratedOn: ['评级日期', 'Rated on'],
  validUntil: ['有效期至', 'Valid until'],
  checkedOn: ['查询日期', 'Checked on'],
  wasListed: ['是否列入失信名单', 'Listed'],
  source: ['查询来源', 'Source'],
  // financing instruments
  amount: ['金额', 'Amount'],
  status: ['状态', 'Status'],
  startsOn: ['起始日期', 'Starts on'],
  endsOn: ['到期日期', 'Ends on'],
  interestRate: ['利率', 'Interest rate'],
  termMonths: ['期限（月）', 'Term (months)'],
  contractNumber: ['合同编号', 'Contract number'],
  ratingUsed: ['所用评级', 'Rating used'],
  premium: ['保费', 'Premium'],
  subsidyClaimed: ['申领补贴', 'Subsidy claimed'],
  subsidyApproved: ['核定补贴', 'Subsidy approved'],
  policyNumber: ['保单号', 'Policy number'],
  coupon: ['票面利率', 'Coupon'],
  tenorMonths: ['期限（月）', 'Tenor (months)'],
  stake: ['持股比例', 'Stake'],
  coverageRatio: ['补偿比例', 'Coverage ratio'],
  cap: ['补偿上限', 'Cap'],
};
