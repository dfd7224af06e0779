import nodemailer from 'nodemailer';
import type { Mailer, ServiceDeps } from '../context.ts';

/** A mailer over SMTP, e.g. `smtps://user:pass@mail.example.org:465`. */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send({ to, subject, text }) {
      await transport.sendMail({ from, to, subject, text });
    },
  };
}

/** The mailer the deps provide, or one for the configured SMTP server, or none: then links are only shown. */
export function mailerFor(deps: ServiceDeps): Mailer | undefined {
  if (deps.mailer) return deps.mailer;
  const { smtpUrl, publicUrl } = deps.config;
  if (!smtpUrl) return undefined;
  const from = deps.config.mailFrom ?? `Newsroom <no-reply@${new URL(publicUrl).hostname}>`;
  return createSmtpMailer(smtpUrl, from);
}
