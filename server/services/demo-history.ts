/**
 * @module Writing the demo's generated history (db/demo-history.ts) through
 * the same services as real use: proposals, screening, the resident vote
 * (online ballots and paper ballots entered twice), its count, council
 * meetings, notices, agreements, payments, progress, acceptance, ratings,
 * surveys, audit findings and archiving. Every change and its audit entry
 * commit together, exactly as when a person makes them.
 *
 * Two things make it fast enough to seed at a server's first start:
 * - the steps are replayed in date order across all cycles (so the audit log
 *   reads chronologically) and run many to a write transaction: each service
 *   gets a context whose database writes into the open transaction, instead
 *   of one commit (and fsync) per step;
 * - places, people and register entries, which have no service that makes
 *   them one by one, are inserted in bulk with one audit entry per batch, as
 *   the main seed and a register import do.
 * Ids come from a generator seeded with the history's seed (services/ids.ts,
 * `withIdSource`), so the same seed gives the same rows and the same audit
 * chain. Secrets are the exception: verification slips and password salts
 * come from the system's random source, as always. Receipt codes are drawn
 * from the seed as well: the audit entry of each count carries the SHA-256
 * of the counted receipts' fingerprints, so the same chain needs the same
 * receipts, and no one was ever handed a history ballot's receipt.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { accounts, ballots, paperBallotEntries, councilTerms, communities, cycles, cyclePhases, districts, registerEntries, roleAssignments, streets, projects } from '#db/schema.ts';
import type { Db, Tx } from '#db/client.ts';
import { DEMO_PASSWORD } from '#db/seed.ts';
import { mulberry32 } from '../domain/seeded-random.ts';
import { addDays, generateDemoHistory, HISTORY_START, type DemoHistory, type HistoryAccount, type HistoryCycle, type HistoryProject } from '#db/demo-history.ts';
import type { AppContext } from '../context.ts';
import { hashPassword } from '../auth/passwords.ts';
import { DEFAULT_RULEBOOK_SETTINGS } from '../domain/rulebook.ts';
import { reasonCannot, SYSTEM_ACTOR, type Person } from '../domain/permissions.ts';
import { checkBallot } from '../domain/ballot-rules.ts';
import { voteHeld } from '../domain/rulebook.ts';
import type { CyclePhase } from '../domain/cycle-phases.ts';
import type { ProjectEvent } from '../domain/project-states.ts';
import { appendAudit, SYSTEM_AUDIT_ACTOR, type AuditActor } from './audit.ts';
import { addRulebookVersion } from './rulebooks.ts';
import { applyProjectEvent, createProject } from './projects.ts';
import { setCyclePhase } from './cycles.ts';
import { castBallot, enterPaperBallot, loadVoteSetup, newReceiptCode, type VoteSetup } from './ballots.ts';
import { addComment } from './comments.ts';
import { rateProject } from './ratings.ts';
import { closeDueNotices, openNotice } from './notices.ts';
import { closeMeeting, decideItem, getMeeting, openMeeting, publishAgenda, recordAttendance, recordVotes, scheduleMeeting } from './meetings.ts';
import { archiveProject, closeSurvey, recordAcceptance, recordAgreement, recordPayment, recordProgress, resumeImplementation, type Who } from './delivery.ts';
import { completeAudit, recordFinding } from './findings.ts';
import { newVerificationCode } from './residents.ts';
import { newId, withIdSource } from './ids.ts';

const WAN = 1_000_000;
const SEED_ACTOR: AuditActor = { accountId: null, role: 'system', name: '系统（示例数据）' };
const ID_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A China-time instant on a day. */
const at = (day: string, hour: number, minute = 0) => new Date(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`);

/** A step of the history: when, and what it does through the services (given a context living in the open transaction). */
type Op = { at: Date; order: number; run: (ctx: AppContext) => Promise<unknown> };

function must<T extends { ok: boolean }>(what: string, r: T): T {
  if (!r.ok) throw new Error(`demo history: ${what}: ${JSON.stringify(r)}`);
  return r;
}

/** The context as of `when`, whose database writes into `tx` (already open, already queued). */
function inTransaction(ctx: AppContext, tx: Tx, when: Date): AppContext {
  const database = {
    ...ctx.database,
    db: tx as unknown as Db,
    write: <T>(fn: (t: Tx) => Promise<T>) => fn(tx),
    writeTask: <T>(_task: string, _payload: unknown, here: (t: Tx) => Promise<T>) => here(tx),
    hasWriterThread: false,
  };
  return { ...ctx, database, now: () => when };
}

export type HistoryOptions = { history?: DemoHistory; stepsPerTransaction?: number };

/**
 * Seed the history into a database that has the demo's places (罗湖区, its
 * first two streets and three communities) and none of the history yet.
 * Returns whether it wrote anything.
 */
export async function seedDemoHistory(ctx: AppContext, opts: HistoryOptions = {}): Promise<boolean> {
  const h = opts.history ?? generateDemoHistory();
  if ((await ctx.database.db.select({ id: districts.id }).from(districts).where(eq(districts.id, h.district.id)).limit(1)).length) return false;
  const nextId = idSource(h.seed);
  await withIdSource(nextId, () => seedPeopleAndPlaces(ctx, h));

  const people = new Map(h.accounts.map((a) => [a.id, a]));
  const person = (id: string): Person => ({ accountId: id, assignments: people.get(id)!.roles.map((r) => ({ role: r.role, scope: { kind: r.scopeKind, id: r.scopeId } })) });
  const who = (id: string, role: string): Who => ({ actor: person(id), auditActor: { accountId: id, role, name: role === 'resident' ? '居民' : people.get(id)!.displayName } });

  const ops: Op[] = [];
  // One rulebook a year for each district (the default rules, a default budget of 100万), set before its cycles.
  for (const year of [...new Set(h.cycles.map((c) => c.year))].sort()) {
    for (const [i, districtId] of ['d-lh', h.district.id].entries()) {
      ops.push({ at: at(`${year - 1}-12-15`, 10), order: -10 + i, run: (ctx) => ctx.database.write((tx) => addRulebookVersion(tx, { districtId, year, settings: { ...DEFAULT_RULEBOOK_SETTINGS, communityBudgetFen: 100 * WAN }, actor: SEED_ACTOR, at: ctx.now() })) });
    }
  }
  for (const [i, cy] of h.cycles.entries()) ops.push(...cycleOps(cy, i, h, who));
  // Date order across every cycle; a cycle's own steps keep their order on the same instant.
  ops.sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order);
  const per = opts.stepsPerTransaction ?? 10_000;
  const receiptBytes = byteSource(h.seed);
  for (let i = 0; i < ops.length; i += per) {
    const chunk = ops.slice(i, i + per);
    await ctx.database.write((tx) =>
      withIdSource(
        nextId,
        async () => {
          for (const op of chunk) await op.run(inTransaction(ctx, tx, op.at));
        },
        { receiptBytes },
      ),
    );
  }
  return true;
}

/** Ids like newId()'s, drawn from the history's seed. */
function idSource(seed: number): () => string {
  const r = mulberry32(seed ^ 0x1d5eed);
  return () => {
    let s = '';
    for (let i = 0; i < 16; i++) s += ID_ALPHABET[Math.floor(r() * 32)];
    return s;
  };
}

/** Bytes for the history's receipt codes, drawn from its seed (another stream than its ids'). */
function byteSource(seed: number): (n: number) => Uint8Array {
  const r = mulberry32(seed ^ 0x4ecee7);
  return (n) => Uint8Array.from({ length: n }, () => Math.floor(r() * 256));
}

/** The new district, streets and communities; the history's people, council terms and registers. */
async function seedPeopleAndPlaces(ctx: AppContext, h: DemoHistory) {
  const placesAt = at(HISTORY_START, 10, 5);
  const newCommunities = h.communities.filter((c) => !c.existing);
  await ctx.database.write(async (tx) => {
    await tx.insert(districts).values(h.district);
    await tx.insert(streets).values(h.streets);
    await tx.insert(communities).values(newCommunities.map(({ id, streetId, code, slug, nameZh, nameEn, descriptionZh, descriptionEn }) => ({ id, streetId, code, slug, nameZh, nameEn, descriptionZh, descriptionEn })));
    for (const districtId of ['d-lh', h.district.id]) {
      const ss = h.streets.filter((s) => s.districtId === districtId);
      const cs = newCommunities.filter((c) => c.districtId === districtId);
      await appendAudit(tx, { actor: SEED_ACTOR, action: 'places.created', subjectType: 'district', subjectId: districtId, after: { ...(districtId === h.district.id ? { district: h.district.nameZh } : {}), streets: ss.map((s) => s.nameZh), communities: cs.map((c) => c.nameZh) }, at: placesAt });
    }
  });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const t0 = at(HISTORY_START, 10, 10);
  const leftAt = (a: HistoryAccount) => (a.leftOn ? at(a.leftOn, 23, 59) : null);
  await ctx.database.write(async (tx) => {
    for (let i = 0; i < h.accounts.length; i += 200) {
      const batch = h.accounts.slice(i, i + 200);
      await tx.insert(accounts).values(batch.map((a) => ({ id: a.id, username: a.username, passwordHash, displayName: a.displayName, isDemo: true, createdAt: t0 })));
      await tx.insert(roleAssignments).values(batch.flatMap((a) => a.roles.map((r, j) => ({ id: `${a.id}-r${j}`, accountId: a.id, role: r.role, scopeKind: r.scopeKind, scopeId: r.scopeId, grantedAt: t0, grantedBy: 'seed', revokedAt: leftAt(a) }))));
    }
    for (const c of h.communities) {
      await tx.insert(councilTerms).values(c.council.accountIds.map((accountId, i) => ({ id: `term-h-${c.slug}-${i}`, communityId: c.id, accountId, role: i === 0 ? ('chair' as const) : ('member' as const), startsOn: c.council.startsOn, endsOn: c.council.endsOn, createdAt: t0, createdBy: 'seed' })));
    }
    await appendAudit(tx, { actor: SEED_ACTOR, action: 'accounts.seeded', subjectType: 'district', subjectId: 'd-lh', after: { accounts: h.accounts.length, councilTerms: h.communities.length * 7 }, at: t0 });
  });
  // Each community's register, imported by its staff: a few hundred to a few thousand people, the first claimed by the history's accounts.
  await ctx.database.write(async (tx) => {
    for (const c of h.communities) {
      const claimed = new Map(c.claimed.map((x) => [x.registerEntryId, x.accountId]));
      const importedAt = at(HISTORY_START, 15);
      const rows = Array.from({ length: c.registerSize }, (_, i) => {
        const id = `h-reg-${c.slug}-${i + 1}`;
        const accountId = claimed.get(id) ?? null;
        return { id, communityId: c.id, registerNo: `${c.code}-H${String(i + 1).padStart(4, '0')}`, name: `示例居民H${i + 1}`, address: `${(i % 24) + 1}栋 ${101 + (i % 30)}室`, phone: null, verificationCode: newVerificationCode(), claimedByAccountId: accountId, claimedAt: accountId ? importedAt : null, importedAt, importedBy: c.staff[0] };
      });
      for (let i = 0; i < rows.length; i += 500) await tx.insert(registerEntries).values(rows.slice(i, i + 500));
      const staff = h.accounts.find((a) => a.id === c.staff[0])!;
      await appendAudit(tx, { actor: { accountId: staff.id, role: 'staff', name: staff.displayName }, action: 'register.imported', subjectType: 'community', subjectId: c.id, after: { imported: rows.length, skipped: 0 }, at: importedAt });
    }
  });
}

/** Every step of one cycle, each at its moment. */
function cycleOps(cy: HistoryCycle, cycleIndex: number, h: DemoHistory, who: (id: string, role: string) => Who): Op[] {
  const ops: Op[] = [];
  let order = cycleIndex * 1_000_000;
  const add = (when: Date, run: Op['run']) => ops.push({ at: when, order: order++, run });
  const c = h.communities.find((x) => x.id === cy.communityId)!;
  const staff = who(c.staff[0], 'staff');
  const staff2 = who(c.staff[1], 'staff');
  const officer = who(c.officer, 'officer');
  const auditor = who(c.auditor, 'auditor');
  const ids = new Map<string, string>();
  const id = (p: HistoryProject) => ids.get(p.key)!;
  const phase = (p: CyclePhase) => cy.phases.find((x) => x[0] === p)!;
  const byKey = new Map(cy.projects.map((p) => [p.key, p]));
  const event = (ctx: AppContext, p: HistoryProject, e: ProjectEvent, by: Who | 'system', reason?: string) =>
    applyProjectEvent(ctx.database, { projectId: id(p), event: e, reason }, by === 'system' ? SYSTEM_ACTOR : by.actor, by === 'system' ? SYSTEM_AUDIT_ACTOR : by.auditActor, ctx.now()).then((r) => must(`${p.code} ${e}`, r));

  // The cycle, its planned phases, and staff opening the first.
  add(at(`${cy.year - 1}-12-20`, 10), async (ctx) => {
    const rb = (await ctx.database.db.query.rulebooks.findFirst({ where: (r, { and, eq: e }) => and(e(r.districtId, cy.districtId), e(r.year, cy.year)), orderBy: (r, { asc }) => asc(r.version) }))!;
    await ctx.database.write(async (tx) => {
      await tx.insert(cycles).values({ id: cy.id, communityId: cy.communityId, year: cy.year, rulebookId: rb.id, titleZh: cy.titleZh, titleEn: cy.titleEn, budgetFen: cy.budgetFen, openPhase: null, createdAt: ctx.now() });
      await tx.insert(cyclePhases).values(cy.phases.map(([p, startsOn, endsOn]) => ({ id: `${cy.id}-${p}`, cycleId: cy.id, phase: p, startsOn, endsOn })));
      await appendAudit(tx, { actor: SEED_ACTOR, action: 'cycle.created', subjectType: 'cycle', subjectId: cy.id, after: { year: cy.year, budgetFen: cy.budgetFen }, at: ctx.now() });
    });
  });
  // The plan already says "collection" on its first day, so staff's opening of it is written directly (as in the main seed).
  add(at(phase('collection')[1], 9), (ctx) =>
    ctx.database.write(async (tx) => {
      await tx.update(cycles).set({ openPhase: 'collection' }).where(eq(cycles.id, cy.id));
      await appendAudit(tx, { actor: staff.auditActor, action: 'cycle.phase_opened', subjectType: 'cycle', subjectId: cy.id, before: { phase: null }, after: { phase: 'collection' }, at: ctx.now() });
    }),
  );
  for (const [p, startsOn] of cy.phases.slice(1)) {
    add(at(startsOn, 9), async (ctx) => {
      must(`${cy.id} open ${p}`, await setCyclePhase(ctx, cy.id, p, staff.actor, staff.auditActor));
      // Closing the vote counted it: the shortlist must be the one the generator counted.
      if (p === 'deliberation') {
        const got = (await ctx.database.db.select({ id: projects.id, state: projects.state }).from(projects).where(eq(projects.cycleId, cy.id))).filter((r) => r.state === 'shortlisted').map((r) => r.id).sort();
        const want = cy.shortlist.map((k) => ids.get(k)!).sort();
        if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`demo history: ${cy.id}: the count shortlisted ${got.length}, the generator ${want.length}`);
      }
    });
  }

  // Proposals: created and submitted by the proposer (a resident) or by staff on someone's behalf.
  for (const p of cy.projects) {
    const created = at(p.createdOn, 10, p.seq);
    add(created, async (ctx) => {
      const byResident = p.proposerType === 'resident';
      const proposer = byResident ? who(p.proposerAccountId!, 'resident') : staff;
      const r = must(
        `create ${p.code}`,
        await createProject(
          ctx.database,
          { cycleId: cy.id, title: p.title, category: p.category, theme: p.theme, description: p.description, address: p.address, proposerType: p.proposerType, proposerAccountId: p.proposerAccountId, estimatedCostFen: p.estimatedCostFen, beneficiaries: p.beneficiaries, beneficiaryCount: p.beneficiaryCount, isDemo: true },
          proposer.auditActor,
          ctx.now(),
        ),
      );
      if (!r.ok || r.code !== p.code) throw new Error(`demo history: ${p.code} was created as ${r.ok ? r.code : '?'}`);
      ids.set(p.key, r.id);
      await event(ctx, p, 'submit', proposer);
    });
    for (const [i, cm] of p.comments.entries()) {
      add(at(cm.on, 20, 10 + i), async (ctx) => {
        const w = who(cm.accountId, 'resident');
        must(`comment on ${p.code}`, await addComment(ctx, id(p), cm.body, w.actor, w.auditActor));
      });
    }
    add(at(p.screenedOn, 11, p.seq), (ctx) => (p.screenOutReason ? event(ctx, p, 'screen_out', officer, p.screenOutReason) : event(ctx, p, 'screen_in', officer)));
    if (p.withdrawnOn) add(at(p.withdrawnOn, 16, p.seq), (ctx) => event(ctx, p, 'withdraw', p.proposerType === 'resident' ? who(p.proposerAccountId!, 'resident') : staff, p.withdrawReason!));
  }

  // The resident vote: online ballots by residents with accounts, paper ballots typed in twice by two staff members.
  let paperSetup: VoteSetup | null = null;
  for (const [i, b] of cy.ballots.entries()) {
    if (b.accountId) {
      const voter = who(b.accountId, 'resident');
      add(at(b.day, 19, i % 60), async (ctx) => must(`ballot in ${cy.id}`, await castBallot(ctx, cy.id, { projects: b.choices.map((k) => ids.get(k)!) }, voter.actor)));
    } else {
      const regNo = `${c.code}-H${b.registerEntryId.split('-').at(-1)!.padStart(4, '0')}`;
      const input = { projects: b.choices.map((k) => ids.get(k)!), paperSerial: b.paperSerial!, registerNo: regNo };
      add(at(b.day, 17, i % 60), async (ctx) => {
        // The first ballot of a cycle goes through enterPaperBallot itself (twice); the rest through its bulk equivalent.
        if (!paperSetup) {
          must(`paper ballot ${b.paperSerial} (1)`, await enterPaperBallot(ctx, cy.id, { ...input, projects: b.choices.map((k) => ids.get(k)!) }, staff.actor, staff.auditActor));
          const r = must(`paper ballot ${b.paperSerial} (2)`, await enterPaperBallot(ctx, cy.id, { ...input, projects: b.choices.map((k) => ids.get(k)!) }, staff2.actor, staff2.auditActor));
          if (r.ok && r.status !== 'matched') throw new Error(`demo history: paper ballot ${b.paperSerial} did not match`);
          paperSetup = (await loadVoteSetup(ctx.database, cy.id, ctx.now()))!;
          return;
        }
        await enterMatchingPaperBallot(ctx, paperSetup, { registerEntryId: b.registerEntryId, paperSerial: b.paperSerial!, projects: b.choices.map((k) => ids.get(k)!) }, [staff, staff2]);
      });
    }
  }

  // The council. Shortlisted projects go to deliberation the day after the count.
  const deliberationDay = phase('deliberation')[1];
  const shortlisted = cy.shortlist.map((k) => byKey.get(k)!);
  for (const p of shortlisted) add(at(deliberationDay, 10, p.seq), (ctx) => event(ctx, p, 'send_to_deliberation', staff));
  const m = cy.meeting;
  if (m) {
    let meetingId = '';
    add(at(deliberationDay, 15), async (ctx) => {
      const r = must(`${cy.id} schedule`, await scheduleMeeting(ctx, cy.id, { title: m.title, scheduledAt: `${m.day}T19:30`, place: m.place, agenda: shortlisted.map((p) => p.code) }, staff.actor, staff.auditActor));
      if (r.ok) meetingId = r.id;
      must(`${cy.id} publish`, await publishAgenda(ctx, meetingId, staff.actor, staff.auditActor));
    });
    add(at(m.day, 19, 30), async (ctx) => {
      must(`${cy.id} open meeting`, await openMeeting(ctx, meetingId, staff.actor, staff.auditActor));
      must(`${cy.id} attendance`, await recordAttendance(ctx, meetingId, m.present, staff.actor, staff.auditActor));
      const view = (await getMeeting(ctx, meetingId))!;
      const itemOf = new Map(view.items.map((it) => [it.project.code, it.id]));
      if (m.quorate) {
        for (const p of shortlisted) {
          const itemId = itemOf.get(p.code)!;
          must(`${p.code} votes`, await recordVotes(ctx, meetingId, itemId, Object.entries(m.votes[p.key]!).map(([accountId, vote]) => ({ accountId, vote })), staff.actor, staff.auditActor));
          const d = must(`${p.code} decide`, await decideItem(ctx, meetingId, itemId, staff.actor, staff.auditActor));
          if (d.ok && (d.outcome === 'adopted') !== (p.council === 'adopt')) throw new Error(`demo history: ${p.code} decided ${d.outcome}`);
        }
      }
    });
    add(at(m.day, 21, 30), async (ctx) => {
      const minutes = m.quorate
        ? `会议由议事会主任主持，应到 ${7} 人，实到 ${m.present.length} 人。各项目提议方作了介绍，成员逐项讨论后表决，结果见各议题。`
        : `应到 7 人，实到 ${m.present.length} 人，未达到法定人数，本次会议不作表决，项目留待下次会议。`;
      const carry = m.quorate ? [] : shortlisted.map((p) => ({ project: p.code, reason: '出席人数未达到法定人数，不能表决。' }));
      must(`${cy.id} close meeting`, await closeMeeting(ctx, meetingId, minutes, staff.actor, staff.auditActor, carry));
    });
  }
  if (cy.staffDecisionOn) {
    // No quorate meeting decided these: staff recorded the adoptions themselves (what the council-health flags look for).
    const reason =
      cy.councilMode === 'no_quorum'
        ? `议事会 ${m!.day} 会议出席 ${m!.present.length} 人，未达到法定人数；社区工作站征询部分成员意见后确定立项。`
        : '本轮未召开议事会会议；社区工作站根据居民投票结果确定立项。';
    for (const p of shortlisted) {
      add(at(cy.staffDecisionOn, 10, p.seq), async (ctx) => {
        await event(ctx, p, 'adopt', staff, reason);
        await ctx.database.write((tx) => openNotice(tx, id(p), ctx.now(), DEFAULT_RULEBOOK_SETTINGS.noticeDays));
      });
    }
  }
  // The clock closes notice periods that have ended (the server's council clock does this every minute).
  const adopted = shortlisted.filter((p) => p.council === 'adopt');
  if (adopted.length) add(at(addDays(cy.staffDecisionOn ?? m!.day, 6), 8), (ctx) => closeDueNotices(ctx, ctx.now()));

  // Delivery.
  for (const p of adopted) {
    const d = p.delivery!;
    const a = d.agreement;
    add(at(a.recordedOn, 10, p.seq), async (ctx) =>
      must(`${p.code} agreement`, await recordAgreement(ctx, id(p), { implementerName: a.implementerName, implementerType: a.implementerType, registrationNo: a.registrationNo, implementerRating: a.implementerRating, agreementDate: a.agreementDate, agreedAmountFen: a.agreedAmountFen, plannedStart: a.plannedStart, plannedEnd: a.plannedEnd, startImplementation: true }, staff)),
    );
    for (const pay of d.payments) add(at(pay.on, 11, p.seq), async (ctx) => must(`${p.code} payment`, await recordPayment(ctx, id(p), { paidOn: pay.on, amountFen: pay.amountFen, note: pay.note }, staff)));
    for (const r of d.progress) add(at(r.on, 17, p.seq), async (ctx) => must(`${p.code} progress`, await recordProgress(ctx, id(p), { reportedOn: r.on, percent: r.percent, body: r.body }, [], staff)));
    for (const acc of d.acceptances) add(at(acc.on, 15, p.seq), async (ctx) => must(`${p.code} acceptance`, await recordAcceptance(ctx, id(p), { result: acc.result, acceptedOn: acc.on, inspector: acc.inspector, notes: acc.notes }, staff)));
    if (d.resumeOn) add(at(d.resumeOn, 9, p.seq), async (ctx) => must(`${p.code} resume`, await resumeImplementation(ctx, id(p), { reason: '实施单位已安排整改，整改后重新申请验收。' }, staff)));
    for (const [i, r] of d.ratings.entries()) {
      add(at(r.on, 20, i), async (ctx) => {
        const w = who(r.accountId, 'resident');
        must(`${p.code} rating`, await rateProject(ctx, id(p), { score: r.score, comment: r.comment }, w.actor, w.auditActor));
      });
    }
    if (d.surveyClosedOn) add(at(d.surveyClosedOn, 17, p.seq), async (ctx) => must(`${p.code} survey`, await closeSurvey(ctx, id(p), staff)));
    for (const f of d.findings) add(at(f.on, 14, p.seq), async (ctx) => must(`${p.code} finding`, await recordFinding(ctx, { projectId: id(p) }, { severity: f.severity, body: f.body }, auditor)));
    if (d.auditedOn) add(at(d.auditedOn, 16, p.seq), async (ctx) => must(`${p.code} audit`, await completeAudit(ctx, id(p), { summary: '审计完成，资金使用与协议、验收结果一致。' }, auditor)));
    if (d.archivedOn) add(at(d.archivedOn, 9, 30 + p.seq), async (ctx) => must(`${p.code} archive`, await archiveProject(ctx, id(p), staff)));
  }
  for (const f of cy.findings) add(at(f.on, 14, 50), async (ctx) => must(`${cy.id} finding`, await recordFinding(ctx, { cycleId: cy.id }, { severity: f.severity, body: f.body }, auditor)));
  return ops;
}

/**
 * A paper ballot typed in by two staff members who agree: what two calls of
 * `enterPaperBallot` (services/ballots.ts) write — both entries, the counted
 * ballot with its receipt, and one audit entry per entry — with the same
 * checks, but with the cycle's vote setup loaded once for all its ballots
 * (thousands of them) instead of twice per ballot. The first paper ballot of
 * each cycle goes through `enterPaperBallot` itself, so the two stay
 * comparable.
 */
async function enterMatchingPaperBallot(ctx: AppContext, setup: VoteSetup, b: { registerEntryId: string; paperSerial: string; projects: string[] }, typists: [Who, Who]) {
  const now = ctx.now();
  for (const t of typists) if (reasonCannot('enter_paper', { area: setup.place }, t.actor)) throw new Error('demo history: paper ballot: not staff here');
  if (setup.vote.method === 'none' || voteHeld(setup.vote) === 'elsewhere') throw new Error('demo history: paper ballot: no vote on this site');
  const checked = checkBallot(setup.vote, setup.projects, setup.cycle.budgetFen, { projects: b.projects });
  if (!checked.ok) throw new Error(`demo history: paper ballot ${b.paperSerial}: ${JSON.stringify(checked.issues)}`);
  await ctx.database.write(async (tx) => {
    const open = (await tx.select({ openPhase: cycles.openPhase }).from(cycles).where(eq(cycles.id, setup.cycle.id)))[0]?.openPhase;
    if (open !== 'resident_vote') throw new Error(`demo history: paper ballot ${b.paperSerial}: the vote is not open`);
    const current = await tx.select({ id: ballots.id }).from(ballots).where(and(eq(ballots.cycleId, setup.cycle.id), eq(ballots.registerEntryId, b.registerEntryId), isNull(ballots.supersededAt))).limit(1);
    if (current.length) throw new Error(`demo history: paper ballot ${b.paperSerial}: this resident already has a ballot`);
    let receiptCode = newReceiptCode();
    while ((await tx.select({ id: ballots.id }).from(ballots).where(eq(ballots.receiptCode, receiptCode)).limit(1)).length) receiptCode = newReceiptCode();
    const ballotId = newId();
    const [first, second] = [newId(), newId()];
    await tx.insert(ballots).values({ id: ballotId, cycleId: setup.cycle.id, registerEntryId: b.registerEntryId, accountId: null, channel: 'paper', method: checked.ballot.method, content: checked.content, receiptCode, castAt: now });
    const entry = { cycleId: setup.cycle.id, paperSerial: b.paperSerial, registerEntryId: b.registerEntryId, content: checked.content, createdAt: now, status: 'matched' as const, ballotId };
    await tx.insert(paperBallotEntries).values([
      { ...entry, id: first, enteredBy: typists[0].auditActor.accountId! },
      { ...entry, id: second, enteredBy: typists[1].auditActor.accountId! },
    ]);
    await appendAudit(tx, { actor: typists[0].auditActor, action: 'paper_ballot.entered', subjectType: 'cycle', subjectId: setup.cycle.id, after: { paperSerial: b.paperSerial, entry: 1, status: 'pending' }, at: now });
    await appendAudit(tx, { actor: typists[1].auditActor, action: 'paper_ballot.entered', subjectType: 'cycle', subjectId: setup.cycle.id, after: { paperSerial: b.paperSerial, entry: 2, status: 'matched' }, at: now });
  });
}
