/**
 * @module Every form a page shows that changes something, each over the one
 * use case it runs (server/cases). The page edge (server/http/form-edge.ts,
 * called from src/middleware.ts) handles their posts; pages only read.
 */
import type { PageForm } from '#http/form-edge.ts';
import { ACCOUNT_FORMS } from './accounts.ts';
import { STAFF_DESK_FORMS } from './staff-desks.ts';

export const PAGE_FORMS: readonly PageForm[] = [...ACCOUNT_FORMS, ...STAFF_DESK_FORMS];
