import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'libsql';
import { generateCity, STAGES, type CityCounts } from './city.ts';
import { openDatabase } from './client.ts';
import { verifyAuditLog } from '../server/services/audit.ts';
import { PROJECT_STATES } from '../server/domain/project-states.ts';

type Conn = { prepare(sql: string): { all(...a: unknown[]): Record<string, unknown>[]; get(...a: unknown[]): Record<string, unknown> }; close(): void };
const dir = mkdtempSync(join(tmpdir(), 'wss-city-'));
const SIZE = { communities: STAGES.length, years: 3 };
let a: Conn;
let counts: CityCounts;

/** SHA-256 of every row of every table, table by table, in rowid order. */
function tableHashes(file: string): Record<string, string> {
  const c = new Database(file) as unknown as Conn;
  try {
    const tables = c.prepare("select name from sqlite_master where type = 'table' order by name").all().map((r) => String(r.name));
    return Object.fromEntries(tables.map((t) => [t, createHash('sha256').update(JSON.stringify(c.prepare(`select * from "${t}" order by rowid`).all())).digest('hex')]));
  } finally {
    c.close();
  }
}
const one = (sql: string, ...args: unknown[]) => Number(Object.values(a.prepare(sql).get(...args))[0]);

beforeAll(async () => {
  counts = await generateCity(join(dir, 'a.db'), { ...SIZE, seed: 7 });
  await generateCity(join(dir, 'b.db'), { ...SIZE, seed: 7 });
  await generateCity(join(dir, 'c.db'), { ...SIZE, seed: 8 });
  a = new Database(join(dir, 'a.db')) as unknown as Conn;
}, 60_000);
afterAll(() => {
  a?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the generated city', () => {
  it('is the same, table by table and row by row, for the same seed, and different for another seed', () => {
    const first = tableHashes(join(dir, 'a.db'));
    expect(Object.keys(first)).toContain('audit_log');
    expect(tableHashes(join(dir, 'b.db'))).toEqual(first);
    const other = tableHashes(join(dir, 'c.db'));
    expect(other.ballots).not.toBe(first.ballots);
    expect(other.audit_log).not.toBe(first.audit_log);
  });

  it('has an audit chain that verifies, one entry per ballot among them', async () => {
    const database = await openDatabase(`file:${join(dir, 'a.db')}`);
    try {
      const r = await verifyAuditLog(database);
      expect(r).toMatchObject({ ok: true, count: counts.audit });
    } finally {
      database.close();
    }
    expect(one("select count(*) from audit_log where action in ('ballot.cast', 'paper_ballot.entered')")).toBe(counts.ballots);
    expect(one("select count(*) from audit_log where action = 'project.created'")).toBe(counts.projects);
  });

  it('has projects in every state of the machine, and one cycle per community and year', () => {
    const states = a.prepare('select distinct state from projects').all().map((r) => r.state);
    expect([...states].sort()).toEqual([...PROJECT_STATES].sort());
    expect(one('select count(*) from cycles')).toBe(SIZE.communities * SIZE.years);
    expect(one('select count(*) from (select community_id, year from cycles group by 1, 2 having count(*) > 1)')).toBe(0);
    // The current year's cycles stand in every stage.
    expect(one("select count(distinct open_phase) from cycles where open_phase != 'closed'")).toBe(STAGES.length);
  });

  it('adds up: registers, ballots within them, money within agreements', () => {
    expect(one('select count(*) from register_entries')).toBe(counts.residents);
    expect(one('select min(n) from (select count(*) n from register_entries group by community_id)')).toBeGreaterThanOrEqual(750);
    expect(one('select max(n) from (select count(*) n from register_entries group by community_id)')).toBeLessThanOrEqual(1750);
    // At most one ballot per register entry and cycle, each from the cycle's own community.
    expect(one('select count(*) from (select 1 from ballots group by cycle_id, register_entry_id having count(*) > 1)')).toBe(0);
    expect(one('select count(*) from ballots b join cycles cy on cy.id = b.cycle_id join register_entries r on r.id = b.register_entry_id where r.community_id != cy.community_id')).toBe(0);
    expect(one('select count(*) from ballots')).toBe(counts.ballots);
    expect(counts.ballots).toBeLessThan(counts.residents * SIZE.years);
    // A project's votes are the ballots that chose it.
    const p = a.prepare("select id, resident_votes from projects where resident_votes > 0 order by id limit 1").get();
    expect(one('select count(*) from ballots where content like ?', `%"${String(p.id)}"%`)).toBe(Number(p.resident_votes));
    // Agreements exactly for the projects past approval; payments never above the agreed amount.
    expect(one("select count(*) from projects p left join agreements a on a.project_id = p.id where (a.id is null) = (p.state in ('in_progress', 'accepted', 'acceptance_failed', 'evaluated', 'audited', 'archived'))")).toBe(0);
    expect(one('select count(*) from (select p.project_id from payments p join agreements a on a.project_id = p.project_id group by p.project_id having sum(p.amount_fen) > max(a.agreed_amount_fen))')).toBe(0);
    // Within its budget: what a cycle's council adopted fits the cycle's budget.
    expect(one("select count(*) from (select cy.id from cycles cy join projects p on p.cycle_id = cy.id where p.state in ('approved', 'in_progress', 'accepted', 'acceptance_failed', 'evaluated', 'audited', 'archived') group by cy.id having sum(p.estimated_cost_fen) > max(cy.budget_fen))")).toBe(0);
    expect(one('select count(*) from meetings')).toBe(counts.meetings);
    expect(one('select count(*) from council_votes')).toBeGreaterThan(0);
    expect(one('select count(*) from comments')).toBeGreaterThan(0);
    expect(one('select count(*) from ratings')).toBeGreaterThan(0);
    expect(one('select count(*) from progress_reports')).toBeGreaterThan(0);
  });
});
