import { LANGUAGE_NAME } from '../../../src/core/i18n/language.ts';
import type { Translator } from '../../../src/core/i18n/translator.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';
import type { WorkspaceSetup } from '../workspace-setups.ts';

/**
 * A workspace's setup as its leads read it, then the trust model in two lines: what the other collectives get
 * of it, and how to stop that. Channels and people are Slack mentions, so Slack shows their current names.
 */
export function renderSetupSummary(setup: WorkspaceSetup, t: Translator): string {
  const leadsChannel = setup.leadsChannel
    ? t('slack.setup.summary_leads_channel', { channel: `<#${setup.leadsChannel}>` })
    : t('slack.setup.summary_no_leads_channel');
  return [
    `• ${t('slack.setup.summary_name', { name: `*${escapeMrkdwn(setup.name)}*` })}`,
    `• ${t('slack.setup.summary_channel', { channel: `<#${setup.incidentChannel}>` })}`,
    `• ${leadsChannel}`,
    `• ${t('slack.setup.summary_leads', { leads: t.list(setup.leads.map((lead) => `<@${lead}>`)) })}`,
    `• ${t('slack.setup.summary_language', { language: LANGUAGE_NAME[setup.language], timezone: setup.timezone })}`,
    `• ${t(setup.sharesSignals ? 'slack.setup.summary_sharing_on' : 'slack.setup.summary_sharing_off')}`,
    '',
    t('slack.setup.trust_shared'),
    t(setup.sharesSignals ? 'slack.setup.trust_opt_out' : 'slack.setup.trust_opt_in'),
    '',
    t('slack.setup.change_with', { usage: t('slack.setup.usage') }),
  ].join('\n');
}
