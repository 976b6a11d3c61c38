// Shared by the API suites: a fresh world per route (an article in the status the route needs, a token to
// revoke, a user to re-role), and JSON requests as the admin's session sends them.
import type { InjectOptions } from 'fastify';
import type { ApiRoute } from '../../src/api/routes.ts';
import { richArticle, routeKey } from './inventory.ts';
import type { World } from './world.ts';

/** The article status each route needs to succeed (as in src/api/roles.test.ts). */
const NEEDS: Record<string, 'draft' | 'in_review' | 'published' | 'held'> = {
  publish: 'in_review',
  schedule: 'in_review',
  draft: 'in_review',
  unpublish: 'published',
  corrections: 'published',
  // Published, then saved again: changes readers do not see yet, to update or discard.
  update: 'held',
  discard: 'held',
};

let twins = 0;

export async function stateFor(w: World, route: ApiRoute) {
  const action = route.url.split('/').at(-1)!;
  const { id } = await w.app.services.content.create(w.people.writer.actor, richArticle(w, `Target of ${routeKey(route)}`));
  const needs = NEEDS[action] ?? 'draft';
  if (needs !== 'draft') await w.app.services.workflow.submit(w.people.writer.actor, id);
  if (needs === 'published' || needs === 'held') await w.app.services.workflow.publish(w.people.editor.actor, id);
  if (needs === 'held')
    await w.app.services.content.save(w.people.editor.actor, id, richArticle(w, `Held change of ${routeKey(route)}`), 1);
  const token = await w.app.services.auth.createApiToken(w.people.admin.user.id, 'to revoke');
  const { store } = w.t;
  const tagId = (await store.tags.bySlug(w.tagSlug))!.id;
  // A merge removes its source, so each merge request gets one of its own.
  const merges = route.url.endsWith('/merge');
  const mergePersonId = merges
    ? await store.taxonomy.createPerson({ slug: `twin-${++twins}`, name: 'Twin', title: '', bio: '' })
    : undefined;
  const mergeTagId = merges ? await store.taxonomy.ensureTag(`twin-topic-${++twins}`, 'Twin topic') : undefined;
  // A static page of its own for each request on one (a delete removes it; unpublishing needs it published).
  const pageId = route.url.startsWith('/api/v1/pages/:id')
    ? (await w.app.services.pages.create(w.people.editor.actor, { title: 'Target page', slug: `target-page-${++twins}` })).id
    : undefined;
  if (pageId && action === 'unpublish') await w.app.services.pages.publish(w.people.editor.actor, pageId);
  return {
    articleId: id,
    revision: needs === 'held' ? 2 : 1,
    tokenId: token.id,
    userId: w.people.writer2.user.id,
    mergePersonId,
    tagId,
    mergeTagId,
    pageId,
  };
}

/** For requests refused before they touch anything: the world's own draft. */
export const sharedState = (w: World) => ({ articleId: w.draftId, revision: 1, tokenId: 1, userId: w.people.writer2.user.id });

/**
 * A JSON request. Bulk requests use the admin's session (cookie and CSRF header): an API token request costs a
 * write on every call (the token's last use), which on PostgreSQL is a disk flush; tokens have their own tests.
 */
export function json(
  w: World,
  method: string,
  url: string,
  body: unknown,
  headers: Record<string, string> = w.session.headers(),
): InjectOptions {
  return {
    method: method as InjectOptions['method'],
    url,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  };
}
