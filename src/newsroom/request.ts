// What every newsroom route reads from a request: the article id in its path, and how it builds the page context.
import type { FastifyRequest } from 'fastify';
import { MAX_ID } from '../domain/urls.ts';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import type { NewsroomContext } from './views/layout.tsx';

const idParam = z.object({
  id: z.coerce.number().int().positive().max(MAX_ID),
});
export const articleId = (req: FastifyRequest) => {
  const r = idParam.safeParse(req.params);
  if (!r.success) throw new AppError('ARTICLE_NOT_FOUND');
  return r.data.id;
};

export type CtxOf = (req: FastifyRequest) => NewsroomContext;
