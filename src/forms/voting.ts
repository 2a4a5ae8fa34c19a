/**
 * @module The resident vote's form (/cycles/<id>/vote): the ballot as plain
 * checkboxes (`projects`) or number boxes (`points.<projectId>`). Cast, the
 * receipt code is carried to the page once in a short-lived httpOnly cookie
 * scoped to the page, never in the address.
 */
import type { PageForm } from '#http/form-edge.ts';
import { castBallotCase } from '#cases/ballots.ts';

/** The cookie that carries the receipt across the redirect: `<code>|<1 if it replaced a ballot>`. */
export const RECEIPT_FLASH = 'wss_receipt';
export const votePath = (cycleId: string) => `/cycles/${encodeURIComponent(cycleId)}/vote`;

/** Points as typed: empty is none; anything but a whole number is `NaN` here (the page shows it empty again). */
export function typedPoints(values: Record<string, string>): Record<string, number> | null {
  const keys = Object.keys(values).filter((k) => k.startsWith('points.'));
  if (keys.length === 0) return null;
  const points: Record<string, number> = {};
  for (const k of keys) {
    const raw = values[k]!.normalize('NFKC').trim();
    if (raw !== '') points[k.slice('points.'.length)] = /^\d{1,6}$/.test(raw) ? Number(raw) : Number.NaN;
  }
  return points;
}

export const VOTING_FORMS: PageForm[] = [
  {
    page: '/cycles/[id]/vote',
    useCase: castBallotCase,
    // A points ballot has its number boxes; anything else ticks projects. A number that is not whole reaches the
    // vote's rules as -1 (the input's number type would refuse NaN first, unnamed) and is refused there, by name.
    read: (values, form) => {
      const points = typedPoints(values);
      if (points) return { points: Object.fromEntries(Object.entries(points).map(([id, n]) => [id, Number.isNaN(n) ? -1 : n])) };
      return { projects: form.getAll('projects').filter((x): x is string => typeof x === 'string') };
    },
    params: (path) => ({ cycleId: path.id ?? '' }),
    next: (_v, path) => `${votePath(path.id ?? '')}?cast=1`,
    cookies: (v, path, caller) => [
      { name: RECEIPT_FLASH, value: `${v.receiptCode}|${v.replaced ? 1 : 0}`, attributes: { path: votePath(path.id ?? ''), httpOnly: true, sameSite: 'lax', secure: caller.ctx.secureCookies, maxAge: 600 } },
    ],
  },
];
