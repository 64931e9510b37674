import { registerEnumType } from 'type-graphql';

/** The zone's industries (DOMAIN.md "Zone industries"). */
export enum Industry {
  OPTOELECTRONIC_INFORMATION = 'OPTOELECTRONIC_INFORMATION',
  BIOMEDICINE = 'BIOMEDICINE',
  ENERGY_SAVING_ENVIRONMENTAL = 'ENERGY_SAVING_ENVIRONMENTAL',
  HIGH_END_EQUIPMENT = 'HIGH_END_EQUIPMENT',
  HIGH_TECH_SERVICES = 'HIGH_TECH_SERVICES',
  INTEGRATED_CIRCUITS = 'INTEGRATED_CIRCUITS',
  NEW_DISPLAYS = 'NEW_DISPLAYS',
  NEW_MATERIALS = 'NEW_MATERIALS',
  NEW_ENERGY = 'NEW_ENERGY',
}
registerEnumType(Industry, {
  name: 'Industry',
  valuesConfig: {
    OPTOELECTRONIC_INFORMATION: { description: '光电子信息 (fibre, optical communication, lasers): the pillar.' },
    BIOMEDICINE: { description: '生物医药 (strategic).' },
    ENERGY_SAVING_ENVIRONMENTAL: { description: '节能环保 (strategic).' },
    HIGH_END_EQUIPMENT: { description: '高端装备制造 (strategic).' },
    HIGH_TECH_SERVICES: { description: '高技术服务业 (pioneer).' },
    INTEGRATED_CIRCUITS: { description: '集成电路.' },
    NEW_DISPLAYS: { description: '新型显示.' },
    NEW_MATERIALS: { description: '新材料.' },
    NEW_ENERGY: { description: '新能源.' },
  },
});

/**
 * The eight national high-tech fields (国家重点支持的高新技术领域, the annex of 国科发火〔2016〕32号, and of
 * 〔2008〕172号 before it): a classification of the technology of an enterprise's main products or services, which
 * high-tech certification requires. Not the zone's industry: a laser maker of the optoelectronics cluster may be
 * classified under advanced manufacturing.
 */
export enum HighTechField {
  ELECTRONIC_INFORMATION = 'ELECTRONIC_INFORMATION',
  BIOLOGY_AND_NEW_MEDICINE = 'BIOLOGY_AND_NEW_MEDICINE',
  AEROSPACE = 'AEROSPACE',
  NEW_MATERIALS = 'NEW_MATERIALS',
  HIGH_TECH_SERVICES = 'HIGH_TECH_SERVICES',
  NEW_ENERGY_AND_ENERGY_SAVING = 'NEW_ENERGY_AND_ENERGY_SAVING',
  RESOURCES_AND_ENVIRONMENT = 'RESOURCES_AND_ENVIRONMENT',
  ADVANCED_MANUFACTURING_AND_AUTOMATION = 'ADVANCED_MANUFACTURING_AND_AUTOMATION',
}
registerEnumType(HighTechField, {
  name: 'HighTechField',
  description: 'The national high-tech fields (国家重点支持的高新技术领域) an enterprise’s core technology is classified under.',
  valuesConfig: {
    ELECTRONIC_INFORMATION: { description: '电子信息' },
    BIOLOGY_AND_NEW_MEDICINE: { description: '生物与新医药' },
    AEROSPACE: { description: '航空航天' },
    NEW_MATERIALS: { description: '新材料' },
    HIGH_TECH_SERVICES: { description: '高技术服务' },
    NEW_ENERGY_AND_ENERGY_SAVING: { description: '新能源与节能' },
    RESOURCES_AND_ENVIRONMENT: { description: '资源与环境' },
    ADVANCED_MANUFACTURING_AND_AUTOMATION: { description: '先进制造与自动化' },
  },
});

/**
 * The national economic classification of an enterprise's principal business (国民经济行业分类, GB/T 4754): its door
 * categories (门类 A–T), with two of them split where tax rules draw a line inside a door: tobacco (烟草制品业, division
 * 16) apart from the rest of manufacturing (C), and entertainment (娱乐业, division 90) apart from the rest of culture and
 * sports (R). Those are exactly the divisions the R&D super-deduction's negative list names (财税〔2015〕119号, which reads
 * GB/T 4754 by the principal business: over 50% of income); the 100% rate of 财税〔2021〕13号 reads manufacturing (C).
 * Not the zone's industry (a cluster of the zone's own) nor the high-tech field (a classification of technology).
 */
