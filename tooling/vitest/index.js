import { defineConfig } from 'vitest/config';

/**
 * Shared test preset. Database tests start their own PGlite or Postgres database per file, so files run in
 * separate forks; two at a time keeps memory and the two cores in check.
 */
export function newsroomVitest(overrides = {}) {
  return defineConfig({
    test: {
      include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
      pool: 'forks',
      maxWorkers: 2,
      testTimeout: 30_000,
      hookTimeout: 60_000,
      ...overrides,
    },
  });
}
