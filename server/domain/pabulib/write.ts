/**
 * Writer for pabulib `.pb` files: the inverse of parsePb.
 * parsePb(writePb(file)) deep-equals `file` (round trip), as long as the file
 * is valid (parsePb would accept it). Fields containing `;`, `"`, line breaks
 * or leading/trailing spaces are quoted, with `"` doubled.
 */

import type { PbFile, PbVote } from './parse.ts';
import type { Election, VoteType } from '../tally/election.ts';
import { parseDecimal, formatScaled } from '../tally/decimal.ts';

function cell(v: string): string {
  if (v === '') return v;
  if (/[;"\r\n]/.test(v) || v.trim() !== v) return '"' + v.replace(/"/g, '""') + '"';
  return v;
}

function row(fields: readonly string[]): string {
  return fields.map(cell).join(';');
}

/** Serialises a parsed/constructed file. Columns come from projectColumns / voteColumns. */
export function writePb(pb: PbFile): string {
  const out: string[] = [];
  out.push('META');
  out.push('key;value');
  for (const [k, v] of Object.entries(pb.meta)) out.push(row([k, v]));
  out.push('PROJECTS');
  const pcols = pb.projectColumns.includes('project_id') && pb.projectColumns.includes('cost') ? pb.projectColumns : ['project_id', 'cost', ...pb.projectColumns.filter((c) => c !== 'project_id' && c !== 'cost')];
  out.push(row(pcols));
  for (const p of pb.projects) {
    out.push(row(pcols.map((c) => (c === 'project_id' ? p.id : c === 'cost' ? p.cost : (p.fields[c] ?? '')))));
  }
  out.push('VOTES');
  let vcols = pb.voteColumns;
  const needPoints = pb.votes.some((v) => v.points !== undefined);
  if (!vcols.includes('voter_id') || !vcols.includes('vote') || (needPoints && !vcols.includes('points'))) {
    const rest = vcols.filter((c) => c !== 'voter_id' && c !== 'vote' && c !== 'points');
    vcols = ['voter_id', 'vote', ...(needPoints ? ['points'] : []), ...rest];
  }
  out.push(row(vcols));
  for (const v of pb.votes) out.push(row(vcols.map((c) => voteCell(v, c))));
  return out.join('\n') + '\n';
}

function voteCell(v: PbVote, c: string): string {
  if (c === 'voter_id') return v.voterId;
  if (c === 'vote') return v.vote.join(',');
  if (c === 'points') return v.points ? v.points.join(',') : '';
  return v.fields[c] ?? '';
}

export interface ExportOptions {
  /** Extra META fields (description, country, unit, instance, rule, ...), written after the required ones. */
  readonly meta?: Readonly<Record<string, string>>;
  /** Extra columns per project, e.g. { name, votes, selected }. */
  readonly projectFields?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Voter ids (anonymised) in ballot order; default 1, 2, 3, ... */
  readonly voterIds?: readonly string[];
}

/**
 * Builds a pabulib file for an election (open-data export). Costs and budget
 * are written as exact decimals in currency units.
 */
export function electionToPb(election: Election, opts: ExportOptions = {}): PbFile {
  const voteType: VoteType = election.voteType ?? (election.meta?.['vote_type'] === 'cumulative' ? 'cumulative' : election.meta?.['vote_type'] === 'ordinal' ? 'ordinal' : 'approval');
  const dec = (x: string | number | bigint) => {
    const d = parseDecimal(x);
    return formatScaled(d.int, d.digits);
  };
  const meta: Record<string, string> = {
    ...(election.meta ?? {}),
    ...(opts.meta ?? {}),
    num_projects: String(election.projects.length),
    num_votes: String(election.ballots.length),
    budget: dec(election.budget),
    vote_type: voteType,
  };
  const extraCols = new Set<string>();
  if (election.projects.some((p) => p.name !== undefined)) extraCols.add('name');
  for (const f of Object.values(opts.projectFields ?? {})) for (const k of Object.keys(f)) extraCols.add(k);
  extraCols.delete('project_id');
  extraCols.delete('cost');
  const projectColumns = ['project_id', 'cost', ...extraCols];
  const projects = election.projects.map((p) => {
    const fields: Record<string, string> = {};
    for (const c of extraCols) fields[c] = opts.projectFields?.[p.id]?.[c] ?? (c === 'name' ? (p.name ?? '') : '');
    return { id: p.id, cost: dec(p.cost), fields };
  });
  const voteColumns = voteType === 'cumulative' ? ['voter_id', 'vote', 'points'] : ['voter_id', 'vote'];
  const votes: PbVote[] = election.ballots.map((b, i) => {
    const voterId = opts.voterIds?.[i] ?? String(i + 1);
    const arr = Array.isArray(b) ? (b as readonly string[]) : (b as { projects: readonly string[] }).projects;
    const pts = Array.isArray(b) ? undefined : (b as { points?: readonly number[] }).points;
    if (voteType === 'cumulative') return { voterId, vote: [...arr], points: [...(pts ?? [])], fields: {} };
    return { voterId, vote: [...arr], fields: {} };
  });
  return { meta, projectColumns, projects, voteColumns, votes };
}
