/**
 * @module The published project a printable /projects/[code]/… page shows
 * (its form, agreement or notice), by the code in the page's path.
 */
import type { AstroGlobal } from 'astro';
import { getProject } from '#services/catalog.ts';
import { normalizeProjectCode } from '#domain/project-code.ts';

/** The project, or null when the path names none (the page answers 404). */
export async function pageProject(Astro: Pick<AstroGlobal, 'locals' | 'params'>) {
  const { ctx } = Astro.locals;
  const code = normalizeProjectCode(Astro.params.code ?? '');
  return code ? getProject(ctx.database, code, ctx.now()) : null;
}
