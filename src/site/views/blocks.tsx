// Renders an article body (structured blocks) to HTML. Every string goes through Preact, which escapes it;
// nothing here builds markup from text.
import type { Block, Body, Inline } from '../../domain/blocks.ts';
import type { MediaRef } from '../../domain/model.ts';
import { ArticleCard, Picture } from './parts.tsx';
import type { ArticleSummary } from '../../domain/model.ts';
import type { SiteContext } from '../../web/context.ts';
import { socialPost } from '../../domain/social.ts';

function InlineRun({ run }: { run: Inline }) {
  let node: preact.ComponentChild = run.text;
  if (run.italic) node = <em>{node}</em>;
  if (run.bold) node = <strong>{node}</strong>;
  if (run.href) {
    const external = /^https?:/i.test(run.href);
    node = (
      <a href={run.href} {...(external ? { rel: 'noopener noreferrer' } : {})}>
        {node}
      </a>
    );
  }
  return <>{node}</>;
}

function Inlines({ content }: { content: Inline[] }) {
  return (
    <>
      {content.map((run, i) => (
        <InlineRun key={i} run={run} />
      ))}
    </>
  );
}

/** The stories link cards may show, and what their addresses need; without it, link cards are left out. */
export interface LinkedStories {
  articles: Map<number, ArticleSummary>;
  site: SiteContext;
}

function BlockView({ block, media, linked }: { block: Block; media: Map<number, MediaRef>; linked?: LinkedStories }) {
  switch (block.type) {
    case 'paragraph':
      return (
        <p>
          <Inlines content={block.content} />
        </p>
      );
    case 'heading':
      return block.level === 2 ? <h2>{block.text}</h2> : <h3>{block.text}</h3>;
    case 'quote':
      return (
        <figure class={block.pull ? 'quote pull-quote' : 'quote'}>
          <blockquote>
            <p>{block.text}</p>
          </blockquote>
          {block.attribution && <figcaption>— {block.attribution}</figcaption>}
        </figure>
      );
    case 'image': {
      const m = media.get(block.mediaId);
      if (!m) return null; // a deleted picture leaves no broken image behind
      return (
        <figure class="inline-image">
          <Picture media={m} alt={block.alt} sizes="(min-width: 760px) 720px, 100vw" />
          {(block.caption || block.credit) && (
            <figcaption>
              {block.caption}
              {block.credit && <span class="credit"> {block.credit}</span>}
            </figcaption>
          )}
        </figure>
      );
    }
    case 'factbox':
      return (
        <aside class="factbox" aria-label={block.title || 'Key facts'}>
          {block.title && <p class="factbox-title">{block.title}</p>}
          <ul>
            {block.items.map((item, i) => (
              <li key={i}>
                <Inlines content={item} />
              </li>
            ))}
          </ul>
        </aside>
      );
    case 'articleLink': {
      const story = linked?.articles.get(block.articleId);
      if (!story || !linked) return null; // not (or no longer) published: no dead card
      return (
        <aside class="link-card" aria-label="Related story">
          <p class="link-card-label">Read more</p>
          <ArticleCard article={story} site={linked.site} image standfirst={false} level={3} />
        </aside>
      );
    }
    case 'list': {
      const items = block.items.map((item, i) => (
        <li key={i}>
          <Inlines content={item} />
        </li>
      ));
      return block.style === 'ordered' ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'embed':
      if (block.kind === 'social') return <SocialCard url={block.url} title={block.title} caption={block.caption} />;
      return (
        <figure class="embed">
          <p>
            <a href={block.url} rel="noopener noreferrer">
              {block.title || (block.kind === 'video' ? 'Watch the video' : block.url)}
            </a>
          </p>
          {block.caption && <figcaption>{block.caption}</figcaption>}
        </figure>
      );
  }
}

/**
 * A social post as a card that loads nothing from the network until the reader asks: without JavaScript (or
 * before the click) it is a plain link; the button swaps in the network's own embed frame (public/site.js).
 */
function SocialCard({ url, title, caption }: { url: string; title?: string; caption?: string }) {
  const post = socialPost(url);
  if (!post) return null;
  return (
    <figure class={`embed social social-${post.provider}`} data-embed-frame={post.frame} data-embed-name={post.name}>
      <div class="social-card">
        <p class="social-network">Post on {post.name}</p>
        {title && <p class="social-title">{title}</p>}
        <p>
          <a href={url} rel="noopener noreferrer">
            View it on {post.name}
          </a>
        </p>
        <p class="social-consent" hidden data-embed-consent>
          <button type="button" data-load-embed>
            Show the post here
          </button>{' '}
          <span class="social-note">Showing it loads it from {post.name}, which may set cookies and learn that you read this page.</span>
        </p>
      </div>
      {caption && <figcaption>{caption}</figcaption>}
    </figure>
  );
}

export function BodyView({ body, media, linked }: { body: Body; media: Map<number, MediaRef>; linked?: LinkedStories }) {
  return (
    <div class="article-body">
      {body.map((block, i) => (
        <BlockView key={i} block={block} media={media} linked={linked} />
      ))}
    </div>
  );
}
