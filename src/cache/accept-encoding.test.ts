// Choosing a cached page's encoding from Accept-Encoding (RFC 9110 §12.5.3): q-values are honoured, q=0 means
// "not acceptable", "*" stands for every coding not named, identity is acceptable unless excluded, br wins ties.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/support/app.ts';
import { suiteTestDb, type TestDb } from '../../test/support/db.ts';
import { makeArticle, makeSection } from '../../test/support/factories.ts';
import { negotiateEncoding, parseAcceptEncoding } from './cached-response.ts';

describe('parseAcceptEncoding', () => {
  it('reads codings (case-insensitively) with their q-values, 1 when none is given', () => {
    expect(parseAcceptEncoding('br;q=0, GZIP , deflate;Q=0.5,identity ; q=0.001')).toEqual(
      new Map([
        ['br', 0],
        ['gzip', 1],
        ['deflate', 0.5],
        ['identity', 0.001],
      ]),
    );
  });

  it('skips empty list elements and elements whose weight is not a qvalue', () => {
    expect(parseAcceptEncoding(' , gzip,,')).toEqual(new Map([['gzip', 1]]));
    for (const bad of ['br;q=2', 'br;q=1.5', 'br;q=0.1234', 'br;q=', 'br;q=abc', 'br;q=-1', 'br;q=.5', 'b r', 'br;q=0.5;q=1'])
      expect(parseAcceptEncoding(bad), bad).toEqual(new Map());
  });

  it('keeps the first weight of a coding named twice', () => {
    expect(parseAcceptEncoding('gzip;q=0, gzip')).toEqual(new Map([['gzip', 0]]));
  });
});

describe('negotiateEncoding', () => {
  it.each([
    // [Accept-Encoding, chosen]
    [undefined, 'identity'], // no preference stated: send what every client reads
    ['', 'identity'], // an empty value asks for no coding
    ['br, gzip', 'br'],
    ['gzip, br', 'br'], // equal weights: br, the smaller
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'], // the finding: q=0 is a refusal
    ['br;q=0', 'identity'],
    ['br;q=0.5, gzip;q=0.8', 'gzip'],
    ['br;q=0.8, gzip;q=0.8', 'br'],
    ['br;q=0.1, identity', 'identity'],
    ['gzip;q=0.5, identity;q=0.9', 'identity'],
    ['*', 'br'],
    ['*;q=0.5, gzip', 'gzip'],
    ['br;q=0, *', 'gzip'], // "*" covers only the codings not named
    ['gzip;q=0, br;q=0, *', 'identity'],
    ['*;q=0, gzip;q=0.2', 'gzip'],
    ['*;q=0, identity;q=0.5', 'identity'],
    ['deflate, compress', 'identity'], // codings we do not offer
    ['BR;Q=0, Gzip', 'gzip'],
    ['br ; q=0 , gzip ; q=0.3', 'gzip'],
    ['brotli, gzip;q=0', 'identity'], // "br" inside another token is not br
    ['br;q=0.000, gzip;q=0.001', 'gzip'],
    [['br;q=0', 'gzip'], 'gzip'], // the header sent twice
  ] as const)('%j → %s', (header, chosen) => {
    expect(negotiateEncoding(header as string | string[] | undefined)).toBe(chosen);
  });

  it('falls back to identity when nothing is acceptable (RFC 9110 §12.5.3 lets a server send it uncoded)', () => {
    expect(negotiateEncoding('*;q=0')).toBe('identity');
    expect(negotiateEncoding('br;q=0, gzip;q=0, identity;q=0')).toBe('identity');
  });
});

describe('cached pages honour q-values', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let port = 0;

  beforeAll(async () => {
    t = await suiteTestDb();
    const news = await makeSection(t.store, 'news', 'News');
    await makeArticle(t.store, { sectionId: news, headline: 'Harbour reopens', hoursAgo: 1 });
    app = await testApp(t.store, { MASTHEAD_PAGE_CACHE_MB: '16' });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await app?.close();
    await t?.destroy();
  });

  /** GET over real HTTP, so the hit is answered by the raw server before Fastify; the body is not decoded. */
  const rawGet = (path: string, acceptEncoding: string) =>
    new Promise<{ encoding: string | undefined; cache: string | undefined; body: Buffer }>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path, headers: { host: 'news.example', 'accept-encoding': acceptEncoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ encoding: res.headers['content-encoding'], cache: res.headers['x-cache'] as string, body: Buffer.concat(chunks) }),
          );
        })
        .on('error', reject);
    });

  it('answers "br;q=0, gzip" with gzip, on a miss (through Fastify) and on a hit (before Fastify)', async () => {
    const miss = await app.inject({ method: 'GET', url: '/news', headers: { host: 'news.example', 'accept-encoding': 'br;q=0, gzip' } });
    expect(miss.headers['x-cache']).toBe('MISS');
    expect(miss.headers['content-encoding']).toBe('gzip');
    const hit = await rawGet('/news', 'br;q=0, gzip');
    expect(hit.cache).toBe('HIT');
    expect(hit.encoding).toBe('gzip');
    expect(zlib.gunzipSync(hit.body).toString()).toContain('Harbour reopens');
  });

  it('answers a refusal of every coding with the identity body', async () => {
    await rawGet('/', 'identity');
    const hit = await rawGet('/', 'br;q=0, gzip;q=0');
    expect(hit.cache).toBe('HIT');
    expect(hit.encoding).toBeUndefined();
    expect(hit.body.toString()).toContain('Harbour reopens');
    const headers = { host: 'news.example', 'accept-encoding': 'gzip;q=0, br;q=0.5' };
    const injected = await app.inject({ method: 'GET', url: '/', headers });
    expect(injected.headers['x-cache']).toBe('HIT');
    expect(injected.headers['content-encoding']).toBe('br');
  });
});
