// The section tree is kept between requests (src/services/reader.ts). A change must still reach readers: at once
// when this process made it or another process's purge says so, and within SECTIONS_TTL_MS otherwise.
import os from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { PurgeChannel } from '../cache/purge-channel.ts';
import { sqliteTestDb, type TestDb } from '../../test/support/db.ts';
import { makeSection } from '../../test/support/factories.ts';
import { SECTIONS_TTL_MS } from './reader.ts';

let t: TestDb;
let app: FastifyInstance;
let sectionId: number;
/** Purges "from other processes" are delivered by hand, as the cluster or PostgreSQL channel would. */
let deliver: (keys: string[]) => void;

async function start(pageCacheMb: string) {
  const channel: PurgeChannel = {
    broadcast: async () => {},
    onPurge: (purge) => void (deliver = purge),
    close: async () => {},
  };
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    MASTHEAD_ORIGIN: 'https://news.example',
    MEDIA_DIR: os.tmpdir(),
    MASTHEAD_PAGE_CACHE_MB: pageCacheMb,
    DATABASE_URL: 'sqlite::memory:',
  });
  app = await buildApp({ config, store: t.store, purgeChannel: channel });
}

/** Renames the section in the database only, as another process's newsroom would: no event reaches this one. */
async function renameElsewhere(name: string) {
  await t.store.taxonomy.updateSection(sectionId, { parentId: null, slug: 'news', path: 'news', name, description: '', position: 0 });
}

const navOf = async (url: string) => (await app.inject({ url })).body;

beforeEach(async () => {
  t = await sqliteTestDb();
  sectionId = await makeSection(t.store, 'news', 'News');
});
afterEach(async () => {
  await app.close();
  await t.destroy();
});

describe('the kept section tree', () => {
  it('is read once, not on every page', async () => {
    await start('0');
    expect(await navOf('/news')).toContain('>News<');
    await renameElsewhere('Headlines');
    expect(await navOf('/news')).toContain('>News<');
  });

  it('is dropped at once by another process’s purge of the navigation', async () => {
    await start('8');
    expect(await navOf('/news')).toContain('>News<');
    await renameElsewhere('Headlines');
    deliver(['sections', 'fallback']);
    const page = await navOf('/news');
    expect(page).toContain('>Headlines<');
    expect(page).not.toContain('>News<');
  });

  it('is dropped at once by a section change made in this process', async () => {
    await start('0');
    expect(await navOf('/news')).toContain('>News<');
    const admin = await app.services.auth.createUser({
      email: 'a@news.example',
      name: 'A',
      role: 'admin',
      password: 'a long enough password',
    });
    await app.services.curation.updateSection({ id: admin.id, role: 'admin' }, sectionId, {
      name: 'World',
      slug: 'news',
      parentId: null,
      description: '',
    });
    expect(await navOf('/news')).toContain('>World<');
  });

  it('is re-read after SECTIONS_TTL_MS by a process that heard of no change', async () => {
    await start('0');
    expect(await navOf('/news')).toContain('>News<');
    await renameElsewhere('Headlines');
    await new Promise((r) => setTimeout(r, SECTIONS_TTL_MS + 50));
    expect(await navOf('/news')).toContain('>Headlines<');
  });
});
