import type { UserConfig } from 'vitest/config';

export function newsroomVitest(overrides?: NonNullable<UserConfig['test']>): UserConfig;
