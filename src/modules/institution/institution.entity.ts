import { Entity, Enum, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../common/node';
import { BaseEntity } from '../../common/base.entity';

export enum InstitutionKind {
  UNIVERSITY = 'UNIVERSITY',
  RESEARCH_INSTITUTE = 'RESEARCH_INSTITUTE',
}
registerEnumType(InstitutionKind, { name: 'InstitutionKind' });

/** A university or research institute: owner of university enterprises, partner in 产学研 projects. */
@ObjectType({ implements: Node, description: 'A university or research institute.' })
@Entity()
export class Institution extends BaseEntity {
  @Field()
  @Unique()
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  nameEn: string | null = null;

  @Field(() => InstitutionKind)
  @Enum({ items: () => InstitutionKind, nativeEnumName: 'institution_kind' })
  kind!: InstitutionKind;
}
