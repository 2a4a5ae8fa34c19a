/**
 * @module Demo data (示例) for delivery and public audit, written through the
 * services like the rest of the demo, at realistic past dates.
 *
 * `seedDeliveryDemo` gives the two 笋西 projects that are being delivered
 * their facts: the CCTV project (in progress, running late) and the notice
 * boards (accepted) get agreements, progress reports, payments and the notice
 * boards' acceptance record.
 *
 * `seedPastCycleDemo` adds 笋西's finished 2024 cycle: four projects, a
 * resident vote that was closed and counted (so its anonymised ballots can
 * be downloaded and recounted), and delivery through acceptance, survey,
 * audit and archiving.
 *
 * Both are idempotent: they do nothing when their data is already there.
 * The demo seed calls them after everything else, so their audit entries
 * come last in the log though their dates are earlier: they were entered
 * afterwards (补录), which the entries' time stamps do not hide.
 */
import { and, eq } from 'drizzle-orm';
import { acceptances, agreements, cycles, cyclePhases, progressReports, projects } from '#db/schema.ts';
import type { AppContext } from '../context.ts';
import { DEFAULT_RULEBOOK_SETTINGS } from '../domain/rulebook.ts';
import { SYSTEM_ACTOR, type Actor } from '../domain/permissions.ts';
import type { CyclePhase } from '../domain/cycle-phases.ts';
import type { ProjectEvent } from '../domain/project-states.ts';
import { appendAudit, type AuditActor } from './audit.ts';
import { loadActor } from './accounts.ts';
import { addRulebookVersion } from './rulebooks.ts';
import { applyProjectEvent, createProject } from './projects.ts';
import { setCyclePhase } from './cycles.ts';
import { castBallot } from './ballots.ts';
import { rateProject } from './ratings.ts';
import { archiveProject, closeSurvey, recordAcceptance, recordAgreement, recordPayment, recordProgress, resumeImplementation, type Who } from './delivery.ts';
import { completeAudit, recordFinding } from './findings.ts';
import { newId } from './ids.ts';

const WAN = 1_000_000;
const at = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);
/** The context as it was on a given day, for services that stamp "now". */
const on = (ctx: AppContext, day: string, hour = 10): AppContext => ({ ...ctx, now: () => at(day, hour) });

async function person(ctx: AppContext, accountId: string, role: string): Promise<Who> {
  const { actor } = await loadActor(ctx, accountId);
  const name = (await ctx.database.db.query.accounts.findFirst({ where: (a, { eq: e }) => e(a.id, accountId) }))!.displayName;
  return { actor, auditActor: { accountId, role, name: role === 'resident' ? '居民' : name } };
}

async function projectByCode(ctx: AppContext, code: string) {
  return (await ctx.database.db.select().from(projects).where(eq(projects.code, code)).limit(1))[0] ?? null;
}

function must<T extends { ok: boolean }>(what: string, r: T): T {
  if (!r.ok) throw new Error(`delivery demo: ${what}: ${JSON.stringify(r)}`);
  return r;
}

/**
 * An agreement for a project that the demo already moved past approval:
 * the row, the project's agreed amount and the audit entry, as a backfill.
 */
async function backfillAgreement(ctx: AppContext, projectId: string, a: Omit<typeof agreements.$inferInsert, 'id' | 'projectId' | 'createdAt' | 'createdBy'>, who: Who, when: Date) {
  await ctx.database.write(async (tx) => {
    await tx.insert(agreements).values({ id: newId(), projectId, ...a, createdAt: when, createdBy: who.auditActor.accountId });
    await tx.update(projects).set({ agreedAmountFen: a.agreedAmountFen }).where(eq(projects.id, projectId));
    const { implementerName, implementerType, registrationNo, implementerRating, agreementDate, agreedAmountFen, plannedStart, plannedEnd } = a;
    await appendAudit(tx, {
      actor: who.auditActor,
      action: 'delivery.agreement_recorded',
      subjectType: 'project',
      subjectId: projectId,
      after: { implementerName, implementerType, registrationNo, implementerRating: implementerRating ?? null, agreementDate, agreedAmountFen, plannedStart, plannedEnd },
      at: when,
    });
  });
}

