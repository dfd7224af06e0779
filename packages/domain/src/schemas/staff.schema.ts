import { z } from 'zod';
import { RoleSchema } from '../roles.ts';
import { SlugSchema } from '../slug.ts';
import { EmailSchema, PasswordSchema } from './auth.schema.ts';
import { PlainTextSchema } from './settings.schema.ts';

/** A secret from an invite or password-reset link: base64url, as `newToken` makes them. */
export const LinkTokenSchema = z
  .string()
  .min(20, 'is not a valid link')
  .max(200, 'is not a valid link')
  .regex(/^[A-Za-z0-9_-]+$/, 'is not a valid link');

const PersonNameSchema = PlainTextSchema(120).pipe(z.string().min(1, 'must not be empty'));

export const InviteStaffInputSchema = z.object({
  email: EmailSchema,
  role: RoleSchema,
  /** Shown until the invitee chooses their own; the part of the email before @ when left out. */
  name: PlainTextSchema(120).optional(),
});
export type InviteStaffInput = z.infer<typeof InviteStaffInputSchema>;

export const AcceptInviteInputSchema = z.object({
  token: LinkTokenSchema,
  name: PersonNameSchema,
  password: PasswordSchema,
});
export type AcceptInviteInput = z.infer<typeof AcceptInviteInputSchema>;

export const InviteDetailsInputSchema = z.object({ token: LinkTokenSchema });

export const RequestPasswordResetInputSchema = z.object({ email: EmailSchema });

export const ResetPasswordInputSchema = z.object({ token: LinkTokenSchema, newPassword: PasswordSchema });
export type ResetPasswordInput = z.infer<typeof ResetPasswordInputSchema>;

export const CreatePasswordResetInputSchema = z.object({ userId: z.uuid() });

/** A link made for a staff member, for the admin to copy; also emailed when the server can send mail. */
export const AccountLinkSchema = z.object({
  url: z.string(),
  expiresAt: z.date(),
  emailed: z.boolean(),
});
export type AccountLink = z.infer<typeof AccountLinkSchema>;

export const UpdateProfileInputSchema = z.object({
  userId: z.uuid(),
  name: PersonNameSchema.optional(),
  bio: PlainTextSchema(2000).optional(),
  photoMediaId: z.uuid().nullable().optional(),
  slug: SlugSchema.optional(),
});
export type UpdateProfileInput = z.infer<typeof UpdateProfileInputSchema>;

export const CreateGuestAuthorInputSchema = z.object({
  name: PersonNameSchema,
  bio: PlainTextSchema(2000).default(''),
});
export type CreateGuestAuthorInput = z.input<typeof CreateGuestAuthorInputSchema>;

export const GuestAuthorSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  bio: z.string(),
  photoUrl: z.string().nullable(),
  createdAt: z.date(),
});
export type GuestAuthor = z.infer<typeof GuestAuthorSchema>;
