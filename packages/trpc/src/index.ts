export { appRouter, editorialRouter, type AppRouter, type EditorialRouter } from './app.router.ts';
export { readerRouter, type ReaderRouter } from './routers/reader.router.ts';
export { createCallerFactory, type FieldError, type ProcedureMeta } from './trpc.ts';
export type { Context, RequestContext } from './context.ts';
