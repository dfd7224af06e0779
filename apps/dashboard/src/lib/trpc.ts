import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import superjson from 'superjson';
import type { AppRouter } from '@newsroom/trpc';

/** Tells the app shell that the session ended, so it can ask to sign in again without losing open work. */
export const sessionEvents = new EventTarget();

export const trpc = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: '/trpc',
      transformer: superjson,
      fetch: async (input, init) => {
        const response = await fetch(input, { ...init, credentials: 'same-origin' });
        if (response.status === 401) sessionEvents.dispatchEvent(new Event('expired'));
        return response;
      },
    }),
  ],
});

export interface FieldError {
  field: string;
  message: string;
}

/** The message and field errors the server sent, in a form the UI can show next to inputs. */
export function describeError(error: unknown): { message: string; fieldErrors: FieldError[]; domainCode?: string; details?: unknown } {
  if (error instanceof TRPCClientError) {
    const data = error.data as { fieldErrors?: FieldError[]; domainCode?: string; details?: unknown } | undefined;
    return { message: error.message, fieldErrors: data?.fieldErrors ?? [], domainCode: data?.domainCode, details: data?.details };
  }
  return { message: 'The server could not be reached. Check your connection and try again.', fieldErrors: [] };
}
