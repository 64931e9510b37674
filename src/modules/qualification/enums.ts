import { registerEnumType } from 'type-graphql';

/**
 * The honours and registrations an enterprise of the zone is recognised by, besides the high-tech certificate (which
 * has its own record: its number, criteria version and three-year term are rules of their own). Each is granted by an
 * authority, under a number, for a stated period; pilots and banks read them as "holds X on the date".
 */
export enum QualificationKind {
  TECH_SME = 'TECH_SME',
  INNOVATIVE_SME = 'INNOVATIVE_SME',
  PROVINCIAL_SPECIALIZED_SME = 'PROVINCIAL_SPECIALIZED_SME',
  LITTLE_GIANT = 'LITTLE_GIANT',
  SINGLE_ITEM_CHAMPION = 'SINGLE_ITEM_CHAMPION',
  GAZELLE = 'GAZELLE',
  UNICORN = 'UNICORN',
  POTENTIAL_UNICORN = 'POTENTIAL_UNICORN',
}
registerEnumType(QualificationKind, {
  name: 'QualificationKind',
  description: 'A recognition (资质) an enterprise holds for a period, under a number given by its issuer.',
  valuesConfig: {
    TECH_SME: {
      description: 'Tech SME (科技型中小企业, 国科发政〔2017〕115号): registered each year after a self-evaluation, under a registration number (入库登记编号).',
    },
    INNOVATIVE_SME: { description: 'Innovative SME (创新型中小企业), recognized by the provincial industry and information technology department (优质中小企业梯度培育).' },
    PROVINCIAL_SPECIALIZED_SME: {
      description: 'Provincial specialized, refined, distinctive and innovative SME (省级专精特新中小企业).',
    },
    LITTLE_GIANT: { description: 'National “little giant” specialized and innovative enterprise (专精特新“小巨人”企业), named by the Ministry of Industry and Information Technology.' },
    SINGLE_ITEM_CHAMPION: { description: 'Manufacturing single-item champion (制造业单项冠军), national.' },
    GAZELLE: { description: 'Gazelle enterprise (瞪羚企业): on the list of high-growth enterprises.' },
    UNICORN: { description: 'Unicorn enterprise (独角兽企业).' },
    POTENTIAL_UNICORN: { description: 'Potential unicorn enterprise (潜在独角兽企业).' },
  },
});
