/** An image chosen in the media library, as the editor needs it. */
export interface ImageChoice {
  mediaId: string;
  src: string;
  altText: string;
  caption: string;
  credit: string;
}

export interface RichTextEditorProps {
  /** Stored editor state (`{root: {...}}`), or null for an empty body. Read once, on mount. */
  initialJson: unknown | null;
  /** Called with `editorState.toJSON()` on every content change (not on selection-only changes). */
  onChange: (json: unknown) => void;
  /** Opens the media library; without it the image button is hidden. */
  pickImage?: () => Promise<ImageChoice | null>;
  /** The URL to show for a stored image node. */
  resolveImageSrc?: (mediaId: string) => string | undefined;
  readOnly?: boolean;
  /** Accessible name of the editable area; 'Article body' by default. */
  ariaLabel?: string;
}
