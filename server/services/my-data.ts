/**
 * @module 我的信息 (my data): everything the site holds about one person, for
 * them to see on /account/data and to download as JSON (个人信息保护法 art.
 * 44–45). Every table that points at a person — by account or by the register
 * entry their residency rests on — is declared in PERSON_COLUMNS with how the
 * export covers it; a test reads the schema and fails on a column that points
 * at a person and is not declared, so a new table cannot be left out.
 *
 * What is never in it: what a ballot said and its receipt code (shown once,
 * when cast: a copy anyone could be made to hand over must not prove a vote),
 * a register entry's one-time verification code (after a correction it goes
 * to the address on a new slip, so showing it here would skip that check),
 * password and session secrets (only hashes are stored; none is shown), and
 * other people's details (an official who answered is named as in public).
 * Each export is recorded in the security log — who and when, never what.
 */
import { and, asc, desc, eq, sql, type Column } from 'drizzle-orm';
import {
  accounts,
  attachments,
  auditLog,
  ballots,
  commentReplies,
  comments,
  communities,
  councilTerms,
  councilVotes,
  agendaItems,
  cycles,
  meetingAttendance,
  notifications,
  objections,
  paperBallotEntries,
  projects,
  ratings,
  registerEntries,
  roleAssignments,
  screeningOpinions,
  securityEvents,
  sessions,
  streets,
  districts,
  trustedDevices,
} from '#db/schema.ts';
import type { AppContext } from '../context.ts';
import { notificationMessage, type Notice } from './notifications.ts';
import { recordSecurityEvent } from './security-log.ts';
import { say } from '#messages/say.ts';

/** How the export covers a column that points at a person. */
export type Coverage =
  /** Rows where the column is the person are exported in full, in this section. */
  | { section: MyDataSection; via: 'account' | 'register' }
  /** The column records who did an official act (staff, officers, council, auditors): the acts are public under the actor's name; the export counts them (named by privacy.json's `mydata.acts.<table>.<column>`). */
  | { acts: true };

export const MY_DATA_SECTIONS = [
  'account',
  'roles',
  'councilTerms',
  'register',
  'proposals',
  'attachments',
  'comments',
  'officialReplies',
  'ratings',
  'objections',
  'notifications',
  'ballots',
  'paperBallots',
  'screeningOpinions',
  'councilVotes',
  'meetingAttendance',
  'securityLog',
  'sessions',
  'trustedDevices',
  'auditEntries',
  'officialActs',
] as const;
export type MyDataSection = (typeof MY_DATA_SECTIONS)[number];

/**
 * Every column of the schema that points at a person (`table.column`), and
 * how the export covers it. `via: 'register'` columns point at a register
 * entry the person's account claimed.
 */
export const PERSON_COLUMNS: Readonly<Record<string, Coverage>> = {
  'role_assignments.account_id': { section: 'roles', via: 'account' },
  'council_terms.account_id': { section: 'councilTerms', via: 'account' },
  'register_entries.claimed_by_account_id': { section: 'register', via: 'account' },
  'projects.proposer_account_id': { section: 'proposals', via: 'account' },
  'attachments.uploaded_by': { section: 'attachments', via: 'account' },
  'comments.author_account_id': { section: 'comments', via: 'account' },
  'comment_replies.author_account_id': { section: 'officialReplies', via: 'account' },
  'ratings.register_entry_id': { section: 'ratings', via: 'register' },
  'objections.register_entry_id': { section: 'objections', via: 'register' },
  'notifications.account_id': { section: 'notifications', via: 'account' },
  // An online ballot is cast on the register entry its account claimed: the entries find it.
  'ballots.account_id': { section: 'ballots', via: 'register' },
  'ballots.register_entry_id': { section: 'ballots', via: 'register' },
  'paper_ballot_entries.register_entry_id': { section: 'paperBallots', via: 'register' },
  'screening_opinions.author_account_id': { section: 'screeningOpinions', via: 'account' },
  'council_votes.account_id': { section: 'councilVotes', via: 'account' },
  'meeting_attendance.account_id': { section: 'meetingAttendance', via: 'account' },
  'security_events.account_id': { section: 'securityLog', via: 'account' },
  'sessions.account_id': { section: 'sessions', via: 'account' },
  'trusted_devices.account_id': { section: 'trustedDevices', via: 'account' },
  'audit_log.actor_account_id': { section: 'auditEntries', via: 'account' },
  'role_assignments.granted_by': { acts: true },
  'council_terms.created_by': { acts: true },
  'register_entries.imported_by': { acts: true },
  'comments.hidden_by': { acts: true },
  'objections.answered_by': { acts: true },
  'paper_ballot_entries.entered_by': { acts: true },
  'council_votes.recorded_by': { acts: true },
  'meetings.created_by': { acts: true },
  'meeting_addenda.created_by': { acts: true },
  'agreements.created_by': { acts: true },
  'progress_reports.created_by': { acts: true },
  'payments.created_by': { acts: true },
  'acceptances.created_by': { acts: true },
  'audit_findings.created_by': { acts: true },
  'ballot_imports.created_by': { acts: true },
  'ballot_imports.reviewed_by': { acts: true },
  'phase_change_requests.requested_by': { acts: true },
  'phase_change_requests.decided_by': { acts: true },
  'rulebooks.created_by': { acts: true },
};

