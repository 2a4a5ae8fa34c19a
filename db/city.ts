/**
 * @module A whole city, generated (issue 18): 10 districts, 8 streets each,
 * 10 communities a street, one cycle per community and year, ~40 projects a
 * cycle through every state of the machine, with screening, ballots, council
 * meetings and votes, public notices, agreements, progress, payments,
 * acceptance, ratings, comments, audit findings — and the hash-chained audit
 * log of all of it, written in order as it happens.
 *
 * Deterministic: everything (ids, codes, times, receipts) comes from the
 * seed through mulberry32 and counters; no clock, no random ids. Same seed
 * and size, same rows.
 *
 * It is a tool, not the service path: rows go in through prepared statements
 * on one synchronous libsql connection, a transaction per year, the audit
 * entries hashed here exactly as server/domain/audit-chain.ts hashes them
 * (node:crypto's SHA-256 for speed; `audit:verify` recomputes with the
 * domain's). The schema comes from the real migrations (migrateDatabase), so
 * the file opens with the server.
 *
 * Used by `npm run city:generate` (scripts/city-generate.ts) and
 * `npm run bench:stats`.
 */
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import Database from 'libsql';
import { openDatabase, migrateDatabase } from './client.ts';
import { MARK_ALL, RECOUNT } from './stats-cells.ts';
import { canonicalJson, GENESIS_HASH } from '../server/domain/audit-chain.ts';
import { DEFAULT_RULEBOOK_SETTINGS } from '../server/domain/rulebook.ts';
import { formatProjectCode } from '../server/domain/project-code.ts';
import type { ProjectState } from '../server/domain/project-states.ts';
import { Rng, SURNAMES, GIVEN, IDEAS, ESTATES, CONTRACTORS, SUPPLIERS, SOCIAL_ORGS, FIRM_PREFIX, COMMENTS, SCREEN_OUT, WITHDRAW, FAIL_NOTES, FINDINGS } from './demo-history.ts';

export type CityOptions = { communities?: number; years?: number; seed?: number; log?: (s: string) => void };
export type CityCounts = Record<'districts' | 'streets' | 'communities' | 'cycles' | 'projects' | 'residents' | 'ballots' | 'meetings' | 'audit', number>;

/** The last year of the city; its cycles stand in every phase (the others are closed). */
export const CITY_YEAR = 2026;
const WAN = 1_000_000;
const RESIDENTS_PER_COMMUNITY = 1250;
const PROJECTS_PER_CYCLE = 40;
const COUNCIL = 7;
/** Stages of a cycle in order; the current year's cycles have reached one of the first eight. */
export const STAGES = ['collection', 'screening', 'resident_vote', 'deliberation', 'public_notice', 'implementation', 'acceptance', 'audit'] as const;
type Stage = (typeof STAGES)[number];
const PHASE_DATES: Record<Stage | 'closed', [string, string]> = {
  collection: ['03-01', '03-31'],
  screening: ['04-01', '04-15'],
  resident_vote: ['04-16', '04-30'],
  deliberation: ['05-01', '05-15'],
  public_notice: ['05-16', '05-25'],
  implementation: ['05-26', '10-31'],
  acceptance: ['11-01', '11-30'],
  audit: ['12-01', '12-31'],
  closed: ['12-31', '12-31'],
};
const DISTRICTS: [code: string, zh: string, en: string][] = [
  ['FT', '福田区', 'Futian'], ['LH', '罗湖区', 'Luohu'], ['NS', '南山区', 'Nanshan'], ['YT', '盐田区', 'Yantian'], ['BA', '宝安区', "Bao'an"],
  ['LG', '龙岗区', 'Longgang'], ['LHQ', '龙华区', 'Longhua'], ['PS', '坪山区', 'Pingshan'], ['GM', '光明区', 'Guangming'], ['DP', '大鹏新区', 'Dapeng'],
];
const NAME_PARTS = '安宝碧翠丹东凤福富广海和红虹华金锦景康兰乐丽莲林岭龙明南鹏平清泉瑞沙山松桃天田同湾文西霞祥新秀旭阳怡银盈玉园月云振';
const RECEIPT = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Upper-case letters for place codes (codes are letters only: server/domain/project-code.ts). */
function letters(i: number, width: number): string {
  let s = '';
  for (let k = 0; k < width; k++, i = Math.floor(i / 26)) s = String.fromCharCode(65 + (i % 26)) + s;
  return s;
}
/** Five receipt symbols counting up: unique for the first 31^5 (28 million) ballots. */
function base31(n: number): string {
  let s = '';
  for (let k = 0; k < 5; k++, n = Math.floor(n / 31)) s = RECEIPT[n % 31] + s;
  return s;
}
const day = (y: number, md: string) => Date.parse(`${y}-${md}T01:00:00Z`); // 09:00 China time

