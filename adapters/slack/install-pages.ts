import type { ServerResponse } from 'node:http';
import type { MessageKey } from '../../src/core/i18n/translator.ts';
import { translator } from '../../src/core/i18n/translator.ts';

// Nobody has chosen a language yet when Slack sends the admin back here, so the page says it in both.
const LANGUAGES = [translator('en'), translator('fr')] as const;

/** After "Add to Slack": what the installing admin does next, in plain words. */
export function sendInstalledPage(response: ServerResponse, workspaceName: string | undefined): void {
  const body = LANGUAGES.map((t) =>
    section(
      workspaceName ? t('slack.install.done_in', { workspace: workspaceName }) : t('slack.install.done'),
      [t('slack.install.next'), t('slack.install.step_invite'), t('slack.install.step_setup')],
      t('slack.install.later'),
    ),
  );
  send(response, 200, body);
}

/** The installation did not happen: why, if it is something the admin can do about, and that nothing changed. */
export function sendInstallFailedPage(response: ServerResponse, errorCode: string | undefined): void {
  const why: MessageKey =
    errorCode === 'slack_oauth_missing_state' || errorCode === 'slack_oauth_invalid_state'
      ? 'slack.install.failed_state'
      : errorCode === 'slack_oauth_installer_authorization_error'
        ? 'slack.install.failed_cancelled'
        : 'slack.install.failed_other';
  const body = LANGUAGES.map((t) =>
    section(t('slack.install.failed'), [t(why)], t('slack.install.nothing_changed')),
  );
  send(response, 400, body);
}

function section(title: string, lines: string[], closing: string): string {
  const [first, ...steps] = lines;
  const list =
    steps.length > 0 ? `<ol>${steps.map((step) => `<li>${escapeHtml(step)}</li>`).join('')}</ol>` : '';
  return `<section><h1>${escapeHtml(title)}</h1><p>${escapeHtml(first ?? '')}</p>${list}<p>${escapeHtml(closing)}</p></section>`;
}

function send(response: ServerResponse, status: number, sections: string[]): void {
  const html =
    '<!doctype html><html><head><meta charset="utf-8"><title>Shieldwall</title>' +
    '<meta name="viewport" content="width=device-width, initial-scale=1"></head>' +
    `<body style="font-family: sans-serif; max-width: 40em; margin: 2em auto; line-height: 1.5">${sections.join('<hr>')}</body></html>`;
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  response.end(html);
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
