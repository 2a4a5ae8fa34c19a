/**
 * @module Open data: public datasets as CSV and JSON (projects, decisions,
 * meetings, payments, progress, ratings); a closed resident vote's
 * anonymised ballots with the official result as a pabulib `.pb` file
 * (imported ballots among them; importing is in ballot-imports.ts), and its
 * counted receipt fingerprints (./counted-receipts.ts).
 *
 * No personal data leaves here: no account or register ids, no resident
 * names, phones or addresses; residents acting in the log are "居民".
 *
 * The `.pb` file is written so that `npm run tally -- --rule <rule> file.pb`
 * reproduces the published result: money is in yuan (元) as exact decimals,
 * exactly as the official count gave it to the tally (server/services/
 * results.ts), because the Add1 completion of equal shares steps one
 * currency unit per voter — a file in fen would step one fen and could fund
 * differently. Project ids are project codes, as in the official count.
 */
import { randomInt } from 'node:crypto';
import { and, asc, Column, eq, gt, inArray, is, isNull, like, sql, type SQL } from 'drizzle-orm';
import {
  agendaItems,
  auditLog,
  ballotImports,
  ballots,
  communities,
  cycleResults,
  cycles,
  importedBallots,
  meetingAttendance,
  meetings,
  payments,
  progressPhotos,
  progressReports,
  projects,
  ratings,
} from '#db/schema.ts';
import type { Database } from '#db/client.ts';
import { chinaDay } from '../domain/cycle-phases.ts';
import { fenToYuanText, toCsv, type CsvValue } from '../domain/delivery.ts';
import { isBallotMethod, parseBallotContent } from '../domain/ballot-rules.ts';
import { PABULIB_RULE } from '../domain/rulebook.ts';
import { electionToPb, writePb } from '../domain/pabulib/index.ts';
import type { BallotInput as TallyBallot, Election } from '../domain/tally/election.ts';
import { naturalCompare } from '../domain/tally/natural.ts';
import { auditDisclosure, chainPlace } from './audit-disclosure.ts';
import { getCycle, getCommunityById } from './catalog.ts';
import { getRulebook } from './rulebooks.ts';
import type { StoredResult } from './results.ts';
import { inValues } from './sql-lists.ts';
import { RESIDENT_PUBLIC_NAME } from './audit.ts';
import { countedReceiptList } from './counted-receipts.ts';
import { say } from '#messages/say.ts';

// ---------------------------------------------------------------------------
// Datasets
// ---------------------------------------------------------------------------

export const DATASETS = ['projects', 'decisions', 'meetings', 'payments', 'progress', 'ratings'] as const;
export type DatasetName = (typeof DATASETS)[number];

export type Dataset = { name: DatasetName; columns: string[]; rows: Record<string, CsvValue>[] };
export type DatasetFilter = { communitySlug?: string; cycleId?: string };
type Row = Record<string, CsvValue>;

/** The day in China: what a reader of the data means by "the day it happened". */
const day = (d: Date) => chinaDay(d);

/** Conditions on projects (never drafts) for a filter. */
function projectScope(f: DatasetFilter): SQL[] {
  const conds: SQL[] = [sql`${projects.state} <> 'draft'`];
  if (f.communitySlug) conds.push(eq(communities.slug, f.communitySlug));
  if (f.cycleId) conds.push(eq(projects.cycleId, f.cycleId));
  return conds;
}

/**
 * A dataset is read a page at a time, in its order, each page starting
 * after the previous page's last key (keyset paging: every page costs the
 * same however deep; an OFFSET would read all the rows before it again).
 * So a download of the whole city streams in constant memory.
 */
type Loader = {
  columns: string[];
  pages(database: Database, f: DatasetFilter, now: Date, pageSize: number): AsyncGenerator<Row[]>;
};

/**
 * Rows after `key` in the order of `cols` (SQLite's row values compare left
 * to right). A column encodes its key value as it stores it (a Date as the
 * column's integer); an expression takes the value as it is.
 */
