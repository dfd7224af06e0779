export { assetsFromManifest, type ReaderAssets } from './assets.ts';
export { isReaderPagePath, renderErrorPage, renderReaderPage, type ReaderApi, type RenderedPage, type RenderContext } from './render.tsx';
