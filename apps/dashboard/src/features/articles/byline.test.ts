import { describe, expect, it } from 'vitest';
import type { AuthorRef } from './article-details.ts';
import { bylineCandidates, foldName, mayRemoveAuthor, newGuestName } from './byline.ts';

const staff = (id: string, name: string): AuthorRef => ({ kind: 'staff', id, name });
const guest = (id: string, name: string): AuthorRef => ({ kind: 'guest', id, name });

const people = [staff('u1', 'Ada Lovelace'), staff('u2', 'Zoë Marsh'), guest('g1', 'Reuters'), guest('g2', 'Adam Freelance'), staff('u3', 'Bea Adams')];

describe('bylineCandidates', () => {
  it('finds staff and guests by any part of the name, those starting with it first', () => {
    expect(bylineCandidates(people, [], 'ada').map((p) => p.name)).toEqual(['Ada Lovelace', 'Adam Freelance', 'Bea Adams']);
    expect(bylineCandidates(people, [], 'zoe').map((p) => p.name)).toEqual(['Zoë Marsh']);
    expect(bylineCandidates(people, [], '  REUT ').map((p) => p.id)).toEqual(['g1']);
  });

  it('leaves out whoever is on the byline, telling a guest and a staff member with one id apart', () => {
    const twin = [staff('x1', 'Sam Same'), guest('x1', 'Sam Same')];
    expect(bylineCandidates(twin, [staff('x1', 'Sam Same')], 'sam')).toEqual([guest('x1', 'Sam Same')]);
    expect(bylineCandidates(people, [staff('u1', 'Ada Lovelace'), guest('g2', 'Adam Freelance')], 'ada').map((p) => p.name)).toEqual(['Bea Adams']);
  });

  it('offers everyone, alphabetically and up to the limit, when nothing is typed', () => {
    expect(bylineCandidates(people, [], '').map((p) => p.name)).toEqual(['Ada Lovelace', 'Adam Freelance', 'Bea Adams', 'Reuters', 'Zoë Marsh']);
    expect(bylineCandidates(people, [], '', 2)).toHaveLength(2);
  });
});

describe('newGuestName', () => {
  const guests = people.filter((p) => p.kind === 'guest');

  it('offers the typed name, tidied, when the role may create guest authors', () => {
    expect(newGuestName('  Pat   Stringer ', guests, true)).toBe('Pat Stringer');
    expect(newGuestName('Pat Stringer', guests, false)).toBeNull();
    expect(newGuestName('   ', guests, true)).toBeNull();
    expect(newGuestName('x'.repeat(121), guests, true)).toBeNull();
  });

  it('does not offer a second guest author with a name one already has', () => {
    expect(newGuestName('reuters', guests, true)).toBeNull();
    // A staff member's name is no reason not to: an agency may share it.
    expect(newGuestName('Ada Lovelace', guests, true)).toBe('Ada Lovelace');
  });
});

describe('mayRemoveAuthor', () => {
  const me = staff('me', 'Me');
  const other = guest('g1', 'Reuters');

  it('never takes off the last name, and oneself only when the role edits any article', () => {
    expect(mayRemoveAuthor(me, [me], 'me', true)).toBe(false);
    expect(mayRemoveAuthor(other, [me, other], 'me', false)).toBe(true);
    expect(mayRemoveAuthor(me, [me, other], 'me', false)).toBe(false);
    expect(mayRemoveAuthor(me, [me, other], 'me', true)).toBe(true);
    // A guest who happens to share the user's id is not the user.
    expect(mayRemoveAuthor(guest('me', 'Guest'), [me, guest('me', 'Guest')], 'me', false)).toBe(true);
  });
});

describe('foldName', () => {
  it('ignores case, accents and surrounding space', () => {
    expect(foldName('  Zoë ÅSTRÖM ')).toBe('zoe astrom');
  });
});
