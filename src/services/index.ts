// One set of services for every door: the reader site, the newsroom UI and the JSON API call these.
import { EventBus } from '../events/bus.ts';
import type { Log } from '../ops/log.ts';
import type { Store } from '../store/index.ts';
import { authService } from './auth/auth.ts';
import { jobRunner } from './jobs.ts';
import { contentService } from './newsroom/content.ts';
import { curationService } from './newsroom/curation.ts';
import { deskService } from './newsroom/desk.ts';
import { PUBLISH_JOB, workflowService } from './newsroom/workflow.ts';
import { heldEditsService } from './newsroom/held-edits.ts';
import { bulkService } from './newsroom/bulk.ts';
import { peopleService } from './newsroom/people.ts';
import { tagsService } from './newsroom/tags.ts';
import { pagesService } from './newsroom/pages.ts';
import { readerService } from './reader.ts';
import { mediaService } from './media.ts';
import { tvService } from './tv.ts';
// Feeds: WebSub hub notices are queued jobs (src/services/websub).
import { WEBSUB_JOB, websubJobHandler } from './websub/hub.ts';
import { listenForFeedChanges, type WebSubOptions } from './websub/listener.ts';
import type { AllowList } from '../net/addresses.ts';

export interface ServiceOptions {
  /** Where pictures are stored. */
  mediaDir: string;
  /** The primary public origin, for absolute links in TV feeds and WebSub notices. */
  origin: string;
  /** Newsroom time zone, for article URLs. */
  timezone: string;
  /** WebSub hub to notify when feeds change; none when unset. */
  websubHub?: string;
  /** Private hosts server-side fetches (the WebSub hub) may reach (MASTHEAD_FETCH_ALLOW_HOSTS). */
  fetchAllow?: AllowList;
  clock?: () => Date;
  events?: EventBus;
  /** Where background work logs (the app's logger); each job adds its own id. */
  log?: Log;
}

export function createServices(store: Store, o: ServiceOptions) {
  const clock = o.clock ?? (() => new Date());
  const events = o.events ?? new EventBus(o.log);
  const websub: WebSubOptions = { hub: o.websubHub, origin: o.origin };
  // Publishing, plus the held edits of live articles (update now or at a time, discard).
  const workflow = { ...workflowService(store, events, clock), ...heldEditsService(store, events, clock) };
  const jobs = jobRunner(
    store,
    {
      [PUBLISH_JOB]: async (job) => {
        await workflow.publishDue(Number(job.payload.articleId));
      },
      [WEBSUB_JOB]: websubJobHandler(websub.hub, { allow: o.fetchAllow }), // feeds: notify the WebSub hub (retried with back-off)
    },
    { clock, log: o.log },
  );
  listenForFeedChanges(events, store, websub, clock); // feeds: queue hub notices when articles change
  const auth = authService(store, clock);
  const content = contentService(store, events, clock);
  const reader = readerService(store, clock);
  events.on('section.changed', () => reader.forgetSections());
  // The footer's pages are kept with the section tree (services/reader.ts).
  events.on('page.changed', ({ footer }) => void (footer && reader.forgetSections()));
  return {
    events,
    reader,
    auth,
    newsroom: deskService(store, auth, clock),
    content,
    workflow,
    bulk: bulkService(content, workflow),
    curation: curationService(store, events, clock),
    people: peopleService(store, events, clock),
    tags: tagsService(store, events, clock),
    pages: pagesService(store, events, clock),
    media: mediaService(store, events, o.mediaDir, clock),
    tv: tvService(store, { origin: o.origin, timezone: o.timezone }),
    jobs,
  };
}

export type Services = ReturnType<typeof createServices>;
