import { webApi } from '@slack/bolt';
import { type Language, languageOfLocale } from '../../../src/core/i18n/language.ts';
import { type Translator, translator } from '../../../src/core/i18n/translator.ts';
import { describeError } from '../../../src/core/run-command.ts';
import { privacyOf, type SlackChannelInfo } from '../channel-privacy.ts';
import type { InstalledWorkspaces } from '../installed-workspaces.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';
import type { ServedInstallations } from '../served-installations.ts';
import { SlackSetupError } from '../startup-checks.ts';
import type { WorkspaceSetup, WorkspaceSetupFields } from '../workspace-setups.ts';
import { setupFields } from './setup-fields.ts';
import { isTimeZone, parseSetup, type SetupRequest } from './setup-grammar.ts';
import { renderSetupSummary } from './setup-summary.ts';

/** Who typed /setup, where, and what. */
export interface SetupInvocation {
  teamId: string;
  userId: string;
  channelId: string;
  text: string;
}

/**
 * /setup: the installing admin makes a workspace a collective's (its private incident channel, its first lead),
 * and its leads change that setup later. Every answer is private; a refusal or a bad value changes nothing.
 */
export class WorkspaceSetupCommand {
  constructor(
    private readonly workspaces: InstalledWorkspaces,
    private readonly installations: ServedInstallations,
    private readonly clientOptions: webApi.WebClientOptions,
  ) {}

  /** The private answer, as Slack mrkdwn. */
  async run(invocation: SetupInvocation): Promise<string> {
    const { teamId, userId } = invocation;
    if (this.installations.isConfigured(teamId)) return english('slack.setup.configured_on_server');
    const installation = await this.installations.installationOf(teamId);
    const botToken = installation?.bot?.token;
    if (!installation || !botToken) return english('slack.setup.not_installed');
    const client = new webApi.WebClient(botToken, this.clientOptions);
    const setup = await this.workspaces.installs.setups.find(teamId);
    const profile = setup ? undefined : await profileOf(client, userId);
    const t = translator(setup?.language ?? profile?.language ?? 'en');
    const installer = installation.user.id;
    if (!setup && userId !== installer) return t('slack.setup.only_installer');
    if (setup && userId !== installer && !setup.leads.includes(userId)) return t('slack.setup.only_leads');
    const parsed = parseSetup(invocation.text);
    if (!parsed.ok)
      return parsed.problem === 'unknown'
        ? t('slack.setup.problem.unknown', { usage: t('slack.setup.usage') })
        : t(`slack.setup.problem.${parsed.problem}`);
    const { request } = parsed;
    if (!setup) {
      if (request.kind !== 'show') return t('slack.setup.first_in_channel');
      const problem = await channelProblem(client, invocation.channelId, t);
      if (problem) return problem;
      return this.save(
        teamId,
        firstSetup(invocation, installation.team?.name, profile),
        userId,
        (saved, said) =>
          [
            said('slack.setup.done', { name: escapeMrkdwn(saved.name) }),
            '',
            renderSetupSummary(saved, said),
          ].join('\n'),
      );
    }
    // Set up but not served (it could not be connected at start, say its channel was public then): /setup on
    // its own connects it again once it can be.
    const served = this.installations.authorizationOf(teamId) !== undefined;
    if (request.kind === 'show' && served)
      return [t('slack.setup.current'), renderSetupSummary(setup, t)].join('\n');
    const changed =
      request.kind === 'show'
        ? ((await channelProblem(client, setup.incidentChannel, t)) ?? setupFields(setup))
        : await this.change(setup, request, invocation.channelId, client, t);
    if (typeof changed === 'string') return changed;
    return this.save(teamId, changed, userId, (saved, said) =>
      [said('slack.setup.saved'), renderSetupSummary(saved, said)].join('\n'),
    );
  }

