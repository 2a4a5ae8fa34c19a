/**
 * Reader for pabulib `.pb` files (https://pabulib.org/format):
 *
 *   META            key;value rows (budget, vote_type, rule, ...)
 *   PROJECTS        header row with project_id;cost;...; one row per project
 *   VOTES           header row with voter_id;vote[;points];...; one row per voter
 *
 * Fields are `;`-separated; a field may be quoted with `"` (and then contain
 * `;`, line breaks and doubled quotes `""`). Unquoted fields are trimmed.
 * Errors are PbParseError with the 1-based line number and what is wrong.
 */

import type { Election, BallotInput, VoteType, Prepared } from '../tally/election.ts';
import { BallotGrouper, prepareHeader } from '../tally/election.ts';
import type { Money } from '../tally/decimal.ts';

export class PbParseError extends Error {
  readonly line: number;
  readonly reason: string;
  constructor(line: number, reason: string) {
    super(line > 0 ? `line ${line}: ${reason}` : reason);
    this.name = 'PbParseError';
    this.line = line;
    this.reason = reason;
  }
}

export interface PbProject {
  readonly id: string;
  /** Exact decimal string as in the file ("," decimal separator normalised to "."). */
  readonly cost: string;
  /** Every other column of the row, by header name (raw text). */
  readonly fields: Record<string, string>;
}

export interface PbVote {
  readonly voterId: string;
  /** The 1-based line of the file the vote row is on (set by the parser). */
  readonly line?: number;
  /** Project ids in the order written (the ranking for ordinal ballots). */
  readonly vote: string[];
  /** Points per project in `vote` (cumulative / scoring files). */
  readonly points?: number[];
  /** Every other column of the row, by header name (raw text). */
  readonly fields: Record<string, string>;
}

export interface PbFile {
  /** META rows in file order. */
  readonly meta: Record<string, string>;
  /** PROJECTS header (includes project_id and cost). */
  readonly projectColumns: string[];
  readonly projects: PbProject[];
  /** VOTES header (includes voter_id and vote, and points if present). */
  readonly voteColumns: string[];
  readonly votes: PbVote[];
}

export interface ParseOptions {
  /** Keep the extra VOTES columns (age, sex, ...) in `fields`. Default true; the CLI turns it off for speed. */
  readonly voteFields?: boolean;
}

const VOTE_TYPES = new Set(['approval', 'choose-1', 'cumulative', 'scoring', 'ordinal']);
const DECIMAL_RE = /^\d+(?:[.,]\d+)?$|^\d*[.,]\d+$/;

function needsTrim(s: string): boolean {
  const n = s.length;
  return n > 0 && (s.charCodeAt(0) <= 32 || s.charCodeAt(n - 1) <= 32);
}

/** Reads the text row by row: fields split on `;`, honouring quotes (which may span lines). */
class RowReader {
  private readonly text: string;
  private pos: number;
  /** Line number (1-based) of the last row returned. */
  line = 0;
  private nextLine = 1;
  /** The raw text of the last row when it had no quotes (fast path), else null. */
  raw: string | null = null;

