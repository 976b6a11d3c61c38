// Newsroom management pages: the section tree, users and roles (the media library is media.tsx).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MAX_ID } from '../domain/urls.ts';
import { can, ROLES } from '../domain/permissions.ts';
import type { Section } from '../domain/model.ts';
import { AppError } from '../errors.ts';
import { actorOf, clientIp } from '../http/auth.ts';
import type { Services } from '../services/index.ts';
import { sendPage } from '../web/render.ts';
import type { CtxOf } from './request.ts';
import { NewsroomLayout, NextPage, Notice, type NewsroomContext } from './views/layout.tsx';
import { OPERATIONS, perform } from '../services/operations/index.ts';

const body = (req: FastifyRequest) => (req.body ?? {}) as Record<string, string>;
const optionalId = (v: string | undefined) => (v && /^\d+$/.test(v) ? Number(v) : null);
const userId = (req: FastifyRequest) => {
  const id = optionalId((req.params as Record<string, string>).id);
  if (id === null || id > MAX_ID) throw new AppError('NOT_FOUND', 'There is no such user.');
  return id;
};

export function adminRoutes(app: FastifyInstance, { services, ctxOf }: { services: Services; ctxOf: CtxOf }) {
  app.get('/newsroom/sections', async (req, reply) => {
    const tree = await services.reader.sections();
    const all = tree.roots().flatMap((r) => tree.subtreeIds(r.id).map((i) => tree.get(i)!));
    if (!can(actorOf(req), 'section.manage')) throw new AppError('FORBIDDEN');
    return sendPage(reply, <SectionsView ctx={ctxOf(req)} sections={all} done={(req.query as Record<string, string>).done === '1'} />);
  });
  app.post('/newsroom/sections', async (req, reply) => {
    const b = body(req);
    const input = { name: b.name, slug: b.slug, parentId: optionalId(b.parentId), description: b.description ?? '' };
    const id = optionalId(b.id);
    if (id)
      await perform(OPERATIONS.updateSection, services, actorOf(req), {
        key: id,
        input: { ...input, position: b.position ? Number(b.position) : undefined },
      });
    else await perform(OPERATIONS.createSection, services, actorOf(req), { input });
    return reply.redirect('/newsroom/sections?done=1', 303);
  });

  app.get('/newsroom/users', async (req, reply) => {
    const query = req.query as Record<string, string>;
    const users = await services.newsroom.users(actorOf(req), { cursor: query.cursor });
    const revoked = optionalId(query.revoked);
    return sendPage(reply, <UsersView ctx={ctxOf(req)} users={users.items} next={users.nextCursor} revoked={revoked} />);
  });
  app.post('/newsroom/users', async (req, reply) => {
    const b = body(req);
    const input = { email: b.email ?? '', name: b.name ?? '', role: b.role ?? '', password: b.password ?? '' };
    await perform(OPERATIONS.createUser, services, actorOf(req), { input });
    return reply.redirect('/newsroom/users', 303);
  });
  app.post('/newsroom/users/:id/role', async (req, reply) => {
    await perform(OPERATIONS.setRole, services, actorOf(req), { key: userId(req), input: { role: body(req).role } });
    return reply.redirect('/newsroom/users', 303);
  });
  // The auth service checks the role (admins only, for anyone but oneself) and writes the audit entry.
  app.post('/newsroom/users/:id/revoke-tokens', async (req, reply) => {
    const count = await services.auth.revokeAllApiTokens(actorOf(req), userId(req), clientIp(req));
    return reply.redirect(`/newsroom/users?revoked=${count}`, 303);
  });
}

