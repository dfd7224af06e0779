import type { PreviewLink } from '@newsroom/domain';
import type { ServiceDeps, StaffContext } from '../context.ts';
import { loadArticleFor } from '../articles/article-access.ts';
import { PREVIEW_TTL_MS, signPreviewToken } from './preview-token.ts';

/**
 * Preview links: a signed, expiring URL on the reader site that shows an article in any state, for
 * sharing a draft with someone without an account. The reader checks the token (reader.previewArticle).
 */
export function createPreviewService(deps: ServiceDeps) {
  const { db, clock, config } = deps;
  return {
    async link(ctx: StaffContext, articleId: string): Promise<PreviewLink> {
      const article = await loadArticleFor(db, ctx, articleId, 'article.read');
      const expiresAt = new Date(Math.floor((clock().getTime() + PREVIEW_TTL_MS) / 1000) * 1000);
      const token = signPreviewToken(config.secret, {
        articleId: article.id,
        exp: expiresAt.getTime() / 1000,
      });
      return { url: `${config.publicUrl}/preview/${token}`, expiresAt };
    },
  };
}

export type PreviewService = ReturnType<typeof createPreviewService>;