  constructor(text: string) {
    this.text = text;
    this.pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  /** Next non-blank raw line without quotes, or null at the end; quoted rows are returned via `fields`. */
  next(): string[] | null {
    const text = this.text;
    const len = text.length;
    while (this.pos < len) {
      let nl = text.indexOf('\n', this.pos);
      if (nl < 0) nl = len;
      const startLine = this.nextLine;
      let raw = text.slice(this.pos, nl);
      if (raw.indexOf('"') < 0) {
        if (raw.charCodeAt(raw.length - 1) === 13) raw = raw.slice(0, -1);
        this.pos = nl + 1;
        this.nextLine++;
        if (raw.length === 0 || (needsTrim(raw) && raw.trim() === '')) continue;
        this.line = startLine;
        this.raw = raw;
        return null;
      }
      this.line = startLine;
      this.raw = null;
      return this.quoted(startLine);
    }
    this.raw = null;
    this.line = this.nextLine;
    return END;
  }

  private quoted(startLine: number): string[] {
    const text = this.text;
    const len = text.length;
    let line = startLine;
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    let wasQuoted = false;
    let qStart = line;
    let i = this.pos;
    for (;;) {
      if (i >= len) {
        if (quoted) throw new PbParseError(qStart, 'a quoted field is never closed (missing ")');
        break;
      }
      const ch = text[i]!;
      if (quoted) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            quoted = false;
            i++;
          }
        } else {
          if (ch === '\n') line++;
          field += ch;
          i++;
        }
        continue;
      }
      if (ch === '"') {
        if (field.trim() !== '') throw new PbParseError(line, `a quote appears inside an unquoted field ("${field.trim()}...")`);
        field = '';
        quoted = true;
        wasQuoted = true;
        qStart = line;
        i++;
      } else if (ch === ';') {
        fields.push(wasQuoted ? field : field.trim());
        field = '';
        wasQuoted = false;
        i++;
      } else if (ch === '\n' || ch === '\r') {
        break;
      } else {
        if (wasQuoted && ch.trim() !== '') {
          throw new PbParseError(
            qStart,
            qStart === line ? 'text after a closing quote' : `the quoted field that starts here runs on to line ${line} and is followed by text there: a closing " is probably missing`,
          );
        }
        if (!wasQuoted) field += ch;
        i++;
      }
    }
    fields.push(wasQuoted ? field : field.trim());
    let next = text.indexOf('\n', i);
    if (next < 0) next = len;
    this.pos = next + 1;
    this.nextLine = line + 1;
    return fields;
  }
}

const END: string[] = [];

function splitRaw(raw: string): string[] {
  const parts = raw.split(';');
  for (let i = 0; i < parts.length; i++) if (needsTrim(parts[i]!)) parts[i] = parts[i]!.trim();
  return parts;
}

function isSectionName(f: string): 'meta' | 'projects' | 'votes' | null {
  const s = f.trim().toLowerCase();
  return s === 'meta' || s === 'projects' || s === 'votes' ? s : null;
}

const EMPTY_FIELDS: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** Receives each vote as project indices (in file order) and weights: 1, points, or rank. */
interface VoteSink {
  add(tp: Int32Array, tw: Int32Array, len: number): void;
}

/** Parses a .pb file. Throws PbParseError naming the line and what is wrong. */
export function parsePb(text: string, options: ParseOptions = {}): PbFile {
  return parseCore(text, options.voteFields !== false, null);
}

