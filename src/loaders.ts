import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The request's DataLoaders, created with its context so nothing is cached across requests or viewers.
 * Modules add their loaders here as lazily built getters; a field resolver never queries once per parent.
 */
export class Loaders {
  constructor(protected readonly em: EntityManager) {}
}
