import { authorKey, type AuthorRef } from './article-details.ts';

/**
 * The byline picker's rules, apart from React: who it offers for what was typed, when it offers to make a
 * guest author, and who may be taken off. The server checks the same things; these only keep the
 * picker from offering what it would refuse.
 */

/** Lower case without accents, so "zoe" finds "Zoë". */
export function foldName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/**
 * Staff and guests whose name contains `query`, leaving out those already on the byline: names that start
 * with it first, then by name. Everyone (up to `limit`) when nothing is typed.
 */
export function bylineCandidates(people: readonly AuthorRef[], chosen: readonly AuthorRef[], query: string, limit = 20): AuthorRef[] {
  const taken = new Set(chosen.map(authorKey));
  const q = foldName(query);
  return people
    .filter((p) => !taken.has(authorKey(p)))
    .map((p) => ({ p, name: foldName(p.name) }))
    .filter(({ name }) => name.includes(q))
    .sort((a, b) => Number(b.name.startsWith(q)) - Number(a.name.startsWith(q)) || a.name.localeCompare(b.name) || a.p.kind.localeCompare(b.p.kind))
    .slice(0, limit)
    .map(({ p }) => p);
}

/** Longest guest author name the server takes. */
export const GUEST_NAME_MAX = 120;

/**
 * The name to offer a new guest author under, or null: only when the role may make one, something is
 * typed, and no guest author has that name already (pick them instead of making a second).
 */
export function newGuestName(query: string, guests: readonly AuthorRef[], canCreate: boolean): string | null {
  const name = query.trim().replace(/\s+/g, ' ');
  if (!canCreate || !name || name.length > GUEST_NAME_MAX) return null;
  const folded = foldName(name);
  return guests.some((g) => foldName(g.name) === folded) ? null : name;
}

/**
 * May this entry be taken off? Not the last one (a byline needs someone), and not oneself when the role
 * edits only its own articles (the server refuses that too).
 */
export function mayRemoveAuthor(author: AuthorRef, authors: readonly AuthorRef[], selfId: string, mayRemoveSelf: boolean): boolean {
  if (authors.length <= 1) return false;
  return mayRemoveSelf || !(author.kind === 'staff' && author.id === selfId);
}
