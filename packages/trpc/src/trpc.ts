import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { ZodError } from 'zod';
import { DomainError, assertCan, type Action } from '@newsroom/domain';
import type { Context } from './context.ts';

export interface ProcedureMeta {
  /** The permission the caller needs, or 'signed-in' for what every staff member may do to themselves. */
  permission?: Action | 'signed-in';
}

export interface FieldError {
  field: string;
  message: string;
}

function zodFieldErrors(error: ZodError): FieldError[] {
  return error.issues.map((issue) => ({ field: issue.path.join('.') || '(input)', message: issue.message }));
}

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    // Dates and other rich values survive the trip to the dashboard.
    transformer: superjson,
    // Never send stack traces, whatever NODE_ENV says.
    isDev: false,
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      const fieldErrors =
        cause instanceof ZodError ? zodFieldErrors(cause) : cause instanceof DomainError && cause.field ? [{ field: cause.field, message: cause.message }] : [];
      const message = error.code === 'INTERNAL_SERVER_ERROR' ? 'Something went wrong on the server. Nothing was changed.' : shape.message;
      return {
        message,
        code: shape.code,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          domainCode: cause instanceof DomainError ? cause.code : undefined,
          details: cause instanceof DomainError ? cause.details : undefined,
          fieldErrors,
        },
      };
    },
  });

/**
 * Turns a DomainError from a service into the matching tRPC (and so HTTP) error, and an invalid input
 * into a 400 whose message names each field and its reason.
 */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof DomainError) throw new TRPCError({ code: cause.transportCode, message: cause.message, cause });
  if (cause instanceof ZodError) {
    const message = zodFieldErrors(cause).map((f) => `${f.field}: ${f.message}`).join('; ');
    throw new TRPCError({ code: 'BAD_REQUEST', message, cause });
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(domainErrors);

/**
 * A procedure for signed-in staff. The meta names the permission it needs; the check runs here, on the
 * server, for every call, before the input is even looked at.
 */
export const staffProcedure = publicProcedure.use(({ ctx, meta, next }) => {
  if (!ctx.session) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue.' });
  const permission = meta?.permission;
  if (!permission) throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Procedure declares no permission.' });
  if (permission !== 'signed-in') {
    try {
      assertCan(ctx.session.actor, permission);
    } catch (error) {
      throw new TRPCError({ code: 'FORBIDDEN', message: (error as Error).message, cause: error });
    }
  }
  return next({ ctx: { ...ctx, staff: { actor: ctx.session.actor, meta: ctx.meta } } });
});
