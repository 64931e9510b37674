import { creditCodeCheckCharacter } from '../src/common/credit-code';
import { seedUuid } from './random';

/**
 * The zone's reference data: parks, clusters, universities and institutes, partner banks with their tech
 * sub-branches (and the planned Optics Valley Bank), insurers, funds and risk compensation pools.
 * Names follow the source text and the East Lake zone; credit codes are made up but valid.
 */

/** A valid credit code: registration authority 9, enterprise 1, division, 9-character subject, check character. */
export function makeCreditCode(division: string, subject: string): string {
  const first17 = `91${division}${subject}`;
  return first17 + creditCodeCheckCharacter(first17);
}

export const PARKS = [
  { code: 'OPTICS_VALLEY_SOFTWARE', name: '光谷软件园', nameEn: 'Optics Valley Software Park' },
  { code: 'BIOLAKE', name: '光谷生物城', nameEn: 'Biolake' },
  { code: 'FUTURE_CITY', name: '光谷未来科技城', nameEn: 'Future Science and Technology City' },
  { code: 'CENTRAL_CITY', name: '光谷中心城', nameEn: 'Optics Valley Central City' },
  { code: 'BONDED_ZONE', name: '东湖综合保税区', nameEn: 'East Lake Comprehensive Bonded Zone' },
  { code: 'OPTOELECTRONICS_PARK', name: '光电子信息产业园', nameEn: 'Optoelectronic Information Industrial Park' },
  { code: 'SMART_MANUFACTURING', name: '光谷智能制造产业园', nameEn: 'Optics Valley Smart Manufacturing Park' },
  { code: 'UNIVERSITY_SCIENCE_PARK', name: '东湖大学科技园', nameEn: 'East Lake University Science Park' },
].map((p) => ({ id: seedUuid(`park:${p.code}`), ...p }));

export const CLUSTERS = [
  { code: 'OPTICAL_COMMUNICATION', name: '光通信产业集群', nameEn: 'Optical communication cluster' },
  { code: 'LASER', name: '激光产业集群', nameEn: 'Laser cluster' },
  { code: 'BIOMEDICINE', name: '生物医药产业集群', nameEn: 'Biomedicine cluster' },
  { code: 'INTEGRATED_CIRCUITS', name: '集成电路产业集群', nameEn: 'Integrated circuits cluster' },
  { code: 'NEW_DISPLAYS', name: '新型显示产业集群', nameEn: 'New displays cluster' },
  { code: 'ENERGY_SAVING', name: '节能环保产业集群', nameEn: 'Energy saving and environmental cluster' },
].map((c) => ({ id: seedUuid(`cluster:${c.code}`), ...c }));

export const INSTITUTIONS = [
  { key: 'HUST', name: '华中科技大学', nameEn: 'Huazhong University of Science and Technology', kind: 'UNIVERSITY' },
  { key: 'WHU', name: '武汉大学', nameEn: 'Wuhan University', kind: 'UNIVERSITY' },
  { key: 'WUT', name: '武汉理工大学', nameEn: 'Wuhan University of Technology', kind: 'UNIVERSITY' },
  { key: 'CCNU', name: '华中师范大学', nameEn: 'Central China Normal University', kind: 'UNIVERSITY' },
  { key: 'CUG', name: '中国地质大学（武汉）', nameEn: 'China University of Geosciences (Wuhan)', kind: 'UNIVERSITY' },
  { key: 'HZAU', name: '华中农业大学', nameEn: 'Huazhong Agricultural University', kind: 'UNIVERSITY' },
  { key: 'WIPM', name: '中国科学院精密测量科学与技术创新研究院', nameEn: 'CAS Innovation Academy for Precision Measurement', kind: 'RESEARCH_INSTITUTE' },
  { key: 'WIV', name: '中国科学院武汉病毒研究所', nameEn: 'Wuhan Institute of Virology, CAS', kind: 'RESEARCH_INSTITUTE' },
  { key: 'WNLO', name: '武汉光电国家研究中心', nameEn: 'Wuhan National Laboratory for Optoelectronics', kind: 'RESEARCH_INSTITUTE' },
].map((i) => ({ id: seedUuid(`institution:${i.key}`), ...i }));

export const institutionId = (key: string) => INSTITUTIONS.find((i) => i.key === key)!.id;

/**
 * Each bank's code carries the division where its head office is registered: the big state banks in Beijing,
 * 招商银行 in Shenzhen, 交通银行 in Shanghai, 汉口银行 (and the planned Optics Valley Bank) in Wuhan, 湖北银行 with
 * the province. Before, every one said Beijing.
 */
