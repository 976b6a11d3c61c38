// The newsroom dashboard through HTTP, for a writer and an editor: each list holds the right stories in the
// right order, with real times, and each "See all" leads to an article-finder page that lists the same stories.
// Runs on SQLite and again on PostgreSQL (vitest.config.ts BOTH_DIALECTS).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { suiteTestDb, type TestDb } from '../../test/support/db.ts';
import { hoursBefore, makePerson, makeSection, T0 } from '../../test/support/factories.ts';
import { testApp } from '../../test/support/app.ts';
import { articleBody, signIn, team, type Member, type Session } from '../../test/support/newsroom.ts';

let t: TestDb;
let app: FastifyInstance;
let people: Awaited<ReturnType<typeof team>>;
let now = T0;
const at = (hoursAgo: number) => {
  now = new Date(hoursBefore(hoursAgo));
};
const ids: Record<string, number> = {};
let editor: Session;
let writer: Session;

async function story(who: Member, headline: string, hoursAgo: number, authorIds: number[] = []) {
  at(hoursAgo);
  const { id } = await app.services.content.create(who.actor, articleBody(news, { headline, authorIds }));
  ids[headline] = id;
  return id;
}
let news: number;

beforeAll(async () => {
  t = await suiteTestDb();
  app = await testApp(t.store, {}, () => now);
  news = await makeSection(t.store, 'news', 'News');
  people = await team(app);
  const { writer: wendy, writer2: walter, editor: eddie } = people;
  const reporter = await makePerson(t.store, 'Rita Reporter');
  const { workflow } = app.services;

  await story(wendy, 'Wendy old draft', 40);
  await story(wendy, 'Wendy early submission', 10, [reporter]);
  at(9);
  await workflow.submit(wendy.actor, ids['Wendy early submission']!, {});
  await story(wendy, 'Wendy late submission', 6);
  at(2);
  await workflow.submit(wendy.actor, ids['Wendy late submission']!, {});
  // A save an hour ago: the newest change of her work, though the draft was started 20 hours ago.
  const fresh = await story(wendy, 'Wendy fresh draft', 20);
  at(1);
  await app.services.content.saveRequest(wendy.actor, fresh, {
    article: articleBody(news, { headline: 'Wendy fresh draft', standfirst: 'Now with a standfirst.' }),
    baseRevision: 1,
  });

  await story(walter, 'Walter draft', 3);
  await story(walter, 'Walter submission', 8);
  at(5);
  await workflow.submit(walter.actor, ids['Walter submission']!, {});

  await story(eddie, 'Eddie draft', 0.5);
  await story(eddie, 'Eddie later slot', 8);
  at(7);
  await workflow.schedule(eddie.actor, ids['Eddie later slot']!, { at: new Date(T0.getTime() + 5 * 3_600_000).toISOString() });
  await story(wendy, 'Wendy next slot', 6);
  at(4);
  await workflow.schedule(eddie.actor, ids['Wendy next slot']!, { at: new Date(T0.getTime() + 2 * 3_600_000).toISOString() });

  for (const [headline, who, hoursAgo] of [
    ['Walter published yesterday', walter, 12],
    ['Wendy published this morning', wendy, 3],
    ['Eddie published just now', eddie, 1.5],
  ] as const) {
    await story(who, headline, hoursAgo + 1);
    at(hoursAgo);
    await workflow.publish(eddie.actor, ids[headline]!, {});
  }

  now = T0;
  editor = await signIn(app, eddie.user.email);
  writer = await signIn(app, wendy.user.email);
});
afterAll(async () => {
  await app?.close();
  await t?.destroy();
});

const get = async (s: Session, url: string) => {
  const res = await app.inject({ method: 'GET', url, headers: s.headers(false) });
  expect(res.statusCode, url).toBe(200);
  return res.body;
};

/** A dashboard list by its id: its heading, its stories' headlines in order, its cards and "See all" addresses. */
function list(html: string, id: string) {
  const m = new RegExp(`<section class="nr-dash-list" aria-labelledby="${id}" id="${id}-list">([\\s\\S]*?)</section>`).exec(html);
  if (!m) throw new Error(`no list ${id}`);
  const body = m[1]!;
  return {
    title: /<h2[^>]*>([^<]*)<\/h2>/.exec(body)![1],
    headlines: [...body.matchAll(/class="nr-dash-headline" href="\/newsroom\/articles\/\d+">([^<]+)<\/a>/g)].map((x) => x[1]),
    cards: body.split('<li class="nr-dash-item">').slice(1),
    seeAll: [...body.matchAll(/<p class="nr-dash-all">([\s\S]*?)<\/p>/g)].flatMap((p) =>
      [...p[1]!.matchAll(/href="([^"]+)"/g)].map((x) => x[1]!.replaceAll('&amp;', '&')),
    ),
    body,
  };
}
const card = (l: ReturnType<typeof list>, headline: string) => l.cards.find((c) => c.includes(`>${headline}</a>`))!;
/** The headlines an article-finder page lists, in order. */
const found = (html: string) => [...html.matchAll(/<td><a href="\/newsroom\/articles\/\d+">([^<]+)<\/a><\/td>/g)].map((x) => x[1]);

