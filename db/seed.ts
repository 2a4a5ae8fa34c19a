/**
 * @module Demo data (示例), seeded only into an empty database: one district
 * (罗湖区), two streets, three communities, each with a council, staff and
 * residents, one cycle each in a different phase, and the sample projects of
 * DOMAIN.md. Everything is written through the services, so every demo
 * project has a real, hash-chained history. All names are invented.
 */
import { sql } from 'drizzle-orm';
import { districts, streets, communities, accounts, roleAssignments, cycles, cyclePhases, registerEntries } from './schema.ts';
import type { AppContext } from '../server/context.ts';
import { hashPassword } from '../server/auth/passwords.ts';
import { DEFAULT_RULEBOOK_SETTINGS } from '../server/domain/rulebook.ts';
import type { Person, Role } from '../server/domain/permissions.ts';
import type { ProjectEvent } from '../server/domain/project-states.ts';
import { addRulebookVersion } from '../server/services/rulebooks.ts';
import { createProject } from '../server/services/projects.ts';
import { applyProjectEvent } from '../server/services/projects.ts';
import { appendAudit, type AuditActor } from '../server/services/audit.ts';
import { newVerificationCode } from '../server/services/residents.ts';

export const DEMO_PASSWORD = 'demo12345';
const WAN = 1_000_000; // fen per 万元

export type DemoAccount = { username: string; displayName: string; roles: { role: Role; scope: 'district' | 'street' | 'community'; at: string }[]; note: string };

