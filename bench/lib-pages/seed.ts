/**
 * @module Bench-only data: a fresh database with the demo data, then 莲花社区's
 * 2026 cycle (cy-lianhua-2026, collecting proposals) scaled up to 1,000
 * submitted projects. Projects go through the same services as real use
 * (createProject, then the `submit` event by the proposing resident, or by
 * staff for a paper proposal), so each one has its
 * code, its audit entries and its place in the hash chain — the project,
 * list, community and audit pages read what they would read in a large cycle.
 *
 * The e2e fixtures are not loaded: this is the demo as `npm start` shows it,
 * only bigger.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { projects } from '#db/schema.ts';
import { WAN } from '#db/seed.ts';
import type { AppContext } from '#server/context.ts';
import type { Person } from '#domain/permissions.ts';

export const BENCH_CYCLE = 'cy-lianhua-2026';
export const BENCH_COMMUNITY = 'lianhua';
export const BENCH_PROJECTS = 1000;

const PLACES = ['1栋', '2栋', '3栋', '5栋', '7栋', '莲花北路', '社区广场', '长者服务站', '社区公园', '篮球场', '菜市场旁', '幼儿园门口'];
const WHAT: { title: string; category: 'engineering' | 'goods' | 'services'; theme: string; maxWan: number }[] = [
  { title: '楼道照明改造', category: 'engineering', theme: 'safety', maxWan: 30 },
  { title: '无障碍坡道及扶手', category: 'engineering', theme: 'public_facilities', maxWan: 60 },
  { title: '雨污管网疏通', category: 'engineering', theme: 'environment', maxWan: 80 },
  { title: '休闲座椅更新', category: 'goods', theme: 'public_facilities', maxWan: 10 },
  { title: '健身器材更新', category: 'goods', theme: 'culture_sports', maxWan: 25 },
  { title: '消防器材补充', category: 'goods', theme: 'safety', maxWan: 15 },
  { title: '长者助餐服务', category: 'services', theme: 'care', maxWan: 40 },
  { title: '四点半课堂', category: 'services', theme: 'care', maxWan: 20 },
  { title: '垃圾分类督导', category: 'services', theme: 'environment', maxWan: 12 },
  { title: '便民维修服务日', category: 'services', theme: 'convenience', maxWan: 8 },
];

/**
 * Who proposes: one in ten online, by the residents of 莲花 in the demo data in
 * turn (so a resident's own list stays the size a real one would be); the rest
 * are paper proposals (问需表) that staff type in, as most are in a large cycle.
 */
const RESIDENTS = ['resident_lt', 'council_lt', ...Array.from({ length: 6 }, (_, i) => `council_lianhua_${i + 1}`)];
const STAFF = 'staff_lt';

/** A fresh database file with the demo data and the 1,000-project cycle; returns its URL. */
export async function seedBenchDatabase(file: string): Promise<string> {
  mkdirSync(dirname(file), { recursive: true });
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  const url = `file:${resolve(file)}`;
  process.env.DATABASE_URL = url;
  process.env.SEED_DEMO = '1';
  const { env } = await import('#server/env.ts');
  const { createContext } = await import('#server/context.ts');
  const { seedDemo } = await import('#services/demo-seed.ts');
  const ctx = await createContext(env());
  await seedDemo(ctx);
  await scaleCycle(ctx, BENCH_CYCLE, BENCH_PROJECTS);
  ctx.database.close();
  return url;
}

/** Add submitted proposals to a collecting cycle until it holds `total` projects. */
export async function scaleCycle(ctx: AppContext, cycleId: string, total: number): Promise<void> {
  const { createProject, applyProjectEvent } = await import('#services/projects.ts');
  const have = await ctx.database.db.select({ n: sql<number>`count(*)` }).from(projects).where(sql`${projects.cycleId} = ${cycleId}`);
  const missing = total - (have[0]?.n ?? 0);
  const accounts = await ctx.database.db.all<{ id: string; username: string; display_name: string }>(sql`select id, username, display_name from accounts`);
  const byName = new Map(accounts.map((a) => [a.username, a]));
  // Spread over the collection phase, oldest first, ending a minute ago.
  const end = ctx.now().getTime() - 60_000;
  const start = end - 20 * 24 * 3600_000;
  for (let i = 0; i < missing; i++) {
    const what = WHAT[i % WHAT.length]!;
    const where = PLACES[(i * 7) % PLACES.length]!;
    const online = i % 10 === 0;
    const username = online ? RESIDENTS[(i / 10) % RESIDENTS.length]! : STAFF;
    const account = byName.get(username);
    if (!account) throw new Error(`bench seed: no demo account ${username}`);
    const accountId = account.id;
    const role = online ? ('resident' as const) : ('staff' as const);
    const person: Person = { accountId, assignments: [{ role, scope: { kind: 'community', id: 'c-lianhua' } }] };
    // Residents appear as 居民 in the audit log; staff by name.
    const auditActor = { accountId, role, name: online ? '居民' : account.display_name };
    const at = new Date(start + Math.floor(((end - start) * i) / missing));
    const costWan = 1 + ((i * 37) % (what.maxWan * 10)) / 10;
    const r = await createProject(
      ctx.database,
      {
        cycleId,
        title: `${where}${what.title}（第 ${i + 1} 号）`,
        category: what.category,
        theme: what.theme,
        description: `（压测数据）居民建议在${where}开展“${what.title}”。目前设施老旧、使用不便，老人和孩子意见较多；建议由社区统一采购或委托有资质的单位实施，完工后由居民议事会组织验收，并在公告栏公示费用明细。`,
        address: `莲花社区${where}`,
        proposerType: online ? 'resident' : 'paper',
        proposerAccountId: online ? accountId : null,
        estimatedCostFen: Math.round(costWan * WAN),
        beneficiaries: '周边居民',
        beneficiaryCount: 50 + ((i * 13) % 900),
      },
      auditActor,
      at,
    );
    if (!r.ok) throw new Error(`bench seed: cannot create project ${i + 1}: ${r.code}`);
    const s = await applyProjectEvent(ctx.database, { projectId: r.id, event: 'submit' }, person, auditActor, at);
    if (!s.ok) throw new Error(`bench seed: cannot submit project ${i + 1}: ${s.code}`);
  }
}
