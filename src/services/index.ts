// One set of services for every door: the reader site, the newsroom UI and the JSON API call these.
import { EventBus } from '../events/bus.ts';
import type { Store } from '../store/index.ts';
import { authService } from './auth/auth.ts';
import { jobRunner } from './jobs.ts';
import { contentService } from './newsroom/content.ts';
import { curationService } from './newsroom/curation.ts';
import { deskService } from './newsroom/desk.ts';
import { PUBLISH_JOB, workflowService } from './newsroom/workflow.ts';
import { readerService } from './reader.ts';
import { mediaService } from './media.ts';

export function createServices(store: Store, mediaDir: string, clock: () => Date = () => new Date(), events = new EventBus()) {
  const workflow = workflowService(store, events, clock);
  const jobs = jobRunner(store, {
    [PUBLISH_JOB]: async (job) => {
      await workflow.publishDue(Number(job.payload.articleId));
    },
  }, { clock });
  const auth = authService(store, clock);
  return {
    events,
    reader: readerService(store, clock),
    auth,
    newsroom: deskService(store, auth, clock),
    content: contentService(store, events, clock),
    workflow,
    curation: curationService(store, events, clock),
    media: mediaService(store, mediaDir, clock),
    jobs,
  };
}

export type Services = ReturnType<typeof createServices>;
