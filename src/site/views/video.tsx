// The browser's own video player, with poster and caption tracks. HLS plays natively where the browser can
// (Safari, iOS, most TVs); elsewhere /assets/video.js loads hls.js, served from our own origin.
import type { Video } from '../../domain/video.ts';
import { mimeOf } from '../../domain/video.ts';
import type { MediaRef } from '../../domain/model.ts';
import { fallbackFile, mediaUrl } from '../../domain/urls.ts';

export function VideoPlayer({ video, poster, title }: { video: Video; poster: MediaRef | null; title: string }) {
  return (
    <figure class="video">
      <video
        controls
        preload="none"
        playsInline
        poster={poster ? mediaUrl(fallbackFile(poster)) : undefined}
        width={poster?.width ?? 1600}
        height={poster?.height ?? 900}
        data-hls={video.type === 'hls' ? video.url : undefined}
        aria-label={title}
      >
        <source src={video.url} type={mimeOf(video)} />
        {video.captions.map((c, i) => (
          <track key={c.url} kind="captions" src={c.url} srcLang={c.language} label={c.label} default={i === 0} />
        ))}
        <p>
          Your browser cannot play this video. <a href={video.url}>Open the video directly</a>.
        </p>
      </video>
    </figure>
  );
}
