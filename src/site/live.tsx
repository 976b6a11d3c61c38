// /live: the channel's live stream with the schedule text, and the hls.js file the players load where the
// browser has no native HLS.
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';
import type { Services } from '../services/index.ts';
import type { SiteContext } from '../web/context.ts';
import { setSurrogateKeys } from '../cache/keys.ts';
import { sendPage } from '../web/render.ts';
import { Layout } from './views/layout.tsx';
import { VideoPlayer } from './views/video.tsx';

const require = createRequire(import.meta.url);
const HLS_JS = path.join(path.dirname(require.resolve('hls.js')), 'hls.min.js');

export function liveRoutes(
  app: FastifyInstance,
  o: { services: Services; site: Omit<SiteContext, 'nav'>; live: { streamUrl: string; schedule: string } | undefined },
) {
  app.get('/live', async (_req, reply) => {
    if (!o.live) throw new AppError('NOT_FOUND', 'There is no live stream at the moment.');
    const [tree, pages] = await Promise.all([o.services.reader.sections(), o.services.reader.sitePages()]);
    const site = { ...o.site, nav: tree.roots(), pages };
    setSurrogateKeys(reply, []); // the navigation only
    return sendPage(
      reply,
      <Layout site={site} meta={{ title: 'Live', description: `Watch ${o.site.siteName} live`, canonical: `${o.site.origin}/live` }}>
        <h1>{o.site.siteName} live</h1>
        <VideoPlayer
          video={{ url: o.live.streamUrl, type: 'hls', durationSeconds: 1, posterMediaId: null, captions: [] }}
          poster={null}
          title={`${o.site.siteName} live stream`}
        />
        {o.live.schedule && (
          <section aria-labelledby="schedule-title">
            <h2 id="schedule-title">Schedule</h2>
            {o.live.schedule.split('\n').map((line, i) => (
              <p key={i}>{line}</p>
            ))}
          </section>
        )}
        <script src="/assets/video.js" defer />
      </Layout>,
    );
  });

  let hls: Promise<Buffer> | undefined;
  app.get('/assets/vendor/hls.min.js', async (_req, reply) => {
    hls ??= fs.readFile(HLS_JS);
    return reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=86400')
      .send(await hls);
  });
}