function after(cols: (Column | SQL)[], key: unknown[] | null): SQL | undefined {
  if (!key) return undefined;
  const values = key.map((k, i) => {
    const col = cols[i]!;
    return is(col, Column) ? sql`${sql.param(k, col)}` : sql`${k}`;
  });
  return sql`(${sql.join(cols.map((c) => sql`${c}`), sql`, `)}) > (${sql.join(values, sql`, `)})`;
}

/** Pages of `fetch(key)`, each after the last row of the one before (`keyOf`), until a short page. */
async function* keyset<T>(pageSize: number, fetch: (key: unknown[] | null) => Promise<T[]>, keyOf: (row: T) => unknown[]): AsyncGenerator<T[]> {
  let key: unknown[] | null = null;
  for (;;) {
    const rows = await fetch(key);
    if (rows.length > 0) yield rows;
    if (rows.length < pageSize) return;
    key = keyOf(rows[rows.length - 1]!);
  }
}

const projectsLoader: Loader = {
  columns: ['code', 'community', 'cycle_id', 'year', 'title', 'category', 'theme', 'state', 'state_reason', 'proposer_type', 'estimated_cost_fen', 'estimated_cost_yuan', 'agreed_amount_fen', 'agreed_amount_yuan', 'resident_votes', 'address', 'beneficiaries', 'beneficiary_count', 'description', 'created_on', 'url'],
  async *pages(database, f, _now, pageSize) {
    const fetch = (key: unknown[] | null) =>
      database.db
        .select({
          code: projects.code, community: communities.nameZh, cycleId: projects.cycleId, year: cycles.year, title: projects.title, category: projects.category, theme: projects.theme,
          description: projects.description, address: projects.address, proposerType: projects.proposerType, estimatedCostFen: projects.estimatedCostFen, agreedAmountFen: projects.agreedAmountFen,
          state: projects.state, stateReason: projects.stateReason, residentVotes: projects.residentVotes, beneficiaries: projects.beneficiaries, beneficiaryCount: projects.beneficiaryCount, createdAt: projects.createdAt,
        })
        .from(projects)
        .innerJoin(communities, eq(communities.id, projects.communityId))
        .innerJoin(cycles, eq(cycles.id, projects.cycleId))
        .where(and(...projectScope(f), after([projects.code], key)))
        .orderBy(asc(projects.code))
        .limit(pageSize);
    for await (const rows of keyset(pageSize, fetch, (r) => [r.code])) {
      yield rows.map((r) => ({
        code: r.code, community: r.community, cycle_id: r.cycleId, year: r.year, title: r.title, category: r.category, theme: r.theme, state: r.state, state_reason: r.stateReason,
        proposer_type: r.proposerType, estimated_cost_fen: r.estimatedCostFen, estimated_cost_yuan: fenToYuanText(r.estimatedCostFen), agreed_amount_fen: r.agreedAmountFen,
        agreed_amount_yuan: r.agreedAmountFen === null ? null : fenToYuanText(r.agreedAmountFen), resident_votes: r.residentVotes, address: r.address, beneficiaries: r.beneficiaries,
        beneficiary_count: r.beneficiaryCount, description: r.description, created_on: day(r.createdAt), url: `/projects/${r.code}`,
      }));
    }
  },
};

/**
 * Every change of a project's state, with who (by role and public name) and
 * the published reason; its audit seq and hash once it lies in the published
 * chain (while a vote is open, not yet: ./audit-disclosure.ts).
 */