/** Agreements, progress, payments and acceptance for 笋西's two 2026 projects in delivery. */
export async function seedDeliveryDemo(ctx: AppContext): Promise<boolean> {
  const cctv = await projectByCode(ctx, 'SGJD-SXSQ-2026-01');
  const boards = await projectByCode(ctx, 'SGJD-SXSQ-2026-02');
  if (!cctv || !boards) return false;
  if ((await ctx.database.db.select({ id: agreements.id }).from(agreements).where(eq(agreements.projectId, cctv.id)).limit(1)).length) return false;
  const staff = await person(ctx, 'demo-staff_sx', 'staff');

  // 社区公共信息公告栏: signed, built, accepted, paid in two batches, rated.
  await backfillAgreement(
    ctx,
    boards.id,
    { implementerName: '深圳市笋岗标识制作有限公司（示例）', implementerType: 'contractor', registrationNo: '91440300MA5DEMO02B', implementerRating: 5, agreementDate: '2026-06-05', agreedAmountFen: 41_500 * 100, plannedStart: '2026-06-10', plannedEnd: '2026-08-20' },
    staff,
    at('2026-06-06'),
  );
  must('boards payment 1', await recordPayment(on(ctx, '2026-06-12'), boards.id, { paidOn: '2026-06-12', amountFen: 20_000 * 100, note: '预付款（约 50%）' }, staff));
  // Progress and the acceptance record were typed in after the project was accepted (the seed accepted it on 2026-08-30).
  must('boards progress 1', await backfillProgress(ctx, boards.id, { reportedOn: '2026-07-10', percent: 60, body: '三块公告栏的不锈钢框架和防雨顶棚已制作完成，等待现场安装。' }, staff, at('2026-07-10', 16)));
  must('boards progress 2', await backfillProgress(ctx, boards.id, { reportedOn: '2026-08-18', percent: 100, body: '三块公告栏已在民新小区、笋岗村、田心小区出入口安装到位，申请验收。' }, staff, at('2026-08-18', 16)));
  await ctx.database.write(async (tx) => {
    const acceptance = { result: 'pass' as const, acceptedOn: '2026-08-30', inspector: '笋西社区工作站、居民议事会代表 2 名（示例）', notes: '三块公告栏安装牢固，防雨良好，内容分区清楚，验收合格。' };
    await tx.insert(acceptances).values({ id: newId(), projectId: boards.id, ...acceptance, createdAt: at('2026-08-30', 15), createdBy: staff.auditActor.accountId });
    await appendAudit(tx, { actor: staff.auditActor, action: 'delivery.acceptance_recorded', subjectType: 'project', subjectId: boards.id, after: acceptance, at: at('2026-08-30', 15) });
  });
  must('boards payment 2', await recordPayment(on(ctx, '2026-09-10'), boards.id, { paidOn: '2026-09-10', amountFen: 21_500 * 100, note: '尾款（验收合格后）' }, staff));
  // No satisfaction ratings here: the survey of the notice boards is the residents' to fill in (and the
  // participation tests start from an empty one).

  // 老旧小区视频监控: signed, started, two payments, three reports; the planned end has passed.
  await backfillAgreement(
    ctx,
    cctv.id,
    { implementerName: '深圳市安居智能科技有限公司（示例）', implementerType: 'contractor', registrationNo: '91440300MA5DEMO01A', implementerRating: 4, agreementDate: '2026-06-08', agreedAmountFen: 276_000 * 100, plannedStart: '2026-06-15', plannedEnd: '2026-10-31' },
    staff,
    at('2026-06-09'),
  );
  must('cctv payment 1', await recordPayment(on(ctx, '2026-06-20'), cctv.id, { paidOn: '2026-06-20', amountFen: 82_800 * 100, note: '预付款（30%）' }, staff));
  must('cctv progress 1', await recordProgress(on(ctx, '2026-07-05', 17), cctv.id, { reportedOn: '2026-07-05', percent: 20, body: '完成 12 个出入口和楼道点位的勘察，线路预埋开始。' }, [], staff));
  must('cctv progress 2', await recordProgress(on(ctx, '2026-08-20', 17), cctv.id, { reportedOn: '2026-08-20', percent: 55, body: '7 个出入口摄像头已安装并接入社区综治平台，楼道线路敷设过半。' }, [], staff));
  must('cctv payment 2', await recordPayment(on(ctx, '2026-09-05'), cctv.id, { paidOn: '2026-09-05', amountFen: 82_800 * 100, note: '进度款（30%）' }, staff));
  must('cctv progress 3', await recordProgress(on(ctx, '2026-10-25', 17), cctv.id, { reportedOn: '2026-10-25', percent: 80, body: '部分楼栋住户对 3 个楼道点位有意见，经议事会协调调整位置，工期预计延后到 12 月中旬。' }, [], staff));
  return true;
}

