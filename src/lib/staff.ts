/** @module Which communities a staff member or officer looks after (for the staff desk). */
import type { SignedIn } from '#services/accounts.ts';
import { hasRole, reasonCannot } from '#domain/permissions.ts';
import type { listCommunities } from '#services/catalog.ts';

type Community = Awaited<ReturnType<typeof listCommunities>>[number];

export function staffCommunities(auth: SignedIn | null, all: Community[]): Community[] {
  if (!auth) return [];
  return all.filter((c) => hasRole(auth.actor, 'staff', c.place) || hasRole(auth.actor, 'officer', c.place));
}

export function canViewStaffPages(auth: SignedIn | null, place: Community['place']) {
  return reasonCannot('view_staff_pages', { area: place }, auth?.actor ?? null);
}
