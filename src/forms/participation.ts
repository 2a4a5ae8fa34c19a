/** @module The forms everyone signed in (or not) uses: language, signing out, residency, notifications, receipts. */
import type { PageForm } from '#http/form-edge.ts';
import { chooseLanguageCase, signOutCase } from '#cases/accounts.ts';
import { verifyResidencyCase } from '#cases/residents.ts';
import { markReadCase } from '#cases/notifications.ts';
import { checkReceiptCase } from '#cases/receipts.ts';
import { chooseDisplayCase } from '#cases/display.ts';
import { safeNext } from '../lib/view.ts';

export const PARTICIPATION_FORMS: PageForm[] = [
  // The language switch in every page's header: back where the visitor was.
  { page: '/lang', useCase: chooseLanguageCase, read: (v) => ({ to: (v.to ?? '').slice(0, 10) }), next: (_to, _path, v) => safeNext(v.back ?? null) },
  // The care version switch and A− / A / A+ in every page's header: back where the visitor was.
  {
    page: '/display',
    useCase: chooseDisplayCase,
    read: (v) => ({ ...(v.mode ? { mode: v.mode } : {}), ...(v.size ? { size: v.size } : {}) }),
    next: (_d, _path, v) => safeNext(v.back ?? null),
  },
  { page: '/signout', useCase: signOutCase, read: () => ({}), next: () => '/' },
  { page: '/verify', useCase: verifyResidencyCase, next: (v) => `/verify?done=${encodeURIComponent(v.community.slug)}` },
  {
    page: '/notifications',
    useCase: markReadCase,
    // One notification's button carries its id; "mark all read" carries intent=read_all.
    read: (v) => ({ ids: v.intent === 'read_all' ? undefined : v.id ? [v.id.slice(0, 64)] : [] }),
    next: () => '/notifications',
  },
  // Shown in place: a receipt code must not land in the address bar or the history.
  { page: '/receipts', useCase: checkReceiptCase, read: (v) => ({ code: (v.code ?? '').slice(0, 40) }), next: 'render' },
];
