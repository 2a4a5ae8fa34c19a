import Database from 'libsql';
const db = new Database('/tmp/prof/site-clean.db');
const N = 20000;
let t = performance.now();
for (let i = 0; i < N; i++) db.prepare('select 1');
console.log('prepare select 1', ((performance.now() - t) / N * 1000).toFixed(1), 'µs');
const q = 'select "id", "account_id", "secret_hash", "created_at", "expires_at" from "sessions" where "sessions"."id" = ? limit ?';
t = performance.now();
for (let i = 0; i < N; i++) db.prepare(q);
console.log('prepare sessions', ((performance.now() - t) / N * 1000).toFixed(1), 'µs');
const s = db.prepare(q); s.raw(true);
t = performance.now();
for (let i = 0; i < N; i++) s.all(['abc', 1]);
console.log('exec cached', ((performance.now() - t) / N * 1000).toFixed(1), 'µs');
t = performance.now();
for (let i = 0; i < N; i++) { const st = db.prepare(q); st.raw(true); st.columns(); st.columns(); st.all(['abc', 1]); }
console.log('client-style', ((performance.now() - t) / N * 1000).toFixed(1), 'µs');
