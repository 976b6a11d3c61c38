// Test fixture (used by the portable-format tests only): the demo outlet plus everything a working newsroom
// accumulates: users of each role (one disabled, one linked to a byline), sessions and API tokens (which must
// not travel), an uploaded picture with its renditions, drafts, revisions and a restore, review, publication,
// a correction, a significant update, an unpublished article, a scheduled one (with its pending job), a
// video article, a renamed section (redirects), an author with a photo and links who changed address and took
// in a merged author, a renamed and described tag that took in a merged tag, curated windows, and the audit
// trail of all of it.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { seedDemo } from '../../src/demo/seed.ts';
import { createServices } from '../../src/services/index.ts';
import type { Store } from '../../src/store/index.ts';
import { DEMO_MEDIA_DIR } from './demo-media.ts';
import { T0 } from './factories.ts';

/** A fresh media directory that sees the shared demo pictures (a symlink) and takes new uploads itself. */
export async function sourceMediaDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'masthead-portable-src-'));
  await fs.mkdir(path.join(DEMO_MEDIA_DIR, 'demo'), { recursive: true });
  await fs.symlink(path.join(DEMO_MEDIA_DIR, 'demo'), path.join(dir, 'demo'));
  return dir;
}

export const tempDir = (label: string) => fs.mkdtemp(path.join(os.tmpdir(), `masthead-portable-${label}-`));

const at = (hoursFromT0: number) => new Date(T0.getTime() + hoursFromT0 * 3_600_000).toISOString();

export interface RichWorld {
  published: number;
  scheduled: number;
  video: number;
  uploadedMediaId: number;
  adminEmail: string;
}

