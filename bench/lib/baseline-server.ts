/**
 * @module The baseline for `npm run bench:votes`: the cheapest durable write
 * the site's stack can answer. A bare Hono app (no session, no origin check,
 * no audit) whose POST /api/_bench/insert parses a small JSON body and inserts
 * one row through the same `openDatabase(...).write` queue as the site — the
 * same group commit, WAL and synchronous=FULL — served by the same
 * node:http + @hono/node-server listener as server/serve.ts.
 *
 * A separate process rather than a bench-only route in the site, so that the
 * production server carries no benchmark code and no flag that could switch
 * it on.
 *
 *   DATABASE_URL=file:/tmp/x.db PORT=4452 HOST=127.0.0.1 node bench/lib/baseline-server.ts
 */
import { createServer } from 'node:http';
import { Hono } from 'hono';
import { getRequestListener } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { openDatabase } from '#db/client.ts';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const database = await openDatabase(url);
await database.client.execute('create table if not exists bench_rows (id integer primary key, voter text not null, body text not null, at integer not null)');

let n = 0;
const app = new Hono()
  .get('/api/health', (c) => c.json({ ok: true }))
  .post('/api/_bench/insert', async (c) => {
    const body = (await c.req.json()) as { voter?: unknown; projects?: unknown };
    if (typeof body.voter !== 'string' || !Array.isArray(body.projects)) return c.json({ error: { code: 'bad_request', message: 'voter and projects' } }, 400);
    const content = JSON.stringify(body.projects);
    const id = await database.write(async (tx) => {
      const r = await tx.run(sql`insert into bench_rows (voter, body, at) values (${body.voter as string}, ${content}, ${Date.now()})`);
      return Number(r.lastInsertRowid);
    });
    n++;
    return c.json({ id }, 201);
  })
  .get('/api/_bench/count', async (c) => {
    const r = await database.client.execute('select count(*) as n from bench_rows');
    return c.json({ rows: Number(r.rows[0]!.n), answered: n });
  });

const server = createServer(getRequestListener(app.fetch));
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 4452), process.env.HOST ?? '127.0.0.1');
const stop = () => server.close(() => {
  database.close();
  process.exit(0);
});
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
