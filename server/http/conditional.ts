/**
 * @module Conditional GETs for the downloads mirrors poll (open data, the
 * audit log): an entity tag made from the audit log's head, the China day and
 * what else the answer depends on. Every change of state writes an audit
 * entry, so while the head and the day are the same the answer is the same,
 * and a client that sends the tag back in `If-None-Match` gets 304 without
 * the body being computed.
 */
import type { Context } from 'hono';
import type { AppEnv } from './router.ts';
import { auditHead } from '../services/audit.ts';
import { chinaDay } from '../domain/cycle-phases.ts';

/** The tag of an answer that depends on the data, the day and `parts` (a viewer kind, a query). */
export async function dataTag(c: Context<AppEnv>, ...parts: string[]): Promise<string> {
  const ctx = c.get('ctx');
  const head = await auditHead(ctx.database);
  const rest = parts.map((p) => p.replace(/[^A-Za-z0-9._=&:-]/g, '_')).join('-');
  return `W/"${head.seq}-${head.hash.slice(0, 16)}-${chinaDay(ctx.now())}${rest ? `-${rest}` : ''}"`;
}

/** Whether the request's If-None-Match names `tag` (weak comparison, as RFC 9110 asks for GET). */
export function matches(c: Context<AppEnv>, tag: string): boolean {
  const header = c.req.header('if-none-match');
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => bare(t) === bare(tag));
}

/** 304 with the tag, when the client already has this answer; else null (compute it, and send the tag with it). */
export function notModified(c: Context<AppEnv>, tag: string): Response | null {
  if (!matches(c, tag)) return null;
  return c.body(null, 304, { etag: tag, 'cache-control': 'no-cache' });
}
