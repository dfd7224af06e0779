export { RichTextEditor } from './rich-text-editor.tsx';
export type { ImageChoice, RichTextEditorProps } from './types.ts';
export { isEmbedUrlAllowed } from './urls.ts';
