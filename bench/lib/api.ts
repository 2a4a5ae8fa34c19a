/**
 * @module The site's API as the benchmarks call it, typed by the API
 * document (server/http/api-types.ts, `npm run api:types`): the openapi-fetch
 * client for ordinary calls, and for the drivers that build raw requests
 * themselves (autocannon's ballots, the timed GETs of bench:city) the path
 * and body of the operation, checked against the document by the compiler.
 */
import { apiClient, type paths } from '#http/api-client.ts';

export { apiClient };

type Cast = paths['/api/cycles/{id}/ballot']['post'];

/** POST /api/cycles/{id}/ballot for a load driver: the path and the JSON body. */
export function ballotRequest(cycleId: string, body: Cast['requestBody']['content']['application/json']): { path: string; body: string } {
  return { path: apiPath('/api/cycles/{id}/ballot', { id: cycleId }), body: JSON.stringify(body) };
}

/** The receipt code in the body of a ballot's 201 answer, or undefined when the body is not one. */
export function receiptOf(body: string): string | undefined {
  try {
    const cast = JSON.parse(body) as Partial<Cast['responses'][201]['content']['application/json']>;
    return typeof cast.receiptCode === 'string' ? cast.receiptCode : undefined;
  } catch {
    return undefined;
  }
}

/** The query parameters the document declares for GET on a path. */
type Query<P extends keyof paths> = paths[P] extends { get: { parameters: { query?: infer Q } } } ? Q : never;

/** A path of the document with its parameters filled in (and a query string of its declared parameters, if given). */
export function apiPath<P extends keyof paths>(template: P, params: Record<string, string> = {}, query?: Query<P>): string {
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (params[name] === undefined) throw new Error(`${template}: no value for {${name}}`);
    return encodeURIComponent(params[name]);
  });
  const q = query ? new URLSearchParams(Object.entries(query as Record<string, unknown>).map(([k, v]) => [k, String(v)])).toString() : '';
  return q ? `${path}?${q}` : path;
}
