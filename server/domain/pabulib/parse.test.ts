import { describe, expect, it } from 'vitest';
import { parsePb, parsePrepared, pbToElection, PbParseError } from './parse.ts';
import type { PbFile } from './parse.ts';
import { writePb, electionToPb } from './write.ts';
import { rng } from '../tally/testing/random.ts';
import { tally } from '../tally/tally.ts';

const SMALL = `META
key;value
description;"Test ""quoted""; with semicolon"
country;China
unit;Shenzhen
budget;1019940.37
vote_type;approval
rule;greedy
PROJECTS
project_id;cost;votes;name;selected
1;500000.5;2;"Park; benches";1
2;600000;2;Library;0
10;19940.37;1;"Multi
line name";1
VOTES
voter_id;vote;age
v1;1,2;33
v2;2,10,1;None
`;

function errorOf(text: string): PbParseError {
  try {
    parsePb(text);
  } catch (e) {
    if (e instanceof PbParseError) return e;
    throw e;
  }
  throw new Error('expected a parse error');
}

describe('pabulib reader', () => {
  it('reads META, PROJECTS and VOTES with quoted fields, semicolons, line breaks and a fractional budget', () => {
    const pb = parsePb(SMALL);
    expect(pb.meta['description']).toBe('Test "quoted"; with semicolon');
    expect(pb.meta['budget']).toBe('1019940.37');
    expect(pb.projects.map((p) => p.id)).toEqual(['1', '2', '10']);
    expect(pb.projects[0]!.cost).toBe('500000.5');
    expect(pb.projects[0]!.fields['name']).toBe('Park; benches');
    expect(pb.projects[2]!.fields['name']).toBe('Multi\nline name');
    expect(pb.votes.map((v) => v.vote)).toEqual([['1', '2'], ['2', '10', '1']]);
    expect(pb.votes[1]!.fields['age']).toBe('None');
  });

  it('counts line numbers across a quoted line break when reporting a later error', () => {
    const bad = SMALL.replace('v2;2,10,1;None', 'v2;2,99;None');
    const e = errorOf(bad);
    expect(e.line).toBe(18);
    expect(e.message).toMatch(/line 18: .*"99".*not in PROJECTS/);
  });

  it('reads CRLF line endings, a byte order mark, blank lines and upper/lower case section names', () => {
    const text = '\ufeff' + SMALL.replace(/\n/g, '\r\n').replace('PROJECTS', '\r\nprojects');
    const pb = parsePb(text);
    expect(pb.projects).toHaveLength(3);
    expect(pb.votes).toHaveLength(2);
  });

  it('names the line and the problem for malformed files', () => {
    expect(errorOf(SMALL.replace('budget;1019940.37', 'budget;lots')).message).toMatch(/budget is not a number/);
    expect(errorOf(SMALL.replace('budget;1019940.37\n', '')).message).toMatch(/META has no budget/);
    expect(errorOf(SMALL.replace('2;600000;2;Library;0', '2;6OO;2;Library;0')).message).toMatch(/^line 12: cost of project "2" is not a non-negative number/);
    expect(errorOf(SMALL.replace('2;600000;2;Library;0', '1;600000;2;Library;0')).message).toMatch(/^line 12: project_id "1" appears twice/);
    expect(errorOf(SMALL.replace('v1;1,2;33', 'v1;1,2')).message).toMatch(/^line 17: vote row has 2 fields but the VOTES header has 3/);
    expect(errorOf(SMALL.replace('voter_id;vote;age', 'voter;vote;age')).message).toMatch(/^line 16: VOTES header has no voter_id column/);
    expect(errorOf(SMALL.replace('vote_type;approval', 'vote_type;quadratic')).message).toMatch(/vote_type "quadratic"/);
    expect(errorOf('PROJECTS\nproject_id;cost\n').message).toMatch(/^line 1: expected section META/);
    expect(errorOf(SMALL.split('VOTES')[0]!).message).toMatch(/ends before the VOTES section/);
    expect(errorOf('').message).toMatch(/empty/);
    expect(errorOf(SMALL.replace('"Park; benches"', '"Park; benches')).message).toMatch(/^line 11: the quoted field that starts here runs on to line 13.*closing " is probably missing/);
    expect(errorOf(SMALL.replace('"Park; benches"', 'Park; benches"')).message).toMatch(/^line 11: a quote appears inside an unquoted field/);
    expect(errorOf(SMALL + 'v3;"1\n').message).toMatch(/^line 19: a quoted field is never closed/);
  });

  it('reads a project named twice in one vote once, and accepts repeated voter ids, as pabutools does', () => {
    const text = SMALL.replace('v1;1,2;33', 'v1;1,2,1;33').replace('v2;2,10,1', 'v1;2,10,1');
    const pb = parsePb(text);
    expect(pb.votes[0]!.vote).toEqual(['1', '2', '1']);
    const r = tally(pbToElection(pb), 'greedy');
    expect(r.votes).toEqual({ '1': 2, '2': 2, '10': 1 });
    expect(parsePrepared(text).prepared.votes).toEqual([2, 2, 1]);
    // cumulative: the last mention's points count; ordinal: the first place counts
    const cum = parsePrepared(
      SMALL.replace('vote_type;approval', 'vote_type;cumulative').replace('voter_id;vote;age', 'voter_id;vote;points').replace('v1;1,2;33', 'v1;1,2,1;3,1,5').replace('v2;2,10,1;None', 'v2;2;1'),
    ).prepared;
    expect(cum.scores).toEqual([5, 2, 0]);
    const ord = parsePrepared(SMALL.replace('vote_type;approval', 'vote_type;ordinal').replace('v1;1,2;33', 'v1;1,2,1;33')).prepared;
    // max length 3: v1 ranks 1 then 2 (3, 2 points); v2 ranks 2, 10, 1 (3, 2, 1 points)
    expect(ord.scores).toEqual([4, 5, 2]);
  });

  it('requires points for cumulative ballots and checks that they match the vote', () => {
    const cum = SMALL.replace('vote_type;approval', 'vote_type;cumulative').replace('voter_id;vote;age', 'voter_id;vote;points').replace('v1;1,2;33', 'v1;1,2;3,1').replace('v2;2,10,1;None', 'v2;2,10,1;1,1,2');
    const pb = parsePb(cum);
    expect(pb.votes[1]!.points).toEqual([1, 1, 2]);
    expect(errorOf(cum.replace('v1;1,2;3,1', 'v1;1,2;3')).message).toMatch(/^line 17: vote lists 2 projects but points lists 1 numbers/);
    expect(errorOf(cum.replace('v1;1,2;3,1', 'v1;1,2;3,x')).message).toMatch(/invalid number/);
  });

  it('turns a file into an election the tally accepts, with exact fractional money', () => {
    const r = tally(pbToElection(parsePb(SMALL)), 'greedy');
    expect(r.selected).toEqual(['1', '10']);
    expect(r.totalCost).toBe('519940.87');
    expect(r.budget).toBe('1019940.37');
  });
});

function randomPb(seed: number): PbFile {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const words = ['park', 'a;b', 'say "hi"', ' padded ', 'line\nbreak', '公园', 'x,y', '', 'None', 'ü'];
  const cumulative = r() < 0.4;
  const nProjects = 1 + Math.floor(r() * 6);
  const projects = Array.from({ length: nProjects }, (_, i) => ({
    id: pick(['', 'L0', 'P-']) + String(i + 1),
    cost: pick(['100', '2500.5', '19940.37', '0', '7']),
    fields: { name: pick(words), category: pick(words) },
  }));
  const votes = Array.from({ length: Math.floor(r() * 8) }, (_, i) => {
    const vote = projects.filter(() => r() < 0.5).map((p) => p.id);
    return cumulative
      ? { voterId: 'v' + i, vote, points: vote.map(() => 1 + Math.floor(r() * 3)), fields: { age: pick(['', '33', 'None']) } }
      : { voterId: 'v' + i, vote, fields: { age: pick(['', '33', 'None']) } };
  });
  return {
    meta: { description: pick(words), budget: pick(['1000', '1019940.37', '50']), vote_type: cumulative ? 'cumulative' : 'approval', comment: pick(words) },
    projectColumns: ['project_id', 'cost', 'name', 'category'],
    projects,
    voteColumns: cumulative ? ['voter_id', 'vote', 'points', 'age'] : ['voter_id', 'vote', 'age'],
    votes,
  };
}

/** A parsed file without the line numbers the parser adds (a written file has none to compare). */
const withoutLines = (pb: PbFile): PbFile => ({ ...pb, votes: pb.votes.map(({ line: _line, ...v }) => v) });

describe('pabulib writer', () => {
  it('writes files that read back identical (300 random files with awkward text)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const pb = randomPb(seed);
      expect(withoutLines(parsePb(writePb(pb))), `seed ${seed}`).toEqual(pb);
    }
  });

  it('round-trips the small example and an exported election', () => {
    const pb = parsePb(SMALL);
    expect(parsePb(writePb(pb))).toEqual(pb);
    expect(pb.votes.map((v) => v.line)).toEqual([17, 18]);
    const el = {
      budget: '1234.56',
      projects: [
        { id: 'A', cost: '1000', name: '社区花园; 第一期' },
        { id: 'B', cost: 234.56, name: 'Bench "deluxe"' },
      ],
      ballots: [['A'], ['A', 'B'], []],
    };
    const out = electionToPb(el, { meta: { description: '微实事 2025', country: 'China', unit: '深圳', rule: 'greedy', currency: 'CNY' } });
    const back = parsePb(writePb(out));
    expect(withoutLines(back)).toEqual(out);
    expect(back.meta['num_votes']).toBe('3');
    expect(tally(pbToElection(back), 'greedy').selected).toEqual(tally(el, 'greedy').selected);
  });
});
