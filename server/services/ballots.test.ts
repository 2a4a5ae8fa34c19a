import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { testApp } from '#tests/fixtures.ts';
import { ballots, projects, registerEntries } from '#db/schema.ts';
import { castBallot, checkReceipt, newReceiptCode, normalizeReceiptCode, normalizeSerial, RECEIPT_RE, receiptSymbol, voterView } from './ballots.ts';
import { setCyclePhase } from './cycles.ts';
import { getResults } from './results.ts';
import { loadActor } from './accounts.ts';
import { applyProjectEvent } from './projects.ts';

const CYCLE = 'cy-xianhu-2026';
type T = Awaited<ReturnType<typeof testApp>>;

async function person(t: T, accountId: string) {
  return (await loadActor(t.ctx, accountId)).actor;
}

async function ids(t: T) {
  const rows = await t.ctx.database.db.select({ id: projects.id, code: projects.code }).from(projects).where(eq(projects.cycleId, CYCLE));
  return Object.fromEntries(rows.map((r) => [r.code.slice(-2), r.id])) as Record<'01' | '02' | '03' | '04', string>;
}

describe('receipt codes', () => {
  it('are ten symbols without look-alikes, grouped in fives', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const c = newReceiptCode();
      expect(c).toMatch(RECEIPT_RE);
      expect(c).not.toMatch(/[01ILO]/);
      seen.add(c);
    }
    expect(seen.size).toBe(2000);
  });

  it('use every symbol of the alphabet equally: each stands for exactly 8 of the 256 byte values, the other 8 are drawn again (no modulo bias)', () => {
    const counts = new Map<string, number>();
    const rejected: number[] = [];
    for (let b = 0; b < 256; b++) {
      const s = receiptSymbol(b);
      if (s === null) rejected.push(b);
      else counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    expect([...counts.keys()].sort().join('')).toBe('23456789ABCDEFGHJKMNPQRSTUVWXYZ');
    expect([...counts.values()]).toEqual(Array(31).fill(8));
    expect(rejected).toEqual([248, 249, 250, 251, 252, 253, 254, 255]);
  });

  it('are drawn from the random bytes through that mapping, skipping rejected bytes', () => {
    // First 16 bytes: the 8 rejected values, then 8 multiples of 31 (symbol A). Next 16: 255
    // (rejected), 30 and 247 (= 7 × 31 + 30; both 9), then bytes left unused.
    const chunks = [
      [248, 249, 250, 251, 252, 253, 254, 255, 0, 31, 62, 93, 124, 155, 186, 217],
      [255, 30, 247, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13],
    ];
    const asked: number[] = [];
    const code = newReceiptCode((n) => {
      asked.push(n);
      return Uint8Array.from(chunks.shift()!);
    });
    expect(code).toBe('AAAAA-AAA99');
    expect(asked).toEqual([16, 16]);
  });

  it('are read back however people type them', () => {
    expect(normalizeReceiptCode(' abcde fgh23 ')).toBe('ABCDE-FGH23');
    expect(normalizeReceiptCode('ＡＢＣＤＥ－ＦＧＨ２３')).toBe('ABCDE-FGH23');
    expect(normalizeReceiptCode('ABCDE—FGH23')).toBe('ABCDE-FGH23');
    expect(normalizeSerial(' xh 0001 ')).toBe('XH0001');
  });
});

