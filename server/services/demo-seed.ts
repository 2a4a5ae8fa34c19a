/**
 * @module Seeding the demo data (db/seed.ts) into an empty database, through
 * the same services as real use, replayed in date order so every project's
 * history and the audit log read chronologically.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { districts, streets, communities, accounts, roleAssignments, cycles, cyclePhases, registerEntries, councilTerms, notices } from '#db/schema.ts';
import { COUNCIL_NAMES, DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_PROJECTS, WAN, type DemoProject, type Step } from '#db/seed.ts';
import type { AppContext } from '../context.ts';
import { hashPassword } from '../auth/passwords.ts';
import { DEFAULT_RULEBOOK_SETTINGS } from '../domain/rulebook.ts';
import type { Person } from '../domain/permissions.ts';
import type { CyclePhase } from '../domain/cycle-phases.ts';
import { addRulebookVersion } from './rulebooks.ts';
import { createProject, applyProjectEvent } from './projects.ts';
import { appendAudit, type AuditActor } from './audit.ts';
import { newVerificationCode } from './residents.ts';
import { openNotice } from './notices.ts';
import { seedDeliveryDemo, seedPastCycleDemo } from './delivery-demo.ts';
import { seedDemoHistory } from './demo-history.ts';
import { requestPhaseChange } from './cycles.ts';
import { HISTORY_START } from '#db/demo-history.ts';

export { DEMO_PASSWORD };

/** 仙湖's 2026 vote (planned 11-15 to 11-30): its staff asked on 11-28 to go back to screening until this day; the request waits for an officer. */
export const XIANHU_RESCREEN_UNTIL = '2026-12-31';
export const XIANHU_RESCREEN_REASON = '（示例）有居民反映“消防安全体验馆”与区里已立项的项目可能重复，社区申请退回初审阶段重新核查，核查后再重新投票。';

export async function isEmpty(ctx: AppContext): Promise<boolean> {
  const r = await ctx.database.db.select({ n: sql<number>`count(*)` }).from(districts);
  return (r[0]?.n ?? 0) === 0;
}

export type SeedOptions = {
  /**
   * Also seed the generated multi-year history (db/demo-history.ts: more
   * places, 2023–2025 cycles through every end state). It takes seconds, so
   * the served site and the browser journeys ask for it and the unit tests'
   * seeded template does not.
   */
  history?: boolean;
};

