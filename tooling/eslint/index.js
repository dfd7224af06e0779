import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Server-only workspace packages: a frontend that imports them would ship database or secret code. */
const serverOnly = ['@newsroom/db', '@newsroom/services', '@newsroom/api'];

export const base = tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
    },
  },
  {
    // Migrations are frozen against `Kysely<any>` on purpose: they must not depend on today's table types.
    files: ['**/migrations/**', '**/migrate.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);

/** For apps/dashboard and apps/reader's browser code: only `domain`, `ui` and types from `trpc`. */
export const frontend = tseslint.config(...base, reactHooks.configs.flat['recommended-latest'] ?? reactHooks.configs['recommended-latest'], {
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        paths: [
          ...serverOnly.map((name) => ({ name, message: 'Frontends cannot import server code.' })),
          { name: '@newsroom/trpc', message: 'Frontends may only `import type` from trpc.', allowTypeImports: true },
        ],
        patterns: [
          { group: [...serverOnly.map((n) => `${n}/*`), '@newsroom/trpc/*'], message: 'Frontends cannot import server code.', allowTypeImports: true },
          { group: ['pg', 'kysely', '@electric-sql/*', 'express', 'node:*'], message: 'Frontends cannot import server libraries.' },
        ],
      },
    ],
  },
});

export default base;
