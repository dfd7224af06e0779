import { useEffect, useState } from 'react';
import type { MediaItem, RightsReport } from '@newsroom/domain';
import { describeError, trpc } from '../../lib/trpc.ts';
import { formatDate, licenseLabel } from './media-api.ts';
import { MediaUsageList } from './media-edit-form.tsx';
import './media.css';

/**
 * Images whose licence runs out in the next 30 days or already has (and that are not withdrawn), with where
 * each is used. On the media page, and for the admin area to reuse.
 */
export function RightsReportPanel({ onOpen, refreshKey = 0 }: { onOpen?: (item: MediaItem) => void; refreshKey?: number }) {
  const [report, setReport] = useState<RightsReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    trpc.media.rightsReport.query().then(
      (result) => {
        if (!live) return;
        setReport(result);
        setError(null);
      },
      (err: unknown) => live && setError(describeError(err).message),
    );
    return () => {
      live = false;
    };
  }, [refreshKey]);

  if (error) {
    return (
      <p className="form-error" role="alert">
        {error}
      </p>
    );
  }
  if (!report) return <p className="media-hint">Checking licences…</p>;
  const expired = report.entries.filter((e) => e.state === 'expired').length;
  return (
    <section className="rights-report" aria-labelledby="rights-report-title">
      <h2 id="rights-report-title">
        Licences ending within {report.days} days{' '}
        <span className="media-count">
          ({report.entries.length}
          {expired ? `, ${expired} already ended` : ''})
        </span>
      </h2>
      {report.entries.length === 0 ? (
        <p className="media-hint">No image licence runs out in the next {report.days} days.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Image</th>
              <th scope="col">Licence</th>
              <th scope="col">Ends</th>
              <th scope="col">Used in</th>
            </tr>
          </thead>
          <tbody>
            {report.entries.map((entry) => (
              <tr key={entry.media.id} className={entry.state === 'expired' ? 'is-expired' : undefined}>
                <td>
                  <span className="rights-report__image">
                    <img src={entry.media.thumbnailUrl} alt={entry.media.altText} width={48} height={48} />
                    {onOpen ? (
                      <button type="button" className="button-link" onClick={() => onOpen(entry.media)}>
                        {entry.media.altText || entry.media.originalFilename || 'Untitled image'}
                      </button>
                    ) : (
                      <span>{entry.media.altText || entry.media.originalFilename}</span>
                    )}
                  </span>
                </td>
                <td>
                  {licenseLabel(entry.media.licenseCode)}
                  {entry.media.credit ? <span className="media-hint"> · {entry.media.credit}</span> : null}
                </td>
                <td>
                  {entry.state === 'expired' ? (
                    <strong className="media-badge media-badge--danger">Ended {formatDate(entry.media.licenseExpiresAt!)}</strong>
                  ) : (
                    <span className="media-badge media-badge--warn">
                      {formatDate(entry.media.licenseExpiresAt!)} (in {entry.daysLeft} {entry.daysLeft === 1 ? 'day' : 'days'})
                    </span>
                  )}
                </td>
                <td>
                  <MediaUsageList usage={entry.usage} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
