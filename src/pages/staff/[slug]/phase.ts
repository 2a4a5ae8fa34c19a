/**
 * /staff/<slug>/phase: where the forms of the phase control
 * (src/components/PhaseControl.astro) post. Staff of the community open the
 * next phase (`move=forward`; before the current one's planned end with a
 * published `reason`), extend the open one with a new date and a published
 * reason (`move=extend`), or ask an officer to move the cycle back or skip a
 * phase (`move=request`). The posts are handled by their use cases
 * (src/forms/staff-desks.ts), which send the browser back to the page the
 * control was on, with what happened (or why not) in the query string. Asked
 * for as a page, it leads to the screening desk, where the control is.
 */
import type { APIRoute } from 'astro';

export const GET: APIRoute = ({ params, redirect }) => redirect(`/staff/${encodeURIComponent(params.slug ?? '')}/screening`, 303);
