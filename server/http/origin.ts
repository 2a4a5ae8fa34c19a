/**
 * @module Same-origin test for state-changing requests, shared by the API
 * middleware and the Astro page middleware (Lucia guide: CSRF protection).
 *
 * Browsers send Origin on every POST/PUT/PATCH/DELETE and Sec-Fetch-Site
 * where supported. A request with neither comes from a non-browser client,
 * which carries no ambient cookies and so cannot be a cross-site forgery.
 */
export function isSameOrigin(headers: Headers, allowedOrigins: readonly string[]): boolean {
  const site = headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return false;
  const origin = headers.get('origin');
  if (!origin) return true;
  if (origin === 'null') return false;
  if (allowedOrigins.includes(origin)) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  return host === (headers.get('x-forwarded-host') ?? headers.get('host'));
}
