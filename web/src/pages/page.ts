import type { ComponentType } from 'react';
import type { Pair } from '../i18n';

/** A page of the console: where it is, its title in the navigation (when it has a place there), what draws it. */
export interface Page {
  /** A wouter path, e.g. `/enterprises` or `/enterprises/:creditCode`. */
  path: string;
  title: Pair;
  component: ComponentType;
  /** Listed in the navigation (a detail page, reached from a list, is not). */
  nav: boolean;
}
