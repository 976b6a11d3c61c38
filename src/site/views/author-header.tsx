// The head of an author's page: photo, name, title, short bio and links. The links were checked when saved
// (domain/people.ts: http(s) and mailto only) and are rendered as attributes, escaped like everything else.
import type { PersonProfile } from '../../domain/people.ts';
import { fallbackFile, mediaUrl } from '../../domain/urls.ts';
import { srcset } from '../../web/format.ts';

const PHOTO_WIDTH = 160;

/** A small portrait: the browser picks the smallest AVIF or WebP copy that fills 160 CSS pixels, or the JPEG. */
function Portrait({ photo, name }: { photo: NonNullable<PersonProfile['photo']>; name: string }) {
  const sizes = `${PHOTO_WIDTH}px`;
  const avif = srcset(photo, 'avif');
  const webp = srcset(photo, 'webp');
  return (
    <picture class="author-photo">
      {avif && <source type="image/avif" srcset={avif} sizes={sizes} />}
      {webp && <source type="image/webp" srcset={webp} sizes={sizes} />}
      <img
        src={mediaUrl(fallbackFile(photo))}
        alt={name}
        width={PHOTO_WIDTH}
        height={Math.round((PHOTO_WIDTH * photo.height) / Math.max(1, photo.width))}
        decoding="async"
      />
    </picture>
  );
}

export function AuthorHeader({ person }: { person: PersonProfile }) {
  return (
    <header class="author-header">
      {person.photo && <Portrait photo={person.photo} name={person.name} />}
      <div class="author-text">
        <h1>{person.name}</h1>
        {person.title && <p class="kicker">{person.title}</p>}
        {person.bio && <p class="bio">{person.bio}</p>}
        {person.links.length > 0 && (
          <ul class="author-links" aria-label={`${person.name} elsewhere`}>
            {person.links.map((l) => (
              <li key={l.url}>
                <a href={l.url} rel={l.url.startsWith('mailto:') ? undefined : 'me noopener'}>
                  {l.label}
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>
    </header>
  );
}
