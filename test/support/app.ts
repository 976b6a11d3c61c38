// Builds the app around a test store, with config from a plain env object (as production would parse it).
import os from 'node:os';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { Store } from '../../src/store/index.ts';
import { T0 } from './factories.ts';

export async function testApp(store: Store, env: Record<string, string> = {}, clock = () => T0): Promise<FastifyInstance> {
  // The page cache and rate limits are off unless a test turns them on: the clock here stands still, so a limit
  // would never refill, and most tests make many requests from one address.
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    MASTHEAD_ORIGIN: 'https://news.example',
    MEDIA_DIR: os.tmpdir(),
    MASTHEAD_PAGE_CACHE_MB: '0',
    MASTHEAD_RATE_LIMIT_SEARCH: '0',
    MASTHEAD_RATE_LIMIT_API: '0',
    ...env,
  });
  return buildApp({ config, store, clock });
}
