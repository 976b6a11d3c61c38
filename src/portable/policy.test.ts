// Every table and column of the live schema has a decision in policy.ts: exported (in which file) or left out
// (and why). A migration that adds either fails here until its author decides, so nothing new is silently left
// behind when a newsroom moves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, type TestDb } from '../../test/support/db.ts';
import fs from 'node:fs';
import path from 'node:path';
import { mediaPath, RECORDS, type FileName } from './format.ts';
import { ID_TABLES, TABLE_POLICY, type TablePolicy } from './policy.ts';
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
    for (const [table, policy] of Object.entries(TABLE_POLICY as Readonly<Record<string, TablePolicy>>)) {
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

// The rest of the checklist for a new column (docs/ARCHITECTURE.md, "How to change the schema"): the live schema
// on both dialects against the policy is above; store/schema.ts against the policy is checked by the compiler
// (policy.ts); what follows checks the format and its documentation against the policy.
describe('the policy, the format and its documentation agree', () => {
  const policies = Object.entries(TABLE_POLICY as Readonly<Record<string, TablePolicy>>);
  const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  const fieldsOf = (file: FileName) => {
    const record = RECORDS[file] as unknown as { shape?: object; def: { in?: { shape: object } } };
    return Object.keys(record.shape ?? record.def.in?.shape ?? {});
  };
  const docs = fs.readFileSync(path.join(import.meta.dirname, '../../docs/CONTENT-FORMAT.md'), 'utf8');

  it('every carried column is a field of its file’s record (a relation: the field of its parent’s record that holds it)', () => {
    for (const [table, policy] of policies) {
      if (!('file' in policy)) continue;
      const fields = fieldsOf(policy.file);
      expect(fields.length, policy.file).toBeGreaterThan(0);
      if (policy.field) expect(fields, `${table} → ${policy.file}`).toContain(policy.field);
      else for (const column of policy.columns) expect(fields, `${table}.${column} → ${policy.file}`).toContain(camel(column));
    }
  });

  it('docs/CONTENT-FORMAT.md names every table and every field of every record', () => {
    for (const [table] of policies) expect(docs, table).toContain(`\`${table}\``);
    for (const file of Object.keys(RECORDS) as FileName[])
      for (const field of fieldsOf(file))
        expect(docs.includes(`\`${field}\``) || docs.includes(`"${field}"`), `${file}: ${field}`).toBe(true);
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