function SectionsView({ ctx, sections, done }: { ctx: NewsroomContext; sections: Section[]; done: boolean }) {
  const parentSelect = (id: string, selected: number | null, exclude?: number) => (
    <select id={id} name="parentId">
      <option value="">(top level)</option>
      {sections
        .filter((s) => s.id !== exclude)
        .map((s) => (
          <option value={String(s.id)} selected={s.id === selected}>
            {s.path}
          </option>
        ))}
    </select>
  );
  return (
    <NewsroomLayout ctx={ctx} title="Sections">
      <h1>Sections</h1>
      {done && <Notice kind="ok">Saved. Old addresses of renamed or moved sections redirect to the new ones.</Notice>}
      <table class="nr-table">
        <thead>
          <tr>
            <th scope="col">Path</th>
            <th scope="col">Change name, slug, parent or position</th>
          </tr>
        </thead>
        <tbody>
          {sections.map((s) => (
            <tr key={s.id}>
              <td>/{s.path}</td>
              <td>
                <form method="post" action="/newsroom/sections" class="nr-inline">
                  <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                  <input type="hidden" name="id" value={String(s.id)} />
                  <label for={`name-${s.id}`}>Name</label>
                  <input id={`name-${s.id}`} name="name" value={s.name} required />
                  <label for={`slug-${s.id}`}>Slug</label>
                  <input id={`slug-${s.id}`} name="slug" value={s.slug} required size={12} />
                  <label for={`parent-${s.id}`}>Parent</label>
                  {parentSelect(`parent-${s.id}`, s.parentId, s.id)}
                  <label for={`pos-${s.id}`}>Position</label>
                  <input id={`pos-${s.id}`} name="position" value={String(s.position)} size={3} inputMode="numeric" />
                  <input type="hidden" name="description" value={s.description} />
                  <button type="submit">Save {s.name}</button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>New section</h2>
      <form method="post" action="/newsroom/sections" class="nr-form nr-narrow">
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <label for="new-name">Name</label>
        <input id="new-name" name="name" required />
        <label for="new-slug">Slug</label>
        <input id="new-slug" name="slug" required />
        <label for="new-parent">Parent</label>
        {parentSelect('new-parent', null)}
        <label for="new-description">Description</label>
        <input id="new-description" name="description" />
        <button type="submit">Create section</button>
      </form>
    </NewsroomLayout>
  );
}

type UserRows = Awaited<ReturnType<Services['newsroom']['users']>>['items'];

function UsersView({ ctx, users, next, revoked }: { ctx: NewsroomContext; users: UserRows; next: string | null; revoked: number | null }) {
  return (
    <NewsroomLayout ctx={ctx} title="Users">
      <h1>Users</h1>
      {revoked !== null && (
        <Notice kind="ok">
          Revoked {revoked} API {revoked === 1 ? 'token' : 'tokens'}.
        </Notice>
      )}
      <table class="nr-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">E-mail</th>
            <th scope="col">Role</th>
            <th scope="col">API tokens</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>
                <form method="post" action={`/newsroom/users/${u.id}/role`} class="nr-inline">
                  <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                  <label for={`role-${u.id}`} class="visually-hidden">
                    Role of {u.name}
                  </label>
                  <select id={`role-${u.id}`} name="role">
                    {ROLES.map((r) => (
                      <option value={r} selected={u.role === r}>
                        {r}
                      </option>
                    ))}
                  </select>
                  <button type="submit">Change role of {u.name}</button>
                </form>
              </td>
              <td>
                <RevokeTokensForm ctx={ctx} user={u} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <NextPage next={next}>More users</NextPage>
      <h2>Add a user</h2>
      <form method="post" action="/newsroom/users" class="nr-form nr-narrow">
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <label for="u-name">Name</label>
        <input id="u-name" name="name" required />
        <label for="u-email">E-mail</label>
        <input id="u-email" name="email" type="email" required />
        <label for="u-role">Role</label>
        <select id="u-role" name="role">
          {ROLES.map((r) => (
            <option value={r}>{r}</option>
          ))}
        </select>
        <label for="u-password">Password (at least 12 characters)</label>
        <input id="u-password" name="password" type="password" minLength={12} required autocomplete="new-password" />
        <button type="submit">Add user</button>
      </form>
    </NewsroomLayout>
  );
}

/** Revokes every API token of one user at once (a leaked token, someone leaving); sessions are untouched. */
function RevokeTokensForm({ ctx, user }: { ctx: NewsroomContext; user: UserRows[number] }) {
  return (
    <form method="post" action={`/newsroom/users/${user.id}/revoke-tokens`} class="nr-inline">
      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
      <button type="submit">Revoke API tokens of {user.name}</button>
    </form>
  );
}
