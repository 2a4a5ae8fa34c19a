/**
 * @module In-site notifications: a proposer hears when their project changes
 * state, and a commenter when the office answers their comment (官方回复).
 * `notifyProposer` and `notifyCommenter` run inside the transaction of the
 * change (server/services/projects.ts applyProjectEvent,
 * server/services/comments.ts addReply), so a notification exists exactly
 * when the change does.
 *
 * Reading and marking as read are personal bookkeeping, not public facts, so
 * they are not written to the public audit log (the state change they point
 * to already is).
 */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { accounts, notifications } from '#db/schema.ts';
import type { Tx } from '#db/client.ts';
import type { AppContext } from '../context.ts';
import { newId } from './ids.ts';
import { say } from '#messages/say.ts';
import { inValues } from './sql-lists.ts';

export const PROJECT_STATE_NOTIFICATION = 'project_state';
export const OFFICIAL_REPLY_NOTIFICATION = 'official_reply';

/** What the page needs to say "您提议的「…」：已提交 → 初审通过" in either language. */
export type ProjectStatePayload = { code: string; title: string; from: string; to: string; reason?: string | null };

/** What the page needs to say "您对「…」的评论收到了官方回复（王芳，社区工作人员）". */
export type OfficialReplyPayload = { code: string; title: string; commentId: string; replierName: string; replierRole: 'staff' | 'council_member' };

export type Notice =
  | { kind: typeof PROJECT_STATE_NOTIFICATION; payload: ProjectStatePayload }
  | { kind: typeof OFFICIAL_REPLY_NOTIFICATION; payload: OfficialReplyPayload };

/** Is there someone to tell? A closed account is an empty tombstone: nothing is written for it. */
async function reachable(tx: Tx, accountId: string): Promise<boolean> {
  return (await tx.select({ id: accounts.id }).from(accounts).where(and(eq(accounts.id, accountId), isNull(accounts.closedAt))).limit(1)).length > 0;
}

/**
 * Tell the proposer that their project moved from `from` to `to`. Nobody is
 * told about their own step (a resident submitting their own draft), and
 * paper proposals have no account to tell, nor has a proposer who closed
 * their account.
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
  if (!(await reachable(tx, project.proposerAccountId))) return;
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

/**
 * Tell a resident that the office answered their comment. A council member
 * answering their own comment is not told about it, nor is anyone whose
 * account is closed.
 */
export async function notifyCommenter(
  tx: Tx,
  project: { id: string; code: string; title: string },
  comment: { commentId: string; authorAccountId: string },
  replier: { name: string; role: OfficialReplyPayload['replierRole'] },
  at: Date,
  actorAccountId: string,
): Promise<void> {
  if (comment.authorAccountId === actorAccountId) return;
  if (!(await reachable(tx, comment.authorAccountId))) return;
  const payload: OfficialReplyPayload = { code: project.code, title: project.title, commentId: comment.commentId, replierName: replier.name, replierRole: replier.role };
  await tx.insert(notifications).values({ id: newId(), accountId: comment.authorAccountId, projectId: project.id, kind: OFFICIAL_REPLY_NOTIFICATION, payload, createdAt: at });
}

export type NotificationView = Notice & {
  id: string;
  projectId: string | null;
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
    ...({ kind: r.kind, payload: r.payload } as Notice),
    projectId: r.projectId,
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
    const mine = and(eq(notifications.accountId, accountId), isNull(notifications.readAt), ids ? inValues(notifications.id, ids) : undefined);
    const changed = await tx.update(notifications).set({ readAt: at }).where(mine).returning({ id: notifications.id });
    return changed.length;
  });
}

/**
 * "您提议的「中秋邻里节」：已提交 → 初审通过" / "Your proposal “…”: Submitted → Passed screening";
 * "您对「中秋邻里节」的评论收到了官方回复（王芳，社区工作人员）" / "Your comment on “…” has an official reply (…, community staff)".
 */
export function notificationMessage(n: Notice, locale: 'zh-CN' | 'en'): string {
  if (n.kind === OFFICIAL_REPLY_NOTIFICATION) {
    const { title, replierName, replierRole } = n.payload;
    return say.participation(locale, 'notifications.message.reply', { title, name: replierName, role: say.participation(locale, `notifications.role.${replierRole}`) });
  }
  const stateName = (s: string) => {
    const key = `state.${s}`;
    return say.names.has(key) ? say.names(locale, key) : s;
  };
  return say.participation(locale, 'notifications.message.step', { title: n.payload.title, from: stateName(n.payload.from), to: stateName(n.payload.to) });
}

/** Where a notification leads: the project, or the answered comment on it. */
export function notificationHref(n: Notice): string {
  return n.kind === OFFICIAL_REPLY_NOTIFICATION ? `/projects/${n.payload.code}#comment-${n.payload.commentId}` : `/projects/${n.payload.code}`;
}
