/**
 * @module Headers every response carries: pages (src/middleware.ts), the API
 * (server/app.ts) and static files (server/serve.ts). No content-type
 * sniffing, so an upload or a JSON body is never run as a script or page;
 * and the full address of a page (a project code, a search) goes only to
 * this site's own pages. The pages' Content-Security-Policy is Astro's
 * (astro.config.mjs), since Astro knows the hashes of the scripts it writes.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
};

/** Set them on a Fetch API Headers object (overwriting, so the values stay the same everywhere). */
export function setSecurityHeaders(headers: Headers): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
}