const decisionsLoader: Loader = {
  columns: ['audit_seq', 'at', 'project_code', 'event', 'from_state', 'to_state', 'reason', 'actor_role', 'actor_name', 'audit_hash'],
  async *pages(database, f, now, pageSize) {
    const disclosure = await auditDisclosure(database, now);
    let last = 0;
    for (;;) {
      const rows = await database.db
        .select({ seq: auditLog.seq, at: auditLog.at, action: auditLog.action, actorRole: auditLog.actorRole, actorName: auditLog.actorName, before: auditLog.before, after: auditLog.after, reason: auditLog.reason, hash: auditLog.hash, code: projects.code })
        .from(auditLog)
        .innerJoin(projects, and(eq(auditLog.subjectType, 'project'), eq(projects.id, auditLog.subjectId)))
        .innerJoin(communities, eq(communities.id, projects.communityId))
        .where(and(like(auditLog.action, 'project.%'), gt(auditLog.seq, last), ...projectScope(f)))
        .orderBy(asc(auditLog.seq))
        .limit(pageSize);
      if (rows.length === 0) return;
      const out: Row[] = [];
      for (const r of rows) {
        let from: unknown;
        let to: unknown;
        try {
          from = r.before ? (JSON.parse(r.before) as { state?: unknown }).state : undefined;
          to = r.after ? (JSON.parse(r.after) as { state?: unknown }).state : undefined;
        } catch {
          continue;
        }
        if (typeof to !== 'string' || typeof from !== 'string') continue;
        const place = chainPlace(disclosure, r);
        out.push({
          audit_seq: place.seq, at: r.at, project_code: r.code, event: r.action.slice('project.'.length), from_state: from, to_state: to, reason: r.reason, actor_role: r.actorRole,
          // The log already says 居民 for residents; say it again here in case a row predates that rule.
          actor_name: r.actorRole === 'resident' ? RESIDENT_PUBLIC_NAME : r.actorName,
          audit_hash: place.hash,
        });
      }
      if (out.length) yield out;
      if (rows.length < pageSize) return;
      last = rows[rows.length - 1]!.seq;
    }
  },
};

/** Council meetings whose agenda is public: attendance counts and each agenda item's outcome. */
const meetingsLoader: Loader = {
  columns: ['meeting_id', 'community', 'cycle_id', 'title', 'scheduled_at', 'place', 'status', 'members_total', 'members_present', 'agenda', 'minutes'],
  async *pages(database, f, _now, pageSize) {
    const conds: SQL[] = [sql`(${meetings.agendaPublishedAt} is not null or ${meetings.status} <> 'scheduled')`];
    if (f.communitySlug) conds.push(eq(communities.slug, f.communitySlug));
    if (f.cycleId) conds.push(eq(meetings.cycleId, f.cycleId));
    const fetch = (key: unknown[] | null) =>
      database.db
        .select({ id: meetings.id, community: communities.nameZh, cycleId: meetings.cycleId, title: meetings.title, scheduledAt: meetings.scheduledAt, place: meetings.place, status: meetings.status, membersTotal: meetings.membersTotal, minutes: meetings.minutes })
        .from(meetings)
        .innerJoin(communities, eq(communities.id, meetings.communityId))
        .where(and(...conds, after([meetings.scheduledAt, meetings.id], key)))
        .orderBy(asc(meetings.scheduledAt), asc(meetings.id))
        .limit(pageSize);
    for await (const ms of keyset(pageSize, fetch, (m) => [m.scheduledAt, m.id])) {
      // This page's attendance and agenda: a list of at most a page of ids, as one JSON parameter (./sql-lists.ts).
      const ids = ms.map((m) => m.id);
      const present = await database.db
        .select({ meetingId: meetingAttendance.meetingId, n: sql<number>`sum(case when ${meetingAttendance.present} then 1 else 0 end)` })
        .from(meetingAttendance)
        .where(inValues(meetingAttendance.meetingId, ids))
        .groupBy(meetingAttendance.meetingId);
      const items = await database.db
        .select({ meetingId: agendaItems.meetingId, position: agendaItems.position, code: projects.code, outcome: agendaItems.outcome })
        .from(agendaItems)
        // `+`: the items are found by this page's meetings, never by walking projects into agenda_items_project_idx
        // (which statistics of a smaller city can make look cheaper: every project of the city, for each page).
        .innerJoin(projects, sql`${projects.id} = +${agendaItems.projectId}`)
        .where(inValues(agendaItems.meetingId, ids))
        .orderBy(asc(agendaItems.position));
      const presentOf = new Map(present.map((p) => [p.meetingId, p.n]));
      const agendaOf = new Map<string, string[]>();
      for (const i of items) {
        let list = agendaOf.get(i.meetingId);
        if (!list) agendaOf.set(i.meetingId, (list = []));
        list.push(`${i.code}:${i.outcome ?? 'pending'}`);
      }
      yield ms.map((m) => ({
        meeting_id: m.id, community: m.community, cycle_id: m.cycleId, title: m.title, scheduled_at: m.scheduledAt, place: m.place, status: m.status, members_total: m.membersTotal,
        members_present: presentOf.get(m.id) ?? null, agenda: (agendaOf.get(m.id) ?? []).join('; '), minutes: m.status === 'closed' ? m.minutes : null,
      }));
    }
  },
};