/** The columns of official acts, as identifiers safe to put in SQL (they come from the declaration above, never from a request). */
const ACT_COLUMNS = Object.entries(PERSON_COLUMNS)
  .filter(([, c]) => 'acts' in c)
  .map(([key, c]) => {
    const [table, column] = key.split('.') as [string, string];
    if (!/^[a-z_]+$/.test(table) || !/^[a-z_]+$/.test(column)) throw new Error(`not an identifier: ${key}`);
    const words = `mydata.acts.${key}` as const;
    if (!say.privacy.has(words)) throw new Error(`no words for the official acts of ${key} (privacy.json)`);
    return { table, column, nameZh: say.privacy('zh-CN', words), nameEn: say.privacy('en', words) };
  });

const placeName = { zh: sql<string>`coalesce(${communities.nameZh}, ${streets.nameZh}, ${districts.nameZh}, ${roleAssignments.scopeId})`, en: sql<string>`coalesce(${communities.nameEn}, ${streets.nameEn}, ${districts.nameEn}, ${roleAssignments.scopeId})` };

export type BallotStatus = 'vote_open' | 'counted' | 'replaced';

/** The register entries this account claimed (its residency, and the person a ballot, rating or objection belongs to). */
async function claimedEntries(ctx: AppContext, accountId: string) {
  return ctx.database.db
    .select({ e: registerEntries, slug: communities.slug, nameZh: communities.nameZh, nameEn: communities.nameEn })
    .from(registerEntries)
    .innerJoin(communities, eq(communities.id, registerEntries.communityId))
    .where(eq(registerEntries.claimedByAccountId, accountId))
    .orderBy(asc(communities.slug));
}

const mine = (column: Column, accountId: string) =>
  sql`${column} in (select id from register_entries where claimed_by_account_id = ${accountId})`;

/**
 * Rows of the cycles (or projects) of the communities where the account
 * claimed a register entry: so that ballots, paper ballots and ratings are
 * found through their indexes by cycle or project, not by reading the whole
 * table (a city's ballots run to millions).
 */
const myCommunities = (accountId: string) => sql`(select community_id from register_entries where claimed_by_account_id = ${accountId})`;
const inMyCycles = (column: Column, accountId: string) => sql`${column} in (select id from cycles where community_id in ${myCommunities(accountId)})`;
const inMyProjects = (column: Column, accountId: string) => sql`${column} in (select id from projects where community_id in ${myCommunities(accountId)})`;

/**
 * Everything held about the account `accountId`. `currentSessionId` marks the
 * session asking. Lists are complete; the page shows the newest of the long
 * ones and says the download holds the rest.
 */
