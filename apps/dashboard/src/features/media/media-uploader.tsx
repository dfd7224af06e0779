import { useId, useRef, useState, type DragEvent } from 'react';
import { MEDIA_UPLOAD_MAX_BYTES, type MediaItem } from '@newsroom/domain';
import { formatBytes, uploadMedia, UploadError } from './media-api.ts';
import './media.css';

interface Progress {
  name: string;
  fraction: number;
}

interface MediaUploaderProps {
  /** Called once per file stored, in order. */
  onUploaded: (item: MediaItem) => void;
  /** Called when a batch is over, with the images stored from it. */
  onFinished?: (items: MediaItem[]) => void;
  /** Smaller, for the picker. */
  compact?: boolean;
}

/**
 * Upload by file input or by dropping files on the zone. Files go one at a time, each with its progress;
 * refusals are listed by file with the server's reason.
 */
export function MediaUploader({ onUploaded, onFinished, compact = false }: MediaUploaderProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [dragging, setDragging] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  async function send(files: File[]) {
    if (files.length === 0 || progress) return;
    setErrors([]);
    setDone(null);
    const failed: string[] = [];
    const stored: MediaItem[] = [];
    for (const file of files) {
      setProgress({ name: file.name, fraction: 0 });
      try {
        const item = await uploadMedia(file, { onProgress: (fraction) => setProgress({ name: file.name, fraction }) });
        stored.push(item);
        onUploaded(item);
      } catch (error) {
        const message = error instanceof UploadError ? error.message : 'The upload failed.';
        failed.push(message.includes(file.name) ? message : `${file.name}: ${message}`);
      }
    }
    setProgress(null);
    setErrors(failed);
    if (stored.length > 0) setDone(stored.length === 1 ? 'Image uploaded.' : `${stored.length} images uploaded.`);
    if (input.current) input.current.value = '';
    onFinished?.(stored);
  }

  function onDrop(event: DragEvent<HTMLElement>) {
    event.preventDefault();
    setDragging(false);
    void send([...event.dataTransfer.files]);
  }

  const percent = progress ? Math.round(progress.fraction * 100) : 0;
  return (
    <div className={`media-uploader${compact ? ' media-uploader--compact' : ''}`}>
      <div
        className={`media-drop${dragging ? ' is-dragging' : ''}${progress ? ' is-busy' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        aria-busy={progress ? true : undefined}
      >
        <label className="media-drop__button" htmlFor={`${id}-file`}>
          Upload images
        </label>
        <input
          ref={input}
          id={`${id}-file`}
          className="visually-hidden"
          type="file"
          accept="image/*"
          multiple
          disabled={progress !== null}
          aria-describedby={`${id}-hint`}
          onChange={(event) => void send([...(event.target.files ?? [])])}
        />
        <p id={`${id}-hint`} className="media-hint">
          or drop them here. JPEG, PNG, WebP, AVIF or GIF, up to {formatBytes(MEDIA_UPLOAD_MAX_BYTES)} each.
        </p>
      </div>
      <div role="status" aria-live="polite" className="media-upload-status">
        {progress ? (
          <>
            <span>
              Uploading {progress.name}… {percent < 100 ? `${percent}%` : 'processing'}
            </span>
            <progress max={100} value={percent} aria-label={`Uploading ${progress.name}`} />
          </>
        ) : (
          done
        )}
      </div>
      {errors.length > 0 ? (
        <div role="alert" className="form-error">
          <p>{errors.length === 1 ? 'This file was not uploaded:' : 'These files were not uploaded:'}</p>
          <ul>
            {errors.map((message, index) => (
              <li key={index}>{message}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