describe('the dashboard for an editor', () => {
  it('my work: the editor’s own drafts and stories in review, newest change first', async () => {
    const mine = list(await get(editor, '/newsroom'), 'dash-mine');
    expect(mine.title).toBe('My work');
    expect(mine.headlines).toEqual(['Eddie draft']);
    expect(card(mine, 'Eddie draft')).toContain(`Changed <time datetime="${hoursBefore(0.5)}" title="20 November 2026`);
    expect(card(mine, 'Eddie draft')).toContain('>30 min ago</time>');
  });

  it('needs my review: every story in review, longest waiting first, with who submitted it and when', async () => {
    const review = list(await get(editor, '/newsroom'), 'dash-review');
    expect(review.title).toBe('Needs my review');
    expect(review.headlines).toEqual(['Wendy early submission', 'Walter submission', 'Wendy late submission']);
    expect(card(review, 'Walter submission')).toMatch(
      new RegExp(`Submitted by Walter Writer <time datetime="${hoursBefore(5)}" title="[^"]+">5 h ago</time>`),
    );
    // The byline when there is one, else who created it; the section by name; the status in words.
    expect(card(review, 'Wendy early submission')).toContain('<span>By Rita Reporter</span>');
    expect(card(review, 'Wendy late submission')).toContain('<span>Created by Wendy Writer</span>');
    expect(card(review, 'Wendy late submission')).toContain(
      '<span class="nr-status nr-status-in_review">In review</span><span>News</span>',
    );
  });

  it('scheduled: what goes out next, soonest first, with the exact time in the newsroom’s zone', async () => {
    const scheduled = list(await get(editor, '/newsroom'), 'dash-scheduled');
    expect(scheduled.headlines).toEqual(['Wendy next slot', 'Eddie later slot']);
    expect(card(scheduled, 'Wendy next slot')).toMatch(/Goes out <time datetime="2026-11-20T14:00:00.000Z" title="[^"]+">in 2 h<\/time>/);
    expect(card(scheduled, 'Wendy next slot')).toContain('· 20 November 2026 at 14:00 UTC');
  });

  it('recently published: newest first, each with its live page', async () => {
    const published = list(await get(editor, '/newsroom'), 'dash-published');
    expect(published.headlines).toEqual(['Eddie published just now', 'Wendy published this morning', 'Walter published yesterday']);
    const c = card(published, 'Walter published yesterday');
    expect(c).toMatch(/Published <time datetime="2026-11-20T00:00:00.000Z" title="[^"]+">12 h ago<\/time>/);
    expect(c).toContain(`href="/news/2026/11/20/${ids['Walter published yesterday']}/walter-published-yesterday"`);
    expect(c).toContain(`href="/newsroom/articles/${ids['Walter published yesterday']}"`);
  });

  it('every "See all" leads to a finder page that lists the same stories (in the same order where the finder sorts alike)', async () => {
    const html = await get(editor, '/newsroom');
    for (const id of ['dash-mine', 'dash-review', 'dash-scheduled', 'dash-published']) {
      const l = list(html, id);
      const listed = (await Promise.all(l.seeAll.map(async (href) => found(await get(editor, href))))).flat();
      expect(l.seeAll.length, id).toBeGreaterThan(0);
      expect(new Set(listed), id).toEqual(new Set(l.headlines));
      if (id === 'dash-published') expect(listed).toEqual(l.headlines);
    }
  });
});

describe('the dashboard for a writer', () => {
  it('my work: her drafts and submissions, newest change first; nobody else’s', async () => {
    const mine = list(await get(writer, '/newsroom'), 'dash-mine');
    expect(mine.headlines).toEqual(['Wendy fresh draft', 'Wendy late submission', 'Wendy early submission', 'Wendy old draft']);
    expect(card(mine, 'Wendy fresh draft')).toContain('>1 h ago</time>');
    expect(card(mine, 'Wendy old draft')).toContain('>1 day ago</time>');
  });

  it('waiting for review instead of the queue: only her own submitted stories', async () => {
    const html = await get(writer, '/newsroom');
    expect(html).not.toContain('Needs my review');
    const review = list(html, 'dash-review');
    expect(review.title).toBe('Waiting for review');
    expect(review.headlines).toEqual(['Wendy early submission', 'Wendy late submission']);
    expect(list(html, 'dash-scheduled').headlines).toEqual(['Wendy next slot']);
    expect(list(html, 'dash-published').headlines).toEqual([
      'Eddie published just now',
      'Wendy published this morning',
      'Walter published yesterday',
    ]);
  });

  it('her "See all" links list the same stories', async () => {
    const html = await get(writer, '/newsroom');
    for (const id of ['dash-mine', 'dash-review', 'dash-scheduled']) {
      const l = list(html, id);
      const listed = (await Promise.all(l.seeAll.map(async (href) => found(await get(writer, href))))).flat();
      expect(new Set(listed), id).toEqual(new Set(l.headlines));
    }
  });

  it('an empty list says so', async () => {
    now = T0;
    const { writer2 } = people;
    const walter = await signIn(app, writer2.user.email);
    // Walter's draft is his; his submission waits; nothing of his is scheduled.
    expect(list(await get(walter, '/newsroom'), 'dash-scheduled').body).toContain('<p class="nr-empty">Nothing scheduled.</p>');
    const eddie = list(await get(editor, '/newsroom'), 'dash-review');
    expect(eddie.body).not.toContain('nr-empty');
  });
});
