// A small newsroom for the hostile-input suite: one team (writer, editor, admin with API tokens), sections, a
// tag, an author, a picture, both collections, a writer's draft and a published article, and a signed-in admin
// session for the newsroom forms. Built through the services, as the doors would.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { articlePath } from '../../src/domain/urls.ts';
import type { TestDb } from '../support/db.ts';
import { testApp } from '../support/app.ts';
import { makeMedia, makePerson, makeSection } from '../support/factories.ts';
import { articleBody, signIn, team, type Session } from '../support/newsroom.ts';

/** The suite sends thousands of requests from one address at one fixed time: limits would answer them all 429. */
export const NO_RATE_LIMITS = { MASTHEAD_RATE_LIMIT_API: '0', MASTHEAD_RATE_LIMIT_SEARCH: '0' };

export interface World {
  t: TestDb;
  app: FastifyInstance;
  people: Awaited<ReturnType<typeof team>>;
  sectionId: number;
  childSectionId: number;
  personId: number;
  personSlug: string;
  mediaId: number;
  draftId: number;
  publishedId: number;
  publishedPath: string;
  tagSlug: string;
  session: Session;
  mediaDir: string;
  close(): Promise<void>;
}

export async function buildWorld(t: TestDb, env: Record<string, string> = {}): Promise<World> {
  const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-hostile-'));
  const sectionId = await makeSection(t.store, 'news', 'News');
  const childSectionId = await makeSection(t.store, 'news/europe', 'Europe');
  const personId = await makePerson(t.store, 'Rita Reporter');
  const mediaId = await makeMedia(t.store);
  await t.store.collections.create('editors-choice', "Editor's Choice");
  await t.store.collections.create('top-stories', 'Top stories');
  const app = await testApp(t.store, {
    MEDIA_DIR: mediaDir,
    MASTHEAD_LIVE_STREAM_URL: 'https://live.example/stream.m3u8',
    ...NO_RATE_LIMITS,
    ...env,
  });
  const people = await team(app);
  const writer = people.writer.actor;
  const draftId = (await app.services.content.create(writer, articleBody(sectionId, { headline: 'A writer’s draft', tags: ['Diplomacy'] })))
    .id;
  const publishedId = (
    await app.services.content.create(
      writer,
      articleBody(childSectionId, {
        headline: 'Talks resume in Geneva',
        tags: ['Diplomacy'],
        authorIds: [personId],
        hero: { mediaId, alt: 'Delegates', caption: 'Delegates arrive', credit: 'File' },
      }),
    )
  ).id;
  await app.services.workflow.submit(writer, publishedId);
  await app.services.workflow.publish(people.editor.actor, publishedId);
  await app.services.curation.setCollection(people.editor.actor, 'editors-choice', { items: [{ articleId: publishedId }] });
  const page = await app.services.reader.article(publishedId);
  const session = await signIn(app, people.admin.user.email);
  return {
    t,
    app,
    people,
    sectionId,
    childSectionId,
    personId,
    personSlug: 'rita-reporter',
    mediaId,
    draftId,
    publishedId,
    publishedPath: articlePath(page.article, 'UTC'),
    tagSlug: 'diplomacy',
    session,
    mediaDir,
    async close() {
      await app.close();
      await t.destroy();
      fs.rmSync(mediaDir, { recursive: true, force: true });
    },
  };
}