  /** The setup with one thing changed, or why it can't be. */
  private async change(
    setup: WorkspaceSetup,
    request: Exclude<SetupRequest, { kind: 'show' }>,
    channelId: string,
    client: webApi.WebClient,
    t: Translator,
  ): Promise<WorkspaceSetupFields | string> {
    const fields = setupFields(setup);
    switch (request.kind) {
      case 'name':
        return { ...fields, name: request.name };
      case 'leads':
        return { ...fields, leads: request.leads };
      case 'language':
        return { ...fields, language: request.language };
      case 'timezone':
        return { ...fields, timezone: request.timezone };
      case 'share':
        return { ...fields, sharesSignals: request.on };
      case 'leads-channel': {
        if (request.clear) return { ...fields, leadsChannel: null };
        if (channelId === setup.incidentChannel) return t('slack.setup.leads_channel_is_incidents');
        return (await channelProblem(client, channelId, t)) ?? { ...fields, leadsChannel: channelId };
      }
      case 'channel': {
        if (channelId === setup.incidentChannel) return t('slack.setup.already_incident_channel');
        if (channelId === setup.leadsChannel) return t('slack.setup.leads_channel_is_incidents');
        return (await channelProblem(client, channelId, t)) ?? { ...fields, incidentChannel: channelId };
      }
    }
  }

  /** Records the setup, then serves the workspace with the bot it comes with; answers in its language. */
  private async save(
    teamId: string,
    fields: WorkspaceSetupFields,
    by: string,
    answer: (saved: WorkspaceSetup, t: Translator) => string,
  ): Promise<string> {
    return this.workspaces.exclusive(teamId, async () => {
      const { setup, bot, replaced } = await this.workspaces.installs.setups.save(teamId, fields, by);
      const t = translator(setup.language);
      try {
        await this.workspaces.connect(setup, bot, replaced);
      } catch (error) {
        // Start-up's own refusals are ours to show; anything else is named by its kind only.
        const { type, code } = describeError(error);
        const reason = error instanceof SlackSetupError ? error.message : (code ?? type);
        return t('slack.setup.connect_failed', { reason });
      }
      return answer(setup, t);
    });
  }
}

const english = translator('en');

/**
 * A new setup, from where and by whom /setup was typed: this channel for incidents, its installer the first
 * lead, the workspace's name, the installer's Slack language and time zone, and signals shared.
 */
function firstSetup(
  invocation: SetupInvocation,
  workspaceName: string | undefined,
  profile: { language: Language; timezone: string | undefined } | undefined,
): WorkspaceSetupFields {
  return {
    name: workspaceName?.trim().slice(0, 80) || 'Shieldwall',
    incidentChannel: invocation.channelId,
    leadsChannel: null,
    leads: [invocation.userId],
    language: profile?.language ?? 'en',
    timezone: profile?.timezone ?? 'UTC',
    sharesSignals: true,
  };
}

/** Why a channel can't be the incident (or leads') channel, or undefined when it can. */
async function channelProblem(
  client: webApi.WebClient,
  channelId: string,
  t: Translator,
): Promise<string | undefined> {
  if (channelId.startsWith('D')) return t('slack.setup.not_in_dm');
  let channel: (SlackChannelInfo & { is_member?: boolean }) | undefined;
  try {
    channel = (await client.conversations.info({ channel: channelId })).channel;
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    // A private channel the bot isn't in does not exist, for the bot.
    if (code === 'channel_not_found') return t('slack.setup.invite_bot');
    return t('slack.setup.channel_unchecked', { code: code ?? 'no answer' });
  }
  const privacy = privacyOf(channel);
  if (!privacy.private)
    return t('slack.setup.channel_not_private', { why: t(privacy.why), fix: t(privacy.fix) });
  if (channel?.is_member === false) return t('slack.setup.invite_bot');
  return undefined;
}

/** The person's Slack language and time zone, which a new setup starts from. */
async function profileOf(
  client: webApi.WebClient,
  userId: string,
): Promise<{ language: Language; timezone: string | undefined }> {
  const { user } = await client.users.info({ user: userId, include_locale: true });
  return {
    language: languageOfLocale(user?.locale) === 'fr' ? 'fr' : 'en',
    timezone: user?.tz && isTimeZone(user.tz) ? user.tz : undefined,
  };
}
