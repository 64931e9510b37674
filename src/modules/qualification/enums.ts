import { registerEnumType } from 'type-graphql';

/**
 * The honours and registrations an enterprise of the zone is recognised by, besides the high-tech certificate (which
 * has its own record: its number, criteria version and three-year term are rules of their own). Each is granted by an
 * authority, under a number, for a stated period; pilots and banks read them as "holds X on the date".
 */
export enum QualificationKind {
  TECH_SME = 'TECH_SME',
  INNOVATIVE_SME = 'INNOVATIVE_SME',
  PROVINCIAL_SPECIALISED_SME = 'PROVINCIAL_SPECIALISED_SME',
  LITTLE_GIANT = 'LITTLE_GIANT',
  SINGLE_ITEM_CHAMPION = 'SINGLE_ITEM_CHAMPION',
  GAZELLE = 'GAZELLE',
  UNICORN = 'UNICORN',
  POTENTIAL_UNICORN = 'POTENTIAL_UNICORN',
}
registerEnumType(QualificationKind, {
  name: 'QualificationKind',
  description: 'A recognition an enterprise holds for a period, under a number given by its issuer.',
  valuesConfig: {
    TECH_SME: { description: '科技型中小企业 (国科发政〔2017〕115号): registered each year after a self-evaluation (入库登记编号).' },
    INNOVATIVE_SME: { description: '创新型中小企业 (优质中小企业梯度培育, provincial industry and IT department).' },
    PROVINCIAL_SPECIALISED_SME: { description: '省级专精特新中小企业 (specialised, refined, distinctive and innovative SME of the province).' },
    LITTLE_GIANT: { description: '专精特新“小巨人”企业 (national, Ministry of Industry and Information Technology).' },
    SINGLE_ITEM_CHAMPION: { description: '制造业单项冠军 (manufacturing single-item champion, national).' },
    GAZELLE: { description: '瞪羚企业 (high-growth enterprise list).' },
    UNICORN: { description: '独角兽企业.' },
    POTENTIAL_UNICORN: { description: '潜在独角兽企业.' },
  },
});