const paymentsLoader: Loader = {
  columns: ['project_code', 'project_title', 'batch_no', 'paid_on', 'amount_fen', 'amount_yuan', 'note'],
  async *pages(database, f, _now, pageSize) {
    const fetch = (key: unknown[] | null) =>
      database.db
        .select({ id: payments.id, code: projects.code, title: projects.title, batchNo: payments.batchNo, paidOn: payments.paidOn, amountFen: payments.amountFen, note: payments.note })
        .from(payments)
        .innerJoin(projects, eq(projects.id, payments.projectId))
        .innerJoin(communities, eq(communities.id, projects.communityId))
        .where(and(...projectScope(f), after([projects.code, payments.batchNo, payments.id], key)))
        .orderBy(asc(projects.code), asc(payments.batchNo), asc(payments.id))
        .limit(pageSize);
    for await (const rows of keyset(pageSize, fetch, (r) => [r.code, r.batchNo, r.id])) {
      yield rows.map((r) => ({ project_code: r.code, project_title: r.title, batch_no: r.batchNo, paid_on: r.paidOn, amount_fen: r.amountFen, amount_yuan: fenToYuanText(r.amountFen), note: r.note }));
    }
  },
};

const progressLoader: Loader = {
  columns: ['project_code', 'project_title', 'reported_on', 'percent', 'report', 'photo_urls'],
  async *pages(database, f, _now, pageSize) {
    const fetch = (key: unknown[] | null) =>
      database.db
        .select({ id: progressReports.id, code: projects.code, title: projects.title, reportedOn: progressReports.reportedOn, createdAt: progressReports.createdAt, percent: progressReports.percent, body: progressReports.body })
        .from(progressReports)
        .innerJoin(projects, eq(projects.id, progressReports.projectId))
        .innerJoin(communities, eq(communities.id, projects.communityId))
        .where(and(...projectScope(f), after([projects.code, progressReports.reportedOn, progressReports.createdAt, progressReports.id], key)))
        .orderBy(asc(projects.code), asc(progressReports.reportedOn), asc(progressReports.createdAt), asc(progressReports.id))
        .limit(pageSize);
    for await (const rows of keyset(pageSize, fetch, (r) => [r.code, r.reportedOn, r.createdAt, r.id])) {
      // This page's photos: a list of at most a page of ids, as one JSON parameter (./sql-lists.ts).
      const photos = await database.db.select().from(progressPhotos).where(inValues(progressPhotos.reportId, rows.map((r) => r.id)));
      const photosOf = new Map<string, string[]>();
      for (const p of photos) {
        let list = photosOf.get(p.reportId);
        if (!list) photosOf.set(p.reportId, (list = []));
        list.push(`/api/attachments/${p.attachmentId}`);
      }
      yield rows.map((r) => ({ project_code: r.code, project_title: r.title, reported_on: r.reportedOn, percent: r.percent, report: r.body, photo_urls: (photosOf.get(r.id) ?? []).join(' ') }));
    }
  },
};

