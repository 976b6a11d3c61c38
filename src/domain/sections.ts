// The section tree (News › Russia): navigation, breadcrumbs and which sections a listing covers.
import type { Section } from './model.ts';

export class SectionTree {
  private readonly byId = new Map<number, Section>();
  private readonly byPath = new Map<string, Section>();
  private readonly children = new Map<number | null, Section[]>();

  constructor(sections: Section[]) {
    for (const s of sections) {
      this.byId.set(s.id, s);
      this.byPath.set(s.path, s);
      const siblings = this.children.get(s.parentId) ?? [];
      siblings.push(s);
      this.children.set(s.parentId, siblings);
    }
    for (const list of this.children.values()) list.sort((a, b) => a.position - b.position || a.id - b.id);
  }

  get(id: number): Section | undefined {
    return this.byId.get(id);
  }

  find(path: string): Section | undefined {
    return this.byPath.get(path);
  }

  roots(): Section[] {
    return this.children.get(null) ?? [];
  }

  childrenOf(id: number): Section[] {
    return this.children.get(id) ?? [];
  }

  /** From the root down to this section, inclusive: the breadcrumb. */
  trail(id: number): Section[] {
    const out: Section[] = [];
    for (let s = this.byId.get(id); s; s = s.parentId === null ? undefined : this.byId.get(s.parentId)) {
      out.unshift(s);
      if (out.length > 64) break; // a cycle would be a data error; never loop forever on it
    }
    return out;
  }

  /** This section and every section below it. */
  subtreeIds(id: number): number[] {
    const out: number[] = [];
    const stack = [id];
    while (stack.length && out.length < 10_000) {
      const next = stack.pop()!;
      out.push(next);
      for (const c of this.childrenOf(next)) stack.push(c.id);
    }
    return out;
  }
}
