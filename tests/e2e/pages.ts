/**
 * @module Which pages the site has, for the journeys that visit them all
 * (accessibility.spec.ts, and the headers check in security.spec.ts): fixed
 * addresses from the demo data, signed out and as each role, and the rest
 * found by following links, as a visitor would.
 */
import type { APIRequestContext } from '@playwright/test';
import { expect } from './helpers.ts';
import { COUNCIL_FIXTURE } from './fixtures/council.ts';

export const hrefs = (html: string, re: RegExp) => [...new Set([...html.matchAll(re)].map((m) => m[1]!.replace(/&amp;/g, '&')))];

export async function html(request: APIRequestContext, path: string): Promise<string> {
  const res = await request.get(path);
  expect(res.status(), path).toBeLessThan(400);
  return res.text();
}

/** A results page, a council meeting and a printable notice, wherever the data has them. */
export async function foundPages(request: APIRequestContext) {
  const results: string[] = [];
  for (const slug of ['sunxi', 'lianhua', 'xianhu']) results.push(...hrefs(await html(request, `/communities/${slug}`), /href="(\/cycles\/[^"/]+\/results)"/g));
  const meetings = hrefs(await html(request, '/meetings?community=sunxi'), /href="(\/meetings\/[a-z0-9]+)"/g);
  const code = /href="(\/projects\/[A-Z]{4}-[A-Z]{4}-\d{4}-\d+)"/g;
  const inNotice = hrefs(await html(request, '/projects?state=in_public_notice'), code);
  // One in 笋西, where the demo has residents who may object; not one the council journeys object to or adopt.
  const busy: string[] = [COUNCIL_FIXTURE.toObject.title, COUNCIL_FIXTURE.toAdopt.title];
  const inNoticeSunxi = [...(await html(request, '/projects?state=in_public_notice&community=sunxi')).matchAll(/href="(\/projects\/[A-Z]{4}-[A-Z]{4}-\d{4}-\d+)"[^>]*>([^<]+)</g)]
    .filter((m) => !busy.includes(m[2]!.trim()))
    .map((m) => m[1]!);
  expect(results.length, 'a cycle with counted results').toBeGreaterThan(0);
  expect(inNoticeSunxi.length, 'a project of 笋西 in public notice').toBeGreaterThan(0);
  return { results: results[0]!, meeting: meetings[0] ?? null, notice: inNotice[0]!, sunxiNotice: inNoticeSunxi[0]! };
}

export const PUBLIC = [
  '/',
  '/projects',
  '/projects?community=lianhua&state=submitted&sort=cost_desc',
  '/projects?q=%E7%85%A7%E6%98%8E',
  '/projects/LTJD-LHSQ-2026-01',
  '/projects/LTJD-XHSQ-2026-01',
  '/projects/SGJD-SXSQ-2026-01',
  '/projects/SGJD-SXSQ-2026-02',
  '/projects/SGJD-SXSQ-2026-02/form',
  '/projects/SGJD-SXSQ-2026-02/agreement',
  '/communities/lianhua',
  '/communities/xianhu',
  '/communities/sunxi',
  '/communities/sunxi/council',
  '/communities/lianhua/council',
  '/cycles/cy-lianhua-2026/propose',
  '/cycles/cy-xianhu-2026/vote',
  '/cycles/cy-lianhua-2026/money',
  '/cycles/cy-sunxi-2026/money',
  '/tracker',
  '/audit',
  '/audit?action=project.submit',
  '/open-data',
  '/meetings',
  '/meetings?community=sunxi',
  '/receipts',
  '/signin',
  '/signup',
  '/verify',
  '/projects/NO-SUCH-PROJECT',
  '/no/such/page',
];

/** What each role opens besides the public pages (their own forms and desks). */
export const ROLE_PAGES: Record<string, string[]> = {
  resident_lt: ['/', '/account', '/notifications', '/verify', '/cycles/cy-lianhua-2026/propose', '/projects/LTJD-LHSQ-2026-01', '/projects/LTJD-LHSQ-2026-02'],
  resident_xh: ['/cycles/cy-xianhu-2026/vote', '/projects/LTJD-XHSQ-2026-01', '/receipts'],
  // Signed up, not yet a verified resident.
  newcomer: ['/verify', '/account', '/cycles/cy-lianhua-2026/propose', '/cycles/cy-xianhu-2026/vote'],
  resident_sx: ['/projects/SGJD-SXSQ-2026-02', '/projects/SGJD-SXSQ-2026-01', '/cycles/cy-sunxi-2026/money'],
  council_sx: ['/', '/staff/sunxi/screening', '/meetings?community=sunxi', '/projects/SGJD-SXSQ-2026-01'],
  council_xh: ['/cycles/cy-xianhu-2026/vote', '/staff/xianhu/screening', '/projects/LTJD-XHSQ-2026-02'],
  staff_lt: [
    '/staff',
    '/staff/lianhua',
    '/staff/lianhua/slips',
    '/staff/lianhua/paper-proposal',
    '/staff/lianhua/screening',
    '/staff/lianhua/council',
    '/staff/lianhua/meetings',
    '/staff/lianhua/delivery',
    '/staff/lianhua/delivery/import',
    '/projects/LTJD-LHSQ-2026-01',
  ],
  staff_xh: ['/staff/xianhu', '/staff/xianhu/paper-ballots', '/staff/xianhu/screening', '/cycles/cy-xianhu-2026/vote'],
  staff_sx: ['/staff/sunxi', '/staff/sunxi/screening', '/staff/sunxi/meetings', '/staff/sunxi/delivery', '/staff/sunxi/delivery/SGJD-SXSQ-2026-02', '/staff/sunxi/delivery/SGJD-SXSQ-2026-01', '/projects/SGJD-SXSQ-2026-02'],
  officer: ['/staff', '/staff/rulebooks', '/staff/sunxi', '/staff/sunxi/screening', '/staff/sunxi/delivery', '/audit'],
  auditor: ['/', '/staff/sunxi/delivery', '/staff/sunxi/delivery/SGJD-SXSQ-2026-02', '/projects/SGJD-SXSQ-2026-02', '/audit'],
};
