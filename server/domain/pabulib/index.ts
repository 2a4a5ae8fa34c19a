export { parsePb, parsePrepared, pbToElection, parseElection, PbParseError } from './parse.ts';
export type { PbFile, PbProject, PbVote, ParseOptions } from './parse.ts';
export { writePb, electionToPb } from './write.ts';
export type { ExportOptions } from './write.ts';
