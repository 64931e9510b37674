export { ViewerResolver } from './viewer.resolver';