/** Every demo account, also listed in the README. Password for all: demo12345. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'officer', displayName: '李建国（示例）', roles: [{ role: 'officer', scope: 'district', at: 'LH' }], note: '区民生微实事办 officer' },
  { username: 'auditor', displayName: '陈静（示例）', roles: [{ role: 'auditor', scope: 'district', at: 'LH' }], note: '审计 auditor' },
  { username: 'street_lt', displayName: '赵磊（示例）', roles: [{ role: 'officer', scope: 'street', at: 'LTJD' }], note: '莲塘街道 street officer' },
  { username: 'staff_lt', displayName: '王芳（示例）', roles: [{ role: 'staff', scope: 'community', at: 'lianhua' }], note: '莲花社区工作站 staff' },
  { username: 'staff_xh', displayName: '周敏（示例）', roles: [{ role: 'staff', scope: 'community', at: 'xianhu' }], note: '仙湖社区工作站 staff' },
  { username: 'staff_sx', displayName: '吴勇（示例）', roles: [{ role: 'staff', scope: 'community', at: 'sunxi' }], note: '笋西社区工作站 staff' },
  { username: 'council_lt', displayName: '孙丽华（示例）', roles: [{ role: 'council_member', scope: 'community', at: 'lianhua' }, { role: 'resident', scope: 'community', at: 'lianhua' }], note: '莲花社区议事会 council member' },
  { username: 'council_xh', displayName: '郑国强（示例）', roles: [{ role: 'council_member', scope: 'community', at: 'xianhu' }, { role: 'resident', scope: 'community', at: 'xianhu' }], note: '仙湖社区议事会 council member' },
  { username: 'council_sx', displayName: '黄秀英（示例）', roles: [{ role: 'council_member', scope: 'community', at: 'sunxi' }, { role: 'resident', scope: 'community', at: 'sunxi' }], note: '笋西社区议事会 council member' },
  { username: 'resident_lt', displayName: '莲花居民（示例）', roles: [{ role: 'resident', scope: 'community', at: 'lianhua' }], note: '莲花社区 verified resident' },
  { username: 'resident_xh', displayName: '仙湖居民（示例）', roles: [{ role: 'resident', scope: 'community', at: 'xianhu' }], note: '仙湖社区 verified resident' },
  { username: 'resident_sx', displayName: '笋西居民（示例）', roles: [{ role: 'resident', scope: 'community', at: 'sunxi' }], note: '笋西社区 verified resident' },
  { username: 'newcomer', displayName: '新用户（示例）', roles: [], note: 'signed up, not yet verified' },
];

const COUNCIL_NAMES: Record<string, string[]> = {
  lianhua: ['刘志明', '何秀兰', '林建华', '高玉梅', '罗伟', '梁淑芬'],
  xianhu: ['谢文斌', '韩桂英', '唐海涛', '冯丽娟', '邓志强', '曹雪梅'],
  sunxi: ['彭建军', '曾凤英', '蒋涛', '蔡美玲', '余国平', '杜小燕'],
};

type Step = { day: string; event: ProjectEvent; by: 'staff' | 'officer' | 'system' | 'proposer'; reason?: string };
type DemoProject = {
  community: 'lianhua' | 'xianhu' | 'sunxi';
  title: string;
  category: 'engineering' | 'goods' | 'services';
  theme: string;
  description: string;
  address: string;
  costWan: number;
  proposerType: 'resident' | 'paper' | 'residents_committee' | 'workstation' | 'social_org';
  beneficiaries: string;
  beneficiaryCount: number;
  created: string;
  steps: Step[];
};

/** DOMAIN.md's realistic sample projects, spread over the three cycles. */
const PROJECTS: DemoProject[] = [
  // 莲花社区 — collecting proposals.
  { community: 'lianhua', title: '中秋邻里节', category: 'services', theme: 'culture_sports', description: '在社区广场举办中秋邻里节：猜灯谜、做月饼、邻里百家宴（自带菜品），促进邻里相识。', address: '莲花社区文化广场', costWan: 3.5, proposerType: 'resident', beneficiaries: '社区全体居民', beneficiaryCount: 800, created: '2026-11-03', steps: [{ day: '2026-11-04', event: 'submit', by: 'proposer' }] },
  { community: 'lianhua', title: '议事会议事规则培训', category: 'services', theme: 'care', description: '请专业社工为议事会成员和居民代表开展三次议事规则（罗伯特议事规则简版）培训。', address: '莲花社区党群服务中心二楼', costWan: 2, proposerType: 'workstation', beneficiaries: '议事会成员、居民代表', beneficiaryCount: 40, created: '2026-11-05', steps: [{ day: '2026-11-05', event: 'submit', by: 'staff' }] },
  { community: 'lianhua', title: '长者助餐服务（每日约20份）', category: 'services', theme: 'care', description: '为辖区独居、高龄长者提供工作日午餐配送，每日约20份，由签约社会组织运营。', address: '莲花社区长者服务站', costWan: 18, proposerType: 'paper', beneficiaries: '独居及80岁以上长者', beneficiaryCount: 20, created: '2026-11-08', steps: [{ day: '2026-11-08', event: 'submit', by: 'staff' }] },
  { community: 'lianhua', title: '城中村儿童“一米书桌”学习角', category: 'goods', theme: 'care', description: '为城中村出租屋内的学龄儿童配置折叠书桌、台灯和书架，每户一米空间的学习角。', address: '莲花社区城中村片区', costWan: 6, proposerType: 'social_org', beneficiaries: '城中村学龄儿童', beneficiaryCount: 60, created: '2026-11-10', steps: [{ day: '2026-11-11', event: 'submit', by: 'staff' }] },
  // 仙湖社区 — resident vote open.
  { community: 'xianhu', title: '消防安全体验馆及微型消防站器材', category: 'engineering', theme: 'safety', description: '改造社区闲置用房为消防安全体验馆，并为微型消防站补充灭火器、水带等器材。', address: '仙湖社区东区闲置用房', costWan: 48, proposerType: 'residents_committee', beneficiaries: '社区居民、学生', beneficiaryCount: 3000, created: '2026-03-02', steps: [{ day: '2026-03-03', event: 'submit', by: 'staff' }, { day: '2026-04-10', event: 'screen_in', by: 'officer' }] },
  { community: 'xianhu', title: '十项小服务：暑期托管、亲子阅读、长者照护、篮球训练等', category: 'services', theme: 'culture_sports', description: '打包十项小型服务：暑期托管班、亲子阅读会、长者照护探访、青少年篮球训练营等，全年实施。', address: '仙湖社区党群服务中心', costWan: 24, proposerType: 'social_org', beneficiaries: '儿童、长者及家庭', beneficiaryCount: 1200, created: '2026-03-05', steps: [{ day: '2026-03-05', event: 'submit', by: 'staff' }, { day: '2026-04-10', event: 'screen_in', by: 'officer' }] },
  { community: 'xianhu', title: '无主地块人行道、围墙及栏杆修缮', category: 'engineering', theme: 'safety', description: '修复一段无人管理地块上破损的人行道、倾斜围墙和锈蚀栏杆，消除行人安全隐患。', address: '仙湖路 12 号旁无主地块', costWan: 35, proposerType: 'resident', beneficiaries: '沿线居民及行人', beneficiaryCount: 2000, created: '2026-03-08', steps: [{ day: '2026-03-09', event: 'submit', by: 'proposer' }, { day: '2026-04-11', event: 'screen_in', by: 'officer' }] },
  { community: 'xianhu', title: '连廊改造及透水铺装（工期40天）', category: 'engineering', theme: 'environment', description: '改造老旧小区连廊，路面改为透水砖铺装，解决雨天积水，工期约40天。', address: '仙湖社区今日家园小区', costWan: 62, proposerType: 'resident', beneficiaries: '小区居民', beneficiaryCount: 900, created: '2026-03-12', steps: [{ day: '2026-03-12', event: 'submit', by: 'proposer' }, { day: '2026-04-11', event: 'screen_in', by: 'officer' }] },
  { community: 'xianhu', title: '老旧小区管道燃气入户', category: 'engineering', theme: 'convenience', description: '为尚未通管道燃气的老旧小区铺设庭院管网并入户，替代瓶装液化气。', address: '仙湖社区怡景花园', costWan: 95, proposerType: 'resident', beneficiaries: '小区住户', beneficiaryCount: 300, created: '2026-03-15', steps: [{ day: '2026-03-15', event: 'submit', by: 'proposer' }, { day: '2026-04-12', event: 'screen_out', by: 'officer', reason: '该小区已列入区燃气管道入户改造政府投资计划（2027 年实施），按负面清单“已列入政府投资计划的项目不得重复申报”，不予立项。' }] },
  // 笋西社区 — implementation.
  { community: 'sunxi', title: '老旧小区视频监控（天网补点）', category: 'engineering', theme: 'safety', description: '在老旧小区出入口和楼道加装高清摄像头，接入社区综治平台。', address: '笋西社区民新小区', costWan: 28, proposerType: 'resident', beneficiaries: '小区住户', beneficiaryCount: 1100, created: '2026-02-20', steps: [{ day: '2026-02-21', event: 'submit', by: 'proposer' }, { day: '2026-03-20', event: 'screen_in', by: 'officer' }, { day: '2026-05-06', event: 'shortlist', by: 'staff' }, { day: '2026-05-12', event: 'send_to_deliberation', by: 'staff' }, { day: '2026-05-20', event: 'adopt', by: 'staff', reason: '议事会 2026-05-20 会议：应到 7 人，实到 6 人，赞成 6 票，通过。' }, { day: '2026-05-26', event: 'end_notice', by: 'system' }, { day: '2026-06-15', event: 'start_implementation', by: 'staff' }] },
  { community: 'sunxi', title: '社区公共信息公告栏', category: 'goods', theme: 'public_facilities', description: '在小区主要出入口设置三块防雨公告栏，集中张贴公示、通知和民生微实事进度。', address: '笋西社区各小区出入口', costWan: 4.2, proposerType: 'resident', beneficiaries: '社区居民', beneficiaryCount: 5000, created: '2026-02-22', steps: [{ day: '2026-02-22', event: 'submit', by: 'proposer' }, { day: '2026-03-20', event: 'screen_in', by: 'officer' }, { day: '2026-05-06', event: 'shortlist', by: 'staff' }, { day: '2026-05-12', event: 'send_to_deliberation', by: 'staff' }, { day: '2026-05-20', event: 'adopt', by: 'staff', reason: '议事会 2026-05-20 会议：应到 7 人，实到 6 人，赞成 5 票，通过。' }, { day: '2026-05-26', event: 'end_notice', by: 'system' }, { day: '2026-06-10', event: 'start_implementation', by: 'staff' }, { day: '2026-08-30', event: 'pass_acceptance', by: 'staff' }] },
  { community: 'sunxi', title: '楼顶防水补漏', category: 'engineering', theme: 'safety', description: '对 3 栋、5 栋楼顶进行防水层翻新，解决顶层住户漏水。', address: '笋西社区民新小区 3 栋、5 栋', costWan: 22, proposerType: 'resident', beneficiaries: '顶层住户', beneficiaryCount: 24, created: '2026-02-25', steps: [{ day: '2026-02-25', event: 'submit', by: 'proposer' }, { day: '2026-03-21', event: 'screen_in', by: 'officer' }, { day: '2026-05-06', event: 'shortlist', by: 'staff' }, { day: '2026-05-12', event: 'send_to_deliberation', by: 'staff' }, { day: '2026-05-20', event: 'reject', by: 'staff', reason: '议事会 2026-05-20 会议：赞成 2 票，未过半数。楼顶防水属房屋共有部位维修，应使用住宅专项维修资金。' }] },
  { community: 'sunxi', title: '电动自行车集中充电点（委托企业运营）', category: 'goods', theme: 'safety', description: '在小区空地建设两处电动自行车集中充电点，由签约企业运营维护，减少入户充电火灾隐患。', address: '笋西社区笋岗路南侧空地', costWan: 15, proposerType: 'residents_committee', beneficiaries: '电动自行车车主', beneficiaryCount: 600, created: '2026-03-01', steps: [{ day: '2026-03-01', event: 'submit', by: 'staff' }, { day: '2026-03-22', event: 'screen_in', by: 'officer' }, { day: '2026-05-06', event: 'shortlist', by: 'staff' }, { day: '2026-11-16', event: 'send_to_deliberation', by: 'staff' }, { day: '2026-11-18', event: 'adopt', by: 'staff', reason: '议事会 2026-11-18 会议：应到 7 人，实到 7 人，赞成 6 票，通过。' }] },
];

