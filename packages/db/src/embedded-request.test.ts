import { protocol } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { bindAndExecute } from './embedded-request.ts';

const { serialize } = protocol;

/** What PGlite's own serializer writes for the same exchange. */
function theirs(statement: string, values: Array<string | null>): Buffer {
  return Buffer.concat([serialize.bind({ statement, values }), serialize.describe({ type: 'P' }), serialize.execute({}), serialize.sync()]);
}

describe('bindAndExecute', () => {
  it.each([
    ['no values', 'newsroom_1', []],
    ['the unnamed statement', '', ['x']],
    ['nulls and empty text', 'newsroom_2', [null, '', null, 'a']],
    ['multi-byte text', 'newsroom_3', ['Zürich — 東京 🌍', '€']],
    ['a long value', 'newsroom_4', ['é'.repeat(70_000), '2026-12-01T03:18:21.178Z']],
  ] as Array<[string, string, Array<string | null>]>)('writes the bytes PGlite writes: %s', (_, statement, values) => {
    expect(bindAndExecute(statement, values).equals(theirs(statement, values))).toBe(true);
  });

  it('refuses more parameters than a Bind message can count', () => {
    expect(() => bindAndExecute('newsroom_5', new Array<string>(65_536).fill('1'))).toThrow(/at most 65535 parameters/);
  });
});
