import { z } from 'zod';
import { RoleSchema } from '../roles.ts';
import { PlainTextSchema } from './settings.schema.ts';

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email('must be an email address'));

export const PASSWORD_MIN_LENGTH = 10;
export const PasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(256, 'must be at most 256 characters');

export const LoginInputSchema = z.object({
  email: EmailSchema,
  // A login never says why a password is wrong, so only the size is checked here.
  password: z.string().min(1, 'must not be empty').max(256, 'must be at most 256 characters'),
});
export type LoginInput = z.infer<typeof LoginInputSchema>;

export const ChangePasswordInputSchema = z.object({
  currentPassword: z.string().min(1, 'must not be empty').max(256),
  newPassword: PasswordSchema,
});

export const UserStatusSchema = z.enum(['active', 'suspended', 'invited']);

/** A staff member as the dashboard sees them. Never holds a password hash or token. */
export const StaffMemberSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  slug: z.string(),
  role: RoleSchema,
  status: UserStatusSchema,
  bio: z.string(),
  photoUrl: z.string().nullable(),
  createdAt: z.date(),
  lastLoginAt: z.date().nullable(),
});
export type StaffMember = z.infer<typeof StaffMemberSchema>;

export const SessionUserSchema = StaffMemberSchema.pick({ id: true, email: true, name: true, role: true, slug: true });
export type SessionUser = z.infer<typeof SessionUserSchema>;

export const StaffListInputSchema = z.object({
  status: UserStatusSchema.optional(),
  role: RoleSchema.optional(),
  query: PlainTextSchema(100).optional(),
});