export async function isEmpty(ctx: AppContext): Promise<boolean> {
  const r = await ctx.database.db.select({ n: sql<number>`count(*)` }).from(districts);
  return (r[0]?.n ?? 0) === 0;
}

/** Seed the demo data if (and only if) the database has no districts yet. Returns whether it seeded. */
export async function seedDemo(ctx: AppContext): Promise<boolean> {
  if (!(await isEmpty(ctx))) return false;
  const at = (day: string) => new Date(`${day}T10:00:00+08:00`);
  const system: AuditActor = { accountId: null, role: 'system', name: '系统（示例数据）' };
  const t0 = at('2026-01-05');

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
    await appendAudit(tx, { actor: system, action: 'places.created', subjectType: 'district', subjectId: place.district.id, after: { district: place.district.nameZh, streets: place.streets.map((s) => s.nameZh), communities: place.communities.map((c) => c.nameZh) }, at: t0 });
  });

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
    { id: 'cy-lianhua-2026', communityId: 'c-lianhua', slug: 'lianhua', open: 'collection' as const, plan: [['collection', '2026-11-01', '2026-12-15'], ['screening', '2026-12-16', '2026-12-31']] },
    { id: 'cy-xianhu-2026', communityId: 'c-xianhu', slug: 'xianhu', open: 'resident_vote' as const, plan: [['collection', '2026-03-01', '2026-03-31'], ['screening', '2026-04-01', '2026-04-20'], ['resident_vote', '2026-11-15', '2026-11-30'], ['deliberation', '2026-12-01', '2026-12-15']] },
    { id: 'cy-sunxi-2026', communityId: 'c-sunxi', slug: 'sunxi', open: 'implementation' as const, plan: [['collection', '2026-02-15', '2026-03-10'], ['screening', '2026-03-11', '2026-03-25'], ['resident_vote', '2026-04-25', '2026-05-05'], ['deliberation', '2026-05-10', '2026-05-20'], ['public_notice', '2026-05-21', '2026-05-26'], ['implementation', '2026-06-01', '2026-12-31']] },
  ];
  const names: Record<string, string> = { lianhua: '莲花社区', xianhu: '仙湖社区', sunxi: '笋西社区' };
  const namesEn: Record<string, string> = { lianhua: 'Lianhua', xianhu: 'Xianhu', sunxi: 'Sunxi' };
  await ctx.database.write(async (tx) => {
    for (const cy of cycleDefs) {
      await tx.insert(cycles).values({ id: cy.id, communityId: cy.communityId, year: 2026, rulebookId: rb.id, titleZh: `${names[cy.slug]} 2026 年度民生微实事`, titleEn: `${namesEn[cy.slug]} micro-projects 2026`, budgetFen: 200 * WAN, openPhase: cy.open, createdAt: t0 });
      for (const [phase, startsOn, endsOn] of cy.plan) {
        await tx.insert(cyclePhases).values({ id: `${cy.id}-${phase}`, cycleId: cy.id, phase: phase as 'collection', startsOn, endsOn });
      }
      await appendAudit(tx, { actor: system, action: 'cycle.created', subjectType: 'cycle', subjectId: cy.id, after: { year: 2026, openPhase: cy.open, budgetFen: 200 * WAN }, at: t0 });
    }
  });

  // Projects, replayed in date order so the audit log reads chronologically.
  const staffOf = { lianhua: 'staff_lt', xianhu: 'staff_xh', sunxi: 'staff_sx' } as const;
  const residentOf = { lianhua: 'resident_lt', xianhu: 'resident_xh', sunxi: 'resident_sx' } as const;
  const created = new Map<DemoProject, string>();
  type Item = { day: string; p: DemoProject; step?: Step };
  const timeline: Item[] = PROJECTS.flatMap((p) => [{ day: p.created, p }, ...p.steps.map((s) => ({ day: s.day, p, step: s }))]);
  timeline.sort((a, b) => a.day.localeCompare(b.day));
  for (const item of timeline) {
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
  }
  return true;
}
