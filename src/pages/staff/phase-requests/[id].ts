/**
 * /staff/phase-requests/<id>: where an officer's form confirming or
 * declining a request to move a cycle backwards or skip a phase posts (the
 * forms of src/components/PhaseRequests.astro on /staff). The post is handled
 * by its use case (src/forms/staff-desks.ts), which sends the browser back to
 * /staff with what happened, or why not. Asked for as a page, it leads there.
 */
import type { APIRoute } from 'astro';

export const GET: APIRoute = ({ redirect }) => redirect('/staff#phase-requests-h', 303);
