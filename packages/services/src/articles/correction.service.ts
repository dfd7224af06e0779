import { DomainError, type AddCorrectionInput, type Correction } from '@newsroom/domain';
import type { ServiceDeps, StaffContext } from '../context.ts';
import { insertAudit } from '../audit/audit.repository.ts';
import { loadArticleFor } from './article-access.ts';
import { insertCorrection, listCorrections, type CorrectionRow } from './correction.repository.ts';

function toCorrection(row: CorrectionRow): Correction {
  return {
    id: row.id,
    kind: row.kind,
    text: row.text,
    author: row.created_by && row.author_name !== null ? { id: row.created_by, name: row.author_name } : null,
    createdAt: row.created_at,
  };
}

/** Corrections and updates: public notes on an article that has been published, shown with it. */
export function createCorrectionService(deps: ServiceDeps) {
  const { db, clock } = deps;
  return {
    async list(ctx: StaffContext, articleId: string): Promise<Correction[]> {
      const article = await loadArticleFor(db, ctx, articleId, 'article.read');
      return (await listCorrections(db, article.id)).map(toCorrection);
    },

    /** Only on an article that has been public: a draft has nothing to correct yet. */
    async add(ctx: StaffContext, input: AddCorrectionInput): Promise<Correction> {
      const article = await loadArticleFor(db, ctx, input.id, 'article.update');
      if (!article.first_published_at) {
        throw new DomainError(
          'BAD_INPUT',
          'Corrections and updates can only be added to an article that has been published.',
          { field: 'id' },
        );
      }
      const row = await db.transaction().execute(async (trx) => {
        const inserted = await insertCorrection(trx, {
          articleId: article.id,
          kind: input.kind,
          text: input.text,
          createdBy: ctx.actor.id,
          at: clock(),
        });
        await insertAudit(trx, ctx, {
          action: 'article.correction_added',
          entityType: 'article',
          entityId: article.id,
          after: { correctionId: inserted.id, kind: input.kind, text: input.text },
        });
        return inserted;
      });
      await deps.onPublicChange?.({ kind: 'article', articleId: article.id });
      return toCorrection(row);
    },
  };
}

export type CorrectionService = ReturnType<typeof createCorrectionService>;
