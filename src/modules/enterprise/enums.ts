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
