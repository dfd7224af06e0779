import { test as base, expect } from '@playwright/test';
import { chromiumPath } from '../playwright.config.ts';

export { OWNER } from '../global-setup.ts';

/** Every browser test: skipped, saying why, where this machine has no Chromium. */
export const test = base.extend({});
test.skip(!chromiumPath, 'No Chromium at CHROMIUM_PATH or /usr/bin/chromium: browser tests skipped.');

export { expect };
