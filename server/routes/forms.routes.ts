/**
 * @module Would the server accept a form the site shows, from the person
 * asking, now? The same permission check the form's use case applies
 * (server/services/form-checks.ts), without sending it: for a page that
 * wants to explain a control, and for the browser test that checks that no
 * page shows a control its user would be refused.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, errorResponses, fail, jsonBody, jsonContent } from '../http/router.ts';
import { checkForm } from '../services/form-checks.ts';
import { councilReasonMessage } from '../cases/council-reasons.ts';
import { say } from '#messages/say.ts';

const FormSchema = z.strictObject({
  action: z.string().min(1).max(500).regex(/^\/([^/\\]|$)/).openapi({ description: 'The path the form posts to (its `action`, or the page it is on), with its query string', example: '/projects/LTJD-LHSQ-2026-01' }),
  fields: z.record(z.string().max(200), z.string().max(200)).default({}).openapi({ description: 'The form’s hidden fields and its submit button’s name and value; what the person would type is not needed', example: { event: 'withdraw' } }),
});

export const formRoutes = createRouter().openapi(
  createRoute({
    method: 'post',
    path: '/forms/check',
    tags: ['forms'],
    summary: 'Would this form be accepted from me now? The permission check only: who may, and whether the state and phase allow it; nothing is changed',
    request: { body: jsonBody(FormSchema) },
    responses: {
      200: jsonContent(z.object({ allowed: z.boolean(), reason: z.string().nullable(), message: z.string().nullable() }), 'The answer: allowed, or the reason code and its message'),
      ...errorResponses(400, 404),
    },
  }),
  async (c) => {
    const form = c.req.valid('json');
    const r = await checkForm(c.get('ctx'), c.get('auth')?.actor ?? null, { action: form.action, fields: form.fields });
    if (!r.known) return fail(c, 404, 'unknown_form', say.reasons(c.get('locale'), 'http.unknown_form'));
    return c.json({ allowed: r.reason === null, reason: r.reason, message: r.reason === null ? null : councilReasonMessage(r.reason, c.get('locale')) }, 200);
  },
);
