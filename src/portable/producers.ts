// What each file of an export holds, record by record: rows read in id order a batch at a time, turned into
// the format's records (docs/CONTENT-FORMAT.md) with a fixed field order, so the same rows give the same bytes.
import { PUBLISH_JOB } from '../services/newsroom/workflow.ts';
import { PortableError, type FileName, type MediaFileEntry } from './format.ts';
import { keyset, type tableReads } from '../store/portable-tables.ts';

export type Put = (record: unknown) => Promise<void>;
export type Producer = (put: Put) => Promise<void>;

const time = (v: string | null, where: string): string | null => {
  if (v === null) return null;
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) throw new PortableError(`${where} is "${v}", which is not a time`);
  return d.toISOString();
};
const timeNN = (v: string, where: string): string => time(v, where)!;

const json = (text: string, where: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    throw new PortableError(`${where} is not valid JSON`);
  }
};

/**
 * The producer of every file. `mediaFile` copies a file named by a media row into the archive and says what
 * became of it (its digest, or missing).
 */
export function producers(
  reads: ReturnType<typeof tableReads>,
  size: number,
  mediaFile: (path: string, where: string) => Promise<MediaFileEntry>,
): Record<FileName, Producer> {
  return {
    'sections.jsonl': async (put) => {
      const redirects = new Map<number, string[]>();
      for (const r of await reads.redirects()) redirects.set(r.section_id, [...(redirects.get(r.section_id) ?? []), r.old_path]);
      for (const s of await reads.sections()) {
        // Sorted here rather than in SQL: text ordering differs between the dialects' collations.
        await put({
          id: s.id,
          parentId: s.parent_id,
          slug: s.slug,
          path: s.path,
          name: s.name,
          description: s.description,
          position: s.position,
          redirects: (redirects.get(s.id) ?? []).sort(),
        });
      }
    },
    'people.jsonl': async (put) => {
      const redirects = new Map<number, { slug: string; mergedId: number | null }[]>();
      for (const r of await reads.personRedirects())
        redirects.set(r.person_id, [...(redirects.get(r.person_id) ?? []), { slug: r.old_slug, mergedId: r.merged_id }]);
      for await (const rows of keyset(reads.people, size))
        for (const p of rows)
          await put({
            id: p.id,
            slug: p.slug,
            name: p.name,
            title: p.title,
            bio: p.bio,
            photoMediaId: p.photo_media_id,
            links: json(p.links, `person ${p.id} links`) as never,
            // Sorted here rather than in SQL: text ordering differs between the dialects' collations.
            redirects: (redirects.get(p.id) ?? []).sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)),
          });
    },
    'tags.jsonl': async (put) => {
      const redirects = new Map<number, string[]>();
      for (const r of await reads.tagRedirects()) redirects.set(r.tag_id, [...(redirects.get(r.tag_id) ?? []), r.old_slug]);
      for await (const rows of keyset(reads.tags, size))
        for (const t of rows)
          await put({ id: t.id, slug: t.slug, name: t.name, description: t.description, redirects: (redirects.get(t.id) ?? []).sort() });
    },
    'media.jsonl': async (put) => {
      for await (const rows of keyset(reads.media, size)) {
        for (const m of rows) {
          const where = `media ${m.id}`;
          const variants = json(m.variants, `${where} variants`);
          const named = [
            m.original_file,
            ...(Array.isArray(variants) ? variants.map((v) => v?.file).filter((f): f is string => typeof f === 'string') : []),
          ];
          const entries: MediaFileEntry[] = [];
          for (const p of new Set(named)) entries.push(await mediaFile(p, where));
          await put({
            id: m.id,
            originalFile: m.original_file,
            mime: m.mime,
            width: m.width,
            height: m.height,
            alt: m.alt,
            caption: m.caption,
            credit: m.credit,
            variants,
            createdAt: timeNN(m.created_at, `${where} created_at`),
            uploadedBy: m.uploaded_by,
            focusX: m.focus_x,
            focusY: m.focus_y,
            files: entries,
          });
        }
      }
    },
    'users.jsonl': async (put) => {
      for await (const rows of keyset(reads.users, size)) {
        for (const u of rows) {
          const where = `user ${u.id}`;
          await put({
            id: u.id,
            email: u.email,
            name: u.name,
            role: u.role,
            personId: u.person_id,
            createdAt: timeNN(u.created_at, `${where} created_at`),
            disabledAt: time(u.disabled_at, `${where} disabled_at`),
          });
        }
      }
    },
    'pages.jsonl': async (put) => {
      for await (const rows of keyset(reads.pages, size))
        for (const pg of rows) {
          const where = `page ${pg.id}`;
          await put({
            id: pg.id,
            slug: pg.slug,
            title: pg.title,
            summary: pg.summary,
            body: json(pg.body, `${where} body`),
            role: pg.role,
            status: pg.status,
            inFooter: pg.in_footer === 1,
            position: pg.position,
            createdAt: timeNN(pg.created_at, `${where} created_at`),
            updatedAt: timeNN(pg.updated_at, `${where} updated_at`),
            publishedAt: time(pg.published_at, `${where} published_at`),
            createdBy: pg.created_by,
          });
        }
    },
    'articles.jsonl': async (put) => {
      for await (const rows of keyset(reads.articles, size)) {
        const rel = await reads.articleRelations(rows.map((a) => a.id));
        const group = <R extends { article_id: number }, V>(list: R[], pick: (r: R) => V) => {
          const m = new Map<number, V[]>();
          for (const r of list) m.set(r.article_id, [...(m.get(r.article_id) ?? []), pick(r)]);
          return m;
        };
        const sections = group(rel.sections, (r) => r.section_id);
        const authors = group(rel.authors, (r) => r.person_id);
        const tags = group(rel.tags, (r) => r.tag_id);
        for (const a of rows) {
          const where = `article ${a.id}`;
          await put({
            id: a.id,
            slug: a.slug,
            headline: a.headline,
            standfirst: a.standfirst,
            body: json(a.body, `${where} body`),
            kind: a.kind,
            status: a.status,
            primarySectionId: a.primary_section_id,
            sectionIds: sections.get(a.id) ?? [],
            authorIds: authors.get(a.id) ?? [],
            tagIds: tags.get(a.id) ?? [],
            heroMediaId: a.hero_media_id,
            heroCaption: a.hero_caption,
            heroCredit: a.hero_credit,
            heroAlt: a.hero_alt,
            seoTitle: a.seo_title,
            seoDescription: a.seo_description,
            video: a.video === null ? null : json(a.video, `${where} video`),
            firstPublishedAt: time(a.first_published_at, `${where} first_published_at`),
            updatedAt: time(a.updated_at, `${where} updated_at`),
            modifiedAt: timeNN(a.modified_at, `${where} modified_at`),
            createdAt: timeNN(a.created_at, `${where} created_at`),
            scheduledAt: time(a.scheduled_at, `${where} scheduled_at`),
            createdBy: a.created_by,
            revision: a.revision,
            heldRevision: a.held_revision,
          });
        }
      }
    },
    'collections.jsonl': async (put) => {
      for await (const rows of keyset(reads.collections, size)) {
        const items = await reads.collectionItems(rows.map((c) => c.id));
        for (const c of rows) {
          const where = `collection ${c.id}`;
          await put({
            id: c.id,
            slug: c.slug,
            name: c.name,
            items: items
              .filter((i) => i.collection_id === c.id)
              .map((i) => ({
                articleId: i.article_id,
                startsAt: time(i.starts_at, `${where} starts_at`),
                endsAt: time(i.ends_at, `${where} ends_at`),
              })),
          });
        }
      }
    },
    'revisions.jsonl': async (put) => {
      for await (const rows of keyset(reads.revisions, size)) {
        for (const r of rows) {
          const where = `revision ${r.id}`;
          await put({
            id: r.id,
            articleId: r.article_id,
            number: r.number,
            snapshot: json(r.snapshot, `${where} snapshot`),
            userId: r.user_id,
            kind: r.kind,
            createdAt: timeNN(r.created_at, `${where} created_at`),
          });
        }
      }
    },
    'transitions.jsonl': async (put) => {
      for await (const rows of keyset(reads.transitions, size)) {
        for (const t of rows) {
          await put({
            id: t.id,
            articleId: t.article_id,
            fromStatus: t.from_status,
            toStatus: t.to_status,
            userId: t.user_id,
            note: t.note,
            at: timeNN(t.at, `transition ${t.id} at`),
          });
        }
      }
    },
    'corrections.jsonl': async (put) => {
      for await (const rows of keyset(reads.corrections, size)) {
        for (const c of rows) {
          await put({
            id: c.id,
            articleId: c.article_id,
            kind: c.kind,
            note: c.note,
            userId: c.user_id,
            createdAt: timeNN(c.created_at, `correction ${c.id} created_at`),
          });
        }
      }
    },
    'scheduled-jobs.jsonl': async (put) => {
      for await (const rows of keyset(reads.scheduledJobs(PUBLISH_JOB), size)) {
        for (const j of rows) {
          const where = `job ${j.id}`;
          await put({
            id: j.id,
            kind: j.kind,
            key: j.key,
            payload: json(j.payload, `${where} payload`),
            runAt: timeNN(j.run_at, `${where} run_at`),
            attempts: j.attempts,
            lastError: j.last_error,
            createdAt: timeNN(j.created_at, `${where} created_at`),
          });
        }
      }
    },
    'audit-log.jsonl': async (put) => {
      for await (const rows of keyset(reads.audit, size)) {
        for (const e of rows) {
          const where = `audit entry ${e.id}`;
          await put({
            id: e.id,
            userId: e.user_id,
            action: e.action,
            subject: e.subject,
            details: json(e.details, `${where} details`),
            ip: e.ip,
            at: timeNN(e.at, `${where} at`),
          });
        }
      }
    },
  };
}