type Project = {
  id: string; code: string; cycleId: string; community: number; title: string; category: string; theme: string; description: string; address: string;
  proposerType: string; proposerAccountId: string | null; costFen: number; agreedFen: number | null; beneficiaries: string; beneficiaryCount: number;
  state: ProjectState; reason: string | null; votes: number | null; createdAt: number; updatedAt: number; popularity: number;
};

/** Write a generated city into a new database file (removed first if it exists). */
export async function generateCity(file: string, opts: CityOptions = {}): Promise<CityCounts> {
  const C = Math.max(1, opts.communities ?? 800);
  const Y = Math.max(1, opts.years ?? 5);
  const seed = opts.seed ?? 1;
  const log = opts.log ?? (() => {});
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  const migrated = await openDatabase(`file:${file}`);
  await migrateDatabase(migrated);
  migrated.close();

  const db = new Database(file, { timeout: 10_000 }) as unknown as { prepare(sql: string): { run(...a: unknown[]): unknown; all(...a: unknown[]): unknown[] }; exec(sql: string): void; close(): void };
  db.exec('PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA cache_size=-200000');
  // The kept statistics' triggers (db/stats-cells.ts) are set aside while the rows go in, and every community is counted once at the end.
  const statsTriggers = db.prepare("select name, sql from sqlite_master where type = 'trigger' and name like 'stats\\_%' escape '\\'").all() as { name: string; sql: string }[];
  for (const t of statsTriggers) db.exec(`drop trigger ${t.name}`);
  const stmts = new Map<string, { run(...a: unknown[]): unknown }>();
  /** Insert a row: `put('table', {col: value})`; statements prepared once per table and column set. */
  const put = (table: string, row: Record<string, unknown>) => {
    const cols = Object.keys(row);
    const key = `${table}(${cols})`;
    let s = stmts.get(key);
    if (!s) stmts.set(key, (s = db.prepare(`insert into ${table} (${cols.join(',')}) values (${cols.map(() => '?').join(',')})`)));
    s.run(...cols.map((c) => (typeof row[c] === 'boolean' ? (row[c] ? 1 : 0) : row[c])));
  };
  const rng = new Rng(seed);
  const counts: CityCounts = { districts: 0, streets: 0, communities: 0, cycles: 0, projects: 0, residents: 0, ballots: 0, meetings: 0, audit: 0 };

  // --- the audit chain, written as things happen -------------------------------------------
  let seq = 0;
  let prev = GENESIS_HASH;
  let clock = 0;
  const auditStmt = db.prepare('insert into audit_log (seq, at, actor_account_id, actor_role, actor_name, action, subject_type, subject_id, before, after, reason, prev_hash, hash) values (?,?,?,?,?,?,?,?,?,?,?,?,?)');
  /** Move the clock to the start of a stage (never backwards). */
  const at = (t: number) => (clock = Math.max(clock, t));
  function audit(actor: { id: string | null; role: string; name: string }, action: string, subjectType: string, subjectId: string, before: unknown, after: unknown, reason: string | null = null) {
    clock += 1000 + Math.floor(rng.next() * 4000);
    seq++;
    const e = {
      seq, at: new Date(clock).toISOString(), actorRole: actor.role, actorName: actor.role === 'resident' ? '居民' : actor.name, action, subjectType, subjectId,
      before: before == null ? null : canonicalJson(before), after: after == null ? null : canonicalJson(after), reason,
    };
    const hash = createHash('sha256').update(`${canonicalJson(e)}\n${prev}`).digest('hex');
    auditStmt.run(seq, e.at, actor.id, e.actorRole, e.actorName, action, subjectType, subjectId, e.before, e.after, reason, prev, hash);
    prev = hash;
    counts.audit++;
    return clock;
  }
  const SYSTEM = { id: null, role: 'system', name: '系统' };
  const person = () => rng.pick(SURNAMES) + rng.pick(GIVEN);

  // --- places and people ------------------------------------------------------------------
  const firstYear = CITY_YEAR - Y + 1;
  const t0 = day(firstYear - 1, '12-01');
  at(t0);
  const S = Math.max(1, Math.round(C / 10));
  const D = Math.min(DISTRICTS.length, Math.max(1, Math.round(S / 8)));
  db.exec('BEGIN');
  const officers: { id: string; role: string; name: string }[] = [];
  const auditors: { id: string; role: string; name: string }[] = [];
  const account = (id: string, username: string, displayName: string, createdAt: number) =>
    put('accounts', { id, username, password_hash: '!generated', display_name: displayName, locale: 'zh-CN', is_demo: 0, created_at: createdAt });
  const grant = (accountId: string, role: string, scopeKind: string, scopeId: string, n: number) =>
    put('role_assignments', { id: `${accountId}-g${n}`, account_id: accountId, role, scope_kind: scopeKind, scope_id: scopeId, granted_at: clock, granted_by: 'city' });
  for (let d = 0; d < D; d++) {
    const [code, zh, en] = DISTRICTS[d]!;
    put('districts', { id: `d${d}`, code, name_zh: zh, name_en: `${en} District` });
    const o = { id: `acct-do-${d}`, role: 'officer', name: person() };
    const a = { id: `acct-au-${d}`, role: 'auditor', name: person() };
    account(o.id, `officer_${code.toLowerCase()}`, o.name, clock);
    account(a.id, `auditor_${code.toLowerCase()}`, a.name, clock);
    grant(o.id, 'officer', 'district', `d${d}`, 0);
    grant(a.id, 'auditor', 'district', `d${d}`, 0);
    officers.push(o);
    auditors.push(a);
    audit(SYSTEM, 'places.created', 'district', `d${d}`, null, { code, nameZh: zh });
  }
  const streetCode = (s: number) => `J${letters(s, 2)}`;
  for (let s = 0; s < S; s++) {
    const zh = `${NAME_PARTS[(s * 7) % NAME_PARTS.length]}${NAME_PARTS[(s * 13 + 5) % NAME_PARTS.length]}街道`;
    put('streets', { id: `s${s}`, district_id: `d${s % D}`, code: streetCode(s), name_zh: zh, name_en: `Street ${s + 1}` });
    const o = `acct-so-${s}`;
    account(o, `street_${streetCode(s).toLowerCase()}`, person(), clock);
    grant(o, 'officer', 'street', `s${s}`, 0);
    audit(SYSTEM, 'places.created', 'street', `s${s}`, null, { code: streetCode(s), nameZh: zh });
  }
  counts.districts = D;
  counts.streets = S;

  type Community = { i: number; id: string; code: string; street: number; district: number; register: number; staff: { id: string; role: string; name: string }; council: { id: string; role: string; name: string }[]; residents: string[] };
  const communities: Community[] = [];
  for (let i = 0; i < C; i++) {
    const street = i % S;
    const code = `S${letters(i, 3)}`;
    const id = `c${i}`;
    const zh = `${NAME_PARTS[(i * 11) % NAME_PARTS.length]}${NAME_PARTS[(i * 17 + 3) % NAME_PARTS.length]}社区`;
    put('communities', { id, street_id: `s${street}`, code, slug: code.toLowerCase(), name_zh: zh, name_en: `Community ${i + 1}`, description_zh: `${zh}（生成的城市数据）`, description_en: '' });
    const staff = { id: `acct-st-${i}`, role: 'staff', name: person() };
    account(staff.id, `staff_${code.toLowerCase()}`, staff.name, clock);
    grant(staff.id, 'staff', 'community', id, 0);
    const council = Array.from({ length: COUNCIL }, (_, k) => ({ id: `acct-cm-${i}-${k}`, role: 'council_member', name: person() }));
    for (const [k, m] of council.entries()) {
      account(m.id, `council_${code.toLowerCase()}_${k + 1}`, m.name, clock);
      grant(m.id, 'council_member', 'community', id, 0);
      put('council_terms', { id: `term-${i}-${k}`, community_id: id, account_id: m.id, role: k === 0 ? 'chair' : 'member', starts_on: `${firstYear - 1}-12-01`, ends_on: null, created_at: clock, created_by: staff.id });
    }
    audit(staff, 'council.term_added', 'community', id, null, { members: council.map((m) => m.name) });
    // Registers average 1,250 people (±40 %); a quarter of them have signed up and claimed their entry.
    const register = Math.round(RESIDENTS_PER_COMMUNITY * (0.6 + 0.8 * rng.next()));
    const residents: string[] = [];
    for (let k = 0; k < register; k++) {
      const claimed = k % 4 === 0;
      const acct = claimed ? `acct-r-${i}-${k}` : null;
      if (acct) {
        account(acct, `r_${code.toLowerCase()}_${k}`, person(), clock);
        grant(acct, 'resident', 'community', id, 0);
        residents.push(acct);
      }
      const v = `${letters(i, 3)}${letters(k, 3)}${RECEIPT[Math.floor(rng.next() * 31)]}${RECEIPT[Math.floor(rng.next() * 31)]}`;
      put('register_entries', {
        id: `r-${i}-${k}`, community_id: id, register_no: String(k + 1).padStart(5, '0'), name: person(), address: `${rng.int(1, 30)}栋${rng.int(1, 30)}0${rng.int(1, 6)}室`,
        verification_code: `${v.slice(0, 4)}-${v.slice(4)}`, claimed_by_account_id: acct, claimed_at: acct ? clock : null, imported_at: clock, imported_by: staff.id,
      });
    }
    audit(staff, 'register.imported', 'community', id, null, { entries: register });
    counts.residents += register;
    communities.push({ i, id, code, street, district: street % D, register, staff, council, residents });
  }
  counts.communities = C;
  db.exec('COMMIT');
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  log(`places and people: ${C} communities, ${counts.residents} residents`);

  // --- the years ---------------------------------------------------------------------------
  const s = DEFAULT_RULEBOOK_SETTINGS;
  const { method, ...voteParams } = s.vote;
  for (let year = firstYear; year <= CITY_YEAR; year++) {
    db.exec('BEGIN');
    const current = year === CITY_YEAR;
    // The current year's cycles stand in every stage, one in eight each (a permutation of 0..7 by index).
    const reached = (c: Community): number => (current ? (c.i * 3 + 2) % STAGES.length : STAGES.length);
    at(day(year, '01-10'));
    for (let d = 0; d < D; d++) {
      put('rulebooks', {
        id: `rb-d${d}-${year}`, district_id: `d${d}`, year, version: 1, community_budget_fen: s.communityBudgetFen, quorum_num: s.quorum.num, quorum_den: s.quorum.den,
        pass_num: s.passThreshold.num, pass_den: s.passThreshold.den, notice_days: s.noticeDays, vote_method: method, vote_params: JSON.stringify(voteParams),
        result_rule: s.resultRule, categories: JSON.stringify(s.categories), themes: JSON.stringify(s.themes), negative_list: JSON.stringify(s.negativeList), created_at: clock, created_by: officers[d]!.id,
      });
      audit(officers[d]!, 'rulebook.version_added', 'rulebook', `rb-d${d}-${year}`, null, { districtId: `d${d}`, year, version: 1 });
    }
    const cycleOf = (c: Community) => `cy-${c.i}-${year}`;
    for (const c of communities) {
      const stage = reached(c);
      put('cycles', {
        id: cycleOf(c), community_id: c.id, year, rulebook_id: `rb-d${c.district}-${year}`, title_zh: `${year}年度民生微实事`, title_en: `${year} micro-projects`,
        budget_fen: s.communityBudgetFen, open_phase: current ? STAGES[stage] : 'closed', next_seq: PROJECTS_PER_CYCLE + 1, created_at: clock,
      });
      for (const phase of [...STAGES, 'closed'] as const) {
        const [from, to] = PHASE_DATES[phase];
        put('cycle_phases', { id: `${cycleOf(c)}-${phase}`, cycle_id: cycleOf(c), phase, starts_on: `${year}-${from}`, ends_on: `${year}-${to}` });
      }
      audit(SYSTEM, 'cycle.created', 'cycle', cycleOf(c), null, { year, budgetFen: s.communityBudgetFen });
      counts.cycles++;
    }
    const projects: Project[][] = communities.map(() => []);
    const step = (p: Project, actor: { id: string | null; role: string; name: string }, event: string, to: ProjectState, reason: string | null = null, extra?: Record<string, unknown>) => {
      const from = p.state;
      p.state = to;
      p.reason = reason ?? p.reason;
      p.updatedAt = audit(actor, `project.${event}`, 'project', p.id, { state: from }, { state: to, ...extra }, reason);
    };
    const phaseOpened = (c: Community, phase: string) => audit(c.staff, 'cycle.phase_opened', 'cycle', cycleOf(c), null, { phase });

    for (const [si, stage] of STAGES.entries()) {
      at(day(year, PHASE_DATES[stage][0]));
      for (const c of communities) {
        const r = reached(c);
        if (r < si) continue;
        const done = r > si; // this stage is over for the community (else it is the open one)
        const ps = projects[c.i]!;
        const live = (...states: ProjectState[]) => ps.filter((p) => states.includes(p.state));
        phaseOpened(c, stage);
        if (stage === 'collection') {
          const n = Math.round(PROJECTS_PER_CYCLE * (0.7 + 0.6 * rng.next()));
          const street = streetCode(c.street);
          for (let k = 0; k < n; k++) {
            const idea = rng.pick(IDEAS);
            const online = rng.chance(0.35) && c.residents.length > 0;
            const proposer = online ? rng.pick(c.residents) : null;
            const p: Project = {
              id: `p-${c.i}-${year}-${k + 1}`, code: formatProjectCode(street, c.code, year, k + 1), cycleId: cycleOf(c), community: c.i,
              title: `${rng.pick(ESTATES)}${idea.title}`, category: idea.category, theme: idea.theme, description: idea.description, address: `${rng.pick(ESTATES)}${rng.int(1, 20)}栋`,
              proposerType: online ? 'resident' : rng.pick(['paper', 'paper', 'workstation', 'residents_committee', 'social_org']), proposerAccountId: proposer,
              costFen: Math.round((idea.min + (idea.max - idea.min) * rng.next()) * 10) * (WAN / 10), agreedFen: null, beneficiaries: idea.beneficiaries,
              beneficiaryCount: rng.int(30, 2000), state: 'draft', reason: null, votes: null, createdAt: 0, updatedAt: 0, popularity: rng.next() ** 2,
            };
            const who = online ? { id: proposer, role: 'resident', name: '居民' } : c.staff;
            p.createdAt = p.updatedAt = audit(who, 'project.created', 'project', p.id, null, { code: p.code, state: 'draft', proposerType: p.proposerType });
            ps.push(p);
            if (!done && rng.chance(0.3)) continue; // still a draft
            step(p, who, 'submit', 'submitted', null, { title: p.title, estimatedCostFen: p.costFen });
            for (let m = rng.int(0, 3); m > 0 && c.residents.length; m--) {
              const author = rng.pick(c.residents);
              const t = audit({ id: author, role: 'resident', name: '居民' }, 'comment.added', 'project', p.id, null, null);
              put('comments', { id: `cm-${p.id}-${m}`, project_id: p.id, author_account_id: author, body: rng.pick(COMMENTS), created_at: t });
            }
          }
        } else if (stage === 'screening') {
          for (const p of live('submitted')) {
            if (!done && rng.chance(0.5)) continue;
            if (rng.chance(0.04)) step(p, c.staff, 'withdraw', 'withdrawn', rng.pick(WITHDRAW));
            else if (rng.chance(0.12)) step(p, officers[c.district]!, 'screen_out', 'screened_out', rng.pick(SCREEN_OUT));
            else step(p, c.staff, 'screen_in', 'screened_in');
          }
        } else if (stage === 'resident_vote') {
          const onBallot = live('screened_in');
          if (onBallot.length === 0) continue;
          // Turnout 10–30 % of the register (current-year open votes: about half of that so far).
          const turnout = (0.1 + 0.2 * rng.next()) * (done ? 1 : 0.5);
          const voters = rng.sample(c.register, Math.round(c.register * turnout)).sort((a, b) => a - b);
          const votes = new Map<string, number>();
          const weights = onBallot.map((p) => [p, 0.2 + p.popularity] as const);
          for (const k of voters) {
            const chosen = new Set<Project>();
            for (let n = rng.int(1, Math.min(5, onBallot.length)); chosen.size < n; ) chosen.add(rng.weighted(weights));
            const ids = [...chosen].map((p) => p.id).sort();
            for (const id of ids) votes.set(id, (votes.get(id) ?? 0) + 1);
            const online = k % 4 === 0; // claimed entries vote online, the rest on paper at the service station
            const acct = online ? `acct-r-${c.i}-${k}` : null;
            const n = ++counts.ballots;
            const receipt = `${base31(n)}-${Array.from({ length: 5 }, () => RECEIPT[Math.floor(rng.next() * 31)]).join('')}`;
            const t = online
              ? audit({ id: acct, role: 'resident', name: '居民' }, 'ballot.cast', 'cycle', cycleOf(c), null, { channel: 'online' })
              : audit(c.staff, 'paper_ballot.entered', 'cycle', cycleOf(c), null, { paperSerial: `P${String(k + 1).padStart(5, '0')}`, entry: 1, status: 'matched' });
            put('ballots', { id: `b-${c.i}-${year}-${k}`, cycle_id: cycleOf(c), register_entry_id: `r-${c.i}-${k}`, account_id: acct, channel: online ? 'online' : 'paper', method: 'approval', content: JSON.stringify(ids), receipt_code: receipt, cast_at: t });
          }
          if (!done) continue;
          // Counted greedy by votes, as the rulebook says: fund in order while the budget lasts.
          let left = s.communityBudgetFen;
          const ranked = [...onBallot].sort((a, b) => (votes.get(b.id) ?? 0) - (votes.get(a.id) ?? 0) || (a.code < b.code ? -1 : 1));
          audit(SYSTEM, 'cycle.vote_counted', 'cycle', cycleOf(c), null, { ballots: voters.length, rule: 'greedy' });
          for (const p of ranked) {
            p.votes = votes.get(p.id) ?? 0;
            if (p.costFen <= left) {
              left -= p.costFen;
              step(p, SYSTEM, 'shortlist', 'shortlisted', null, { votes: p.votes });
            } else step(p, SYSTEM, 'not_shortlist', 'not_shortlisted', '得票未进入预算范围', { votes: p.votes });
          }
        } else if (stage === 'deliberation') {
          const items = live('shortlisted');
          if (items.length === 0) continue;
          const meetingId = `mt-${c.i}-${year}`;
          const when = clock;
          put('meetings', {
            id: meetingId, community_id: c.id, cycle_id: cycleOf(c), title: `${year}年度民生微实事项目评议会`, scheduled_at: `${year}-05-08T19:30:00+08:00`, place: '社区党群服务中心',
            status: done ? 'closed' : 'scheduled', agenda_published_at: when, members_total: done ? COUNCIL : null, minutes: done ? '会议按议程逐项评议并表决。' : null,
            opened_at: done ? when : null, closed_at: done ? when + 7200_000 : null, created_at: when, created_by: c.staff.id,
          });
          counts.meetings++;
          audit(c.staff, 'meeting.scheduled', 'meeting', meetingId, null, { cycleId: cycleOf(c), items: items.length });
          for (const [pos, p] of items.entries()) {
            const itemId = `ai-${p.id}`;
            if (!done) {
              put('agenda_items', { id: itemId, meeting_id: meetingId, project_id: p.id, position: pos + 1 });
              if (rng.chance(0.5)) step(p, c.staff, 'send_to_deliberation', 'under_deliberation');
              continue;
            }
            step(p, c.staff, 'send_to_deliberation', 'under_deliberation');
            const adopt = rng.chance(0.85);
            const t = clock;
            put('agenda_items', { id: itemId, meeting_id: meetingId, project_id: p.id, position: pos + 1, outcome: adopt ? 'adopted' : 'not_adopted', decided_at: t });
            const tally = { for: 0, against: 0, abstain: 0 };
            for (const [k, m] of c.council.entries()) {
              if (k === COUNCIL - 1) continue; // one member away: 6 of 7 present, above two thirds
              const vote = adopt ? (k < 5 ? 'for' : 'against') : k < 2 ? 'for' : k < 5 ? 'against' : 'abstain';
              tally[vote]++;
              put('council_votes', { agenda_item_id: itemId, account_id: m.id, vote, recorded_at: t, recorded_by: c.staff.id });
            }
            audit(c.staff, 'meeting.item_decided', 'meeting', meetingId, null, { projectId: p.id, outcome: adopt ? 'adopted' : 'not_adopted', ...tally });
            if (adopt) step(p, c.staff, 'adopt', 'in_public_notice');
            else step(p, c.staff, 'reject', 'rejected', '议事会表决未获通过');
          }
          if (done) {
            for (const [k, m] of c.council.entries()) put('meeting_attendance', { meeting_id: meetingId, account_id: m.id, present: k === COUNCIL - 1 ? 0 : 1, recorded_at: when });
            audit(c.staff, 'meeting.closed', 'meeting', meetingId, null, { present: COUNCIL - 1, membersTotal: COUNCIL });
          }
        } else if (stage === 'public_notice') {
          for (const p of live('in_public_notice')) {
            const starts = clock;
            const close = done;
            put('notices', { id: `nt-${p.id}`, project_id: p.id, starts_at: starts, ends_at: starts + s.noticeDays * 86400_000, outcome: close ? 'approved' : null, closed_at: close ? starts + s.noticeDays * 86400_000 : null });
            audit(c.staff, 'project.notice_recorded', 'project', p.id, null, { days: s.noticeDays });
            if (close) step(p, SYSTEM, 'end_notice', 'approved');
          }
        } else if (stage === 'implementation') {
          for (const p of live('approved')) {
            if (!done && rng.chance(0.4)) continue;
            const firm = p.category === 'services' ? rng.pick(SOCIAL_ORGS) : p.category === 'goods' ? rng.pick(SUPPLIERS) : rng.pick(CONTRACTORS);
            p.agreedFen = Math.round((p.costFen * (0.85 + 0.15 * rng.next())) / 100) * 100;
            put('agreements', {
              id: `ag-${p.id}`, project_id: p.id, implementer_name: `深圳市${rng.pick(FIRM_PREFIX)}${firm}`, implementer_type: p.category === 'services' ? 'social_org' : 'contractor',
              registration_no: `91440300${String(rng.int(0, 99_999_999)).padStart(8, '0')}X`, implementer_rating: rng.int(3, 5), agreement_date: `${year}-05-28`,
              agreed_amount_fen: p.agreedFen, planned_start: `${year}-06-01`, planned_end: `${year}-10-31`, created_at: clock, created_by: c.staff.id,
            });
            audit(c.staff, 'delivery.agreement_recorded', 'project', p.id, null, { agreedAmountFen: p.agreedFen });
            step(p, c.staff, 'start_implementation', 'in_progress');
            const reports = done ? 3 : rng.int(0, 2);
            for (let k = 1; k <= reports; k++) {
              const t = audit(c.staff, 'delivery.progress_reported', 'project', p.id, null, { percent: Math.min(100, k * 35) });
              put('progress_reports', { id: `pr-${p.id}-${k}`, project_id: p.id, reported_on: `${year}-${String(6 + k * 1).padStart(2, '0')}-15`, percent: Math.min(100, k * 35), body: `完成约${Math.min(100, k * 35)}%。`, created_at: t, created_by: c.staff.id });
            }
            const first = Math.round(p.agreedFen * 0.3);
            const t = audit(c.staff, 'delivery.payment_recorded', 'project', p.id, null, { batchNo: 1, amountFen: first });
            put('payments', { id: `pay-${p.id}-1`, project_id: p.id, batch_no: 1, paid_on: `${year}-06-05`, amount_fen: first, note: '预付款', created_at: t, created_by: c.staff.id });
          }
        } else if (stage === 'acceptance') {
          let first = !done; // an open acceptance stage always shows one failed acceptance
          for (const p of live('in_progress')) {
            if (!done && !first && rng.chance(0.5)) continue;
            if (rng.chance(0.06) || first) {
              first = false;
              const note = rng.pick(FAIL_NOTES);
              put('acceptances', { id: `ac-${p.id}-0`, project_id: p.id, result: 'fail', accepted_on: `${year}-11-05`, inspector: person(), notes: note, created_at: clock, created_by: c.staff.id });
              step(p, c.staff, 'fail_acceptance', 'acceptance_failed', note);
              if (!done) continue;
              step(p, c.staff, 'resume', 'in_progress');
            }
            put('acceptances', { id: `ac-${p.id}`, project_id: p.id, result: 'pass', accepted_on: `${year}-11-20`, inspector: person(), notes: '', created_at: clock, created_by: c.staff.id });
            audit(c.staff, 'delivery.acceptance_recorded', 'project', p.id, null, { result: 'pass' });
            step(p, c.staff, 'pass_acceptance', 'accepted');
            const rest = p.agreedFen! - Math.round(p.agreedFen! * 0.3);
            const t = audit(c.staff, 'delivery.payment_recorded', 'project', p.id, null, { batchNo: 2, amountFen: rest });
            put('payments', { id: `pay-${p.id}-2`, project_id: p.id, batch_no: 2, paid_on: `${year}-11-25`, amount_fen: rest, note: '尾款', created_at: t, created_by: c.staff.id });
            // Satisfaction survey: a handful of the register rates it.
            for (const k of rng.sample(c.register, Math.min(c.register, rng.int(3, 12))).sort((a, b) => a - b)) {
              const t = audit({ id: k % 4 === 0 ? `acct-r-${c.i}-${k}` : null, role: 'resident', name: '居民' }, 'rating.added', 'project', p.id, null, null);
              put('ratings', { id: `rt-${p.id}-${k}`, project_id: p.id, register_entry_id: `r-${c.i}-${k}`, score: rng.weighted([[5, 5], [4, 4], [3, 2], [2, 1], [1, 0.5]] as const), comment: null, created_at: t });
            }
            if (done) step(p, SYSTEM, 'close_survey', 'evaluated');
          }
        } else if (stage === 'audit') {
          for (const p of live('evaluated')) {
            if (!done && rng.chance(0.5)) continue;
            if (rng.chance(0.08)) {
              const [severity, body] = rng.pick(FINDINGS);
              const t = audit(auditors[c.district]!, 'audit.finding_recorded', 'project', p.id, null, { severity });
              put('audit_findings', { id: `f-${p.id}`, project_id: p.id, cycle_id: p.cycleId, severity, body, created_at: t, created_by: auditors[c.district]!.id });
            }
            step(p, auditors[c.district]!, 'record_audit', 'audited');
            if (year < CITY_YEAR - 1) step(p, officers[c.district]!, 'archive', 'archived');
          }
        }
      }
    }
    if (!current) for (const c of communities) phaseOpened(c, 'closed');
    for (const ps of projects)
      for (const p of ps) {
        put('projects', {
          id: p.id, code: p.code, cycle_id: p.cycleId, community_id: `c${p.community}`, title: p.title, category: p.category, theme: p.theme, description: p.description, address: p.address,
          proposer_type: p.proposerType, proposer_account_id: p.proposerAccountId, estimated_cost_fen: p.costFen, agreed_amount_fen: p.agreedFen, beneficiaries: p.beneficiaries,
          beneficiary_count: p.beneficiaryCount, state: p.state, state_reason: p.reason, resident_votes: p.votes, is_demo: 0, created_at: p.createdAt, updated_at: p.updatedAt,
        });
        counts.projects++;
      }
    db.prepare('update cycles set next_seq = (select count(*) + 1 from projects where cycle_id = cycles.id) where year = ?').run(year);
    db.exec('COMMIT');
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    log(`${year}: ${counts.projects} projects, ${counts.ballots} ballots, ${counts.audit} audit entries so far`);
  }
  db.exec('BEGIN');
  for (const t of statsTriggers) db.exec(t.sql);
  db.exec(MARK_ALL);
  for (const statement of RECOUNT) db.exec(statement);
  db.exec('COMMIT');
  log(`statistics counted for ${C} communities`);
  // The migration starts the auth epoch at random (server/auth/session-cache.ts); from the seed here, so the file is the same every time.
  db.prepare('update auth_epoch set n = ? where id = 1').run(Math.floor(rng.next() * 1e12));
  db.exec('ANALYZE; PRAGMA wal_checkpoint(TRUNCATE)');
  db.close();
  return counts;
}
