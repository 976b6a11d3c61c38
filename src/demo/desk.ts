// The demo newsroom's desk: stories not yet published, so the dashboard shows a working day rather than an
// archive. Drafts edited minutes and hours ago, two stories waiting for review (submitted at different times),
// and one scheduled to go out later today with its publishing job. Times are relative to the seed time.
import type { Block } from '../domain/blocks.ts';
import { slugify } from '../domain/slug.ts';
import type { ArticleStatus } from '../domain/article.ts';
import type { Queries } from '../store/index.ts';
import { PUBLISH_JOB, publishJobKey } from '../services/newsroom/workflow.ts';
import { p } from './types.ts';

interface DeskStory {
  headline: string;
  standfirst: string;
  section: string;
  authors: string[];
  status: Extract<ArticleStatus, 'draft' | 'in_review' | 'scheduled'>;
  /** Hours before the seed time it was started, last changed, and (in review) submitted. */
  createdHoursAgo: number;
  changedHoursAgo: number;
  submittedHoursAgo?: number;
  /** Hours after the seed time a scheduled story goes out. */
  dueInHours?: number;
  text: string;
}

export const deskStories: DeskStory[] = [
  {
    headline: 'Port strike talks resume as shipping queue grows',
    standfirst: 'Union and employers meet again after a week without a deal.',
    section: 'business/markets',
    authors: ['daniel-whitcombe'],
    status: 'draft',
    createdHoursAgo: 3,
    changedHoursAgo: 0.2,
    text: 'Negotiators returned to the table on Thursday morning as more than forty ships waited offshore.',
  },
  {
    headline: 'Flood defences: what the new budget pays for',
    standfirst: 'A line-by-line look at the money set aside for river towns.',
    section: 'science/climate',
    authors: ['adaeze-okafor'],
    status: 'draft',
    createdHoursAgo: 30,
    changedHoursAgo: 2.5,
    text: 'The budget sets aside money for embankments, pumps and early-warning sirens in eleven towns.',
  },
  {
    headline: 'Night trains: two mayors want the Vienna–Berlin sleeper back',
    standfirst: 'Draft for the weekend edition.',
    section: 'news/europe',
    authors: ['jonas-berg'],
    status: 'draft',
    createdHoursAgo: 98,
    changedHoursAgo: 51,
    text: 'Two city mayors want the sleeper service back before the winter timetable.',
  },
  {
    headline: 'Central bank signals pause after three rate rises',
    standfirst: 'Policymakers say inflation is easing faster than expected.',
    section: 'business',
    authors: ['daniel-whitcombe'],
    status: 'in_review',
    createdHoursAgo: 7,
    changedHoursAgo: 4,
    submittedHoursAgo: 4,
    text: 'The bank held its main rate and said further rises were not needed for now.',
  },
  {
    headline: 'Typhoon warning extended to southern coast',
    standfirst: 'Forecasters expect winds above 150 km/h by Sunday.',
    section: 'news/asia-pacific',
    authors: ['priya-raman', 'kenji-morita'],
    status: 'in_review',
    createdHoursAgo: 2,
    changedHoursAgo: 0.75,
    submittedHoursAgo: 0.75,
    text: 'The weather service extended its highest warning to six coastal provinces.',
  },
  {
    headline: 'Ferry timetable changes take effect on Monday',
    standfirst: 'Fewer crossings at night, more at the morning peak.',
    section: 'news/middle-east',
    authors: ['amira-haddad'],
    status: 'scheduled',
    createdHoursAgo: 26,
    changedHoursAgo: 5,
    dueInHours: 3,
    text: 'The operator will add two morning crossings and drop the last sailing of the night.',
  },
];

export async function seedDesk(
  tx: Queries,
  ids: { sections: Map<string, number>; people: Map<string, number> },
  now: Date,
): Promise<number> {
  const at = (hours: number) => new Date(now.getTime() - hours * 3_600_000).toISOString();
  for (const s of deskStories) {
    const sectionId = ids.sections.get(s.section);
    if (sectionId === undefined) throw new Error(`demo desk names an unknown section: "${s.section}"`);
    const authorIds = s.authors.map((slug) => {
      const id = ids.people.get(slug);
      if (id === undefined) throw new Error(`demo desk names an unknown author: "${slug}"`);
      return id;
    });
    const scheduledAt = s.dueInHours !== undefined ? at(-s.dueInHours) : null;
    const id = await tx.articles.create(
      {
        slug: slugify(s.headline),
        headline: s.headline,
        standfirst: s.standfirst,
        body: [p(s.text) as Block],
        kind: 'news',
        status: s.status,
        primarySectionId: sectionId,
        extraSectionIds: [],
        authorIds,
        tagIds: [],
        hero: null,
        firstPublishedAt: null,
        updatedAt: null,
        createdAt: at(s.createdHoursAgo),
        modifiedAt: at(s.changedHoursAgo),
        scheduledAt,
      },
      now.toISOString(),
    );
    if (s.submittedHoursAgo !== undefined)
      await tx.editorial.addTransition({
        articleId: id,
        from: 'draft',
        to: 'in_review',
        userId: null,
        note: '',
        at: at(s.submittedHoursAgo),
      });
    if (scheduledAt) {
      await tx.editorial.addTransition({
        articleId: id,
        from: 'draft',
        to: 'scheduled',
        userId: null,
        note: '',
        at: at(s.changedHoursAgo),
      });
      await tx.jobs.schedule({
        kind: PUBLISH_JOB,
        key: publishJobKey(id),
        payload: { articleId: id },
        runAt: scheduledAt,
        now: now.toISOString(),
      });
    }
  }
  return deskStories.length;
}
