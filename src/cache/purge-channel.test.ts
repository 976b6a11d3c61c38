// Two app processes (as on two machines) on one PostgreSQL database: a publish on one purges the other's page
// cache through LISTEN/NOTIFY within the 1 s target.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { postgresTestDb, type TestDb } from '../../test/support/db.ts';
import { makeSection } from '../../test/support/factories.ts';
import { postgresPurgeChannel, type PurgeChannel } from './purge-channel.ts';

let t: TestDb;
const apps: FastifyInstance[] = [];
const channels: PurgeChannel[] = [];
let sectionId: number;

async function node(url: string) {
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    MASTHEAD_ORIGIN: 'https://news.example',
    MEDIA_DIR: '/tmp',
    MASTHEAD_PAGE_CACHE_MB: '8',
    DATABASE_URL: url,
  });
  const channel = postgresPurgeChannel(url);
  channels.push(channel);
  const app = await buildApp({ config, store: t.store, purgeChannel: channel, clock: () => new Date() });
  apps.push(app);
  return app;
}

beforeAll(async () => {
  t = await postgresTestDb();
  sectionId = await makeSection(t.store, 'news', 'News');
});
afterAll(async () => {
  for (const a of apps) await a.close();
  for (const c of channels) await c.close();
  await t.destroy();
});

describe('purges between machines through PostgreSQL LISTEN/NOTIFY', () => {
  it('a publish on one node empties the other node’s cached home page within a second', async () => {
    const [a, b] = [await node(t.url!), await node(t.url!)];
    await b.inject({ method: 'GET', url: '/' });
    expect((await b.inject({ method: 'GET', url: '/' })).headers['x-cache']).toBe('HIT');
    const editor = await a.services.auth.createUser({
      email: 'e@news.example',
      name: 'E',
      role: 'editor',
      password: 'a long enough password',
    });
    const actor = { id: editor.id, role: 'editor' as const };
    const { id } = await a.services.content.create(actor, {
      headline: 'Tide tables revised',
      primarySectionId: sectionId,
      body: [{ type: 'paragraph', content: [{ text: 'Revised.' }] }],
    });
    await a.services.workflow.publish(actor, id);
    let shown = false;
    for (let waited = 0; waited <= 1000 && !shown; waited += 50) {
      shown = (await b.inject({ method: 'GET', url: '/' })).body.includes('Tide tables revised');
      if (!shown) await new Promise((r) => setTimeout(r, 50));
    }
    expect(shown).toBe(true);
  });
});
