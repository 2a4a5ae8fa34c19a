/**
 * @module Which communities a staff member or officer looks after (for the
 * staff desk), and the start every /staff/<slug>/… page shares.
 */
import type { AstroGlobal } from 'astro';
import type { SignedIn } from '#services/accounts.ts';
import { hasRole, reasonCannot } from '#domain/permissions.ts';
import { getCommunity, type listCommunities } from '#services/catalog.ts';

type Community = Awaited<ReturnType<typeof listCommunities>>[number];

export function staffCommunities(auth: SignedIn | null, all: Community[]): Community[] {
  if (!auth) return [];
  return all.filter((c) => hasRole(auth.actor, 'staff', c.place) || hasRole(auth.actor, 'officer', c.place));
}

export function canViewStaffPages(auth: SignedIn | null, place: Community['place']) {
  return reasonCannot('view_staff_pages', { area: place }, auth?.actor ?? null);
}

/**
 * The signed-in person and the community a /staff/<slug>/… page is about, or
 * the answer the page gives instead: to sign in first (and come back to this
 * path, with its query when `keepQuery`), or 404 when no community has that
 * slug. Whether the person may see the page is each page's own check.
 */
export async function staffCommunityPage(Astro: AstroGlobal, { keepQuery = false } = {}) {
  const { ctx, auth } = Astro.locals;
  const here = keepQuery ? Astro.url.pathname + Astro.url.search : Astro.url.pathname;
  if (!auth) return Astro.redirect(`/signin?next=${encodeURIComponent(here)}`, 303);
  const community = await getCommunity(ctx.database, Astro.params.slug ?? '', ctx.now());
  if (!community) return Astro.rewrite('/404');
  return { auth, community };
}
