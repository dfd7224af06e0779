import { useLayoutEffect, useRef } from 'react';

/**
 * The headline, wrapped over as many lines as it needs, so a long one is read whole while it is written.
 * One line of text all the same: a line break typed or pasted becomes a space.
 */
export function HeadlineField({ value, onChange, readOnly }: { value: string; onChange: (value: string) => void; readOnly: boolean }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    const textarea = ref.current;
    if (!textarea) return;
    textarea.style.height = 'auto';
    textarea.style.height = `${textarea.scrollHeight + textarea.offsetHeight - textarea.clientHeight}px`;
  }, [value]);
  return (
    <textarea
      ref={ref}
      className="headline-input"
      rows={1}
      value={value}
      onChange={(e) => onChange(e.target.value.replace(/\s*[\r\n]+\s*/g, ' '))}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.preventDefault();
      }}
      readOnly={readOnly}
      maxLength={300}
    />
  );
}
