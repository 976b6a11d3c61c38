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
  /** A published article's saved changes that readers do not see yet (held until Update or Discard). */
  held: boolean;
  /** Preview URLs of the images the body uses, so the editor can show them. */
  previews: Record<string, string>;
  /** Why a video article would be left out of the TV feeds (empty when it would not). */
  tvProblems: string[];
}
