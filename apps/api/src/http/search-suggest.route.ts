import { Router } from 'express';
import { z } from 'zod';
import { PublicSearchSuggestionsSchema, SEARCH_QUERY_MAX_LENGTH } from '@newsroom/domain';
import type { Services } from '@newsroom/services';
import { sendError } from './staff-session.ts';

/** The same keystrokes come from many readers: a shared cache may answer them for a minute. */
export const SUGGEST_CACHE_CONTROL = 'public, max-age=60';

const SuggestQuerySchema = z.object({
  q: z
    .string({ error: 'must be given once, as text' })
    .trim()
    .max(SEARCH_QUERY_MAX_LENGTH, { error: `must be at most ${SEARCH_QUERY_MAX_LENGTH} characters` })
    .default(''),
});

/**
 * GET /search/suggest?q=: headlines of public articles for the header's search box as the reader types,
 * `{ results: [{ headline, url }] }`, at most five. Text shorter than two characters finds nothing; a bad
 * `q` is 400 `{ error: { message, code, field: 'q' } }`.
 */
export function searchSuggestRoute(services: Services): Router {
  const router = Router();
  router.get('/search/suggest', async (req, res, next) => {
    const input = SuggestQuerySchema.safeParse(req.query);
    if (!input.success) {
      res.setHeader('Cache-Control', 'no-store');
      const reason = input.error.issues[0]?.message ?? 'is not valid';
      return sendError(res, 400, 'BAD_REQUEST', `The query parameter q ${reason}.`, 'q');
    }
    try {
      const results = await services.suggest.suggest(input.data.q);
      res.setHeader('Cache-Control', SUGGEST_CACHE_CONTROL);
      // Only the public shape leaves, whatever the service returns.
      res.json(PublicSearchSuggestionsSchema.parse({ results }));
    } catch (error) {
      next(error);
    }
  });
  return router;
}
