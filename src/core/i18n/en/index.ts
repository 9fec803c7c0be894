import { adapters } from './adapters.ts';
import { capture } from './capture.ts';
import { card } from './card.ts';
import { commands } from './commands.ts';
import { common } from './common.ts';
import { digest } from './digest.ts';
import { evidence } from './evidence.ts';
import { flag } from './flag.ts';
import { guidance } from './guidance.ts';
import { members } from './members.ts';
import { parsing } from './parsing.ts';
import { rally } from './rally.ts';
import { vocabulary } from './vocabulary.ts';

/** The English catalogue, section by section; each section has its French namesake in ../fr. */
export const sections = {
  common,
  vocabulary,
  flag,
  guidance,
  capture,
  members,
  commands,
  adapters,
  rally,
  card,
  digest,
  evidence,
  parsing,
};

export const en = {
  ...common,
  ...vocabulary,
  ...flag,
  ...guidance,
  ...capture,
  ...members,
  ...commands,
  ...adapters,
  ...rally,
  ...card,
  ...digest,
  ...evidence,
  ...parsing,
};
