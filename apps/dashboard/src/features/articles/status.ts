import type { ArticleStatus } from '@newsroom/domain';

export const STATUS_LABELS: Record<ArticleStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  scheduled: 'Scheduled',
  published: 'Published',
  unpublished: 'Unpublished',
  archived: 'Archived',
};

/** Button labels for each move, by the state the article is in. */
export const TRANSITION_LABELS: Partial<Record<ArticleStatus, Partial<Record<ArticleStatus, string>>>> = {
  draft: { in_review: 'Submit for review', scheduled: 'Schedule', published: 'Publish now', archived: 'Archive' },
  in_review: { draft: 'Back to draft', scheduled: 'Schedule', published: 'Publish now', archived: 'Archive' },
  scheduled: { draft: 'Unschedule', scheduled: 'Reschedule', published: 'Publish now' },
  published: { unpublished: 'Unpublish', archived: 'Archive' },
  unpublished: { draft: 'Back to draft', published: 'Republish', archived: 'Archive' },
  archived: { draft: 'Restore to draft' },
};
