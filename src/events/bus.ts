// Typed domain events. Publishing emits them after the transaction commits; caches, feeds and jobs listen.
import { currentLog, stderrLog, type Log } from '../ops/log.ts';
export interface DomainEvents {
  'article.published': { articleId: number; first: boolean };
  'article.updated': { articleId: number; status: string };
  'article.unpublished': { articleId: number };
  'article.scheduled': { articleId: number; at: string };
  'collection.changed': { slug: string };
  'section.changed': { sectionId: number };
  /** A library picture's alt, caption or credit changed. */
  'media.changed': { mediaId: number };
  /**
   * An author changed (name, title, bio, photo, links, address) or another was merged into them: their page,
   * every article with their byline, and the pages at their old addresses (which now redirect).
   */
  'person.changed': { personId: number; oldSlugs?: string[] };
  /** A tag was renamed, described, or another merged into it; old addresses now redirect. */
  'tag.changed': { tagId: number; oldSlugs?: string[] };
  /**
   * A static page was created, changed, published, taken back or deleted: its addresses (old and new), and with
   * `footer`, what every page's footer and the outlet's structured data show (its title, address, role, place).
   */
  'page.changed': { pageId: number; slugs: string[]; footer: boolean };
}

type Listener<K extends keyof DomainEvents> = (payload: DomainEvents[K]) => void | Promise<void>;

export class EventBus {
  private readonly listeners = new Map<keyof DomainEvents, Listener<any>[]>();

  /** `log` is used outside a request or job; inside one, failures are logged with its id. */
  constructor(private readonly log: Log = stderrLog()) {}

  on<K extends keyof DomainEvents>(event: K, listener: Listener<K>): () => void {
    const list = this.listeners.get(event) ?? [];
    list.push(listener);
    this.listeners.set(event, list);
    return () =>
      this.listeners.set(
        event,
        (this.listeners.get(event) ?? []).filter((l) => l !== listener),
      );
  }

  /** Calls every listener; one that fails is reported and never undoes what already happened. */
  async emit<K extends keyof DomainEvents>(event: K, payload: DomainEvents[K]): Promise<void> {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        await listener(payload);
      } catch (err) {
        currentLog(this.log).error({ err, event }, 'event listener failed');
      }
    }
  }
}
