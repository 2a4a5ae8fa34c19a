/**
 * @module A project's row with where it stands: its street, district, the
 * rulebook of its cycle and the cycle's open phase, by id or public code
 * (drafts included: callers decide who may see one).
 */
import { eq } from 'drizzle-orm';
import { communities, cycles, districts, projects, streets } from '#db/schema.ts';
import type { Db, Tx } from '#db/client.ts';

export async function projectRowWithPlace(db: Db | Tx, where: { id: string } | { code: string }) {
  const rows = await db
    .select({ p: projects, streetId: streets.id, districtId: districts.id, rulebookId: cycles.rulebookId, openPhase: cycles.openPhase })
    .from(projects)
    .innerJoin(cycles, eq(cycles.id, projects.cycleId))
    .innerJoin(communities, eq(communities.id, projects.communityId))
    .innerJoin(streets, eq(streets.id, communities.streetId))
    .innerJoin(districts, eq(districts.id, streets.districtId))
    .where('id' in where ? eq(projects.id, where.id) : eq(projects.code, where.code))
    .limit(1);
  return rows[0];
}
