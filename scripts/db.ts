/**
 * npm run db:migrate | db:seed — apply migrations to DATABASE_URL, and with
 * `seed` also load the demo data when the database is empty.
 */
import { env } from '../server/env.ts';
import { createContext } from '../server/context.ts';
import { seedDemo } from '../server/services/demo-seed.ts';

const mode = process.argv[2];
if (mode !== 'migrate' && mode !== 'seed') {
  console.error('usage: node scripts/db.ts migrate|seed');
  process.exit(2);
}
const ctx = await createContext(env());
console.log(`migrated ${env().DATABASE_URL}`);
if (mode === 'seed') console.log((await seedDemo(ctx, { history: true })) ? 'seeded demo data (with its 2023–2025 history)' : 'database not empty: demo data not seeded');
ctx.database.close();
