// Who may do what in the newsroom. One table, checked on the server for every page and API call.
import type { ArticleStatus } from './article.ts';

export const ROLES = ['writer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const OPERATIONS = [
  'article.create',
  'article.edit',
  'article.submit',
  'article.publish',
  'article.schedule',
  'article.unpublish',
  'article.correct',
  'article.restore',
  'article.view',
  'section.manage',
  'collection.manage',
  'person.manage',
  'tag.manage',
  'page.manage',
  'media.upload',
  'media.edit',
  'user.manage',
  'audit.view',
  'token.manage',
] as const;
export type Operation = (typeof OPERATIONS)[number];

export interface Actor {
  id: number;
  role: Role;
}

/** The article facts that decide a writer's rights: whose it is and where it stands. */
export interface ArticleFacts {
  createdBy: number | null;
  status: ArticleStatus;
}

/** For pictures, only whose it is (the uploader). */
export interface MediaFacts {
  createdBy: number | null;
}

const RANK: Record<Role, number> = { writer: 1, editor: 2, admin: 3 };

/** The least role each operation needs. Writers' rights on articles are narrowed further below. */
const MINIMUM: Record<Operation, Role> = {
  'article.create': 'writer',
  'article.edit': 'writer',
  'article.submit': 'writer',
  'article.restore': 'writer',
  'article.view': 'writer',
  'article.publish': 'editor',
  'article.schedule': 'editor',
  'article.unpublish': 'editor',
  'article.correct': 'editor',
  'section.manage': 'editor',
  'collection.manage': 'editor',
  'person.manage': 'editor',
  'tag.manage': 'editor',
  'page.manage': 'editor',
  'media.upload': 'writer',
  'media.edit': 'writer',
  'user.manage': 'admin',
  'audit.view': 'admin',
  'token.manage': 'writer',
};

/** Statuses in which a writer may still change their own article: once it is scheduled or live, editors own it. */
const WRITER_EDITABLE: readonly ArticleStatus[] = ['draft', 'in_review'];

export function can(actor: Actor, op: Operation, facts?: ArticleFacts | MediaFacts): boolean {
  if (RANK[actor.role] < RANK[MINIMUM[op]]) return false;
  if (actor.role !== 'writer' || !facts) return true;
  const own = facts.createdBy === actor.id;
  if (op === 'media.edit') return own; // its alt, caption and credit show on other people's articles
  if (!('status' in facts)) return true;
  const article = facts;
  switch (op) {
    case 'article.view':
      return own || article.status === 'published';
    case 'article.edit':
    case 'article.restore':
      return own && WRITER_EDITABLE.includes(article.status);
    case 'article.submit':
      return own && article.status === 'draft';
    default:
      return true;
  }
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
