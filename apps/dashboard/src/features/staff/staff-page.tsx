import { useCallback, useEffect, useState, type FormEvent } from 'react';
import {
  ROLE_LABELS,
  canChangeRole,
  canManageUser,
  type AccountLink,
  type GuestAuthor,
  type Role,
  type StaffMember,
} from '@newsroom/domain';
import { describeError, trpc } from '../../lib/trpc.ts';
import { useSession } from '../auth/session.tsx';
import '../settings/admin.css';

const STATUS_LABELS = { active: 'Active', suspended: 'Suspended', invited: 'Invited' } as const;

type Errors = Record<string, string>;
const fieldErrors = (err: unknown): Errors => Object.fromEntries(describeError(err).fieldErrors.map((f) => [f.field, f.message]));

/** A link made for someone, to copy; says whether it was emailed too. */
function LinkBox({ title, link, email, onClose }: { title: string; link: AccountLink; email: string; onClose(): void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="notice notice--ok" role="status">
      <p>
        <strong>{title}</strong>{' '}
        {link.emailed ? `It was emailed to ${email}.` : 'This server does not send email: copy the link and send it to them yourself.'} It works once, until{' '}
        {link.expiresAt.toLocaleString()}.
      </p>
      <div className="copy-link">
        <input readOnly value={link.url} aria-label="Link" onFocus={(e) => e.target.select()} />
        <button
          type="button"
          onClick={() =>
            void navigator.clipboard.writeText(link.url).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? 'Copied' : 'Copy link'}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          Done
        </button>
      </div>
    </div>
  );
}

function InviteForm({ roles, onInvited }: { roles: Role[]; onInvited(member: StaffMember, link: AccountLink): void }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>(roles.includes('author') ? 'author' : roles[0]!);
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await trpc.staff.invite.mutate({ email, role, name: name.trim() || undefined });
      setErrors({});
      setEmail('');
      setName('');
      onInvited(result.user, result.link);
    } catch (err) {
      setErrors(fieldErrors(err));
      setError(describeError(err).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="inline-form" onSubmit={submit} aria-labelledby="invite-title">
      <h2 id="invite-title" className="visually-hidden">
        Invite someone
      </h2>
      <label>
        Email
        <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} aria-invalid={errors.email ? true : undefined} />
        {errors.email ? <span className="field-error">{errors.email}</span> : null}
      </label>
      <label>
        Name (optional)
        <input value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        Role
        <select value={role} onChange={(e) => setRole(e.target.value as Role)} aria-invalid={errors.role ? true : undefined}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
        {errors.role ? <span className="field-error">{errors.role}</span> : null}
      </label>
      <button type="submit" disabled={busy}>
        {busy ? 'Inviting…' : 'Invite'}
      </button>
      {error && Object.keys(errors).length === 0 ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

function ProfileForm({ member, onSaved, onCancel }: { member: StaffMember; onSaved(member: StaffMember): void; onCancel(): void }) {
  const [name, setName] = useState(member.name);
  const [slug, setSlug] = useState(member.slug);
  const [bio, setBio] = useState(member.bio);
  const [photo, setPhoto] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const updated = await trpc.staff.updateProfile.mutate({
        userId: member.id,
        name,
        slug,
        bio,
        ...(photo.trim() ? { photoMediaId: photo.trim() } : {}),
      });
      onSaved(updated);
    } catch (err) {
      setErrors(fieldErrors(err));
      setError(describeError(err).message);
    }
  }

  return (
    <form className="profile-form" onSubmit={submit} aria-labelledby="profile-title">
      <fieldset>
        <legend id="profile-title">Profile of {member.name}</legend>
        <label>
          Name
          <input required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} aria-invalid={errors.name ? true : undefined} />
          {errors.name ? <span className="field-error">{errors.name}</span> : null}
        </label>
        <label>
          Byline address
          <input required maxLength={120} value={slug} onChange={(e) => setSlug(e.target.value)} aria-invalid={errors.slug ? true : undefined} />
          <span className="hint">Lower-case letters, digits and hyphens: /author/{slug || '…'}</span>
          {errors.slug ? <span className="field-error">{errors.slug}</span> : null}
        </label>
        <label>
          Bio
          <textarea rows={3} maxLength={2000} value={bio} onChange={(e) => setBio(e.target.value)} aria-invalid={errors.bio ? true : undefined} />
          {errors.bio ? <span className="field-error">{errors.bio}</span> : null}
        </label>
        <label>
          Photo (media library id)
          <input value={photo} placeholder={member.photoUrl ? 'Keep the current photo' : 'None'} onChange={(e) => setPhoto(e.target.value)} aria-invalid={errors.photoMediaId ? true : undefined} />
          {errors.photoMediaId ? <span className="field-error">{errors.photoMediaId}</span> : null}
        </label>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="row-actions">
          <button type="submit">Save profile</button>
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </fieldset>
    </form>
  );
}

