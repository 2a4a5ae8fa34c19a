/** @module The signed-in person's notifications: list (with the unread count) and mark as read. */
import { createRoute, z } from '@hono/zod-openapi';
import { typedInteger } from '../services/text-fields.ts';
import { createRouter, errorResponses, jsonBody, jsonContent, refuse } from '../http/router.ts';
import { listNotifications, notificationHref, notificationMessage, unreadCount } from '../services/notifications.ts';
import { perform } from '../http/use-case-route.ts';
import { MarkReadInput, markReadCase } from '../cases/notifications.ts';
import { docExample } from '#http/doc-words.ts';

const NotificationSchema = z
  .object({
    id: z.string(),
    kind: z.string().openapi({ description: '`project_state` (a project you proposed moved on) or `official_reply` (the office answered your comment)' }),
    projectCode: z.string(),
    title: z.string(),
    from: z.string().nullable().openapi({ description: 'project_state: the state before; null otherwise' }),
    to: z.string().nullable().openapi({ description: 'project_state: the state after; null otherwise' }),
    reason: z.string().nullable(),
    commentId: z.string().nullable().openapi({ description: 'official_reply: the comment answered; null otherwise' }),
    href: z.string().openapi({ example: '/projects/LTJD-LHSQ-2026-01#comment-…' }),
    message: z.string().openapi({ example: docExample('notification') }),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi('Notification');

export const notificationRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/notifications',
      tags: ['notifications'],
      summary: 'My notifications, newest first, with the unread count',
      request: { query: z.strictObject({ limit: typedInteger(1, 200).optional() }) },
      responses: {
        200: jsonContent(z.object({ unread: z.number().int(), items: z.array(NotificationSchema) }), 'Notifications'),
        ...errorResponses(400, 401),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const auth = c.get('auth');
      if (!auth) return refuse(c, 'not_signed_in');
      const locale = c.get('locale');
      const items = await listNotifications(ctx, auth.account.id, { limit: c.req.valid('query').limit });
      return c.json(
        {
          unread: await unreadCount(ctx, auth.account.id),
          items: items.map((n) => ({
            id: n.id,
            kind: n.kind,
            projectCode: n.payload.code,
            title: n.payload.title,
            from: n.kind === 'project_state' ? n.payload.from : null,
            to: n.kind === 'project_state' ? n.payload.to : null,
            reason: n.kind === 'project_state' ? (n.payload.reason ?? null) : null,
            commentId: n.kind === 'official_reply' ? n.payload.commentId : null,
            href: notificationHref(n),
            message: notificationMessage(n, locale),
            createdAt: n.createdAt.toISOString(),
            readAt: n.readAt ? n.readAt.toISOString() : null,
          })),
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/notifications/read',
      tags: ['notifications'],
      summary: 'Mark some of my notifications read (or all, without ids)',
      request: { body: jsonBody(MarkReadInput, { required: false }) },
      responses: {
        200: jsonContent(z.object({ marked: z.number().int(), unread: z.number().int() }), 'Marked'),
        ...errorResponses(400, 401),
      },
    }),
    async (c) => perform(c, markReadCase, c.req.valid('json'), undefined, (v) => c.json(v, 200)),
  );
