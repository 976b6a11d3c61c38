// An item's full content for feeds: the hero picture and the body, rendered by the site's own BodyView through
// preact-render-to-string (so every text and attribute is escaped exactly as on the article page), with every
// site-relative link and picture made absolute on the address the feed was fetched from: feed readers have no
// page to resolve "/media/…" against.
import { options, type VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Body } from '../../domain/blocks.ts';
import type { ArticleSummary, MediaRef } from '../../domain/model.ts';
import { fallbackFile, mediaUrl } from '../../domain/urls.ts';
import { BodyView } from '../../site/views/blocks.tsx';

export interface FeedImage {
  /** Absolute URL of a JPEG (or the original when there is none). */
  url: string;
  mime: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
}

/** The hero as one picture a feed reader can show: the largest JPEG variant, else the original. */
export function heroImage(hero: ArticleSummary['hero'], origin: string): FeedImage | null {
  if (!hero) return null;
  const file = fallbackFile(hero);
  const variant = hero.variants.find((v) => v.file === file);
  return {
    url: origin + mediaUrl(file),
    mime: variant ? `image/${variant.format}` : hero.mime,
    width: variant?.width ?? hero.width,
    height: variant?.height ?? hero.height,
    alt: hero.alt,
    caption: hero.caption,
    credit: hero.credit,
  };
}

const absolute = (origin: string, url: string) => (url.startsWith('/') && !url.startsWith('//') ? origin + url : url);

/**
 * Renders `build()` with every href, src and srcset made absolute. The hook sees each element as it is created, so
 * the tree is built inside the call (by `build` and by the components it renders). Rendering is synchronous, so
 * the hook is in place for exactly this render; whatever hook was there before still runs and is put back.
 */
export function renderWithAbsoluteUrls(build: () => VNode, origin: string): string {
  const previous = options.vnode;
  options.vnode = (v) => {
    if (typeof v.type === 'string' && v.props && typeof v.props === 'object') {
      const props = v.props as Record<string, unknown>;
      for (const name of ['href', 'src']) if (typeof props[name] === 'string') props[name] = absolute(origin, props[name]);
      if (typeof props.srcset === 'string') {
        props.srcset = props.srcset
          .split(',')
          .map((candidate) => {
            const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
            return [absolute(origin, url), ...descriptor].join(' ');
          })
          .join(', ');
      }
    }
    previous?.(v);
  };
  try {
    return renderToString(build());
  } finally {
    options.vnode = previous;
  }
}

function Content({ image, body, media }: { image: FeedImage | null; body: Body; media: Map<number, MediaRef> }) {
  return (
    <>
      {image && (
        <figure class="hero">
          <img src={image.url} alt={image.alt} width={image.width} height={image.height} />
          {(image.caption || image.credit) && (
            <figcaption>
              {image.caption}
              {image.credit && <span class="credit"> {image.credit}</span>}
            </figcaption>
          )}
        </figure>
      )}
      <BodyView body={body} media={media} />
    </>
  );
}

/** The item's HTML (hero, then body) as a string, to be escaped once more by the feed format that carries it. */
export function contentHtml(image: FeedImage | null, body: Body, media: Map<number, MediaRef>, origin: string): string {
  return renderWithAbsoluteUrls(() => <Content image={image} body={body} media={media} />, origin);
}
