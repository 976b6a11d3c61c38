// Every table and column of the live schema has a decision in policy.ts: exported (in which file) or left out
// (and why). A migration that adds either fails here until its author decides, so nothing new is silently left
// behind when a newsroom moves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, type TestDb } from '../../test/support/db.ts';
import { mediaPath } from './format.ts';
import { ID_TABLES, TABLE_POLICY } from './policy.ts';
import { liveSchema } from '../store/portable-tables.ts';

describe.each(dialects)('content format coverage on $name', ({ open }) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(async () => t?.destroy());

  it('has a decision for every table', async () => {
    const live = await liveSchema(t.db.kysely, t.db.dialect);
    expect([...live.keys()].sort()).toEqual(Object.keys(TABLE_POLICY).sort());
  });

  it('carries or explains every column of the exported tables', async () => {
    const live = await liveSchema(t.db.kysely, t.db.dialect);
    for (const [table, policy] of Object.entries(TABLE_POLICY)) {
      if (!('file' in policy)) continue;
      const decided = [...policy.columns, ...Object.keys(policy.omitted ?? {})].sort();
      expect(live.get(table)!.slice().sort(), table).toEqual(decided);
    }
  });

  it('keeps the sequence position of every table with a generated id', async () => {
    const live = await liveSchema(t.db.kysely, t.db.dialect);
    // Text ids (a session's token hash, the migrator's lock name) come from no sequence.
    const textIds = ['sessions', 'kysely_migration_lock'];
    const withId = [...live].filter(([table, cols]) => cols.includes('id') && !textIds.includes(table)).map(([table]) => table);
    expect(withId.sort()).toEqual([...ID_TABLES].sort());
  });
});

describe('media paths in an export', () => {
  it('accepts the layouts Masthead writes and nothing that could leave the media directory', () => {
    for (const ok of ['demo/0123abcd.jpg', 'uploads/ab/abcdef-480.webp', 'test/1.jpg', 'a_b/c.d-e.png'])
      expect(mediaPath.safeParse(ok).success, ok).toBe(true);
    for (const bad of [
      '../x.jpg',
      'a/../../x.jpg',
      '/etc/passwd',
      'a//b.jpg',
      './a.jpg',
      'a/./b',
      'C:\\x.jpg',
      'a\\..\\b',
      '',
      '.hidden',
      'a/',
      'é.jpg',
    ]) {
      expect(mediaPath.safeParse(bad).success, bad).toBe(false);
    }
  });
});
