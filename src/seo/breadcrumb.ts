// The breadcrumb as data: the visible <Breadcrumb> and the BreadcrumbList JSON-LD are both drawn from this,
// so the two cannot disagree.
import type { Section } from '../domain/model.ts';
import { sectionUrlPath } from '../domain/urls.ts';

export interface Crumb {
  name: string;
  /** Site path, e.g. "/news/europe". */
  path: string;
}

/** Home, then each section from the top level down to `trail`'s last. */
export function breadcrumbCrumbs(trail: Section[]): Crumb[] {
  return [{ name: 'Home', path: '/' }, ...trail.map((s) => ({ name: s.name, path: sectionUrlPath(s.path) }))];
}
