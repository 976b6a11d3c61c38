// How long a story is, as the editor's top bar says it (the server renders it first, the browser keeps it current).

const WORDS_PER_MINUTE = 230;

/** Words with a letter or digit in them (a lone dash or bullet is not a word). */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** "412 words · 2 min read": never under a minute once there are words. */
export function lengthLabel(words: number): string {
  const minutes = Math.max(1, Math.round(words / WORDS_PER_MINUTE));
  return words === 0 ? 'No words yet' : `${words.toLocaleString('en')} word${words === 1 ? '' : 's'} · ${minutes} min read`;
}