/** A progress report recorded after the project had already moved on (accepted): the row and its audit entry. */
async function backfillProgress(ctx: AppContext, projectId: string, r: { reportedOn: string; percent: number; body: string }, who: Who, when: Date) {
  await ctx.database.write(async (tx) => {
    const reportId = newId();
    await tx.insert(progressReports).values({ id: reportId, projectId, ...r, createdAt: when, createdBy: who.auditActor.accountId });
    await appendAudit(tx, { actor: who.auditActor, action: 'delivery.progress_reported', subjectType: 'project', subjectId: projectId, after: { reportId, ...r, photos: [] }, at: when });
  });
  return { ok: true };
}

// ---------------------------------------------------------------------------
// 笋西社区 2024: a whole cycle, from proposals to archive
// ---------------------------------------------------------------------------

export const PAST_CYCLE_ID = 'cy-sunxi-2024';

const PAST_PLAN: [CyclePhase, string, string][] = [
  ['collection', '2024-02-10', '2024-03-10'],
  ['screening', '2024-03-11', '2024-03-25'],
  ['resident_vote', '2024-04-20', '2024-04-30'],
  ['deliberation', '2024-05-06', '2024-05-20'],
  ['public_notice', '2024-05-21', '2024-05-31'],
  ['implementation', '2024-06-01', '2024-11-30'],
  ['acceptance', '2024-12-01', '2024-12-31'],
  ['audit', '2025-01-05', '2025-01-31'],
  ['closed', '2025-02-01', '2025-12-31'],
];

type PastProject = { key: 'canteen' | 'playground' | 'road' | 'sorting'; title: string; category: 'engineering' | 'goods' | 'services'; theme: string; description: string; address: string; costFen: number; proposerType: 'residents_committee' | 'workstation' | 'paper' | 'social_org'; beneficiaries: string; beneficiaryCount: number };

const PAST_PROJECTS: PastProject[] = [
  { key: 'canteen', title: '长者助餐点（每日午餐约 30 份）', category: 'services', theme: 'care', description: '在社区党群服务中心设长者助餐点，工作日供应午餐约 30 份，行动不便的长者可送餐上门。', address: '笋西社区党群服务中心一楼', costFen: 12 * WAN, proposerType: 'paper', beneficiaries: '60 岁以上长者', beneficiaryCount: 30 },
  { key: 'playground', title: '儿童游乐设施更新', category: 'goods', theme: 'public_facilities', description: '更换民新小区儿童游乐区老化的滑梯和秋千，地面铺设安全地垫。', address: '笋西社区民新小区中心花园', costFen: 18 * WAN, proposerType: 'residents_committee', beneficiaries: '小区儿童及家长', beneficiaryCount: 300 },
  { key: 'road', title: '田心小区破损道路修复', category: 'engineering', theme: 'safety', description: '修复田心小区内约 600 平方米破损路面和 2 处积水点，消除老人和儿童摔倒隐患。', address: '笋西社区田心小区内部道路', costFen: 35 * WAN, proposerType: 'workstation', beneficiaries: '小区住户', beneficiaryCount: 1500 },
  { key: 'sorting', title: '垃圾分类宣传与督导', category: 'services', theme: 'environment', description: '由社工机构组织垃圾分类宣传活动 6 场，并在投放高峰时段安排志愿者督导 3 个月。', address: '笋西社区各小区投放点', costFen: 8 * WAN, proposerType: 'social_org', beneficiaries: '社区居民', beneficiaryCount: 5000 },
];

/** Who voted for what (8 verified residents, approval, at most 5 each). */
const PAST_BALLOTS: [string, PastProject['key'][]][] = [
  ['demo-resident_sx', ['road', 'canteen']],
  ['demo-council_sx', ['road', 'canteen']],
  ['demo-council-sunxi-1', ['road', 'canteen']],
  ['demo-council-sunxi-2', ['road', 'playground']],
  ['demo-council-sunxi-3', ['road', 'playground']],
  ['demo-council-sunxi-4', ['road', 'sorting']],
  ['demo-council-sunxi-5', ['canteen', 'playground', 'sorting']],
  ['demo-council-sunxi-6', ['canteen', 'playground']],
];

