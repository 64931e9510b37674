import { Entity, Enum, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../common/node';
import { BaseEntity } from '../../common/base.entity';

export enum InstitutionKind {
  UNIVERSITY = 'UNIVERSITY',
  RESEARCH_INSTITUTE = 'RESEARCH_INSTITUTE',
}
registerEnumType(InstitutionKind, {
  name: 'InstitutionKind',
  description: 'What kind of institution it is.',
  valuesConfig: {
    UNIVERSITY: { description: 'A university (高等学校): may own university enterprises (校办企业).' },
    RESEARCH_INSTITUTE: { description: 'A research institute (科研院所), e.g. of the Chinese Academy of Sciences.' },
  },
});

/** A university or research institute: owner of university enterprises, partner in 产学研 projects. */
@ObjectType({
  implements: Node,
  description:
    'A university or research institute: the owner of university enterprises (校办企业) and a partner in industry–university–research projects (产学研合作). Reference data, listed by `institutions`.',
})
@Entity()
export class Institution extends BaseEntity {
  @Field({ description: 'Its Chinese name, unique (e.g. 华中科技大学).' })
  @Unique()
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Its English name; null when none is recorded.' })
  @Property({ type: 'text', nullable: true })
  nameEn: string | null = null;

  @Field(() => InstitutionKind, { description: 'A university or a research institute.' })
  @Enum({ items: () => InstitutionKind, nativeEnumName: 'institution_kind' })
  kind!: InstitutionKind;
}
