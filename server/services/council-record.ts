/**
 * @module A council's public record (居民议事会成员及履职): who is in office
 * with their role and term dates, and for each current term how many of the
 * published meetings held during it the member attended, and how they voted
 * on each item. Earlier (and future) terms are listed with their dates.
 *
 * A meeting counts for a term when its agenda is published, attendance was
 * taken (the meeting was held), and its day falls within the term's dates,
 * the same rule `membersInOffice` uses to say who is expected at a meeting.
 * Counts are SQL aggregates over the community's terms: one statement each,
 * whatever the number of members or meetings.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { agendaItems, councilTerms, councilVotes, meetingAttendance, meetings, projects } from '#db/schema.ts';
import type { Db, Tx } from '#db/client.ts';
import type { CouncilVote } from '../domain/meeting.ts';
import { listTerms, type TermView } from './council.ts';

export type MemberVote = { meetingId: string; meetingTitle: string; scheduledAt: string; projectCode: string; projectTitle: string; vote: CouncilVote };

export type MemberRecord = TermView & {
  /** Published meetings held during the term. */
  meetingsHeld: number;
  /** Of those, the meetings the member was recorded present at. */
  attended: number;
  votes: Record<CouncilVote, number>;
  /** Each vote cast during the term, oldest meeting first, in agenda order. */
  voteList: MemberVote[];
};

export type CouncilRecord = { current: MemberRecord[]; others: TermView[] };

/** Meetings of the term's community that count for it (see the module note). */
const inTerm = sql`${meetings.communityId} = ${councilTerms.communityId}
  and ${meetings.agendaPublishedAt} is not null
  and ${meetings.membersTotal} is not null
  and substr(${meetings.scheduledAt}, 1, 10) >= ${councilTerms.startsOn}
  and (${councilTerms.endsOn} is null or substr(${meetings.scheduledAt}, 1, 10) <= ${councilTerms.endsOn})`;

export async function councilRecord(db: Db | Tx, communityId: string, day: string): Promise<CouncilRecord> {
  const terms = await listTerms(db, communityId, day);
  const attendance = await db
    .select({
      termId: councilTerms.id,
      held: sql<number>`count(${meetings.id})`,
      attended: sql<number>`coalesce(sum(case when ${meetingAttendance.present} = 1 then 1 else 0 end), 0)`,
    })
    .from(councilTerms)
    .leftJoin(meetings, inTerm)
    .leftJoin(meetingAttendance, and(eq(meetingAttendance.meetingId, meetings.id), eq(meetingAttendance.accountId, councilTerms.accountId)))
    .where(eq(councilTerms.communityId, communityId))
    .groupBy(councilTerms.id);
  const tallies = await db
    .select({ termId: councilTerms.id, vote: councilVotes.vote, n: sql<number>`count(*)` })
    .from(councilTerms)
    .innerJoin(meetings, inTerm)
    .innerJoin(agendaItems, eq(agendaItems.meetingId, meetings.id))
    .innerJoin(councilVotes, and(eq(councilVotes.agendaItemId, agendaItems.id), eq(councilVotes.accountId, councilTerms.accountId)))
    .where(eq(councilTerms.communityId, communityId))
    .groupBy(councilTerms.id, councilVotes.vote);
  // The vote list is for terms in office only: it is what the page shows.
  const current = terms.filter((t) => t.current);
  const list = current.length
    ? await db
        .select({
          termId: councilTerms.id,
          meetingId: meetings.id,
          meetingTitle: meetings.title,
          scheduledAt: meetings.scheduledAt,
          projectCode: projects.code,
          projectTitle: projects.title,
          vote: councilVotes.vote,
        })
        .from(councilTerms)
        .innerJoin(meetings, inTerm)
        .innerJoin(agendaItems, eq(agendaItems.meetingId, meetings.id))
        .innerJoin(projects, eq(projects.id, agendaItems.projectId))
        .innerJoin(councilVotes, and(eq(councilVotes.agendaItemId, agendaItems.id), eq(councilVotes.accountId, councilTerms.accountId)))
        .where(
          and(
            eq(councilTerms.communityId, communityId),
            sql`${councilTerms.startsOn} <= ${day} and (${councilTerms.endsOn} is null or ${councilTerms.endsOn} >= ${day})`,
          ),
        )
        .orderBy(asc(meetings.scheduledAt), asc(meetings.id), asc(agendaItems.position))
    : [];
  const byTerm = new Map(attendance.map((a) => [a.termId, a]));
  const records: MemberRecord[] = current.map((t) => {
    const a = byTerm.get(t.id);
    const votes: Record<CouncilVote, number> = { for: 0, against: 0, abstain: 0 };
    for (const v of tallies) if (v.termId === t.id) votes[v.vote] = Number(v.n);
    return {
      ...t,
      meetingsHeld: Number(a?.held ?? 0),
      attended: Number(a?.attended ?? 0),
      votes,
      voteList: list.filter((v) => v.termId === t.id).map(({ termId: _t, ...v }) => v),
    };
  });
  return { current: records, others: terms.filter((t) => !t.current) };
}
