// Portable "contains, ignoring case" for Prisma filters. SQLite's LIKE already ignores
// ASCII case; PostgreSQL's LIKE does not, and Prisma's `mode: "insensitive"` exists only
// on PostgreSQL, so code shared by both clients cannot use it. Instead a term is searched
// as typed and in its usual casings (lower, upper, Title Case, First letter). Caveat on
// PostgreSQL: a name stored in an unusual mixed case ("CoopBank") is found only by a term
// that matches one of those casings ("coopbank" matches, "cOOPbANK" does not).
// Pure: no database access.

const title = (s: string) => s.toLowerCase().replace(/(^|[\s\-'(])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());

/** The distinct casings a search term is tried in. */
export function caseVariants(term: string): string[] {
  const lower = term.toLowerCase();
  return [...new Set([term, lower, term.toUpperCase(), title(term), lower.charAt(0).toUpperCase() + lower.slice(1)])];
}

/** A where clause matching rows whose `field` contains `term` in any of its usual casings. */
export function containsAnyCase<F extends string>(field: F, term: string): { OR: Record<F, { contains: string }>[] } {
  return { OR: caseVariants(term).map((v) => ({ [field]: { contains: v } }) as Record<F, { contains: string }>) };
}
