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
  description: 'The industries of the zone (园区产业): the pillar, the strategic emerging ones, the pioneer, and those added later.',
  valuesConfig: {
    OPTOELECTRONIC_INFORMATION: { description: 'Optoelectronic information (光电子信息): optical fiber and communication, lasers; the pillar industry.' },
    BIOMEDICINE: { description: 'Biomedicine (生物医药): a strategic emerging industry.' },
    ENERGY_SAVING_ENVIRONMENTAL: { description: 'Energy saving and environmental protection (节能环保): a strategic emerging industry.' },
    HIGH_END_EQUIPMENT: { description: 'High-end equipment manufacturing (高端装备制造): a strategic emerging industry.' },
    HIGH_TECH_SERVICES: { description: 'High-tech services (高技术服务业): the pioneer industry.' },
    INTEGRATED_CIRCUITS: { description: 'Integrated circuits (集成电路).' },
    NEW_DISPLAYS: { description: 'New displays (新型显示).' },
    NEW_MATERIALS: { description: 'New materials (新材料).' },
    NEW_ENERGY: { description: 'New energy (新能源).' },
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
    ELECTRONIC_INFORMATION: { description: 'Electronic information (电子信息).' },
    BIOLOGY_AND_NEW_MEDICINE: { description: 'Biology and new medicine (生物与新医药).' },
    AEROSPACE: { description: 'Aerospace (航空航天).' },
    NEW_MATERIALS: { description: 'New materials (新材料).' },
    HIGH_TECH_SERVICES: { description: 'High-tech services (高技术服务).' },
    NEW_ENERGY_AND_ENERGY_SAVING: { description: 'New energy and energy saving (新能源与节能).' },
    RESOURCES_AND_ENVIRONMENT: { description: 'Resources and environment (资源与环境).' },
    ADVANCED_MANUFACTURING_AND_AUTOMATION: { description: 'Advanced manufacturing and automation (先进制造与自动化).' },
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
  INTERNATIONAL_ORGANIZATIONS = 'INTERNATIONAL_ORGANIZATIONS',
}
registerEnumType(EconomicSector, {
  name: 'EconomicSector',
  description:
    'The national economic classification (国民经济行业分类, GB/T 4754) of the principal business: its door categories (门类 A–T), with tobacco and entertainment apart from their doors.',
  valuesConfig: {
    AGRICULTURE: { description: 'A: agriculture, forestry, animal husbandry and fishery (农、林、牧、渔业).' },
    MINING: { description: 'B: mining (采矿业).' },
    MANUFACTURING: { description: 'C: manufacturing (制造业), except tobacco (division 16).' },
    TOBACCO_MANUFACTURING: { description: 'C 16: tobacco products (烟草制品业).' },
    UTILITIES: { description: 'D: electricity, heat, gas and water production and supply (电力、热力、燃气及水生产和供应业).' },
    CONSTRUCTION: { description: 'E: construction (建筑业).' },
    WHOLESALE_AND_RETAIL: { description: 'F: wholesale and retail trade (批发和零售业).' },
    TRANSPORT_AND_POSTAL: { description: 'G: transport, storage and postal services (交通运输、仓储和邮政业).' },
    ACCOMMODATION_AND_CATERING: { description: 'H: accommodation and catering (住宿和餐饮业).' },
    INFORMATION_AND_SOFTWARE: { description: 'I: information transmission, software and information technology services (信息传输、软件和信息技术服务业).' },
    FINANCE: { description: 'J: finance (金融业).' },
    REAL_ESTATE: { description: 'K: real estate (房地产业).' },
    LEASING_AND_BUSINESS_SERVICES: { description: 'L: leasing and business services (租赁和商务服务业).' },
    RESEARCH_AND_TECHNICAL_SERVICES: { description: 'M: scientific research and technical services (科学研究和技术服务业).' },
    WATER_ENVIRONMENT_AND_PUBLIC_FACILITIES: { description: 'N: water conservancy, environment and public facilities management (水利、环境和公共设施管理业).' },
    RESIDENT_SERVICES: { description: 'O: resident services, repair and other services (居民服务、修理和其他服务业).' },
    EDUCATION: { description: 'P: education (教育).' },
    HEALTH_AND_SOCIAL_WORK: { description: 'Q: health and social work (卫生和社会工作).' },
    CULTURE_AND_SPORTS: { description: 'R: culture, sports and entertainment (文化、体育和娱乐业), except entertainment (division 90).' },
    ENTERTAINMENT: { description: 'R 90: entertainment (娱乐业).' },
    PUBLIC_ADMINISTRATION: { description: 'S: public administration, social security and social organizations (公共管理、社会保障和社会组织).' },
    INTERNATIONAL_ORGANIZATIONS: { description: 'T: international organizations (国际组织).' },
  },
});

/** Size class, which sets the equity-incentive caps (large / medium / small). */
export enum EnterpriseSize {
  LARGE = 'LARGE',
  MEDIUM = 'MEDIUM',
  SMALL = 'SMALL',
  MICRO = 'MICRO',
}
registerEnumType(EnterpriseSize, {
  name: 'EnterpriseSize',
  description: 'The size class of an enterprise (企业规模, by the national SME classification), which sets the equity incentive caps.',
  valuesConfig: {
    LARGE: { description: 'Large (大型企业): equity incentives ≤ 5% of equity in all.' },
    MEDIUM: { description: 'Medium (中型企业): equity incentives ≤ 10% of equity in all.' },
    SMALL: { description: 'Small (小型企业): equity incentives ≤ 30% of equity in all.' },
    MICRO: { description: 'Micro (微型企业): capped as a small enterprise.' },
  },
});

/** The criteria version a high-tech certificate was granted under. */
export enum HighTechCriteriaVersion {
  RULES_2008 = 'RULES_2008',
  RULES_2016 = 'RULES_2016',
}
registerEnumType(HighTechCriteriaVersion, {
  name: 'HighTechCriteriaVersion',
  description: 'The rules a high-tech enterprise certificate (高新技术企业证书) was granted under.',
  valuesConfig: {
    RULES_2008: { description: 'The 2008 rules (国科发火〔2008〕172号); renewals by re-examination were numbered GF….' },
    RULES_2016: { description: 'The 2016 rules (国科发火〔2016〕32号), in force since 2016-01-01.' },
  },
});

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
  description: 'A kind of tech enterprise the state-owned equity and dividend incentive rules (财资〔2016〕4号) cover.',
  valuesConfig: {
    HIGH_TECH: { description: 'A nationally certified high-tech enterprise (国家认定的高新技术企业): a high-tech certificate valid on the date.' },
    CONVERTED_INSTITUTE: { description: 'A converted research institute (转制院所企业): `Enterprise.isConvertedInstitute`.' },
    INVESTED_BY_CONVERTED_INSTITUTE: {
      description: 'A tech enterprise a converted research institute invested in (转制院所所投资的科技企业, added by 财资〔2018〕54号): `Enterprise.isInvestedByConvertedInstitute`.',
    },
    INVESTED_BY_ACADEMIA: {
      description: 'A tech enterprise a university or research institute invested in (高等院校和科研院所投资的科技企业): an owning university, or `Enterprise.isInvestedByAcademia`.',
    },
    TECH_SME: { description: 'A tech SME in the national database (纳入全国科技型中小企业信息库): a TECH_SME qualification valid on the date.' },
  },
});