export async function seedRichWorld(store: Store, mediaDir: string): Promise<RichWorld> {
  await seedDemo(store, mediaDir, T0);
  const services = createServices(store, {
    mediaDir,
    origin: 'https://news.example',
    timezone: 'UTC',
    websubHub: 'https://hub.example',
    clock: () => T0,
  });
  const people = await store.taxonomy.allPeople();
  const sections = await store.taxonomy.allSections();
  const world = sections.find((s) => s.path === 'news')!;

  const admin = await services.auth.createUser({
    email: 'ada@news.example',
    name: 'Ada Admin',
    role: 'admin',
    password: 'correct horse battery staple',
  });
  const adminActor = { id: admin.id, role: admin.role };
  const editor = await services.newsroom.createUser(adminActor, {
    email: 'eddie@news.example',
    name: 'Eddie Editor',
    role: 'editor',
    password: 'correct horse battery staple',
    personId: people[0]!.id,
  });
  const writer = await services.newsroom.createUser(adminActor, {
    email: 'wendy@news.example',
    name: 'Wendy Writer',
    role: 'writer',
    password: 'correct horse battery staple',
  });
  const gone = await services.newsroom.createUser(adminActor, {
    email: 'gone@news.example',
    name: 'Former Colleague',
    role: 'writer',
    password: 'correct horse battery staple',
  });
  await store.users.setDisabled(gone.id, at(-1));
  const ed = { id: editor.id, role: editor.role };
  const wr = { id: writer.id, role: writer.role };
  // Secrets that must stay behind.
  await services.auth.createApiToken(editor.id, 'wire desk app');
  await store.users.createSession({
    id: 'a'.repeat(64),
    userId: writer.id,
    csrfToken: 'csrf-secret-token',
    now: at(0),
    expiresAt: at(24),
    ip: '198.51.100.7',
    userAgent: 'test',
  });

  const png = await sharp({ create: { width: 960, height: 540, channels: 3, background: '#2a6f97' } })
    .png()
    .toBuffer();
  const uploaded = await services.media.upload(wr, png, { alt: 'A blue square', caption: 'Uploaded in the newsroom', credit: 'Staff' });
  await services.media.describe(ed, uploaded.id, { alt: 'A blue field', caption: 'Described again', credit: 'Staff photographer' });

  const input = {
    headline: 'Harbour reopens after the storm',
    standfirst: 'Ships return to the quay, cautiously.',
    body: [
      {
        type: 'paragraph',
        content: [
          { text: 'The harbour master said ' },
          { text: 'all berths', bold: true },
          { text: ' are open.', href: 'https://example.org/notice' },
        ],
      },
      { type: 'image', mediaId: uploaded.id, alt: 'The quay', caption: 'The quay at dawn', credit: 'Staff' },
      { type: 'quote', text: 'We are back.', attribution: 'A skipper' },
    ],
    primarySectionId: world.id,
    extraSectionIds: [sections.find((s) => s.id !== world.id)!.id],
    tags: ['Shipping', 'Weather'],
    authorIds: [people[1]!.id, people[0]!.id],
    hero: { mediaId: uploaded.id, caption: 'Boats at the quay', credit: 'Staff', alt: 'Boats' },
    seoTitle: 'Harbour reopens | storm aftermath',
    seoDescription: 'The port is open again.',
  };
  const { id: published } = await services.content.create(wr, input);
  await services.content.save(wr, published, { ...input, standfirst: 'Ships return, cautiously.' }, 1);
  await services.content.save(wr, published, { ...input, standfirst: 'Ships return, slowly.' }, 2, { autosave: true });
  await services.content.restore(wr, published, 2, 3);
  await services.workflow.submit(wr, published, { note: 'Ready for a look' });
  await services.workflow.publish(ed, published, { note: 'Go' });
  await services.workflow.correct(ed, published, { kind: 'correction', note: 'An earlier version named the wrong quay.' });
  const held = await services.content.save(ed, published, { ...input, headline: 'Harbour fully reopens after the storm' }, 4);
  await services.workflow.update(ed, published, { revision: held.revision, significantUpdate: true });
  // A change held back from readers, which the export must carry as such.
  await services.content.save(ed, published, { ...input, headline: 'Harbour reopens: ferries first' }, held.revision, { autosave: true });

  const { id: scheduled } = await services.content.create(wr, { ...input, headline: 'Tomorrow: the new ferry timetable', hero: null });
  await services.workflow.schedule(ed, scheduled, { at: at(30), note: 'Morning slot' });

  const { id: withdrawn } = await services.content.create(ed, { ...input, headline: 'A story withdrawn', tags: [] });
  await services.workflow.publish(ed, withdrawn);
  await services.workflow.unpublish(ed, withdrawn, { note: 'Legal asked' });

  const { id: video } = await services.content.create(ed, {
    ...input,
    headline: 'Watch: the storm over the bay',
    kind: 'video',
    video: {
      url: 'https://video.example/storm.m3u8',
      type: 'hls',
      durationSeconds: 95,
      posterMediaId: uploaded.id,
      captions: [{ language: 'en', label: 'English', url: 'https://video.example/storm.vtt' }],
    },
  });
  await services.workflow.publish(ed, video);
  await services.content.create(wr, { headline: 'An unfinished draft', primarySectionId: world.id });

  // A renamed section leaves redirects behind; a curated rail gets time windows.
  const sub = sections.find((s) => s.parentId !== null)!;
  await services.curation.updateSection(ed, sub.id, {
    name: `${sub.name} and more`,
    slug: `${sub.slug}-more`,
    parentId: sub.parentId,
    description: sub.description,
  });
  // Authors and tags managed: an address change and a merge leave redirects behind (and a merged author's id).
  const [, author, merged] = people;
  await services.people.update(ed, author!.id, {
    name: author!.name,
    title: author!.title,
    bio: author!.bio,
    slug: `${author!.slug}-desk`,
    photoMediaId: uploaded.id,
    links: [
      { label: 'Website', url: 'https://example.org/desk' },
      { label: 'E-mail', url: 'mailto:desk@example.org' },
    ],
  });
  await services.people.merge(ed, merged!.id, { intoId: author!.id });
  const shipping = (await store.tags.bySlug('shipping'))!;
  await services.tags.update(ed, shipping.id, { name: 'Shipping news', slug: 'shipping-news', description: 'Ports and freight.' });
  await services.tags.merge(ed, (await store.tags.bySlug('weather'))!.id, { intoId: shipping.id });
  const choice = await services.curation.collection(ed, 'editors-choice');
  await services.curation.setCollection(ed, 'editors-choice', {
    items: [
      { articleId: published, startsAt: at(-2), endsAt: at(48) },
      ...choice.entries.map((e) => ({ articleId: e.article_id, startsAt: e.starts_at, endsAt: e.ends_at })),
    ],
  });
  await services.newsroom.setRole(adminActor, writer.id, { role: 'writer' });
  return { published, scheduled, video, uploadedMediaId: uploaded.id, adminEmail: admin.email };
}
