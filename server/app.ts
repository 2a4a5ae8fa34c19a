/**
 * @module createApp: the Hono API under /api. Middleware order: security
 * headers (on every answer, errors and 404s included) → body limit → origin
 * check → context (session, locale) → routes; one error handler turns
 * anything unexpected into a JSON 500 without a stack trace.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { routePath } from 'hono/route';
import type { IncomingMessage } from 'node:http';
import { noteRequest, requestIdOf } from './ops/request-log.ts';
import type { AppContext } from './context.ts';
import type { AppEnv } from './http/router.ts';
import { clientKey, contextMiddleware, originCheck } from './http/middleware.ts';
import { completeRouteDocs } from './http/router.ts';
import { refuseUndeclaredInput, type DocumentShape } from './http/undeclared-input.ts';
import { noteSecurityEvent } from './services/security-log.ts';
import { limitBody } from './http/body-limit.ts';
import { errorBody, genericMessage, localeOf } from './http/errors.ts';
import { setSecurityHeaders } from './http/security-headers.ts';
import { healthRoutes } from './routes/health.routes.ts';
import { authRoutes } from './routes/auth.routes.ts';
import { communityRoutes } from './routes/communities.routes.ts';
import { projectRoutes } from './routes/projects.routes.ts';
import { residencyRoutes } from './routes/residency.routes.ts';
import { auditRoutes } from './routes/audit.routes.ts';
import { cycleRoutes } from './routes/cycles.routes.ts';
import { ballotRoutes } from './routes/ballots.routes.ts';
import { proposalRoutes } from './routes/proposals.routes.ts';
import { commentRoutes } from './routes/comments.routes.ts';
import { ratingRoutes } from './routes/ratings.routes.ts';
import { notificationRoutes } from './routes/notifications.routes.ts';
import { deliveryRoutes } from './routes/delivery.routes.ts';
import { findingRoutes } from './routes/findings.routes.ts';
import { statsRoutes } from './routes/stats.routes.ts';
import { openDataRoutes } from './routes/open-data.routes.ts';
import { ballotImportRoutes, PB_IMPORT_MAX_BYTES } from './routes/ballot-imports.routes.ts';
import { MAX_UPLOAD_REQUEST_BYTES } from './services/uploads.ts';
import { screeningRoutes } from './routes/screening.routes.ts';
import { councilRoutes } from './routes/council.routes.ts';
import { meetingRoutes } from './routes/meetings.routes.ts';
import { noticeRoutes } from './routes/notices.routes.ts';
import { rulebookRoutes } from './routes/rulebooks.routes.ts';
import { formRoutes } from './routes/forms.routes.ts';
import { localizedDocument, type ApiDocument } from './http/api-doc.ts';
import { apiDocsRoutes } from './http/api-docs-page.ts';
import { meRoutes } from './routes/me.routes.ts';
import { say } from '#messages/say.ts';
import { docSiteName } from '#http/doc-words.ts';

export const API_BODY_LIMIT = 64 * 1024;
export const IMPORT_BODY_LIMIT = 3 * 1024 * 1024;

export function createApp(ctx: AppContext) {
  const app = new OpenAPIHono<AppEnv>().basePath('/api');

  // First, so that the answers of the body limit, the origin check, notFound and onError get them too.
  app.use('*', async (c, next) => {
    await next();
    setSecurityHeaders(c.res.headers);
    // For the request's log line (server/ops/request-log.ts): the route pattern matched, and who asked.
    const route = routePath(c, -1);
    noteRequest(incomingOf(c), { route, accountId: c.get('auth')?.account.id ?? null });
    // Refusals go to the security log: a permission refused (403) or a rate limit hit (429; sign-in throttles are logged as such).
    const status = c.res.status;
    if (status === 403 || (status === 429 && route !== '/api/auth/sign-in')) {
      const code = c.res.headers.get('content-type')?.startsWith('application/json') ? (((await c.res.clone().json().catch(() => null)) as { error?: { code?: string } } | null)?.error?.code ?? null) : null;
      await noteSecurityEvent(ctx, { kind: status === 403 ? 'forbidden' : 'rate_limited', accountId: c.get('auth')?.account.id ?? null, address: clientKey(c), what: `${c.req.method} ${route}`, outcome: 'refused', detail: { status, code }, requestId: requestIdOf(incomingOf(c)) });
    }
  });

  const tooLarge = (c: Context) => c.json(errorBody('payload_too_large', genericMessage('payload_too_large', localeOf(c))), 413);
  const small = limitBody(API_BODY_LIMIT, tooLarge);
  const large = limitBody(IMPORT_BODY_LIMIT, tooLarge);
  // Proposal attachments, progress photos and .pb imports are files: their own, larger limits.
  const photos = limitBody(MAX_UPLOAD_REQUEST_BYTES, tooLarge);
  const pbFile = limitBody(PB_IMPORT_MAX_BYTES + 64 * 1024, tooLarge);
  app.use('*', (c, next) =>
    /\/register$/.test(c.req.path) ? large(c, next)
      : /^\/api\/projects\/[^/]+\/progress$/.test(c.req.path) || /^\/api\/proposals\/[^/]+\/attachments$/.test(c.req.path) ? photos(c, next)
        : /^\/api\/cycles\/[^/]+\/ballot-imports$/.test(c.req.path) ? pbFile(c, next)
          : small(c, next),
  );
  app.use('*', originCheck(ctx));
  // Query parameters and bodies an operation does not declare are refused (read from the document, generated once on first use).
  app.use('*', refuseUndeclaredInput(() => app.getOpenAPI31Document(docConfig) as unknown as DocumentShape));
  app.use('*', contextMiddleware(ctx));

  const routes = app
    .route('/', healthRoutes)
    .route('/', authRoutes)
    .route('/', communityRoutes)
    .route('/', projectRoutes)
    .route('/', residencyRoutes)
    .route('/', auditRoutes)
    .route('/', cycleRoutes)
    .route('/', ballotRoutes)
    .route('/', proposalRoutes)
    .route('/', commentRoutes)
    .route('/', ratingRoutes)
    .route('/', notificationRoutes)
    .route('/', deliveryRoutes)
    .route('/', findingRoutes)
    .route('/', openDataRoutes)
    .route('/', ballotImportRoutes)
    .route('/', statsRoutes);
  // The council's routes (issue 5) stay out of the typed chain behind AppType: with them TypeScript
  // cannot represent the chain's type (TS2590), and no island calls them through the typed client.
  for (const council of [screeningRoutes, councilRoutes, meetingRoutes, noticeRoutes, rulebookRoutes]) app.route('/', council);
  // 我的信息 (a person's own data): no island calls it through the typed client either.
  app.route('/', meRoutes);
  app.route('/', formRoutes);

  // What every operation shares, added to each declaration once they are all mounted: an operationId,
  // and the answers the middleware gives (413, cross-origin 403, 400 for a bad path parameter).
  completeRouteDocs(app.openAPIRegistry.definitions);
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'wss_session',
    description: 'The session cookie set by POST /api/auth/sign-in (httpOnly, SameSite=Lax). Most reads need none; state-changing requests also need a same-site Origin (or none, from a non-browser client).',
  });
  // The document in the reader's language (server/http/api-doc.ts): generated from the declarations on each request.
  const docConfig = {
    openapi: '3.1.0',
    info: {
      title: `${docSiteName()} Weishishi API`,
      version: '0.1.0',
      license: { name: 'AGPL-3.0-or-later', url: 'https://www.gnu.org/licenses/agpl-3.0.html' },
    },
    servers: [{ url: '/', description: 'This site (paths start with /api)' }],
    // Signed in or not: every operation says in its answers what it refuses to whom.
    security: [{ session: [] }, {}] as Record<string, string[]>[],
  };
  app.get('/openapi.json', (c) => {
    const locale = localeOf(c);
    return c.json(localizedDocument(app.getOpenAPI31Document(docConfig) as unknown as ApiDocument, locale), 200, { 'content-language': locale, vary: 'Cookie, Accept-Language' });
  });
  // The interactive reference (Scalar), an HTML page of this site rather than an operation of the API.
  app.route('/', apiDocsRoutes);

  // A known path asked with a method it does not have: 405 with the methods it has (HTTP's rule), not 404.
  const known = app.routes
    .filter((r) => r.method !== 'ALL')
    .map((r) => ({ method: r.method.toUpperCase(), re: new RegExp(`^${r.path.replace(/[.+?^$|()[\]\\]/g, '\\$&').replace(/:[A-Za-z0-9_]+(\{[^}]*\})?/g, '[^/]+').replace(/\*/g, '.*')}$`) }));
  app.notFound((c) => {
    const allowed = [...new Set(known.filter((k) => k.re.test(c.req.path)).map((k) => k.method))];
    if (allowed.length > 0) {
      if (allowed.includes('GET')) allowed.push('HEAD');
      const locale = localeOf(c);
      return c.json(errorBody('method_not_allowed', say.reasons(locale, 'http.method_not_allowed', { methods: allowed.join(say.reasons(locale, 'join.list')) })), 405, { allow: allowed.join(', ') });
    }
    return c.json(errorBody('not_found', genericMessage('not_found', localeOf(c))), 404);
  });
  app.onError((err, c) => {
    const locale = localeOf(c);
    if (err instanceof HTTPException) {
      if (err.status === 400 && /json/i.test(err.message)) return c.json(errorBody('malformed_json', genericMessage('malformed_json', locale)), 400);
      if (err.status === 413) return c.json(errorBody('payload_too_large', genericMessage('payload_too_large', locale)), 413);
      // A body of a media type the operation does not list (@hono/zod-openapi's check, before the validator).
      if (err.status === 415) return c.json(errorBody('unsupported_media_type', genericMessage('unsupported_media_type', locale)), 415);
      if (err.status < 500) return c.json(errorBody('bad_request', err.message), err.status);
    }
    const requestId = requestIdOf(incomingOf(c));
    ctx.log.error({ msg: 'unexpected error', reqId: requestId, method: c.req.method, route: routePath(c, -1), err });
    return c.json({ ...errorBody('internal', genericMessage('internal', locale)), requestId }, 500);
  });

  return routes;
}

export type AppType = ReturnType<typeof createApp>;

/** The Node request under this Hono context, when served by @hono/node-server (not in app.request() tests). */
function incomingOf(c: Context): IncomingMessage | undefined {
  return (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
}