export async function collectMyData(ctx: AppContext, accountId: string, currentSessionId: string | null = null) {
  const db = ctx.database.db;
  const a = (await db.select().from(accounts).where(eq(accounts.id, accountId)).limit(1))[0];
  if (!a) return null;

  const roles = await db
    .select({ role: roleAssignments.role, scopeKind: roleAssignments.scopeKind, scopeId: roleAssignments.scopeId, nameZh: placeName.zh, nameEn: placeName.en, grantedAt: roleAssignments.grantedAt, revokedAt: roleAssignments.revokedAt })
    .from(roleAssignments)
    .leftJoin(communities, and(eq(roleAssignments.scopeKind, 'community'), eq(communities.id, roleAssignments.scopeId)))
    .leftJoin(streets, and(eq(roleAssignments.scopeKind, 'street'), eq(streets.id, roleAssignments.scopeId)))
    .leftJoin(districts, and(eq(roleAssignments.scopeKind, 'district'), eq(districts.id, roleAssignments.scopeId)))
    .where(eq(roleAssignments.accountId, accountId))
    .orderBy(asc(roleAssignments.grantedAt));

  const councilTermRows = await db
    .select({ community: communities.slug, nameZh: communities.nameZh, nameEn: communities.nameEn, role: councilTerms.role, startsOn: councilTerms.startsOn, endsOn: councilTerms.endsOn })
    .from(councilTerms)
    .innerJoin(communities, eq(communities.id, councilTerms.communityId))
    .where(eq(councilTerms.accountId, accountId))
    .orderBy(asc(councilTerms.startsOn));

  const entries = await claimedEntries(ctx, accountId);
  const register = entries.map(({ e, slug, nameZh, nameEn }) => ({
    community: { slug, nameZh, nameEn },
    registerNo: e.registerNo,
    name: e.name,
    address: e.address,
    phone: e.phone,
    importedAt: e.importedAt,
    verifiedAt: e.claimedAt,
    /** A correction of name or address waits for a new slip from staff. */
    awaitingVerification: e.claimedAt === null,
  }));

  const proposals = await db
    .select({
      code: projects.code,
      state: projects.state,
      cycleTitleZh: cycles.titleZh,
      cycleTitleEn: cycles.titleEn,
      title: projects.title,
      category: projects.category,
      theme: projects.theme,
      description: projects.description,
      address: projects.address,
      estimatedCostFen: projects.estimatedCostFen,
      beneficiaries: projects.beneficiaries,
      beneficiaryCount: projects.beneficiaryCount,
      createdAt: projects.createdAt,
      updatedAt: projects.updatedAt,
    })
    .from(projects)
    .innerJoin(cycles, eq(cycles.id, projects.cycleId))
    .where(eq(projects.proposerAccountId, accountId))
    .orderBy(desc(projects.updatedAt), asc(projects.code));

  const files = await db
    .select({ projectCode: projects.code, name: attachments.originalName, mime: attachments.mime, sizeBytes: attachments.sizeBytes, sha256: attachments.sha256, createdAt: attachments.createdAt })
    .from(attachments)
    .innerJoin(projects, eq(projects.id, attachments.projectId))
    .where(eq(attachments.uploadedBy, accountId))
    .orderBy(asc(attachments.createdAt));

  const commentRows = await db
    .select({
      projectCode: projects.code,
      projectTitle: projects.title,
      body: comments.body,
      createdAt: comments.createdAt,
      hiddenAt: comments.hiddenAt,
      hiddenReason: comments.hiddenReason,
      replies: sql<number>`(select count(*) from comment_replies r where r.comment_id = ${comments.id})`,
    })
    .from(comments)
    .innerJoin(projects, eq(projects.id, comments.projectId))
    .where(eq(comments.authorAccountId, accountId))
    .orderBy(desc(comments.createdAt));

  const replyRows = await db
    .select({ projectCode: projects.code, projectTitle: projects.title, role: commentReplies.authorRole, name: commentReplies.authorName, body: commentReplies.body, createdAt: commentReplies.createdAt })
    .from(commentReplies)
    .innerJoin(projects, eq(projects.id, commentReplies.projectId))
    .where(eq(commentReplies.authorAccountId, accountId))
    .orderBy(desc(commentReplies.createdAt));

  const ratingRows = await db
    .select({ projectCode: projects.code, projectTitle: projects.title, score: ratings.score, comment: ratings.comment, createdAt: ratings.createdAt })
    .from(ratings)
    .innerJoin(projects, eq(projects.id, ratings.projectId))
    .where(and(inMyProjects(ratings.projectId, accountId), mine(ratings.registerEntryId, accountId)))
    .orderBy(desc(ratings.createdAt));

  const objectionRows = await db
    .select({ projectCode: projects.code, projectTitle: projects.title, reason: objections.reason, status: objections.status, answer: objections.answer, createdAt: objections.createdAt, answeredAt: objections.answeredAt })
    .from(objections)
    .innerJoin(projects, eq(projects.id, objections.projectId))
    .where(mine(objections.registerEntryId, accountId))
    .orderBy(desc(objections.createdAt));

  const notificationRows = await db.select().from(notifications).where(eq(notifications.accountId, accountId)).orderBy(desc(notifications.createdAt), desc(notifications.id));

  // Ballots: which cycle, how and when, and whether it counted. Never what it said, nor the receipt. A ballot
  // belongs to a register entry; an online one is cast on the entry its account claimed, so ballots.account_id
  // finds no ballot that the entries do not.
  const ballotRows = await db
    .select({
      cycleId: ballots.cycleId,
      titleZh: cycles.titleZh,
      titleEn: cycles.titleEn,
      channel: ballots.channel,
      castAt: ballots.castAt,
      replacedAt: ballots.supersededAt,
      counted: sql<number>`exists (select 1 from cycle_results cr where cr.cycle_id = ${ballots.cycleId} and cr.official = 1)`,
    })
    .from(ballots)
    .innerJoin(cycles, eq(cycles.id, ballots.cycleId))
    .where(and(inMyCycles(ballots.cycleId, accountId), mine(ballots.registerEntryId, accountId)))
    .orderBy(desc(ballots.castAt));
  const ballotList = ballotRows.map(({ counted, ...b }) => ({
    cycle: { id: b.cycleId, titleZh: b.titleZh, titleEn: b.titleEn },
    channel: b.channel,
    castAt: b.castAt,
    replacedAt: b.replacedAt,
    status: (!Number(counted) ? 'vote_open' : b.replacedAt ? 'replaced' : 'counted') as BallotStatus,
  }));

  // Paper ballots as staff typed them in: when and how far the double entry got, not the serial nor the content.
  const paperRows = await db
    .select({ cycleId: paperBallotEntries.cycleId, titleZh: cycles.titleZh, titleEn: cycles.titleEn, status: paperBallotEntries.status, enteredAt: paperBallotEntries.createdAt })
    .from(paperBallotEntries)
    .innerJoin(cycles, eq(cycles.id, paperBallotEntries.cycleId))
    .where(and(inMyCycles(paperBallotEntries.cycleId, accountId), mine(paperBallotEntries.registerEntryId, accountId)))
    .orderBy(asc(paperBallotEntries.createdAt));

  const opinions = await db
    .select({ projectCode: projects.code, projectTitle: projects.title, stance: screeningOpinions.stance, body: screeningOpinions.body, createdAt: screeningOpinions.createdAt })
    .from(screeningOpinions)
    .innerJoin(projects, eq(projects.id, screeningOpinions.projectId))
    .where(eq(screeningOpinions.authorAccountId, accountId))
    .orderBy(desc(screeningOpinions.createdAt));

  const votes = await db
    .select({ meetingId: agendaItems.meetingId, projectCode: projects.code, projectTitle: projects.title, vote: councilVotes.vote, recordedAt: councilVotes.recordedAt })
    .from(councilVotes)
    .innerJoin(agendaItems, eq(agendaItems.id, councilVotes.agendaItemId))
    .innerJoin(projects, eq(projects.id, agendaItems.projectId))
    .where(eq(councilVotes.accountId, accountId))
    .orderBy(desc(councilVotes.recordedAt));

  const attendance = await db
    .select({ meetingId: meetingAttendance.meetingId, present: meetingAttendance.present, recordedAt: meetingAttendance.recordedAt })
    .from(meetingAttendance)
    .where(eq(meetingAttendance.accountId, accountId))
    .orderBy(desc(meetingAttendance.recordedAt));

  // The security log's events of this account: sign-ins (and attempts on it), sign-outs, refusals, exports. The
  // detail is left out: a staff member's event can name the account they acted on.
  const security = await db
    .select({ at: securityEvents.at, kind: securityEvents.kind, what: securityEvents.what, outcome: securityEvents.outcome, address: securityEvents.address })
    .from(securityEvents)
    .where(eq(securityEvents.accountId, accountId))
    .orderBy(desc(securityEvents.id));

  const sessionRows = await db
    .select({ id: sessions.id, createdAt: sessions.createdAt, expiresAt: sessions.expiresAt })
    .from(sessions)
    .where(eq(sessions.accountId, accountId))
    .orderBy(desc(sessions.createdAt));

  const devices = await db
    .select({ createdAt: trustedDevices.createdAt, lastUsedAt: trustedDevices.lastUsedAt })
    .from(trustedDevices)
    .where(eq(trustedDevices.accountId, accountId))
    .orderBy(desc(trustedDevices.lastUsedAt));

  // The public log's entries this account made (the log itself shows residents only as 居民). The log has no
  // index on its actor (one would cost every audited write, every ballot among them), so this reads the log
  // through: a page a person opens now and then, not one of the site's hot paths.
  const audit = await db
    .select({ seq: auditLog.seq, at: auditLog.at, action: auditLog.action, subjectType: auditLog.subjectType, subjectId: auditLog.subjectId })
    .from(auditLog)
    .where(eq(auditLog.actorAccountId, accountId))
    .orderBy(desc(auditLog.seq));

  // Only someone who held an office has acts on record: residents are spared the counting.
  const acts: { table: string; column: string; nameZh: string; nameEn: string; count: number }[] = [];
  const heldOffice = roles.some((r) => r.role !== 'resident') || councilTermRows.length > 0;
  for (const c of heldOffice ? ACT_COLUMNS : []) {
    const n = Number((await ctx.database.client.execute({ sql: `select count(*) as n from "${c.table}" where "${c.column}" = ?`, args: [accountId] })).rows[0]!.n);
    if (n > 0) acts.push({ ...c, count: n });
  }

  return {
    format: 'weishishi-my-data/1',
    exportedAt: ctx.now(),
    account: {
      id: a.id,
      username: a.username,
      mobile: a.mobile,
      displayName: a.displayName,
      locale: a.locale,
      createdAt: a.createdAt,
      passwordChangedAt: a.passwordChangedAt,
      closedAt: a.closedAt,
    },
    roles: roles.map((r) => ({ role: r.role, scope: { kind: r.scopeKind, id: r.scopeId, nameZh: r.nameZh, nameEn: r.nameEn }, grantedAt: r.grantedAt, revokedAt: r.revokedAt })),
    councilTerms: councilTermRows.map((t) => ({ community: { slug: t.community, nameZh: t.nameZh, nameEn: t.nameEn }, role: t.role, startsOn: t.startsOn, endsOn: t.endsOn })),
    register,
    proposals: proposals.map(({ cycleTitleZh, cycleTitleEn, ...p }) => ({ ...p, cycle: { titleZh: cycleTitleZh, titleEn: cycleTitleEn } })),
    attachments: files,
    comments: commentRows.map(({ hiddenAt, hiddenReason, replies, ...c }) => ({ ...c, hidden: hiddenAt ? { at: hiddenAt, reason: hiddenReason ?? '' } : null, officialReplies: Number(replies) })),
    officialReplies: replyRows,
    ratings: ratingRows,
    objections: objectionRows,
    notifications: notificationRows.map((n) => {
      const notice = { kind: n.kind, payload: n.payload } as Notice;
      return { kind: n.kind, messageZh: notificationMessage(notice, 'zh-CN'), messageEn: notificationMessage(notice, 'en'), createdAt: n.createdAt, readAt: n.readAt };
    }),
    ballots: ballotList,
    paperBallots: paperRows.map(({ cycleId, titleZh, titleEn, ...p }) => ({ cycle: { id: cycleId, titleZh, titleEn }, ...p })),
    screeningOpinions: opinions,
    councilVotes: votes,
    meetingAttendance: attendance,
    securityLog: security,
    sessions: sessionRows.map(({ id, ...s }) => ({ ...s, current: id === currentSessionId })),
    trustedDevices: devices,
    auditEntries: audit,
    officialActs: acts,
  };
}

export type MyData = NonNullable<Awaited<ReturnType<typeof collectMyData>>>;

/** Record an export of someone's own data in the security log: who, when, how (page or JSON), from where; never the content. */
export async function recordMyDataExport(ctx: AppContext, e: { accountId: string; format: 'json' | 'page'; address: string | null; requestId?: string | null }) {
  await recordSecurityEvent(ctx, { kind: 'personal_data_export', accountId: e.accountId, address: e.address, what: e.format === 'json' ? 'my_data.json' : 'my_data.page', outcome: 'ok', detail: { format: e.format }, requestId: e.requestId ?? null });
}

/** How many of a section the page shows before pointing to the download. */
export const PAGE_ROWS = 50;

/** The ballots still open to change: for a link to the vote page, where the person sees their own current ballot. */
export function openBallotCycles(data: MyData): string[] {
  return [...new Set(data.ballots.filter((b) => b.status === 'vote_open' && b.replacedAt === null).map((b) => b.cycle.id))];
}
