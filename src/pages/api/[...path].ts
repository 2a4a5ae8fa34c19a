/**
 * In production server/serve.ts answers /api/* before Astro sees it. This
 * route serves the same Hono app under `astro dev`.
 */
import type { APIRoute } from 'astro';
import { createApp } from '#server/app.ts';

export const prerender = false;

let app: ReturnType<typeof createApp> | undefined;
export const ALL: APIRoute = ({ request, locals }) => {
  app ??= createApp(locals.ctx);
  return app.fetch(request);
};
