import type { MediaItem } from '@newsroom/domain';
import { formatDate } from './media-api.ts';
import './media.css';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Short warnings shown on a card: what stops the image being used, or will soon. */
export function mediaBadges(item: MediaItem, now = new Date()): Array<{ text: string; tone: 'warn' | 'danger' }> {
  const badges: Array<{ text: string; tone: 'warn' | 'danger' }> = [];
  if (item.withdrawnAt) badges.push({ text: 'Withdrawn', tone: 'danger' });
  if (!item.altText.trim()) badges.push({ text: 'No alt text', tone: 'warn' });
  if (item.licenseExpiresAt && !item.withdrawnAt) {
    const days = Math.ceil((item.licenseExpiresAt.getTime() - now.getTime()) / DAY_MS);
    if (days <= 0) badges.push({ text: `Licence ended ${formatDate(item.licenseExpiresAt)}`, tone: 'danger' });
    else if (days <= 30) badges.push({ text: `Licence ends in ${days} ${days === 1 ? 'day' : 'days'}`, tone: 'warn' });
  }
  return badges;
}

interface MediaGridProps {
  items: MediaItem[];
  onSelect: (item: MediaItem) => void;
  /** In the picker, the chosen card is pressed. */
  selectedId?: string | null;
  label: string;
}

/** Thumbnails as buttons, each named by its alt text (or file name) and its warnings. */
export function MediaGrid({ items, onSelect, selectedId, label }: MediaGridProps) {
  return (
    <ul className="media-grid" aria-label={label}>
      {items.map((item) => {
        const badges = mediaBadges(item);
        return (
          <li key={item.id}>
            <button
              type="button"
              className="media-card"
              aria-pressed={selectedId === undefined ? undefined : selectedId === item.id}
              onClick={() => onSelect(item)}
            >
              <span className="media-card__frame">
                <img src={item.thumbnailUrl} alt={item.altText} loading="lazy" decoding="async" width={item.width ?? undefined} height={item.height ?? undefined} />
              </span>
              {item.altText ? (
                <span className="media-card__alt" aria-hidden="true">
                  {item.altText}
                </span>
              ) : null}
              <span className="media-card__name">{item.originalFilename || 'Untitled image'}</span>
              {badges.length > 0 ? (
                <span className="media-card__badges">
                  {badges.map((b) => (
                    <span key={b.text} className={`media-badge media-badge--${b.tone}`}>
                      {b.text}
                    </span>
                  ))}
                </span>
              ) : null}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
