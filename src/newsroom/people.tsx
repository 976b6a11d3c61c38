// Authors: the people bylines name. Editors add them and change their name, title and bio; each change reaches
// every page with the byline (services/newsroom/people.ts).
import type { FastifyInstance } from 'fastify';
import type { Person } from '../domain/model.ts';
import { can } from '../domain/permissions.ts';
import { AppError } from '../errors.ts';
import { actorOf } from '../http/auth.ts';
import type { Services } from '../services/index.ts';
import { OPERATIONS, perform } from '../services/operations/index.ts';
import { sendPage } from '../web/render.ts';
import type { CtxOf } from './request.ts';
import { NewsroomLayout, NextPage, Notice, type NewsroomContext } from './views/layout.tsx';

const body = (b: unknown) => (b && typeof b === 'object' ? (b as Record<string, string>) : {});

export function peopleRoutes(app: FastifyInstance, { services, ctxOf }: { services: Services; ctxOf: CtxOf }) {
  app.get('/newsroom/people', async (req, reply) => {
    const actor = actorOf(req);
    if (!can(actor, 'person.manage')) throw new AppError('FORBIDDEN');
    const query = req.query as Record<string, string>;
    const found = await services.people.list(actor, { cursor: query.cursor });
    return sendPage(reply, <PeopleView ctx={ctxOf(req)} people={found.items} next={found.nextCursor} done={query.done === '1'} />);
  });
  app.post('/newsroom/people', async (req, reply) => {
    const b = body(req.body);
    const input = { name: b.name ?? '', slug: b.slug ?? '', title: b.title ?? '', bio: b.bio ?? '' };
    await perform(OPERATIONS.createPerson, services, actorOf(req), { input });
    return reply.redirect('/newsroom/people?done=1', 303);
  });
  app.post('/newsroom/people/:id', async (req, reply) => {
    const b = body(req.body);
    const input = { name: b.name ?? '', title: b.title ?? '', bio: b.bio ?? '' };
    await perform(OPERATIONS.updatePerson, services, actorOf(req), { key: (req.params as Record<string, string>).id, input });
    return reply.redirect('/newsroom/people?done=1', 303);
  });
}

function PersonFields({ p, prefix }: { p?: Person; prefix: string }) {
  return (
    <>
      <div class="nr-field">
        <label for={`${prefix}-name`}>Name</label>
        <input id={`${prefix}-name`} name="name" required maxLength={120} value={p?.name ?? ''} />
      </div>
      <div class="nr-field">
        <label for={`${prefix}-title`}>Title</label>
        <input id={`${prefix}-title`} name="title" maxLength={120} value={p?.title ?? ''} placeholder="Correspondent" />
      </div>
      <div class="nr-field">
        <label for={`${prefix}-bio`}>Short bio</label>
        <textarea id={`${prefix}-bio`} name="bio" rows={2} maxLength={1000}>
          {p?.bio ?? ''}
        </textarea>
      </div>
    </>
  );
}

function PeopleView({ ctx, people, next, done }: { ctx: NewsroomContext; people: Person[]; next: string | null; done: boolean }) {
  return (
    <NewsroomLayout ctx={ctx} title="Authors">
      <h1>Authors</h1>
      {done && <Notice kind="ok">Saved. Every page with the byline shows the change.</Notice>}
      <h2>Add an author</h2>
      <form method="post" action="/newsroom/people" class="nr-form nr-narrow">
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <PersonFields prefix="new" />
        <div class="nr-field">
          <label for="new-slug">Address</label>
          <input id="new-slug" name="slug" maxLength={80} pattern="[a-z0-9]+(-[a-z0-9]+)*" aria-describedby="new-slug-hint" />
          <p class="nr-hint" id="new-slug-hint">
            The author page is at /author/<em>address</em>. Leave empty to make it from the name; it stays when the name changes.
          </p>
        </div>
        <button type="submit">Add author</button>
      </form>
      <h2>Everyone with a byline</h2>
      {people.length === 0 && <p class="nr-empty">No authors yet.</p>}
      {people.map((p) => (
        <details key={p.id} class="nr-group">
          <summary>
            {p.name}
            {p.title && <> · {p.title}</>} <span class="nr-hint">/author/{p.slug}</span>
          </summary>
          <form method="post" action={`/newsroom/people/${p.id}`} class="nr-form nr-narrow">
            <input type="hidden" name="_csrf" value={ctx.csrfToken} />
            <PersonFields p={p} prefix={`p${p.id}`} />
            <button type="submit">Save {p.name}</button>
          </form>
        </details>
      ))}
      <NextPage next={next}>More authors</NextPage>
    </NewsroomLayout>
  );
}
