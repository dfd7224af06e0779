import type { ServiceDeps } from '../context.ts';

const KEY_ID = /^\d{4}\/\d{2}\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:-\d+)?\.[a-z0-9]+$/;

/**
 * Whether a stored file may still be served: an upload (or one of its sizes) whose image was withdrawn,
 * or whose licence has run out, is gone from /media too, not only from the pages that used it.
 */
export function createMediaAvailability(deps: Pick<ServiceDeps, 'db' | 'clock'>) {
  return {
    async isServable(storageKey: string): Promise<boolean> {
      const id = KEY_ID.exec(storageKey)?.[1];
      if (!id) return true; // brand files and other server-made keys have no media row of their own
      const row = await deps.db.selectFrom('media').select(['withdrawn_at', 'license_expires_at']).where('id', '=', id).executeTakeFirst();
      if (!row) return true;
      if (row.withdrawn_at) return false;
      return !row.license_expires_at || row.license_expires_at > deps.clock();
    },
  };
}
