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