/** Satisfaction ratings: the score, the comment and the day — never who rated. */
const ratingsLoader: Loader = {
  columns: ['project_code', 'project_title', 'score', 'comment', 'rated_on'],
  async *pages(database, f, _now, pageSize) {
    // Not in the order they were given: that order, with the days, could tell who rated.
    const comment = sql`coalesce(${ratings.comment}, '')`;
    const fetch = (key: unknown[] | null) =>
      database.db
        .select({ id: ratings.id, code: projects.code, title: projects.title, score: ratings.score, comment: ratings.comment, createdAt: ratings.createdAt })
        .from(ratings)
        .innerJoin(projects, eq(projects.id, ratings.projectId))
        .innerJoin(communities, eq(communities.id, projects.communityId))
        .where(and(...projectScope(f), after([projects.code, ratings.score, comment, ratings.id], key)))
        .orderBy(asc(projects.code), asc(ratings.score), asc(comment), asc(ratings.id))
        .limit(pageSize);
    for await (const rows of keyset(pageSize, fetch, (r) => [r.code, r.score, r.comment ?? '', r.id])) {
      yield rows.map((r) => ({ project_code: r.code, project_title: r.title, score: r.score, comment: r.comment, rated_on: day(r.createdAt) }));
    }
  },
};

const LOADERS: Record<DatasetName, Loader> = {
  projects: projectsLoader,
  decisions: decisionsLoader,
  meetings: meetingsLoader,
  payments: paymentsLoader,
  progress: progressLoader,
  ratings: ratingsLoader,
};

const PAGE_ROWS = 5000;

/** A whole dataset in memory (tests and small filters); downloads stream instead (`datasetStream`). */
export async function dataset(database: Database, name: DatasetName, f: DatasetFilter, now: Date, pageSize = PAGE_ROWS): Promise<Dataset> {
  const rows: Row[] = [];
  for await (const page of LOADERS[name].pages(database, f, now, pageSize)) rows.push(...page);
  return { name, columns: LOADERS[name].columns, rows };
}

/** CSV with a UTF-8 byte-order mark, so spreadsheet programs read the Chinese text right. */
export function datasetCsv(d: Dataset): string {
  return '\uFEFF' + toCsv(d.columns, d.rows);
}

/**
 * A dataset as a download, written a page at a time as the client reads it:
 * CSV (with the byte-order mark and header line of `datasetCsv`) or JSON
 * (`{"dataset", "columns", "items"}`), the same bytes as building it whole.
 */
export function datasetStream(database: Database, name: DatasetName, f: DatasetFilter, now: Date, format: 'csv' | 'json', pageSize = PAGE_ROWS): ReadableStream<Uint8Array> {
  const { columns } = LOADERS[name];
  const encoder = new TextEncoder();
  const pages = LOADERS[name].pages(database, f, now, pageSize);
  let started = false;
  let first = true;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true;
          controller.enqueue(encoder.encode(format === 'csv' ? `\uFEFF${toCsv(columns, [])}` : `{"dataset":${JSON.stringify(name)},"columns":${JSON.stringify(columns)},"items":[`));
          return;
        }
        const next = await pages.next();
        if (next.done) {
          if (format === 'json') controller.enqueue(encoder.encode(']}'));
          return controller.close();
        }
        if (format === 'csv') {
          // toCsv's lines, without its header line.
          const text = toCsv(columns, next.value);
          controller.enqueue(encoder.encode(text.slice(text.indexOf('\r\n') + 2)));
        } else {
          const text = next.value.map((r) => JSON.stringify(r)).join(',');
          controller.enqueue(encoder.encode(first ? text : `,${text}`));
          first = false;
        }
      },
      async cancel() {
        await pages.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}

// ---------------------------------------------------------------------------
// The anonymised ballots of a closed vote, as pabulib
// ---------------------------------------------------------------------------

export type PbExport =
  | { ok: true; text: string; fileName: string; rule: string; ballots: number }
  | { ok: false; code: 'not_found' | 'no_resident_vote' | 'vote_not_closed' };

