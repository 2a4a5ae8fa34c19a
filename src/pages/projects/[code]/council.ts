/**
 * /projects/<code>/council: where the forms of the council sections on a
 * project page (src/components/CouncilProjectSections.astro) post — a
 * council member's screening opinion, a resident's objection, staff's answer
 * to an objection. Their posts are handled by their use cases' page edge
 * (src/forms/projects.ts), which sends the browser back to the project page
 * with what happened in the query string; this route only has to exist for
 * that, and sends a visitor who opens it to the project page.
 */
import type { APIRoute } from 'astro';
import { normalizeProjectCode } from '#domain/project-code.ts';

export const GET: APIRoute = ({ params, redirect }) => {
  const code = normalizeProjectCode(params.code ?? '');
  return code ? redirect(`/projects/${code}`, 303) : new Response('Not found', { status: 404 });
};
