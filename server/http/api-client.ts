/**
 * @module A client of this site's API typed by the document: openapi-fetch
 * over the types that `npm run api:types` generates from /api/openapi.json
 * (./api-types.ts). The benchmarks, the browser journeys and the in-browser
 * audit verifier call the API through it, so a change to the document that
 * breaks one of them fails `npm run typecheck`.
 */
import createClient, { type ClientOptions } from 'openapi-fetch';
import type { paths } from './api-types.ts';

export type { components, operations, paths } from './api-types.ts';

/** `baseUrl` is the site (`http://127.0.0.1:4321`); the paths start with /api. */
export function apiClient(options: ClientOptions & { baseUrl: string }) {
  return createClient<paths>(options);
}

export type ApiClient = ReturnType<typeof apiClient>;
