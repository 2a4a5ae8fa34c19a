/**
 * @module In-site notifications: a proposer hears when their project changes
 * state. `notifyProposer` runs inside the transaction of the state change
 * (server/services/projects.ts applyProjectEvent), so a notification exists
 * exactly when the change does.
 *
 * Reading and marking as read are personal bookkeeping, not public facts, so
 * they are not written to the public audit log (the state change they point
 * to already is).
 */
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { notifications } from '../../db/schema.ts';
import type { Tx } from '../../db/client.ts';
import type { AppContext } from '../context.ts';
import { newId } from './ids.ts';
import { PROJECT_STATE_NAMES, type ProjectState } from '../domain/project-states.ts';

export const PROJECT_STATE_NOTIFICATION = 'project_state';

/** What the page needs to say "您提议的「…」：已提交 → 初审通过" in either language. */
export type ProjectStatePayload = { code: string; title: string; from: string; to: string; reason?: string | null };

/**
 * Tell the proposer that their project moved from `from` to `to`. Nobody is
 * told about their own step (a resident submitting their own draft), and
 * paper proposals have no account to tell.
 */
export async function notifyProposer(
  tx: Tx,
  project: { id: string; code: string; title: string; proposerAccountId: string | null },
  from: string,
  to: string,
  at: Date,
  opts: { actorAccountId?: string | null; reason?: string | null } = {},
): Promise<void> {
  if (!project.proposerAccountId) return;
  if (opts.actorAccountId && opts.actorAccountId === project.proposerAccountId) return;
  const payload: ProjectStatePayload = { code: project.code, title: project.title, from, to, reason: opts.reason ?? null };
  await tx.insert(notifications).values({
    id: newId(),
    accountId: project.proposerAccountId,
    projectId: project.id,
    kind: PROJECT_STATE_NOTIFICATION,
    payload,
    createdAt: at,
  });
}

export type NotificationView = {
  id: string;
  kind: string;
  projectId: string | null;
  payload: ProjectStatePayload;
  createdAt: Date;
  readAt: Date | null;
};

export async function listNotifications(ctx: AppContext, accountId: string, opts: { limit?: number } = {}): Promise<NotificationView[]> {
  const rows = await ctx.database.db
    .select()
    .from(notifications)
    .where(eq(notifications.accountId, accountId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(Math.min(opts.limit ?? 50, 200));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    projectId: r.projectId,
    payload: r.payload as ProjectStatePayload,
    createdAt: r.createdAt,
    readAt: r.readAt,
  }));
}

export async function unreadCount(ctx: AppContext, accountId: string): Promise<number> {
  const r = await ctx.database.db
    .select({ n: sql<number>`count(*)` })
    .from(notifications)
    .where(and(eq(notifications.accountId, accountId), isNull(notifications.readAt)));
  return r[0]?.n ?? 0;
}

/** Mark some (or, without ids, all) of one account's unread notifications read; returns how many changed. */
export async function markRead(ctx: AppContext, accountId: string, ids?: readonly string[]): Promise<number> {
  if (ids && ids.length === 0) return 0;
  const at = ctx.now();
  return ctx.database.write(async (tx) => {
    const mine = and(eq(notifications.accountId, accountId), isNull(notifications.readAt), ids ? inArray(notifications.id, [...ids]) : undefined);
    const changed = await tx.update(notifications).set({ readAt: at }).where(mine).returning({ id: notifications.id });
    return changed.length;
  });
}

const stateName = (s: string, locale: 'zh-CN' | 'en') => PROJECT_STATE_NAMES[s as ProjectState]?.[locale] ?? s;

/** "您提议的「中秋邻里节」：已提交 → 初审通过" / "Your proposal “…”: Submitted → Passed screening". */
export function notificationMessage(payload: ProjectStatePayload, locale: 'zh-CN' | 'en'): string {
  const step = `${stateName(payload.from, locale)} → ${stateName(payload.to, locale)}`;
  return locale === 'en' ? `Your proposal “${payload.title}”: ${step}` : `您提议的「${payload.title}」：${step}`;
}
