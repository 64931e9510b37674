export { ViewerResolver } from './viewer.resolver';
export { ActorResolver } from './actor.resolver';
export { Actor } from './actor';