export enum EconomicSector {
  AGRICULTURE = 'AGRICULTURE',
  MINING = 'MINING',
  MANUFACTURING = 'MANUFACTURING',
  TOBACCO_MANUFACTURING = 'TOBACCO_MANUFACTURING',
  UTILITIES = 'UTILITIES',
  CONSTRUCTION = 'CONSTRUCTION',
  WHOLESALE_AND_RETAIL = 'WHOLESALE_AND_RETAIL',
  TRANSPORT_AND_POSTAL = 'TRANSPORT_AND_POSTAL',
  ACCOMMODATION_AND_CATERING = 'ACCOMMODATION_AND_CATERING',
  INFORMATION_AND_SOFTWARE = 'INFORMATION_AND_SOFTWARE',
  FINANCE = 'FINANCE',
  REAL_ESTATE = 'REAL_ESTATE',
  LEASING_AND_BUSINESS_SERVICES = 'LEASING_AND_BUSINESS_SERVICES',
  RESEARCH_AND_TECHNICAL_SERVICES = 'RESEARCH_AND_TECHNICAL_SERVICES',
  WATER_ENVIRONMENT_AND_PUBLIC_FACILITIES = 'WATER_ENVIRONMENT_AND_PUBLIC_FACILITIES',
  RESIDENT_SERVICES = 'RESIDENT_SERVICES',
  EDUCATION = 'EDUCATION',
  HEALTH_AND_SOCIAL_WORK = 'HEALTH_AND_SOCIAL_WORK',
  CULTURE_AND_SPORTS = 'CULTURE_AND_SPORTS',
  ENTERTAINMENT = 'ENTERTAINMENT',
  PUBLIC_ADMINISTRATION = 'PUBLIC_ADMINISTRATION',
  INTERNATIONAL_ORGANISATIONS = 'INTERNATIONAL_ORGANISATIONS',
}
registerEnumType(EconomicSector, {
  name: 'EconomicSector',
  description: 'The GB/T 4754 door category (门类) of the principal business; tobacco and entertainment apart from their doors.',
  valuesConfig: {
    AGRICULTURE: { description: 'A 农、林、牧、渔业' },
    MINING: { description: 'B 采矿业' },
    MANUFACTURING: { description: 'C 制造业, except tobacco (16)' },
    TOBACCO_MANUFACTURING: { description: 'C 16 烟草制品业' },
    UTILITIES: { description: 'D 电力、热力、燃气及水生产和供应业' },
    CONSTRUCTION: { description: 'E 建筑业' },
    WHOLESALE_AND_RETAIL: { description: 'F 批发和零售业' },
    TRANSPORT_AND_POSTAL: { description: 'G 交通运输、仓储和邮政业' },
    ACCOMMODATION_AND_CATERING: { description: 'H 住宿和餐饮业' },
    INFORMATION_AND_SOFTWARE: { description: 'I 信息传输、软件和信息技术服务业' },
    FINANCE: { description: 'J 金融业' },
    REAL_ESTATE: { description: 'K 房地产业' },
    LEASING_AND_BUSINESS_SERVICES: { description: 'L 租赁和商务服务业' },
    RESEARCH_AND_TECHNICAL_SERVICES: { description: 'M 科学研究和技术服务业' },
    WATER_ENVIRONMENT_AND_PUBLIC_FACILITIES: { description: 'N 水利、环境和公共设施管理业' },
    RESIDENT_SERVICES: { description: 'O 居民服务、修理和其他服务业' },
    EDUCATION: { description: 'P 教育' },
    HEALTH_AND_SOCIAL_WORK: { description: 'Q 卫生和社会工作' },
    CULTURE_AND_SPORTS: { description: 'R 文化、体育和娱乐业, except entertainment (90)' },
    ENTERTAINMENT: { description: 'R 90 娱乐业' },
    PUBLIC_ADMINISTRATION: { description: 'S 公共管理、社会保障和社会组织' },
    INTERNATIONAL_ORGANISATIONS: { description: 'T 国际组织' },
  },
});

/** Size class, which sets the equity-incentive caps (large / medium / small). */
export enum EnterpriseSize {
  LARGE = 'LARGE',
  MEDIUM = 'MEDIUM',
  SMALL = 'SMALL',
  MICRO = 'MICRO',
}
registerEnumType(EnterpriseSize, { name: 'EnterpriseSize' });

/** The criteria version a high-tech certificate was granted under. */
export enum HighTechCriteriaVersion {
  RULES_2008 = 'RULES_2008',
  RULES_2016 = 'RULES_2016',
}
registerEnumType(HighTechCriteriaVersion, { name: 'HighTechCriteriaVersion' });

/**
 * The kinds of state-owned tech enterprise 财资〔2016〕4号 covers (its article 2, as 财资〔2018〕54号 widened it): the
 * TECH_ENTERPRISE_TYPE criterion names which of them a rule version admits.
 */
export enum TechEnterpriseType {
  HIGH_TECH = 'HIGH_TECH',
  CONVERTED_INSTITUTE = 'CONVERTED_INSTITUTE',
  INVESTED_BY_CONVERTED_INSTITUTE = 'INVESTED_BY_CONVERTED_INSTITUTE',
  INVESTED_BY_ACADEMIA = 'INVESTED_BY_ACADEMIA',
  TECH_SME = 'TECH_SME',
}
registerEnumType(TechEnterpriseType, {
  name: 'TechEnterpriseType',
  description: 'A kind of tech enterprise the state-owned equity incentive rules cover.',
  valuesConfig: {
    HIGH_TECH: { description: '国家认定的高新技术企业: a high-tech certificate valid on the date.' },
    CONVERTED_INSTITUTE: { description: '转制院所企业: a converted research institute (Enterprise.convertedInstitute).' },
    INVESTED_BY_CONVERTED_INSTITUTE: { description: '转制院所所投资的科技企业 (from 财资〔2018〕54号; Enterprise.investedByConvertedInstitute).' },
    INVESTED_BY_ACADEMIA: { description: '高等院校和科研院所投资的科技企业: an owning university, or Enterprise.investedByAcademia.' },
    TECH_SME: { description: '纳入全国科技型中小企业信息库: a TECH_SME qualification valid on the date.' },
  },
});