/** Fisher–Yates with a cryptographic random source: the order says nothing about who voted when. */
export function cryptoShuffle<T>(items: readonly T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** Current (not superseded) online and paper ballots, and imported ones: canonical contents only. */
async function countedContents(database: Database, cycleId: string): Promise<{ method: string | null; content: string }[]> {
  const cast = await database.db.select({ method: ballots.method, content: ballots.content }).from(ballots).where(and(eq(ballots.cycleId, cycleId), isNull(ballots.supersededAt)));
  const imported = await database.db.select({ content: importedBallots.content }).from(importedBallots).innerJoin(ballotImports, eq(ballotImports.id, importedBallots.importId)).where(and(eq(importedBallots.cycleId, cycleId), eq(ballotImports.status, 'done')));
  return [...cast, ...imported.map((i) => ({ method: null, content: i.content }))];
}

/** A cycle whose resident vote has closed and been counted, with its rulebook and official result; else why not. */
async function closedVote(database: Database, cycleId: string, now: Date) {
  const cycle = await getCycle(database, cycleId, now);
  if (!cycle) return { ok: false as const, code: 'not_found' as const };
  const rulebook = await getRulebook(database.db, cycle.rulebookId);
  if (!rulebook || rulebook.vote.method === 'none') return { ok: false as const, code: 'no_resident_vote' as const };
  const official = (await database.db.select().from(cycleResults).where(and(eq(cycleResults.cycleId, cycleId), eq(cycleResults.official, true))).limit(1))[0];
  if (cycle.phase === 'resident_vote' || !official) return { ok: false as const, code: 'vote_not_closed' as const };
  return { ok: true as const, cycle, rulebook, official };
}

/**
 * The anonymised ballots and official result of a cycle whose resident vote
 * has closed and been counted. Ballots carry no identity and no receipt
 * code, are shuffled, and get voter ids 1..n.
 */
export async function exportBallotsPb(database: Database, cycleId: string, now: Date): Promise<PbExport> {
  const closed = await closedVote(database, cycleId, now);
  if (!closed.ok) return closed;
  const { cycle, rulebook, official } = closed;
  const stored = official.result as StoredResult;
  const onBallotIds = Object.keys(stored.explanations);
  const ps = onBallotIds.length ? await database.db.select({ id: projects.id, code: projects.code, title: projects.title, costFen: projects.estimatedCostFen }).from(projects).where(inValues(projects.id, onBallotIds)).orderBy(asc(projects.code)) : [];
  const codeOf = new Map(ps.map((p) => [p.id, p.code]));
  const cumulative = rulebook.vote.method === 'points';

  // The same reading of a ballot as the official count (results.ts). Within a ballot, projects go
  // in code order: the order a voter ticked them in is nobody's business.
  const byCode = (a: string, b: string) => naturalCompare(codeOf.get(a)!, codeOf.get(b)!);
  const contents = await countedContents(database, cycleId);
  const tallyBallots: TallyBallot[] = contents.map((b) => {
    const method = b.method !== null && isBallotMethod(b.method) ? b.method : b.content.trimStart().startsWith('{') ? 'points' : 'approval';
    const ballot = parseBallotContent(method, b.content);
    if (ballot.method === 'points') {
      const ids = Object.keys(ballot.points).filter((id) => codeOf.has(id) && ballot.points[id]! > 0).sort(byCode);
      return cumulative ? { projects: ids.map((id) => codeOf.get(id)!), points: ids.map((id) => ballot.points[id]!) } : ids.map((id) => codeOf.get(id)!);
    }
    const ids = ballot.projects.filter((id) => codeOf.has(id)).sort(byCode).map((id) => codeOf.get(id)!);
    return cumulative ? { projects: ids, points: ids.map(() => 1) } : ids;
  });
  const election: Election = {
    budget: fenToYuanText(stored.budgetFen),
    projects: ps.map((p) => ({ id: p.code, cost: fenToYuanText(p.costFen), name: p.title })),
    ballots: cryptoShuffle(tallyBallots),
    voteType: cumulative ? 'cumulative' : 'approval',
  };
  const community = (await getCommunityById(database, (await database.db.select({ c: cycles.communityId }).from(cycles).where(eq(cycles.id, cycleId)))[0]!.c))!;
  const votePhase = cycle.phases.find((p) => p.phase === 'resident_vote');
  const selected = new Set(stored.selected);
  const meta: Record<string, string> = {
    description: `${say.tally('zh-CN', 'pb.description', { title: cycle.titleZh })} / ${say.tally('en', 'pb.description', { title: cycle.titleEn })}`,
    country: 'China',
    unit: `${community.district.nameZh} ${community.street.nameZh} ${community.nameZh}`,
    instance: String(cycle.year),
    district: community.district.nameZh,
    subunit: community.nameZh,
    currency: 'CNY',
    // Decided: money in yuan (元), exact decimals; see the module comment.
    comment: say.tally('zh-CN', 'pb.comment', { rule: stored.rule }),
    // pabulib's name of the rule, and (not a pabulib key; readers keep it) exactly which variant, for any other tool.
    rule: PABULIB_RULE[stored.rule],
    rule_description: say.tally('en', `rule.${stored.rule}.definition`),
    ...(votePhase ? { date_begin: votePhase.startsOn, date_end: votePhase.endsOn } : {}),
    ...(rulebook.vote.method === 'approval' && rulebook.vote.maxChoices ? { max_length: String(rulebook.vote.maxChoices) } : {}),
    ...(cumulative && rulebook.vote.points ? { max_sum_points: String(rulebook.vote.points) } : {}),
    ...(cumulative && rulebook.vote.maxPerProject ? { max_points: String(rulebook.vote.maxPerProject) } : {}),
    language: 'zh',
    edition: `counted ${official.computedAt.toISOString()}`,
  };
  const projectFields: Record<string, Record<string, string>> = {};
  for (const p of ps) {
    projectFields[p.code] = {
      name: p.title,
      votes: String(stored.votes[p.id] ?? 0),
      ...(cumulative ? { score: String(stored.scores[p.id] ?? 0) } : {}),
      selected: selected.has(p.id) ? '1' : '0',
    };
  }
  const text = writePb(electionToPb(election, { meta, projectFields }));
  return { ok: true, text, fileName: `${community.slug}-${cycle.year}-ballots.pb`, rule: stored.rule, ballots: tallyBallots.length };
}

export type ReceiptsExport = { ok: true; text: string; count: number; sha256: string; fileName: string } | { ok: false; code: 'not_found' | 'no_resident_vote' | 'vote_not_closed' };

/**
 * The counted receipt fingerprints of a cycle whose vote has closed and been
 * counted (./counted-receipts.ts): refused exactly when and why its `.pb` is.
 */
export async function exportCountedReceipts(database: Database, cycleId: string, now: Date): Promise<ReceiptsExport> {
  const closed = await closedVote(database, cycleId, now);
  if (!closed.ok) return closed;
  const list = await countedReceiptList(database.db, cycleId);
  const slug = (await database.db.select({ slug: communities.slug }).from(cycles).innerJoin(communities, eq(communities.id, cycles.communityId)).where(eq(cycles.id, cycleId)))[0]!.slug;
  return { ok: true, ...list, fileName: `${slug}-${closed.cycle.year}-counted-receipts.txt` };
}

/** Cycles whose resident vote has closed and been counted: their ballots can be downloaded. */
export async function closedVotes(database: Database, now: Date) {
  const rows = await database.db
    .select({ cycleId: cycleResults.cycleId, rule: cycleResults.rule, ballots: cycleResults.ballotCount, slug: communities.slug })
    .from(cycleResults)
    .innerJoin(cycles, eq(cycles.id, cycleResults.cycleId))
    .innerJoin(communities, eq(communities.id, cycles.communityId))
    .where(eq(cycleResults.official, true))
    .orderBy(asc(communities.slug), asc(cycles.year));
  const out = [];
  for (const r of rows) {
    const c = await getCycle(database, r.cycleId, now);
    if (!c || c.phase === 'resident_vote') continue;
    out.push({ cycleId: r.cycleId, communitySlug: r.slug, titleZh: c.titleZh, titleEn: c.titleEn, rule: r.rule, ballots: r.ballots, url: `/api/cycles/${r.cycleId}/ballots.pb`, receiptsUrl: `/api/cycles/${r.cycleId}/counted-receipts.txt` });
  }
  return out;
}
