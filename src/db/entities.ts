/**
 * Every MikroORM entity, listed rather than discovered by folder scan so that the same list works from TypeScript
 * (jest) and from the compiled `dist/`. A module adds its entities here.
 */
export const entities: Function[] = [];
