/** @module The forms of 我的信息 (/account/data): correct my details, my register entry; close my account. */
import type { PageForm } from '#http/form-edge.ts';
import { closeAccountCase, correctDetailsCase, correctResidencyCase } from '#cases/my-data.ts';

export const MY_DATA_FORMS: PageForm[] = [
  {
    page: '/account/data',
    pick: { field: 'intent', value: 'details' },
    useCase: correctDetailsCase,
    next: (v) => `/account/data?saved=details&fields=${v.changed.join(',')}#correct`,
  },
  {
    page: '/account/data',
    pick: { field: 'intent', value: 'residency' },
    useCase: correctResidencyCase,
    // Each register entry has its own form, naming its community.
    params: (_path, _caller, values) => ({ slug: (values.community ?? '').slice(0, 64) }),
    next: (v, _path, values) =>
      `/account/data?saved=residency&fields=${v.changed.join(',')}${v.reverify ? '&reverify=1' : ''}#correct-${encodeURIComponent((values.community ?? '').slice(0, 64))}`,
  },
  {
    page: '/account/data',
    pick: { field: 'intent', value: 'close' },
    useCase: closeAccountCase,
    read: (v) => ({ password: v.password ?? '', confirm: v.confirm === 'yes' }),
    next: () => '/account/closed',
  },
];