export async function seedPastCycleDemo(ctx: AppContext): Promise<boolean> {
  const exists = await ctx.database.db.select({ id: cycles.id }).from(cycles).where(eq(cycles.id, PAST_CYCLE_ID)).limit(1);
  if (exists.length) return false;
  const community = (await ctx.database.db.query.communities.findFirst({ where: (c, { eq: e }) => e(c.slug, 'sunxi') }))!;
  if (!community) return false;
  const system: AuditActor = { accountId: null, role: 'system', name: '系统（示例数据）' };
  const staff = await person(ctx, 'demo-staff_sx', 'staff');
  const officer = await person(ctx, 'demo-officer', 'officer');
  const auditor = await person(ctx, 'demo-auditor', 'auditor');
  const t0 = at('2024-01-10');

  // A 2024 rulebook (the same settings as 2026, with a smaller budget for this cycle) and the cycle.
  const rb = await ctx.database.write((tx) => addRulebookVersion(tx, { districtId: 'd-lh', year: 2024, settings: DEFAULT_RULEBOOK_SETTINGS, actor: system, at: t0 }));
  await ctx.database.write(async (tx) => {
    await tx.insert(cycles).values({ id: PAST_CYCLE_ID, communityId: community.id, year: 2024, rulebookId: rb.id, titleZh: '笋西社区 2024 年度民生微实事', titleEn: 'Sunxi micro-projects 2024', budgetFen: 60 * WAN, openPhase: null, createdAt: t0 });
    for (const [phase, startsOn, endsOn] of PAST_PLAN) await tx.insert(cyclePhases).values({ id: `${PAST_CYCLE_ID}-${phase}`, cycleId: PAST_CYCLE_ID, phase, startsOn, endsOn });
    await appendAudit(tx, { actor: system, action: 'cycle.created', subjectType: 'cycle', subjectId: PAST_CYCLE_ID, after: { year: 2024, budgetFen: 60 * WAN }, at: t0 });
  });
  // The plan already says "collection" on its first day, so staff's opening of it is written directly.
  await ctx.database.write(async (tx) => {
    await tx.update(cycles).set({ openPhase: 'collection' }).where(eq(cycles.id, PAST_CYCLE_ID));
    await appendAudit(tx, { actor: staff.auditActor, action: 'cycle.phase_opened', subjectType: 'cycle', subjectId: PAST_CYCLE_ID, before: { phase: null }, after: { phase: 'collection' }, at: at('2024-02-10', 9) });
  });
  const open = async (phase: CyclePhase, day: string) => must(`open ${phase}`, await setCyclePhase(on(ctx, day, 9), PAST_CYCLE_ID, phase, staff.actor, staff.auditActor));
  const event = async (id: string, e: ProjectEvent, day: string, by: Who | 'system', reason?: string) => {
    const actor: Actor = by === 'system' ? SYSTEM_ACTOR : by.actor;
    const audit: AuditActor = by === 'system' ? { accountId: null, role: 'system', name: '系统' } : by.auditActor;
    must(`${e} ${id}`, await applyProjectEvent(ctx.database, { projectId: id, event: e, reason }, actor, audit, at(day, 11)));
  };

  const ids = new Map<PastProject['key'], string>();
  for (const [i, p] of PAST_PROJECTS.entries()) {
    const day = `2024-02-${String(14 + i * 3).padStart(2, '0')}`;
    const r = await createProject(
      ctx.database,
      { cycleId: PAST_CYCLE_ID, title: p.title, category: p.category, theme: p.theme, description: p.description, address: p.address, proposerType: p.proposerType, proposerAccountId: null, estimatedCostFen: p.costFen, beneficiaries: p.beneficiaries, beneficiaryCount: p.beneficiaryCount, isDemo: true },
      staff.auditActor,
      at(day),
    );
    if (!r.ok) throw new Error(`delivery demo: create ${p.title}: ${r.code}`);
    ids.set(p.key, r.id);
    await event(r.id, 'submit', day, staff);
  }
  await open('screening', '2024-03-11');
  for (const p of PAST_PROJECTS) await event(ids.get(p.key)!, 'screen_in', '2024-03-18', officer);
  await open('resident_vote', '2024-04-20');
  for (const [i, [accountId, choice]] of PAST_BALLOTS.entries()) {
    const voter = await person(ctx, accountId, 'resident');
    must(`ballot of ${accountId}`, await castBallot(on(ctx, `2024-04-${String(21 + (i % 8)).padStart(2, '0')}`, 19), PAST_CYCLE_ID, { projects: choice.map((k) => ids.get(k)!) }, voter.actor));
  }
  // Closing the vote counts it (results.ts): road, canteen and sorting are funded; the playground does not fit.
  await open('deliberation', '2024-05-06');
  const funded = (await ctx.database.db.select({ id: projects.id, state: projects.state }).from(projects).where(and(eq(projects.cycleId, PAST_CYCLE_ID), eq(projects.state, 'shortlisted')))).map((p) => p.id);
  for (const id of funded) await event(id, 'send_to_deliberation', '2024-05-08', staff);
  for (const id of funded) await event(id, 'adopt', '2024-05-15', staff, '议事会 2024-05-15 会议：应到 7 人，实到 7 人，赞成 6 票，通过。');
  await open('public_notice', '2024-05-21');
  for (const id of funded) await event(id, 'end_notice', '2024-05-27', 'system');
  await open('implementation', '2024-06-01');

  const deals: Record<string, { name: string; type: 'contractor' | 'social_org' | 'community'; reg: string; rating: number; amountFen: number; start: string; end: string }> = {
    road: { name: '深圳市笋岗市政工程有限公司（示例）', type: 'contractor', reg: '91440300MA5DEMO03C', rating: 4, amountFen: 34 * WAN, start: '2024-06-10', end: '2024-08-31' },
    canteen: { name: '深圳市乐龄社工服务中心（示例）', type: 'social_org', reg: '52440300MJL0DEMO4D', rating: 5, amountFen: 12 * WAN, start: '2024-06-15', end: '2024-11-30' },
    sorting: { name: '深圳市绿色家园社工服务社（示例）', type: 'social_org', reg: '52440300MJL0DEMO5E', rating: 4, amountFen: 7.5 * WAN, start: '2024-06-20', end: '2024-09-30' },
  };
  const keyOf = new Map([...ids].map(([k, v]) => [v, k]));
  for (const id of funded) {
    const d = deals[keyOf.get(id)!]!;
    must(`agreement ${d.name}`, await recordAgreement(on(ctx, '2024-06-05'), id, { implementerName: d.name, implementerType: d.type, registrationNo: d.reg, implementerRating: d.rating, agreementDate: '2024-06-04', agreedAmountFen: d.amountFen, plannedStart: d.start, plannedEnd: d.end, startImplementation: true }, staff));
    must('first payment', await recordPayment(on(ctx, '2024-06-25'), id, { paidOn: '2024-06-25', amountFen: Math.round(d.amountFen * 0.3), note: '预付款（30%）' }, staff));
  }
  const road = ids.get('road')!;
  const canteen = ids.get('canteen')!;
  const sorting = ids.get('sorting')!;
  must('road progress', await recordProgress(on(ctx, '2024-07-20', 17), road, { reportedOn: '2024-07-20', percent: 70, body: '完成约 420 平方米路面铣刨重铺，2 处积水点排水改造完成 1 处。' }, [], staff));
  must('road progress 2', await recordProgress(on(ctx, '2024-08-25', 17), road, { reportedOn: '2024-08-25', percent: 100, body: '路面修复和排水改造全部完成，申请验收。' }, [], staff));
  // The first inspection finds a fault; the work is redone and passes.
  must('road fails', await recordAcceptance(on(ctx, '2024-09-02', 15), road, { result: 'fail', acceptedOn: '2024-09-02', inspector: '笋岗街道城建办、居民代表（示例）', notes: '3 栋门前新铺路面仍有约 5 平方米积水，排水坡度不足，需整改。' }, staff));
  must('road resumes', await resumeImplementation(on(ctx, '2024-09-03', 9), road, { reason: '施工单位已安排返工，整改后重新申请验收。' }, staff));
  must('road progress 3', await recordProgress(on(ctx, '2024-09-15', 17), road, { reportedOn: '2024-09-15', percent: 100, body: '3 栋门前路面重新找坡，经雨天检验无积水。' }, [], staff));
  must('road passes', await recordAcceptance(on(ctx, '2024-09-20', 15), road, { result: 'pass', acceptedOn: '2024-09-20', inspector: '笋岗街道城建办、居民代表（示例）', notes: '整改后复验合格。' }, staff));
  must('road final', await recordPayment(on(ctx, '2024-10-10'), road, { paidOn: '2024-10-10', amountFen: 34 * WAN - Math.round(34 * WAN * 0.3), note: '尾款（验收合格后）' }, staff));
  must('sorting progress', await recordProgress(on(ctx, '2024-09-28', 17), sorting, { reportedOn: '2024-09-28', percent: 100, body: '6 场宣传活动共 420 人次参加；督导 3 个月，分类准确率由约 45% 提高到约 70%。' }, [], staff));
  must('sorting passes', await recordAcceptance(on(ctx, '2024-10-08', 15), sorting, { result: 'pass', acceptedOn: '2024-10-08', inspector: '笋西社区工作站（示例）', notes: '活动记录、签到表和照片齐全。' }, staff));
  must('sorting final', await recordPayment(on(ctx, '2024-10-20'), sorting, { paidOn: '2024-10-20', amountFen: 7.5 * WAN - Math.round(7.5 * WAN * 0.3), note: '尾款' }, staff));
  must('canteen progress', await recordProgress(on(ctx, '2024-11-28', 17), canteen, { reportedOn: '2024-11-28', percent: 100, body: '助餐点运营 5 个半月，累计供餐约 3,300 份，其中送餐上门约 600 份。' }, [], staff));
  await open('acceptance', '2024-12-01');
  must('canteen passes', await recordAcceptance(on(ctx, '2024-12-05', 15), canteen, { result: 'pass', acceptedOn: '2024-12-05', inspector: '笋西社区工作站、居民议事会代表（示例）', notes: '服务记录完整，长者反映饭菜合口。' }, staff));

  const ratings: [string, Record<string, number>][] = [
    ['demo-resident_sx', { road: 5, canteen: 5, sorting: 4 }],
    ['demo-council-sunxi-1', { road: 4, canteen: 5, sorting: 3 }],
    ['demo-council-sunxi-2', { road: 4, canteen: 4 }],
    ['demo-council-sunxi-5', { road: 2, canteen: 5, sorting: 4 }],
    ['demo-council-sunxi-6', { canteen: 4, sorting: 5 }],
  ];
  for (const [i, [accountId, scores]] of ratings.entries()) {
    const r = await person(ctx, accountId, 'resident');
    for (const [key, score] of Object.entries(scores)) {
      must(`rate ${key}`, await rateProject(on(ctx, `2024-12-${String(10 + i).padStart(2, '0')}`, 20), ids.get(key as PastProject['key'])!, { score, comment: key === 'road' && score === 2 ? '修好后好多了，但施工期间噪音大、围挡占道时间长。' : null }, r.actor, r.auditActor));
    }
  }
  must('canteen 2', await recordPayment(on(ctx, '2024-12-15'), canteen, { paidOn: '2024-12-15', amountFen: 12 * WAN - Math.round(12 * WAN * 0.3), note: '尾款' }, staff));
  for (const id of funded) must('close survey', await closeSurvey(on(ctx, '2024-12-31', 17), id, staff));
  await open('audit', '2025-01-05');
  must('finding', await recordFinding(on(ctx, '2025-01-12', 14), { projectId: road }, { severity: 'issue', body: '首次验收未通过，整改后复验合格；整改费用由施工单位承担，未增加协议金额。建议今后工程类项目在合同中写明排水坡度要求。' }, auditor));
  must('finding 2', await recordFinding(on(ctx, '2025-01-12', 15), { projectId: canteen }, { severity: 'info', body: '抽查 2024 年 7 月、10 月供餐登记表，份数与支付凭证一致。' }, auditor));
  must('finding 3', await recordFinding(on(ctx, '2025-01-14', 10), { cycleId: PAST_CYCLE_ID }, { severity: 'info', body: '本轮预算 60 万元，协议金额合计 53.5 万元，已全部支付；资金使用与公示一致。' }, auditor));
  for (const id of [road, canteen]) must('audit', await completeAudit(on(ctx, '2025-01-20', 16), id, { summary: '审计完成，资金使用与协议、验收结果一致。' }, auditor));
  must('archive', await archiveProject(on(ctx, '2025-01-28', 9), road, staff));
  await open('closed', '2025-02-01');
  return true;
}

