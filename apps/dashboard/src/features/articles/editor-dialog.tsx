import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';

interface EditorDialogProps {
  title: string;
  /** Escape, the close button, or the caller's own cancel button. */
  onClose: () => void;
  /** Where focus goes when the dialog opens; the first focusable element otherwise. */
  initialFocus?: RefObject<HTMLElement | null>;
  /** 'side' docks the dialog to the right edge, for longer panels such as the revisions. */
  placement?: 'center' | 'side';
  children: ReactNode;
}

/**
 * A modal on the native <dialog>: showModal() keeps focus inside and makes the page behind inert, Escape
 * closes, and focus goes back to what opened it. Mount it to open it; unmount it to close.
 */
export function EditorDialog({ title, onClose, initialFocus, placement = 'center', children }: EditorDialogProps) {
  const titleId = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current!;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    initialFocus?.current?.focus();
    const onCancel = (event: Event) => {
      event.preventDefault();
      close.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
    // Opened once per mount; initialFocus is a ref.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <dialog ref={ref} className={`editor-dialog editor-dialog--${placement}`} aria-labelledby={titleId}>
      <header className="editor-dialog__header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="secondary" onClick={onClose} aria-label={`Close ${title.toLowerCase()}`}>
          ×
        </button>
      </header>
      <div className="editor-dialog__body">{children}</div>
    </dialog>
  );
}
