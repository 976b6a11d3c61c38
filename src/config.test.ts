import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { ConfigError, loadConfig, parseRateLimit } from './config.ts';

describe('config', () => {
  it('has working defaults: port 3000, SQLite under ./data, origin on localhost', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.database).toEqual({ kind: 'sqlite', file: path.resolve('data/masthead.db') });
    expect(c.origin).toBe('http://localhost:3000');
    expect(c.mirrors).toEqual([]);
    expect(c.demoContent).toBe(true);
  });

  it('reads PostgreSQL URLs, mirrors and the origin', () => {
    const c = loadConfig({
      DATABASE_URL: 'postgres://u@db.internal:5432/news',
      MASTHEAD_MIRRORS: ' https://mirror-one.example , https://mirror-two.example/ ',
      MASTHEAD_ORIGIN: 'https://news.example/',
      PORT: '8080',
    });
    expect(c.database).toEqual({ kind: 'postgres', url: 'postgres://u@db.internal:5432/news' });
    expect(c.mirrors).toEqual(['https://mirror-one.example', 'https://mirror-two.example']);
    expect(c.origin).toBe('https://news.example');
    expect(c.port).toBe(8080);
  });

  it('reads the outlet identity: locale en_GB by default, logo and policy pages when set', () => {
    expect(loadConfig({}).outlet).toEqual({
      logoUrl: undefined,
      correctionsPolicyUrl: undefined,
      ethicsPolicyUrl: undefined,
      locale: 'en_GB',
    });
    const c = loadConfig({
      MASTHEAD_LOGO_URL: 'https://news.example/logo.png',
      MASTHEAD_CORRECTIONS_POLICY_URL: 'https://news.example/corrections',
      MASTHEAD_ETHICS_POLICY_URL: 'https://news.example/ethics',
      MASTHEAD_LOCALE: 'fr_FR',
    });
    expect(c.outlet).toEqual({
      logoUrl: 'https://news.example/logo.png',
      correctionsPolicyUrl: 'https://news.example/corrections',
      ethicsPolicyUrl: 'https://news.example/ethics',
      locale: 'fr_FR',
    });
  });

  it('reads rate limits as N/window: 60 searches and 600 API requests a minute by default, 0 turns one off', () => {
    expect(loadConfig({}).rateLimits).toEqual({ search: { limit: 60, windowMs: 60_000 }, api: { limit: 600, windowMs: 60_000 } });
    const c = loadConfig({ MASTHEAD_RATE_LIMIT_SEARCH: '10/10s', MASTHEAD_RATE_LIMIT_API: '0' });
    expect(c.rateLimits).toEqual({ search: { limit: 10, windowMs: 10_000 }, api: null });
    expect(parseRateLimit('30')).toEqual({ limit: 30, windowMs: 60_000 });
    expect(parseRateLimit('1000 / 1h')).toEqual({ limit: 1000, windowMs: 3_600_000 });
    expect(parseRateLimit('5/min')).toEqual({ limit: 5, windowMs: 60_000 });
    expect(parseRateLimit('5/2mins')).toEqual({ limit: 5, windowMs: 120_000 });
    for (const bad of ['', 'x', '60/', '60/5', '60/1d', '1.5/1m', '-3']) expect(parseRateLimit(bad)).toBeUndefined();
  });

  it('reads the fetch allow list: none by default, host names, addresses and CIDR ranges', () => {
    expect(loadConfig({}).fetchAllowHosts).toEqual([]);
    expect(loadConfig({ MASTHEAD_FETCH_ALLOW_HOSTS: ' hub.intranet , 127.0.0.1,10.0.0.0/8 ,fd00::/8' }).fetchAllowHosts).toEqual([
      'hub.intranet',
      '127.0.0.1',
      '10.0.0.0/8',
      'fd00::/8',
    ]);
    expect(() => loadConfig({ MASTHEAD_FETCH_ALLOW_HOSTS: 'hub.intranet, not a host' })).toThrow(
      /MASTHEAD_FETCH_ALLOW_HOSTS: "not a host" is not a host name/,
    );
  });

  it('serves metrics on 127.0.0.1:9464 by default; another port or interface when set, none with port 0', () => {
    expect(loadConfig({}).metrics).toEqual({ host: '127.0.0.1', port: 9464 });
    expect(loadConfig({ MASTHEAD_METRICS_PORT: '9100', MASTHEAD_METRICS_HOST: '10.0.0.5' }).metrics).toEqual({
      host: '10.0.0.5',
      port: 9100,
    });
    expect(loadConfig({ MASTHEAD_METRICS_PORT: '0' }).metrics).toBeUndefined();
  });

  it.each([
    [{ MASTHEAD_LOGO_URL: '/logo.png' }, 'MASTHEAD_LOGO_URL'],
    [{ MASTHEAD_CORRECTIONS_POLICY_URL: 'javascript:alert(1)' }, 'MASTHEAD_CORRECTIONS_POLICY_URL'],
    [{ MASTHEAD_ETHICS_POLICY_URL: 'ethics' }, 'MASTHEAD_ETHICS_POLICY_URL'],
    [{ MASTHEAD_LOCALE: 'en-GB' }, 'MASTHEAD_LOCALE'],
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ MASTHEAD_MIRRORS: 'https://ok.example,not a url' }, 'MASTHEAD_MIRRORS'],
    [{ MASTHEAD_MIRRORS: 'ftp://files.example' }, 'MASTHEAD_MIRRORS'],
    [{ MASTHEAD_ORIGIN: 'news.example' }, 'MASTHEAD_ORIGIN'],
    [{ MASTHEAD_TIMEZONE: 'Mars/Olympus' }, 'MASTHEAD_TIMEZONE'],
    [{ MASTHEAD_DEMO_CONTENT: 'maybe' }, 'MASTHEAD_DEMO_CONTENT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ MASTHEAD_METRICS_PORT: 'nine' }, 'MASTHEAD_METRICS_PORT'],
    [{ MASTHEAD_METRICS_PORT: '65536' }, 'MASTHEAD_METRICS_PORT'],
    [{ MASTHEAD_METRICS_HOST: ' ' }, 'MASTHEAD_METRICS_HOST'],
    [{ MASTHEAD_RATE_LIMIT_SEARCH: 'lots' }, 'MASTHEAD_RATE_LIMIT_SEARCH'],
    [{ MASTHEAD_RATE_LIMIT_SEARCH: '60/5' }, 'MASTHEAD_RATE_LIMIT_SEARCH'],
    [{ MASTHEAD_RATE_LIMIT_API: '-1' }, 'MASTHEAD_RATE_LIMIT_API'],
    [{ MASTHEAD_RATE_LIMIT_API: '100/0m' }, 'MASTHEAD_RATE_LIMIT_API'],
    [{ MASTHEAD_FETCH_ALLOW_HOSTS: 'hub.intranet,http://hub' }, 'MASTHEAD_FETCH_ALLOW_HOSTS'],
    [{ MASTHEAD_FETCH_ALLOW_HOSTS: '10.0.0.0/40' }, 'MASTHEAD_FETCH_ALLOW_HOSTS'],
  ])('stops on a bad value and names the setting: %o', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`${name}:`));
  });
});