describe('casting, at the service level', () => {
  let t: T;
  beforeAll(async () => {
    t = await testApp({ seed: true });
  });
  afterAll(() => t.close());

  it('ten concurrent casts by one resident leave ten ballots, exactly one of them current, and it is the last one written', async () => {
    const P = await ids(t);
    const me = await person(t, 'demo-resident_xh');
    const choices = [P['01'], P['02'], P['03'], P['04']];
    const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) => castBallot(t.ctx, CYCLE, { projects: [choices[i % 4]!] }, me)));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(outcomes.filter((o) => o.ok && !o.replaced)).toHaveLength(1);
    const rows = await t.ctx.database.db
      .select()
      .from(ballots)
      .innerJoin(registerEntries, eq(registerEntries.id, ballots.registerEntryId))
      .where(and(eq(ballots.cycleId, CYCLE), eq(registerEntries.claimedByAccountId, 'demo-resident_xh')));
    expect(rows).toHaveLength(10);
    const current = rows.filter((r) => r.ballots.supersededAt === null);
    expect(current).toHaveLength(1);
    const receipts = outcomes.map((o) => (o.ok ? o.receiptCode : ''));
    expect(new Set(receipts).size).toBe(10);
    // The write queue keeps call order, so the last call's ballot is the current one.
    expect(current[0]!.ballots.receiptCode).toBe(receipts[9]);
  });

  it('the database refuses a second current ballot for one voter even if a service forgot to supersede', async () => {
    const entry = (await t.ctx.database.db.select().from(registerEntries).where(eq(registerEntries.claimedByAccountId, 'demo-resident_xh')))[0]!;
    await expect(
      t.ctx.database.write((tx) =>
        tx.insert(ballots).values({ id: 'x-dup', cycleId: CYCLE, registerEntryId: entry.id, accountId: null, channel: 'online', method: 'approval', content: '[]', receiptCode: 'ZZZZZ-ZZZZZ', castAt: new Date() }),
      ),
    ).rejects.toThrow();
    const current = await t.ctx.database.db.select().from(ballots).where(and(eq(ballots.registerEntryId, entry.id), isNull(ballots.supersededAt)));
    expect(current).toHaveLength(1);
  });

  it('a ballot cast while staff close the vote is either refused or counted, never told saved and then lost', async () => {
    const P = await ids(t);
    const voter = await person(t, 'demo-council-xianhu-1');
    const staff = await person(t, 'demo-staff_xh');
    const [cast, closed] = await Promise.all([
      castBallot(t.ctx, CYCLE, { projects: [P['01']!] }, voter),
      setCyclePhase(t.ctx, CYCLE, 'deliberation', staff, { accountId: 'demo-staff_xh', role: 'staff', name: '周敏（示例）' }),
    ]);
    expect(closed.ok).toBe(true);
    const results = (await getResults(t.ctx.database, CYCLE))!;
    const current = await t.ctx.database.db.select().from(ballots).where(and(eq(ballots.cycleId, CYCLE), isNull(ballots.supersededAt)));
    expect(results.ballotCount).toBe(current.length);
    if (cast.ok) {
      expect((await checkReceipt(t.ctx.database, cast.receiptCode)).status).toBe('counted');
      expect(results.ballotCount).toBe(2);
    } else {
      expect(cast.code).toBe('wrong_phase');
      expect(results.ballotCount).toBe(1);
    }
  });

  it('after the close the vote page says why, and still shows the resident their ballot', async () => {
    const v = (await voterView(t.ctx, CYCLE, await person(t, 'demo-resident_xh')))!;
    expect(v.why).toBe('wrong_phase');
    expect(v.current?.channel).toBe('online');
  });
});

describe('a project withdrawn during the vote', () => {
  let t: T;
  beforeAll(async () => {
    t = await testApp({ seed: true });
  });
  afterAll(() => t.close());

  it('leaves the ballot; ballots that chose it are counted without it, and their receipt says counted', async () => {
    const P = await ids(t);
    const r = await castBallot(t.ctx, CYCLE, { projects: [P['01']!, P['02']!] }, await person(t, 'demo-resident_xh'));
    expect(r.ok).toBe(true);
    const staff = await person(t, 'demo-staff_xh');
    const staffAudit = { accountId: 'demo-staff_xh', role: 'staff', name: '周敏（示例）' };
    expect((await applyProjectEvent(t.ctx.database, { projectId: P['02']!, event: 'withdraw', reason: '提议组织撤回' }, staff, staffAudit, new Date())).ok).toBe(true);
    expect((await voterView(t.ctx, CYCLE, null))!.setup.projects.map((p) => p.code.slice(-2))).toEqual(['01', '03', '04']);
    expect((await setCyclePhase(t.ctx, CYCLE, 'deliberation', staff, staffAudit)).ok).toBe(true);
    const res = (await getResults(t.ctx.database, CYCLE))!;
    expect(res.projects.map((p) => [p.code.slice(-2), p.votes])).toEqual([['01', 1], ['03', 0], ['04', 0]]);
    const receipt = await checkReceipt(t.ctx.database, r.ok ? r.receiptCode : '');
    // Counted (with its other choice); what it chose is not the receipt's to tell.
    expect(receipt).toEqual({ status: 'counted', cycle: { id: CYCLE, titleZh: expect.any(String), titleEn: expect.any(String) }, channel: 'online' });
    const withdrawn = await t.ctx.database.db.select({ state: projects.state }).from(projects).where(eq(projects.id, P['02']!));
    expect(withdrawn[0]!.state).toBe('withdrawn');
  });
});
