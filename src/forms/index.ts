/**
 * @module Every form a page shows that changes something, each over the one
 * use case it runs (server/cases). The page edge (server/http/form-edge.ts,
 * called from src/middleware.ts) handles their posts; pages only read.
 */
import type { PageForm } from '#http/form-edge.ts';
import { ACCOUNT_FORMS } from './accounts.ts';
import { PARTICIPATION_FORMS } from './participation.ts';
import { MY_DATA_FORMS } from './my-data.ts';
import { PROJECT_FORMS } from './projects.ts';
import { PROPOSAL_FORMS } from './proposals.ts';
import { COUNCIL_FORMS } from './council.ts';
import { VOTING_FORMS } from './voting.ts';
import { STAFF_DESK_FORMS } from './staff-desks.ts';

export const PAGE_FORMS: readonly PageForm[] = [...ACCOUNT_FORMS, ...PARTICIPATION_FORMS, ...MY_DATA_FORMS, ...PROJECT_FORMS, ...PROPOSAL_FORMS, ...COUNCIL_FORMS, ...VOTING_FORMS, ...STAFF_DESK_FORMS];