/** Seed the demo data if (and only if) the database has no districts yet. Returns whether it seeded. */
export async function seedDemo(ctx: AppContext, opts: SeedOptions = {}): Promise<boolean> {
  if (!(await isEmpty(ctx))) return false;
  const at = (day: string) => new Date(`${day}T10:00:00+08:00`);
  const system: AuditActor = { accountId: null, role: 'system', name: '系统（示例数据）' };
  const t0 = at('2026-01-05');
  // With the history, the places are there before its first cycle, so the log stays in date order.
  const placesAt = opts.history ? at(HISTORY_START) : t0;

  const place = {
    district: { id: 'd-lh', code: 'LH', nameZh: '罗湖区', nameEn: 'Luohu District' },
    streets: [
      { id: 's-ltjd', districtId: 'd-lh', code: 'LTJD', nameZh: '莲塘街道', nameEn: 'Liantang Subdistrict' },
      { id: 's-sgjd', districtId: 'd-lh', code: 'SGJD', nameZh: '笋岗街道', nameEn: 'Sungang Subdistrict' },
    ],
    communities: [
      { id: 'c-lianhua', streetId: 's-ltjd', code: 'LHSQ', slug: 'lianhua', nameZh: '莲花社区', nameEn: 'Lianhua Community', descriptionZh: '（示例）莲塘街道下辖的老城区社区，常住人口约 1.2 万。', descriptionEn: '(Demo) An older neighbourhood of Liantang, about 12,000 residents.' },
      { id: 'c-xianhu', streetId: 's-ltjd', code: 'XHSQ', slug: 'xianhu', nameZh: '仙湖社区', nameEn: 'Xianhu Community', descriptionZh: '（示例）靠近仙湖植物园，老旧小区与新建住宅混合。', descriptionEn: '(Demo) Near the Fairy Lake botanical garden; old estates and new housing.' },
      { id: 'c-sunxi', streetId: 's-sgjd', code: 'SXSQ', slug: 'sunxi', nameZh: '笋西社区', nameEn: 'Sunxi Community', descriptionZh: '（示例）笋岗街道的城中村与老旧小区社区。', descriptionEn: '(Demo) Urban village and old estates in Sungang.' },
    ],
  };

  await ctx.database.write(async (tx) => {
    await tx.insert(districts).values(place.district);
    await tx.insert(streets).values(place.streets);
    await tx.insert(communities).values(place.communities);
    await appendAudit(tx, { actor: system, action: 'places.created', subjectType: 'district', subjectId: place.district.id, after: { district: place.district.nameZh, streets: place.streets.map((s) => s.nameZh), communities: place.communities.map((c) => c.nameZh) }, at: placesAt });
  });
  if (opts.history) await seedDemoHistory(ctx);

  const rb = await ctx.database.write((tx) =>
    addRulebookVersion(tx, { districtId: 'd-lh', year: 2026, settings: DEFAULT_RULEBOOK_SETTINGS, actor: system, at: t0 }),
  );

  // Accounts and roles.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const scopeId = (scope: string, at: string) => (scope === 'district' ? 'd-lh' : scope === 'street' ? `s-${at.toLowerCase()}` : `c-${at}`);
  const ids = new Map<string, string>();
  const persons = new Map<string, Person>();
  await ctx.database.write(async (tx) => {
    for (const a of DEMO_ACCOUNTS) {
      const id = `demo-${a.username}`;
      ids.set(a.username, id);
      await tx.insert(accounts).values({ id, username: a.username, passwordHash, displayName: a.displayName, isDemo: true, createdAt: t0 });
      const assignments = a.roles.map((r) => ({ role: r.role, scope: { kind: r.scope, id: scopeId(r.scope, r.at) } }));
      persons.set(a.username, { accountId: id, assignments });
      for (const [i, r] of a.roles.entries()) {
        await tx.insert(roleAssignments).values({ id: `${id}-r${i}`, accountId: id, role: r.role, scopeKind: r.scope, scopeId: scopeId(r.scope, r.at), grantedAt: t0, grantedBy: 'seed' });
      }
    }
    // The rest of each council: members with names, no sign-in needed for the demo.
    for (const [slug, names] of Object.entries(COUNCIL_NAMES)) {
      for (const [i, name] of names.entries()) {
        const id = `demo-council-${slug}-${i + 1}`;
        await tx.insert(accounts).values({ id, username: `council_${slug}_${i + 1}`, passwordHash, displayName: `${name}（示例）`, isDemo: true, createdAt: t0 });
        await tx.insert(roleAssignments).values({ id: `${id}-r0`, accountId: id, role: 'council_member', scopeKind: 'community', scopeId: `c-${slug}`, grantedAt: t0, grantedBy: 'seed' });
        await tx.insert(roleAssignments).values({ id: `${id}-r1`, accountId: id, role: 'resident', scopeKind: 'community', scopeId: `c-${slug}`, grantedAt: t0, grantedBy: 'seed' });
      }
    }
    // Council terms: seven members per community, the named demo account chairs.
    const chairs: Record<string, string> = { lianhua: 'council_lt', xianhu: 'council_xh', sunxi: 'council_sx' };
    for (const [slug, names] of Object.entries(COUNCIL_NAMES)) {
      const members = [ids.get(chairs[slug])!, ...names.map((_, i) => `demo-council-${slug}-${i + 1}`)];
      await tx.insert(councilTerms).values(
        members.map((accountId, i) => ({ id: `term-${slug}-${i}`, communityId: `c-${slug}`, accountId, role: i === 0 ? ('chair' as const) : ('member' as const), startsOn: '2025-01-01', endsOn: '2027-12-31', createdAt: t0, createdBy: 'seed' })),
      );
    }
    // Every demo resident and council member is a claimed register entry: a voter is a register entry.
    const claimed = [
      ...DEMO_ACCOUNTS.flatMap((a) => a.roles.filter((r) => r.role === 'resident').map((r) => ({ accountId: ids.get(a.username)!, communityId: `c-${r.at}` }))),
      ...Object.entries(COUNCIL_NAMES).flatMap(([slug, names]) => names.map((_, i) => ({ accountId: `demo-council-${slug}-${i + 1}`, communityId: `c-${slug}` }))),
    ];
    for (const [i, c] of claimed.entries()) {
      await tx.insert(registerEntries).values({
        id: `${c.accountId}-reg`,
        communityId: c.communityId,
        registerNo: `V-${String(i + 1).padStart(4, '0')}`,
        name: `示例居民V${i + 1}`,
        address: `${(i % 8) + 1}栋`,
        phone: null,
        verificationCode: newVerificationCode(),
        claimedByAccountId: c.accountId,
        claimedAt: t0,
        importedAt: t0,
        importedBy: null,
      });
    }
    // A small register per community; a few unclaimed slips to try verification with.
    for (const c of place.communities) {
      const rows = Array.from({ length: 12 }, (_, i) => ({
        id: `${c.id}-reg-${i + 1}`,
        communityId: c.id,
        registerNo: `${c.code}-${String(i + 1).padStart(4, '0')}`,
        name: `示例居民${i + 1}`,
        address: `${(i % 6) + 1}栋 ${100 + i}室`,
        phone: null,
        verificationCode: newVerificationCode(),
        importedAt: t0,
        importedBy: ids.get(c.slug === 'lianhua' ? 'staff_lt' : c.slug === 'xianhu' ? 'staff_xh' : 'staff_sx')!,
      }));
      await tx.insert(registerEntries).values(rows);
    }
    await appendAudit(tx, { actor: system, action: 'accounts.seeded', subjectType: 'district', subjectId: 'd-lh', after: { accounts: DEMO_ACCOUNTS.length + 18, registerEntries: 36 }, at: t0 });
  });

  // Cycles, each in a different phase.
  const cycleDefs = [
    { id: 'cy-lianhua-2026', communityId: 'c-lianhua', slug: 'lianhua', budgetFen: 200 * WAN, open: 'collection' as const, plan: [['collection', '2026-11-01', '2026-12-15'], ['screening', '2026-12-16', '2026-12-31']] },
    // 仙湖 was allocated 100万 this year, less than its four shortlisted proposals ask for (169万), so the vote decides.
    { id: 'cy-xianhu-2026', communityId: 'c-xianhu', slug: 'xianhu', budgetFen: 100 * WAN, open: 'resident_vote' as const, plan: [['collection', '2026-03-01', '2026-03-31'], ['screening', '2026-04-01', '2026-04-20'], ['resident_vote', '2026-11-15', '2026-11-30'], ['deliberation', '2026-12-01', '2026-12-15']] },
    { id: 'cy-sunxi-2026', communityId: 'c-sunxi', slug: 'sunxi', budgetFen: 200 * WAN, open: 'implementation' as const, plan: [['collection', '2026-02-15', '2026-03-10'], ['screening', '2026-03-11', '2026-03-25'], ['resident_vote', '2026-04-25', '2026-05-05'], ['deliberation', '2026-05-10', '2026-05-20'], ['public_notice', '2026-05-21', '2026-05-26'], ['implementation', '2026-06-01', '2026-12-31']] },
  ];
  const names: Record<string, string> = { lianhua: '莲花社区', xianhu: '仙湖社区', sunxi: '笋西社区' };
  const namesEn: Record<string, string> = { lianhua: 'Lianhua', xianhu: 'Xianhu', sunxi: 'Sunxi' };
  await ctx.database.write(async (tx) => {
    for (const cy of cycleDefs) {
      await tx.insert(cycles).values({ id: cy.id, communityId: cy.communityId, year: 2026, rulebookId: rb.id, titleZh: `${names[cy.slug]} 2026 年度民生微实事`, titleEn: `${namesEn[cy.slug]} micro-projects 2026`, budgetFen: cy.budgetFen, openPhase: null, createdAt: t0 });
      for (const [phase, startsOn, endsOn] of cy.plan) {
        await tx.insert(cyclePhases).values({ id: `${cy.id}-${phase}`, cycleId: cy.id, phase: phase as 'collection', startsOn, endsOn });
      }
      await appendAudit(tx, { actor: system, action: 'cycle.created', subjectType: 'cycle', subjectId: cy.id, after: { year: 2026, budgetFen: cy.budgetFen }, at: t0 });
    }
  });

  // Projects, replayed in date order so the audit log reads chronologically.
  const staffOf = { lianhua: 'staff_lt', xianhu: 'staff_xh', sunxi: 'staff_sx' } as const;
  const residentOf = { lianhua: 'resident_lt', xianhu: 'resident_xh', sunxi: 'resident_sx' } as const;
  const created = new Map<DemoProject, string>();
  type Item = { day: string; p: DemoProject; step?: Step } | { day: string; openCycle: string; phase: CyclePhase; slug: string };
  // Staff open each planned phase on its start date, up to the phase the cycle is in today.
  const phaseItems: Item[] = cycleDefs.flatMap((cy) => {
    const upTo = cy.plan.findIndex(([phase]) => phase === cy.open);
    return cy.plan.slice(0, upTo + 1).map(([phase, startsOn]) => ({ day: startsOn, openCycle: cy.id, phase: phase as CyclePhase, slug: cy.slug }));
  });
  const timeline: Item[] = [...phaseItems, ...DEMO_PROJECTS.flatMap((p) => [{ day: p.created, p }, ...p.steps.map((s) => ({ day: s.day, p, step: s }))])];
  // Phase openings come first on their day (the sort is stable).
  timeline.sort((a, b) => a.day.localeCompare(b.day) || Number('p' in a) - Number('p' in b));
  for (const item of timeline) {
    if (!('p' in item)) {
      const staff = staffOf[item.slug as keyof typeof staffOf];
      const acct = DEMO_ACCOUNTS.find((a) => a.username === staff)!;
      await ctx.database.write(async (tx) => {
        const prev = (await tx.select({ openPhase: cycles.openPhase }).from(cycles).where(eq(cycles.id, item.openCycle)))[0]!.openPhase;
        await tx.update(cycles).set({ openPhase: item.phase }).where(eq(cycles.id, item.openCycle));
        await appendAudit(tx, { actor: { accountId: ids.get(staff)!, role: 'staff', name: acct.displayName }, action: 'cycle.phase_opened', subjectType: 'cycle', subjectId: item.openCycle, before: { phase: prev }, after: { phase: item.phase }, at: at(item.day) });
      });
      continue;
    }
    const p = item.p;
    const proposerName = residentOf[p.community];
    if (!item.step) {
      const byStaff = p.proposerType !== 'resident';
      const who = byStaff ? staffOf[p.community] : proposerName;
      const r = await createProject(
        ctx.database,
        {
          cycleId: `cy-${p.community}-2026`,
          title: p.title,
          category: p.category,
          theme: p.theme,
          description: p.description,
          address: p.address,
          proposerType: p.proposerType,
          proposerAccountId: byStaff ? null : ids.get(proposerName)!,
          estimatedCostFen: Math.round(p.costWan * WAN),
          beneficiaries: p.beneficiaries,
          beneficiaryCount: p.beneficiaryCount,
          isDemo: true,
        },
        { accountId: ids.get(who)!, role: byStaff ? 'staff' : 'resident', name: byStaff ? DEMO_ACCOUNTS.find((a) => a.username === who)!.displayName : '居民' },
        at(item.day),
      );
      if (!r.ok) throw new Error(`seed: cannot create ${p.title}: ${r.code}`);
      created.set(p, r.id);
      continue;
    }
    const s = item.step;
    const username = s.by === 'proposer' ? proposerName : s.by === 'staff' ? staffOf[p.community] : s.by === 'officer' ? 'officer' : null;
    const actor = username ? persons.get(username)! : ({ accountId: 'system', system: true, assignments: [] } as const);
    const acct = DEMO_ACCOUNTS.find((a) => a.username === username);
    const auditActor: AuditActor = username
      ? { accountId: ids.get(username)!, role: s.by === 'proposer' ? 'resident' : s.by, name: s.by === 'proposer' ? '居民' : acct!.displayName }
      : { accountId: null, role: 'system', name: '系统' };
    const r = await applyProjectEvent(ctx.database, { projectId: created.get(p)!, event: s.event, reason: s.reason }, actor, auditActor, at(s.day));
    if (!r.ok) throw new Error(`seed: ${p.title} ${s.event}: ${r.code}`);
    // The notice period of an adopted project, as the council services record it.
    if (s.event === 'adopt') await ctx.database.write((tx) => openNotice(tx, created.get(p)!, at(s.day), DEFAULT_RULEBOOK_SETTINGS.noticeDays));
    if (s.event === 'end_notice') {
      await ctx.database.write((tx) => tx.update(notices).set({ outcome: 'approved', closedAt: at(s.day) }).where(and(eq(notices.projectId, created.get(p)!), isNull(notices.closedAt))));
    }
  }
  // During 仙湖's vote its staff asked to go back to screening, with a published reason; the request waits for a
  // street or district officer, so the clock leaves the vote open past its planned end (11-30): it shows as overrun (逾期).
  const xhStaff = DEMO_ACCOUNTS.find((a) => a.username === 'staff_xh')!;
  const asked = await requestPhaseChange(
    { ...ctx, now: () => at('2026-11-28') },
    'cy-xianhu-2026',
    { to: 'screening', endsOn: XIANHU_RESCREEN_UNTIL, reason: XIANHU_RESCREEN_REASON },
    persons.get('staff_xh')!,
    { accountId: ids.get('staff_xh')!, role: 'staff', name: xhStaff.displayName },
  );
  if (!asked.ok) throw new Error(`seed: cannot ask to re-screen 仙湖: ${asked.code}`);
  // Delivery of 笋西's 2026 projects, and its finished 2024 cycle (a counted vote, delivered and audited).
  await seedDeliveryDemo(ctx);
  await seedPastCycleDemo(ctx);
  return true;
}
