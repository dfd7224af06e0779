import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import './media.css';

interface MediaDialogProps {
  /** Id of the heading that names the dialog. */
  labelledBy: string;
  /** Escape, or the close button. */
  onCancel: () => void;
  /** Where focus goes when the dialog opens; the first focusable element otherwise. */
  initialFocus?: RefObject<HTMLElement | null>;
  className?: string;
  children: ReactNode;
}

/**
 * A modal on the native <dialog>: showModal() keeps focus inside and makes the page behind inert, Escape
 * cancels, and focus goes back to what opened it on close.
 */
export function MediaDialog({ labelledBy, onCancel, initialFocus, className, children }: MediaDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancel = useRef(onCancel);
  useEffect(() => {
    cancel.current = onCancel;
  });

  useEffect(() => {
    const dialog = ref.current!;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    initialFocus?.current?.focus();
    const onCancelEvent = (event: Event) => {
      event.preventDefault();
      cancel.current();
    };
    dialog.addEventListener('cancel', onCancelEvent);
    return () => {
      dialog.removeEventListener('cancel', onCancelEvent);
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
    // Opened once per mount; initialFocus is a ref.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <dialog ref={ref} className={`media-dialog ${className ?? ''}`} aria-labelledby={labelledBy}>
      {children}
    </dialog>
  );
}
