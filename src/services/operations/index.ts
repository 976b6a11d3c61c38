// Every operation of the newsroom in one table. A door binds each name to its transport: src/api/routes.ts to
// a method and path (it must bind them all), src/newsroom/ to forms.
import { ARTICLE_ACTIONS, articleOperations } from './articles.ts';
import { deskOperations } from './desk.ts';
import { tagOperations } from './tags.ts';
import { pageOperations } from './pages.ts';
import type { OperationDef } from './operation.ts';

export const OPERATIONS = {
  ...articleOperations,
  ...ARTICLE_ACTIONS,
  ...deskOperations,
  ...tagOperations,
  ...pageOperations,
} satisfies Record<string, OperationDef<any, any, any>>;
export type OperationName = keyof typeof OPERATIONS;

export { ARTICLE_ACTIONS, type ArticleActionName } from './articles.ts';
export { checkRole, defineOperation, perform, type OperationDef } from './operation.ts';