function parseCore(text: string, keepVoteFields: boolean, makeSink: ((meta: Record<string, string>, projects: PbProject[], line: number) => VoteSink) | null): PbFile {
  const meta: Record<string, string> = {};
  let projectColumns: string[] = [];
  const projects: PbProject[] = [];
  let voteColumns: string[] = [];
  const votes: PbVote[] = [];
  let section: 'meta' | 'projects' | 'votes' | null = null;
  let expectHeader = false;
  const seenSections = new Set<string>();
  const projectIndex = new Map<string, number>();
  let seenIn = new Int32Array(0);
  let sink: VoteSink | null = null;
  let tp = new Int32Array(16);
  let tw = new Int32Array(16);
  let voteCount = 0;
  let voteType: string | undefined;
  let pid = -1;
  let pcost = -1;
  let vid = -1;
  let vvote = -1;
  let vpoints = -1;
  let needPoints = false;
  let posIn = new Int32Array(0);
  const reader = new RowReader(text);
  for (;;) {
    let f = reader.next();
    if (f === END) break;
    const line = reader.line;
    const raw = reader.raw;
    // fast path for vote rows without quotes
    if (raw !== null && section === 'votes' && !expectHeader) {
      const ncols = voteColumns.length;
      let voterId = '';
      let voteRaw = '';
      let pointsRaw = '';
      let start = 0;
      let idx = 0;
      let fields: Record<string, string> = EMPTY_FIELDS;
      if (keepVoteFields) fields = {};
      for (;;) {
        const semi = raw.indexOf(';', start);
        const end = semi < 0 ? raw.length : semi;
        if (idx === vid || idx === vvote || idx === vpoints || keepVoteFields) {
          let v = raw.slice(start, end);
          if (needsTrim(v)) v = v.trim();
          if (idx === vid) voterId = v;
          else if (idx === vvote) voteRaw = v;
          else if (idx === vpoints) pointsRaw = v;
          else if (idx < ncols) fields[voteColumns[idx]!] = v;
        }
        idx++;
        if (semi < 0) break;
        start = semi + 1;
      }
      if (idx !== ncols) throw new PbParseError(line, `vote row has ${idx} fields but the VOTES header has ${ncols}`);
      const v = parseVote(line, voterId, voteRaw, pointsRaw, fields);
      if (v) votes.push(v);
      continue;
    }
    if (f === null) f = splitRaw(raw!);
    const sec = f.length <= 2 && (f.length === 1 || f[1] === '') ? isSectionName(f[0]!) : null;
    if (sec !== null) {
      const order = ['meta', 'projects', 'votes'];
      if (seenSections.has(sec)) throw new PbParseError(line, `section ${sec.toUpperCase()} appears twice`);
      const expected = order[seenSections.size];
      if (sec !== expected) throw new PbParseError(line, `expected section ${expected!.toUpperCase()} here, found ${sec.toUpperCase()} (sections must be META, PROJECTS, VOTES in this order)`);
      seenSections.add(sec);
      section = sec;
      expectHeader = true;
      if (sec === 'projects') {
        if (meta['budget'] === undefined) throw new PbParseError(line, 'META has no budget');
        if (!DECIMAL_RE.test(meta['budget'])) throw new PbParseError(line, `META budget is not a number: "${meta['budget']}"`);
        voteType = meta['vote_type'];
        if (voteType === undefined) throw new PbParseError(line, 'META has no vote_type');
        if (!VOTE_TYPES.has(voteType)) throw new PbParseError(line, `META vote_type "${voteType}" is not one of approval, cumulative, ordinal, scoring, choose-1`);
        needPoints = voteType === 'cumulative' || voteType === 'scoring';
      }
      if (sec === 'votes') {
        seenIn = new Int32Array(projects.length).fill(-1);
        posIn = new Int32Array(projects.length);
        if (makeSink) sink = makeSink(meta, projects, line);
      }
      continue;
    }
    if (section === null) throw new PbParseError(line, `expected the META section first, found "${f.join(';').slice(0, 60)}"`);
    if (expectHeader) {
      expectHeader = false;
      const header = f.map((h) => h.trim());
      if (section === 'meta') {
        if (header[0] !== 'key' || header[1] !== 'value') throw new PbParseError(line, `META header must be "key;value", found "${f.join(';')}"`);
      } else if (section === 'projects') {
        projectColumns = header;
        pid = header.indexOf('project_id');
        pcost = header.indexOf('cost');
        if (pid < 0) throw new PbParseError(line, 'PROJECTS header has no project_id column');
        if (pcost < 0) throw new PbParseError(line, 'PROJECTS header has no cost column');
        checkDuplicateColumns(header, line, 'PROJECTS');
      } else {
        voteColumns = header;
        vid = header.indexOf('voter_id');
        vvote = header.indexOf('vote');
        vpoints = header.indexOf('points');
        if (vid < 0) throw new PbParseError(line, 'VOTES header has no voter_id column');
        if (vvote < 0) throw new PbParseError(line, 'VOTES header has no vote column');
        if (needPoints && vpoints < 0) throw new PbParseError(line, `VOTES header has no points column, needed for ${voteType} ballots`);
        checkDuplicateColumns(header, line, 'VOTES');
      }
      continue;
    }
    if (section === 'meta') {
      if (f.length < 2) throw new PbParseError(line, `META rows need two fields key;value, found "${f.join(';')}"`);
      const key = f[0]!;
      if (key === '') throw new PbParseError(line, 'META row has an empty key');
      // an unquoted value containing ";" is taken whole; a repeated key keeps its last value (as pabutools does)
      let end = f.length;
      while (end > 2 && f[end - 1] === '') end--;
      meta[key] = end > 2 ? f.slice(1, end).join(';') : f[1]!;
      continue;
    }
    if (section === 'projects') {
      if (f.length !== projectColumns.length) {
        throw new PbParseError(line, `project row has ${f.length} fields but the PROJECTS header has ${projectColumns.length}`);
      }
      const id = f[pid]!;
      if (id === '') throw new PbParseError(line, 'project_id is empty');
      if (projectIndex.has(id)) throw new PbParseError(line, `project_id "${id}" appears twice (first on an earlier line)`);
      if (id.includes(',')) throw new PbParseError(line, `project_id "${id}" contains a comma, which cannot be used in votes`);
      const costRaw = f[pcost]!;
      if (!DECIMAL_RE.test(costRaw)) throw new PbParseError(line, `cost of project "${id}" is not a non-negative number: "${costRaw}"`);
      const fields: Record<string, string> = {};
      for (let i = 0; i < f.length; i++) if (i !== pid && i !== pcost) fields[projectColumns[i]!] = f[i]!;
      projectIndex.set(id, projects.length);
      projects.push({ id, cost: costRaw.replace(',', '.'), fields });
      continue;
    }
    // votes (quoted row)
    if (f.length !== voteColumns.length) {
      throw new PbParseError(line, `vote row has ${f.length} fields but the VOTES header has ${voteColumns.length}`);
    }
    const fields: Record<string, string> = keepVoteFields ? {} : EMPTY_FIELDS;
    if (keepVoteFields) for (let i = 0; i < f.length; i++) if (i !== vid && i !== vvote && i !== vpoints) fields[voteColumns[i]!] = f[i]!;
    const v = parseVote(line, f[vid]!, f[vvote]!, vpoints >= 0 ? f[vpoints]! : '', fields);
    if (v) votes.push(v);
  }
  const lastLine = reader.line;
  if (!seenSections.has('meta')) throw new PbParseError(0, 'the file is empty or has no META section');
  if (!seenSections.has('projects')) throw new PbParseError(lastLine, 'the file ends before the PROJECTS section');
  if (!seenSections.has('votes')) throw new PbParseError(lastLine, 'the file ends before the VOTES section');
  if (expectHeader) throw new PbParseError(lastLine, 'the file ends where a section header was expected');
  return { meta, projectColumns, projects, voteColumns, votes };

  function parseVote(line: number, voterId: string, voteRaw: string, pointsRaw: string, fields: Record<string, string>): PbVote | null {
    // voter ids are labels only: empty or repeated ids are accepted (as pabutools does)
    const vote = voteRaw === '' ? [] : voteRaw.split(',');
    const vi = voteCount++;
    if (vote.length > tp.length) {
      tp = new Int32Array(vote.length * 2);
      tw = new Int32Array(vote.length * 2);
    }
    // a project named twice counts once: approval ballots are sets, an ordinal ballot keeps
    // its first place, cumulative points of the last mention count (as pabutools reads them)
    const slot = new Int32Array(vote.length);
    let len = 0;
    for (let i = 0; i < vote.length; i++) {
      let p = vote[i]!;
      if (needsTrim(p)) vote[i] = p = p.trim();
      if (p === '') throw new PbParseError(line, `vote "${voteRaw}" has an empty project id`);
      const at = projectIndex.get(p);
      if (at === undefined) throw new PbParseError(line, `vote names project "${p}", which is not in PROJECTS`);
      if (seenIn[at] === vi) {
        slot[i] = posIn[at]!;
        continue;
      }
      seenIn[at] = vi;
      posIn[at] = len;
      slot[i] = len;
      tp[len] = at;
      tw[len] = voteType === 'ordinal' ? len : 1;
      len++;
    }
    let points: number[] | undefined;
    if (vpoints >= 0 && (needPoints || pointsRaw !== '')) {
      const parts = pointsRaw === '' ? [] : pointsRaw.split(',');
      points = new Array<number>(parts.length);
      if (parts.length !== vote.length) throw new PbParseError(line, `vote lists ${vote.length} projects but points lists ${parts.length} numbers`);
      for (let i = 0; i < parts.length; i++) {
        const t = parts[i]!.trim();
        const x = t === '' ? NaN : Number(t);
        if (!Number.isFinite(x) || x < 0) throw new PbParseError(line, `points "${pointsRaw}" contain an invalid number "${t}"`);
        if (needPoints && (!Number.isSafeInteger(x) || x > 0x7fffffff)) throw new PbParseError(line, `points must be whole numbers, found "${t}"`);
        points[i] = x;
        if (needPoints) tw[slot[i]!] = x;
      }
    }
    if (sink) {
      sink.add(tp, tw, len);
      return null;
    }
    return points ? { voterId, line, vote, points, fields } : { voterId, line, vote, fields };
  }
}

