// Portable "contains, ignoring case" for Prisma filters. SQLite's LIKE already ignores
// ASCII case; PostgreSQL's LIKE does not, and Prisma's `mode: "insensitive"` exists only
// on PostgreSQL, so code shared by both clients cannot use it. Instead every word of the
// term must appear, each in one of its usual casings (as typed, lower, UPPER, Title).
// Caveat on PostgreSQL: a word stored in an unusual mixed case ("CoopBank") is found only
// by a term cased one of those ways ("coopbank" matches, "coOPbank" does not).
// Pure: no database access.

/** At most this many words are matched; a longer term is cut (the first words narrow enough). */
export const MAX_SEARCH_WORDS = 6;

/** The distinct casings a word is tried in. */
export function caseVariants(word: string): string[] {
  const lower = word.toLowerCase();
  return [...new Set([word, lower, word.toUpperCase(), lower.charAt(0).toUpperCase() + lower.slice(1)])];
}

export function searchWords(term: string): string[] {
  return term.trim().split(/\s+/).filter(Boolean).slice(0, MAX_SEARCH_WORDS);
}

type Contains<F extends string> = Record<F, { contains: string }>;

/** A where clause matching rows whose `field` contains every word of `term`, in any usual casing. */
export function containsAnyCase<F extends string>(field: F, term: string): { AND: { OR: Contains<F>[] }[] } {
  return { AND: searchWords(term).map((word) => ({ OR: caseVariants(word).map((v) => ({ [field]: { contains: v } }) as Contains<F>) })) };
}
