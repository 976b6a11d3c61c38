// What the editor page shows: the article's editable form, where it stands, and the choices beside it.
import type { Person, Section } from '../../domain/model.ts';
import type { ArticleInput } from '../../services/newsroom/schema.ts';

export interface EditorModel {
  id: number | null;
  revision: number;
  status: string;
  createdBy: number | null;
  input: ArticleInput;
  sections: Section[];
  people: Person[];
  lockHolder: { name: string } | null;
  scheduledAt: string | null;
  /** When the story last changed (null before its first save). */
  savedAt: string | null;
  /** A published article's saved changes that readers do not see yet (held until Update or Discard). */
  held: boolean;
  /** Preview URLs of the images the body uses, so the editor can show them. */
  previews: Record<string, string>;
  /** Why a video article would be left out of the TV feeds (empty when it would not). */
  tvProblems: string[];
  /** Where readers find the article, when it is live. */
  liveUrl?: string | null;
}

/** A section as editors know it: its name with the names above it ("News › Africa"), never its path. */
export function sectionLabels(sections: Section[]): Map<number, string> {
  const byId = new Map(sections.map((s) => [s.id, s]));
  const label = (s: Section): string => {
    const parent = s.parentId === null ? undefined : byId.get(s.parentId);
    return parent ? `${label(parent)} › ${s.name}` : s.name;
  };
  return new Map(sections.map((s) => [s.id, label(s)]));
}
