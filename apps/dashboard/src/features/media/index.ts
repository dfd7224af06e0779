/**
 * The media library. For the article editor:
 *
 *   <RichTextEditor pickImage={useImagePicker()} resolveImageSrc={useMediaSrcResolver(documentMediaIds(body))} … />
 *
 * `pickImage` opens the picker and resolves with `{ mediaId, src, altText, caption, credit }`, or null when
 * it is closed. Only images with alt text (not withdrawn, licence not run out) can be picked.
 */
export { MediaLibraryPage, MediaEditDialog } from './media-library-page.tsx';
export { MediaPickerDialog, openMediaPicker, useImagePicker } from './media-picker.tsx';
export { useMediaList, useMediaSrcResolver } from './media-hooks.ts';
export { RightsReportPanel } from './rights-report.tsx';
export { MediaUploader } from './media-uploader.tsx';
export { displayUrl, toImageChoice, unusableReason, uploadMedia, UploadError, type ImageChoice } from './media-api.ts';
