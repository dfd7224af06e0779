import { createContext, useContext } from 'react';

export interface EditorMedia {
  /** The URL to show for a stored image, if the media library knows it. */
  resolveSrc: (mediaId: string) => string | undefined;
}

export const EditorMediaContext = createContext<EditorMedia>({ resolveSrc: () => undefined });

export function useEditorMedia(): EditorMedia {
  return useContext(EditorMediaContext);
}
