import { useEffect, useState } from 'react';
import { trpc } from '../../lib/trpc.ts';
import { displayUrl, useImagePicker } from '../media/index.ts';

interface Known {
  src: string;
  altText: string;
}

interface FeaturedImageFieldProps {
  mediaId: string | null;
  onChange: (mediaId: string | null) => void;
  readOnly?: boolean;
  error?: string;
}

/** The image shown with the article on the site and in cards, chosen from the media library. */
export function FeaturedImageField({ mediaId, onChange, readOnly = false, error }: FeaturedImageFieldProps) {
  const pickImage = useImagePicker();
  const [known, setKnown] = useState<Record<string, Known | 'missing'>>({});
  const [picking, setPicking] = useState(false);
  const current = mediaId ? known[mediaId] : undefined;

  useEffect(() => {
    if (!mediaId || current !== undefined) return;
    let cancelled = false;
    trpc.media.get.query({ id: mediaId }).then(
      (item) => {
        if (!cancelled) setKnown((k) => ({ ...k, [item.id]: { src: displayUrl(item), altText: item.altText } }));
      },
      () => {
        if (!cancelled) setKnown((k) => ({ ...k, [mediaId]: 'missing' }));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [mediaId, current]);

  async function choose() {
    setPicking(true);
    try {
      const choice = await pickImage();
      if (!choice) return;
      setKnown((k) => ({ ...k, [choice.mediaId]: { src: choice.src, altText: choice.altText } }));
      onChange(choice.mediaId);
    } finally {
      setPicking(false);
    }
  }

  return (
    <section className="field featured-image" aria-labelledby="featured-image-title">
      <h3 id="featured-image-title">Featured image</h3>
      {mediaId ? (
        current === undefined ? (
          <p className="hint">Loading the image…</p>
        ) : current === 'missing' ? (
          <p className="form-error">This image is no longer in the media library. Choose another or remove it.</p>
        ) : (
          <figure className="featured-image__figure">
            <img src={current.src} alt={current.altText} />
            <figcaption>
              <span className="hint">Alt text:</span> {current.altText}
            </figcaption>
          </figure>
        )
      ) : (
        <p className="hint">No featured image.</p>
      )}
      {!readOnly ? (
        <div className="featured-image__actions">
          <button type="button" className="secondary" onClick={() => void choose()} disabled={picking}>
            {mediaId ? 'Change featured image' : 'Choose featured image'}
          </button>
          {mediaId ? (
            <button type="button" className="secondary" onClick={() => onChange(null)}>
              Remove featured image
            </button>
          ) : null}
        </div>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
