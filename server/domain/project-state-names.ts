/**
 * @module The states a project can be in (DOMAIN.md, the project state
 * machine), on their own: the permissions (./permissions.ts) name states
 * without depending on the machine (./project-states.ts), which depends on
 * the permissions.
 */
export const PROJECT_STATES = [
  'draft',
  'submitted',
  'screened_in',
  'screened_out',
  'shortlisted',
  'not_shortlisted',
  'under_deliberation',
  'rejected',
  'in_public_notice',
  'approved',
  'in_progress',
  'accepted',
  'acceptance_failed',
  'evaluated',
  'audited',
  'archived',
  'withdrawn',
] as const;
export type ProjectState = (typeof PROJECT_STATES)[number];