/**
 * Parses a .pb file straight into the tally's normalised election (no per-vote
 * objects): the fast path of the CLI. Same checks and errors as parsePb; the
 * returned file has no votes.
 */
export function parsePrepared(text: string, extraMoney: readonly Money[] = []): { file: PbFile; prepared: Prepared } {
  let grouper: BallotGrouper | null = null;
  let header: ReturnType<typeof prepareHeader> | null = null;
  const file = parseCore(text, false, (meta, projects, line) => {
    const vt = meta['vote_type'];
    const voteType: VoteType = vt === 'cumulative' || vt === 'scoring' ? 'cumulative' : vt === 'ordinal' ? 'ordinal' : 'approval';
    try {
      header = prepareHeader(
        projects.map((p) => ({ id: p.id, cost: p.cost })),
        meta['budget']!.replace(',', '.'),
        voteType,
        meta,
        extraMoney,
      );
    } catch (e) {
      throw new PbParseError(line, (e as Error).message);
    }
    grouper = new BallotGrouper(projects.length, voteType);
    return grouper;
  });
  const g = grouper as BallotGrouper | null;
  if (!g || !header) throw new PbParseError(0, 'the file has no VOTES section');
  const h = header as ReturnType<typeof prepareHeader>;
  for (let i = 0; i < file.projects.length; i++) h.names[i] = file.projects[i]!.fields['name'];
  return { file, prepared: g.finish(h) };
}

