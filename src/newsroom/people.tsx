// Authors: the people bylines name. Editors add them and change their name, title, bio, photo (chosen from the
// media library), links and address, and merge two records of one person; each change reaches every page with
// the byline (services/newsroom/people.ts). Views: people-views.tsx.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MAX_LINKS, type PersonLink } from '../domain/people.ts';
import { can, type Actor } from '../domain/permissions.ts';
import { MAX_ID } from '../domain/urls.ts';
import { AppError } from '../errors.ts';
import { actorOf } from '../http/auth.ts';
import type { Services } from '../services/index.ts';
import { OPERATIONS, perform } from '../services/operations/index.ts';
import { sendPage } from '../web/render.ts';
import { ConfirmMergeView, EditPersonView, PeopleView, type EditState } from './people-views.tsx';
import type { CtxOf } from './request.ts';

const body = (b: unknown) => (b && typeof b === 'object' ? (b as Record<string, string>) : {});
const query = (req: FastifyRequest) => req.query as Record<string, string | undefined>;
/** An id from the address or a form; anything else names no record. */
const idOf = (v: unknown, what = 'author') => {
  const s = String(v ?? '');
  if (!/^\d{1,10}$/.test(s) || Number(s) < 1 || Number(s) > MAX_ID) throw new AppError('NOT_FOUND', `There is no such ${what}.`);
  return Number(s);
};

/** The links the form sent: rows with both fields empty are dropped; the service checks the rest. */
function linksOf(b: Record<string, string>): PersonLink[] {
  const out: PersonLink[] = [];
  for (let i = 0; i < MAX_LINKS; i++) {
    const label = String(b[`linkLabel${i}`] ?? '').trim();
    const url = String(b[`linkUrl${i}`] ?? '').trim();
    if (label || url) out.push({ label, url });
  }
  return out;
}

export function peopleRoutes(app: FastifyInstance, { services, ctxOf }: { services: Services; ctxOf: CtxOf }) {
  const manager = (req: FastifyRequest): Actor => {
    const actor = actorOf(req);
    if (!can(actor, 'person.manage')) throw new AppError('FORBIDDEN');
    return actor;
  };

  /** Everything the edit page shows; `values` and `notice` when a change was refused. */
  const editState = async (actor: Actor, id: number, photoQ: string, over: Partial<EditState> = {}): Promise<EditState> => {
    const [person, found, all] = await Promise.all([
      services.people.get(actor, id),
      services.media.search(actor, { q: photoQ, limit: 12 }),
      services.people.all(actor),
    ]);
    const { slug, name, title, bio, photoMediaId, links } = person;
    return {
      person,
      values: { slug, name, title, bio, photoMediaId, links },
      photoQ,
      pictures: found.items,
      others: all.filter((p) => p.id !== id),
      ...over,
    };
  };

  const page = async (req: FastifyRequest, reply: FastifyReply, id: number, over: Partial<EditState> = {}, status = 200) => {
    const photoQ = String(query(req).photoQ ?? '').slice(0, 100);
    const s = await editState(manager(req), id, photoQ, over);
    return sendPage(reply, <EditPersonView ctx={ctxOf(req)} s={s} />, status);
  };

  app.get('/newsroom/people', async (req, reply) => {
    const actor = manager(req);
    const found = await services.people.list(actor, { cursor: query(req).cursor });
    return sendPage(reply, <PeopleView ctx={ctxOf(req)} people={found.items} next={found.nextCursor} done={query(req).done === '1'} />);
  });

  app.post('/newsroom/people', async (req, reply) => {
    const b = body(req.body);
    const input = { name: b.name ?? '', slug: b.slug ?? '', title: b.title ?? '', bio: b.bio ?? '' };
    const { id } = (await perform(OPERATIONS.createPerson, services, actorOf(req), { input })) as { id: number };
    return reply.redirect(`/newsroom/people/${id}?done=1`, 303);
  });

  app.get('/newsroom/people/:id', async (req, reply) => {
    const q = query(req);
    const text = q.merged === '1' ? 'Merged. The other author’s bylines are this author’s now, and their page redirects here.' : 'Saved.';
    return page(
      req,
      reply,
      idOf((req.params as Record<string, string>).id),
      q.done === '1' || q.merged === '1' ? { notice: { kind: 'ok', text } } : {},
    );
  });

  app.post('/newsroom/people/:id', async (req, reply) => {
    const id = idOf((req.params as Record<string, string>).id);
    const b = body(req.body);
    const photo = String(b.photoMediaId ?? '');
    const input = {
      name: b.name ?? '',
      title: b.title ?? '',
      bio: b.bio ?? '',
      slug: b.slug ?? '',
      photoMediaId: /^\d{1,10}$/.test(photo) ? Number(photo) : null,
      links: linksOf(b),
    };
    try {
      await perform(OPERATIONS.updatePerson, services, actorOf(req), { key: id, input });
    } catch (err) {
      // A refused change shows the form again as it was sent, with what was wrong.
      if (!(err instanceof AppError) || err.code === 'NOT_FOUND' || err.code === 'FORBIDDEN') throw err;
      const values = { ...input, slug: input.slug || '' };
      return page(req, reply, id, { values, notice: { kind: 'error', text: err.message } }, err.status);
    }
    return reply.redirect(`/newsroom/people/${id}?done=1`, 303);
  });

  // Merging asks first: this page says what will happen, and only its form (POST) does it.
  app.get('/newsroom/people/:id/merge', async (req, reply) => {
    const actor = manager(req);
    const id = idOf((req.params as Record<string, string>).id);
    const intoId = idOf(query(req).into);
    const [from, into] = await Promise.all([services.people.get(actor, id), services.people.get(actor, intoId)]);
    if (from.id === into.id) throw new AppError('INVALID_INPUT', 'intoId: an author cannot be merged into themselves', { field: 'intoId' });
    return sendPage(
      reply,
      <ConfirmMergeView
        ctx={ctxOf(req)}
        kind="author"
        count={from.bylines}
        from={{ id, name: from.name, path: `/author/${from.slug}` }}
        into={{ id: intoId, name: into.name, path: `/author/${into.slug}` }}
        action={`/newsroom/people/${id}/merge`}
        back={`/newsroom/people/${id}`}
      />,
    );
  });

  app.post('/newsroom/people/:id/merge', async (req, reply) => {
    const id = idOf((req.params as Record<string, string>).id);
    const intoId = idOf(body(req.body).intoId);
    await perform(OPERATIONS.mergePerson, services, actorOf(req), { key: id, input: { intoId } });
    return reply.redirect(`/newsroom/people/${intoId}?merged=1`, 303);
  });
}