function GuestAuthors({ canCreate }: { canCreate: boolean }) {
  const [guests, setGuests] = useState<GuestAuthor[]>([]);
  const [name, setName] = useState('');
  const [bio, setBio] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    trpc.staff.guestAuthors.query().then(setGuests, (err) => setError(describeError(err).message));
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const guest = await trpc.staff.createGuestAuthor.mutate({ name, bio });
      setGuests((current) => [...current, guest].sort((a, b) => a.name.localeCompare(b.name)));
      setName('');
      setBio('');
    } catch (err) {
      setError(describeError(err).message);
    }
  }

  return (
    <section aria-labelledby="guests-title">
      <h2 id="guests-title">Guest bylines</h2>
      <p className="hint">Freelancers and agencies who write for the publication but do not sign in.</p>
      {guests.length ? (
        <ul>
          {guests.map((g) => (
            <li key={g.id}>
              <strong>{g.name}</strong> <span className="hint">/{g.slug}</span> {g.bio ? `— ${g.bio}` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p>No guest bylines yet.</p>
      )}
      {canCreate ? (
        <form className="inline-form" onSubmit={submit}>
          <label>
            Guest name
            <input required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />
          </label>
          <label>
            Bio
            <input maxLength={2000} value={bio} onChange={(e) => setBio(e.target.value)} />
          </label>
          <button type="submit">Add guest byline</button>
        </form>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}

export function StaffPage() {
  const { me, can } = useSession();
  const [members, setMembers] = useState<StaffMember[]>([]);
  const [status, setStatus] = useState<'' | StaffMember['status']>('');
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [link, setLink] = useState<{ title: string; link: AccountLink; email: string } | null>(null);
  const [editing, setEditing] = useState<StaffMember | null>(null);
  const [transferTo, setTransferTo] = useState<StaffMember | null>(null);

  const load = useCallback(async () => {
    try {
      setMembers(await trpc.staff.list.query({ status: status || undefined, query: query.trim() || undefined }));
      setError(null);
    } catch (err) {
      setError(describeError(err).message);
    }
  }, [status, query]);

  useEffect(() => {
    const timer = setTimeout(() => void load(), query ? 250 : 0);
    return () => clearTimeout(timer);
  }, [load, query]);

  if (!me) return null;
  const actor = { id: me.user.id, role: me.user.role };
  const replace = (member: StaffMember) => setMembers((current) => current.map((m) => (m.id === member.id ? member : m)));

  async function act(label: string, run: () => Promise<unknown>) {
    setError(null);
    setMessage(null);
    try {
      await run();
      setMessage(label);
    } catch (err) {
      setError(describeError(err).message);
    }
  }

  return (
    <section aria-labelledby="staff-title" className="staff-page">
      <div className="page-header">
        <h1 id="staff-title">Staff</h1>
      </div>
      {can('staff.invite') && me.assignableRoles.length ? (
        <InviteForm
          roles={me.assignableRoles}
          onInvited={(member, made) => {
            setMembers((current) => [member, ...current.filter((m) => m.id !== member.id)]);
            setLink({ title: `${member.email} is invited as ${ROLE_LABELS[member.role]}.`, link: made, email: member.email });
          }}
        />
      ) : null}
      {link ? <LinkBox {...link} onClose={() => setLink(null)} /> : null}
      <div className="filters" role="search">
        <label>
          Status
          <select value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
            <option value="">All</option>
            {(Object.keys(STATUS_LABELS) as Array<keyof typeof STATUS_LABELS>).map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Search
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Name or email" />
        </label>
      </div>
      <div aria-live="polite">{message ? <p className="notice notice--ok">{message}</p> : null}</div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {transferTo ? (
        <div className="notice" role="alertdialog" aria-labelledby="transfer-title" aria-describedby="transfer-text">
          <h2 id="transfer-title">Make {transferTo.name} the owner?</h2>
          <p id="transfer-text">
            There is one owner. {transferTo.name} will become the owner and you will become an administrator: you cannot undo this yourself.
          </p>
          <div className="row-actions">
            <button
              type="button"
              className="danger"
              onClick={() =>
                void act(`${transferTo.name} now owns the publication.`, async () => {
                  await trpc.staff.transferOwnership.mutate({ userId: transferTo.id });
                  setTransferTo(null);
                  location.reload();
                })
              }
            >
              Transfer ownership
            </button>
            <button type="button" className="secondary" onClick={() => setTransferTo(null)} autoFocus>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      {editing ? (
        <ProfileForm
          member={editing}
          onCancel={() => setEditing(null)}
          onSaved={(member) => {
            replace(member);
            setEditing(null);
            setMessage(`Profile of ${member.name} saved.`);
          }}
        />
      ) : null}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Last sign-in</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => {
            const target = { id: member.id, role: member.role };
            const roleOptions = me.assignableRoles.filter((r) => r === member.role || canChangeRole(actor, target, r));
            // Only roles the server would accept; a select only when there is a real choice.
            const mayChangeRole = can('staff.changeRole') && roleOptions.some((r) => r !== member.role);
            const manages = canManageUser(actor, target);
            const self = member.id === me.user.id;
            return (
              <tr key={member.id}>
                <td>
                  {member.name}
                  {self ? <span className="hint"> (you)</span> : null}
                </td>
                <td>{member.email}</td>
                <td>
                  {mayChangeRole ? (
                    <select
                      aria-label={`Role of ${member.name}`}
                      value={member.role}
                      onChange={(e) =>
                        void act(`${member.name} is now ${ROLE_LABELS[e.target.value as Role]}.`, async () =>
                          replace(await trpc.staff.changeRole.mutate({ userId: member.id, role: e.target.value as Role })),
                        )
                      }
                    >
                      {roleOptions.map((r) => (
                        <option key={r} value={r}>
                          {ROLE_LABELS[r]}
                        </option>
                      ))}
                    </select>
                  ) : (
                    ROLE_LABELS[member.role]
                  )}
                </td>
                <td>
                  <span className={`status status--${member.status}`}>{STATUS_LABELS[member.status]}</span>
                </td>
                <td>{member.lastLoginAt ? member.lastLoginAt.toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' }) : '—'}</td>
                <td>
                  <div className="row-actions">
                    {self || manages ? (
                      <button type="button" className="secondary" onClick={() => setEditing(member)}>
                        Edit profile
                      </button>
                    ) : null}
                    {manages && member.status !== 'invited' ? (
                      <button
                        type="button"
                        className="secondary"
                        onClick={() =>
                          void act(`A password-reset link for ${member.name} is ready.`, async () => {
                            const made = await trpc.staff.createPasswordReset.mutate({ userId: member.id });
                            setLink({ title: `Password-reset link for ${member.name}.`, link: made, email: member.email });
                          })
                        }
                      >
                        Reset link
                      </button>
                    ) : null}
                    {manages && member.status === 'invited' && me.assignableRoles.includes(member.role) ? (
                      <button
                        type="button"
                        className="secondary"
                        onClick={() =>
                          void act(`A new invite link for ${member.email} is ready; the old one no longer works.`, async () => {
                            const result = await trpc.staff.invite.mutate({ email: member.email, role: member.role });
                            setLink({ title: `New invite link for ${member.email}.`, link: result.link, email: member.email });
                          })
                        }
                      >
                        New invite link
                      </button>
                    ) : null}
                    {manages ? (
                      <button
                        type="button"
                        className="danger"
                        onClick={() =>
                          void act(member.status === 'suspended' ? `${member.name} is restored.` : `${member.name} is suspended and signed out everywhere.`, async () =>
                            replace(await trpc.staff.setSuspended.mutate({ userId: member.id, suspended: member.status !== 'suspended' })),
                          )
                        }
                      >
                        {member.status === 'suspended' ? 'Restore' : 'Suspend'}
                      </button>
                    ) : null}
                    {can('ownership.transfer') && member.role === 'administrator' && member.status === 'active' ? (
                      <button type="button" className="danger" onClick={() => setTransferTo(member)}>
                        Make owner
                      </button>
                    ) : null}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <GuestAuthors canCreate={can('staff.invite')} />
    </section>
  );
}