function checkDuplicateColumns(header: string[], line: number, what: string): void {
  const s = new Set<string>();
  for (const h of header) {
    if (h === '') throw new PbParseError(line, `${what} header has an empty column name`);
    if (s.has(h)) throw new PbParseError(line, `${what} header has the column "${h}" twice`);
    s.add(h);
  }
}

/** The election the tally needs, from a parsed file. */
export function pbToElection(pb: PbFile): Election {
  const vt = pb.meta['vote_type'];
  const voteType: VoteType = vt === 'cumulative' || vt === 'scoring' ? 'cumulative' : vt === 'ordinal' ? 'ordinal' : 'approval';
  const ballots: BallotInput[] = pb.votes.map((v) => (voteType === 'cumulative' ? { projects: v.vote, points: v.points ?? [] } : v.vote));
  return {
    budget: pb.meta['budget']!.replace(',', '.'),
    projects: pb.projects.map((p) => (p.fields['name'] !== undefined ? { id: p.id, cost: p.cost, name: p.fields['name'] } : { id: p.id, cost: p.cost })),
    ballots,
    voteType,
    meta: pb.meta,
  };
}

/** Parse + convert in one step. */
export function parseElection(text: string): Election {
  return pbToElection(parsePb(text, { voteFields: false }));
}
