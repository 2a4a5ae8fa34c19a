/** @module The whole drizzle schema, one file per aggregate under db/schema/. */
export * from './schema/places.ts';
export * from './schema/accounts.ts';
export * from './schema/residents.ts';
export * from './schema/rulebooks.ts';
export * from './schema/cycles.ts';
export * from './schema/projects.ts';
export * from './schema/audit.ts';
export * from './schema/participation.ts';
export * from './schema/council.ts';
export * from './schema/delivery.ts';
export * from './schema/security.ts';
export * from './schema/stats.ts';
