import type { z } from 'zod';
import type { Language } from '../core/i18n/language.ts';
import type { CollectiveSettings } from '../core/settings.ts';
import { type CollectiveConfig, collectiveDiscord, collectiveSlack } from './collective-config.ts';
import {
  COLLECTIVE_ID,
  type CollectiveEntry,
  collectivesFileErrorMap,
  collectivesFileSchema,
} from './collectives-file-schema.ts';
import { ConfigError } from './config-error.ts';
import { hideTokens, readCollectivesFile } from './read-collectives-file.ts';

/** What a collective that leaves a setting out gets: the values the environment variables set (or their defaults). */
export interface CollectiveDefaults {
  timezone: string;
  language: Language;
  sharesSignals: boolean;
  digestCron: string;
  frequentRule: CollectiveSettings['frequentRule'];
  rally: CollectiveSettings['rally'];
  safety: CollectiveSettings['safety'];
}

/**
 * Reads the file that configures several collectives (YAML or JSON). Throws a ConfigError that names the file,
 * each collective concerned (by id, or by position when the id itself is wrong) and the field; never a value.
 */
export function loadCollectivesFile(filePath: string, defaults: CollectiveDefaults): CollectiveConfig[] {
  const raw = readCollectivesFile(filePath);
  const parsed = collectivesFileSchema.safeParse(raw, { error: collectivesFileErrorMap });
  const problems = parsed.success
    ? clashesBetween(parsed.data.collectives)
    : parsed.error.issues.flatMap((issue) => describeIssue(issue, raw));
  if (problems.length > 0) {
    throw new ConfigError(
      hideTokens(`Shieldwall can't start: ${filePath} is wrong.\n${problems.join('\n')}`),
    );
  }
  return (parsed.data?.collectives ?? []).map((entry) => toCollective(entry, defaults));
}

/** `collective "ontario-md"`, or `collective 2` when the id itself is missing or wrong. */
function collectiveLabel(raw: unknown, index: number): string {
  const entries = (raw as { collectives?: unknown })?.collectives;
  const id = Array.isArray(entries) ? (entries[index] as { id?: unknown } | undefined)?.id : undefined;
  return typeof id === 'string' && COLLECTIVE_ID.test(id) ? `collective "${id}"` : `collective ${index + 1}`;
}

/** `slack.leads (item 2)`: field names joined by dots, list items counted from 1 as people count. */
function fieldName(path: PropertyKey[]): string {
  return path
    .map((part, i) =>
      typeof part === 'number' ? ` (item ${part + 1})` : `${i === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

function describeIssue(issue: z.core.$ZodIssue, raw: unknown): string[] {
  const [top, index, ...rest] = issue.path;
  const inCollective = top === 'collectives' && typeof index === 'number';
  const where = inCollective ? `${collectiveLabel(raw, index)}: ` : '';
  const within = inCollective ? rest : issue.path;
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map(
      (key) => `- ${where}${fieldName([...within, key])} is not a field Shieldwall knows (a typo?)`,
    );
  }
  if (issue.path.length === 0 && issue.code === 'invalid_type') {
    return ['- the file must start with "collectives:", the list of collectives'];
  }
  const field = within.length > 0 ? fieldName(within) : inCollective ? '' : 'the file';
  return [`- ${where}${field}${field ? ' ' : ''}${issue.message}`];
}

/** What the schema can't see alone: two collectives claiming the same id, workspace, server or channel. */
function clashesBetween(collectives: CollectiveEntry[]): string[] {
  const problems: string[] = [];
  const ids = collectives.map((collective) => collective.id);
  const label = (i: number) =>
    ids.indexOf(ids[i] ?? '') !== ids.lastIndexOf(ids[i] ?? '')
      ? `collective ${i + 1}`
      : `collective "${ids[i]}"`;
  collectives.forEach((collective, i) => {
    const first = ids.indexOf(collective.id);
    if (first < i) {
      problems.push(
        `- collective ${i + 1}: id "${collective.id}" is collective ${first + 1}'s too; each needs its own id`,
      );
    }
    for (let j = 0; j < i; j++) {
      const other = collectives[j] as CollectiveEntry;
      if (collective.slack && collective.slack.team === other.slack?.team) {
        problems.push(
          `- ${label(i)}: slack.team ${collective.slack.team} is already ${label(j)}'s; a Slack workspace belongs to one collective`,
        );
      }
      if (collective.discord && collective.discord.guild === other.discord?.guild) {
        problems.push(
          `- ${label(i)}: discord.guild ${collective.discord.guild} is already ${label(j)}'s; a Discord server belongs to one collective`,
        );
      }
    }
    for (const platform of ['slack', 'discord'] as const) {
      const channel = collective[platform]?.incidentChannel;
      collectives.forEach((other, j) => {
        if (j === i || channel === undefined) return;
        const role =
          other[platform]?.incidentChannel === channel
            ? 'incident'
            : other[platform]?.leadsChannel === channel
              ? 'leads'
              : undefined;
        // The same incident channel twice is reported once, at the later collective.
        if (role === undefined || (role === 'incident' && j > i)) return;
        problems.push(
          `- ${label(i)}: ${platform}.incidentChannel ${channel} is ${label(j)}'s ${role} channel; each collective needs its own`,
        );
      });
    }
  });
  return problems;
}

function toCollective(entry: CollectiveEntry, defaults: CollectiveDefaults): CollectiveConfig {
  const { frequent, rally, slack, discord } = entry;
  return {
    id: entry.id,
    settings: {
      collectiveId: entry.id,
      sharesSignals: entry.share ?? defaults.sharesSignals,
      collectiveName: entry.name,
      timezone: entry.timezone ?? defaults.timezone,
      language: entry.language ?? defaults.language,
      frequentRule: {
        minIncidents: frequent?.minIncidents ?? defaults.frequentRule.minIncidents,
        minTargets: frequent?.minTargets ?? defaults.frequentRule.minTargets,
        windowDays: frequent?.windowDays ?? defaults.frequentRule.windowDays,
        lapseDays: frequent?.lapseDays ?? defaults.frequentRule.lapseDays,
        countShared: frequent?.countShared ?? defaults.frequentRule.countShared ?? false,
      },
      rally: {
        waveSize: rally?.waveSize ?? defaults.rally.waveSize,
        waveGapMinutes: rally?.waveMinutes ?? defaults.rally.waveGapMinutes,
        enoughActors: rally?.enough ?? defaults.rally.enoughActors,
        consentMinutes: rally?.consentMinutes ?? defaults.rally.consentMinutes,
      },
      safety: { ...defaults.safety, ...withoutUnset(entry.safety ?? {}) },
    },
    digestCron: entry.digestCron ?? defaults.digestCron,
    ...(slack ? { slack: collectiveSlack({ ...slack, teamId: slack.team }) } : {}),
    ...(discord ? { discord: collectiveDiscord({ ...discord, guildId: discord.guild }) } : {}),
  };
}

function withoutUnset<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}