export const BANKS = [
  { key: 'ICBC', name: '中国工商银行', nameEn: 'Industrial and Commercial Bank of China', partner: true, planned: false, division: '110000' },
  { key: 'BOC', name: '中国银行', nameEn: 'Bank of China', partner: true, planned: false, division: '110000' },
  { key: 'CCB', name: '中国建设银行', nameEn: 'China Construction Bank', partner: true, planned: false, division: '110000' },
  { key: 'CMB', name: '招商银行', nameEn: 'China Merchants Bank', partner: true, planned: false, division: '440300' },
  { key: 'HANKOU', name: '汉口银行', nameEn: 'Hankou Bank', partner: true, planned: false, division: '420100' },
  { key: 'HUBEI', name: '湖北银行', nameEn: 'Bank of Hubei', partner: true, planned: false, division: '420000' },
  { key: 'BOCOM', name: '交通银行', nameEn: 'Bank of Communications', partner: false, planned: false, division: '310000' },
  { key: 'OVB', name: '光谷银行（筹）', nameEn: 'Optics Valley Bank (planned)', partner: false, planned: true, division: '420100' },
].map(({ division, ...b }, i) => ({
  id: seedUuid(`bank:${b.key}`),
  creditCode: makeCreditCode(division, `10000${String(i + 1).padStart(3, '0')}X`.slice(0, 9)),
  ...b,
}));

export const bankId = (key: string) => BANKS.find((b) => b.key === key)!.id;

export const BRANCHES = [
  { bank: 'ICBC', name: '中国工商银行武汉东湖开发区科技支行', tech: true },
  { bank: 'ICBC', name: '中国工商银行武汉光谷支行', tech: false },
  { bank: 'BOC', name: '中国银行武汉东湖高新支行', tech: false },
  { bank: 'CCB', name: '中国建设银行武汉光谷科技支行', tech: true },
  { bank: 'CMB', name: '招商银行武汉光谷科技支行', tech: true },
  { bank: 'HANKOU', name: '汉口银行光谷科技支行', tech: true },
  { bank: 'HANKOU', name: '汉口银行东湖支行', tech: false },
  { bank: 'HUBEI', name: '湖北银行东湖开发区科技支行', tech: true },
  { bank: 'BOCOM', name: '交通银行武汉东湖支行', tech: false },
].map((b) => ({ id: seedUuid(`branch:${b.name}`), bankId: bankId(b.bank), ...b }));

export const INSURERS = [
  { name: '中国人民财产保险股份有限公司湖北省分公司', nameEn: 'PICC P&C Hubei Branch', reinsurer: false },
  { name: '中国太平洋财产保险股份有限公司湖北分公司', nameEn: 'CPIC P&C Hubei Branch', reinsurer: false },
  { name: '中国平安财产保险股份有限公司湖北分公司', nameEn: 'Ping An P&C Hubei Branch', reinsurer: false },
  { name: '中国财产再保险有限责任公司', nameEn: 'China Property & Casualty Reinsurance', reinsurer: true },
  { name: '瑞士再保险股份有限公司北京分公司', nameEn: 'Swiss Re Beijing Branch', reinsurer: true },
].map((i) => ({ id: seedUuid(`insurer:${i.name}`), ...i }));

export const FUNDS = [
  { name: '东湖高新区自主创新产业发展基金', manager: '武汉光谷产业投资有限公司', type: 'ZONE_INNOVATION_FUND' },
  { name: '武汉光谷天使投资基金', manager: '武汉光谷创新投资基金管理有限公司', type: 'ANGEL' },
  { name: '光谷创业投资基金', manager: '武汉光谷创业投资管理有限公司', type: 'VENTURE' },
  { name: '湖北省高新技术产业投资引导基金', manager: '湖北省高新技术产业投资有限公司', type: 'GUIDANCE' },
  { name: '国家科技成果转化引导基金子基金（光谷）', manager: '武汉科技成果转化投资管理有限公司', type: 'GUIDANCE' },
  { name: '武汉光谷股权投资基金', manager: '武汉光谷股权投资管理有限公司', type: 'PRIVATE_EQUITY' },
].map((f) => ({ id: seedUuid(`fund:${f.name}`), ...f }));

export const POOLS = [
  {
    name: '东湖高新区科技型中小企业信贷风险补偿资金池',
    manager: '东湖高新区管委会财政局',
    contributors: ['东湖高新区管委会', '湖北省科技厅', '合作银行'],
    coverageRatio: '40',
    capPerLoan: '5000000',
  },
  {
    name: '光谷中小企业贷款互助基金',
    manager: '武汉光谷中小企业服务中心',
    contributors: ['会员企业', '东湖高新区管委会'],
    coverageRatio: '30',
    capPerLoan: '2000000',
  },
].map((p) => ({ id: seedUuid(`pool:${p.name}`), ...p }));

export const OTC_CENTRE = '武汉股权托管交易中心';
export const BROKERS = ['长江证券', '天风证券', '国信证券', '华创证券', '东方证券'];
export const UNDERWRITERS = ['国家开发银行湖北省分行', '长江证券', '中信证券', '汉口银行'];
export const GUARANTORS = ['武汉信用风险管理融资担保有限公司', '湖北省融资担保集团', '武汉光谷融资担保有限公司'];
export const APPRAISERS = ['湖北中联资产评估有限公司', '北京连城资产评估有限公司', '武汉知识产权评估中心'];
