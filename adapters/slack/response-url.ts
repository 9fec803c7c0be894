/** Slack's own host for response URLs; a modal's metadata naming any other is not Slack's. */
const SLACK_RESPONSE_ORIGIN = 'https://hooks.slack.com';

/** Where a response URL may point: Slack's hooks host, and the configured API's origin (a fake, in tests). */
export function responseUrlOrigins(apiUrl: string | undefined): readonly string[] {
  return [SLACK_RESPONSE_ORIGIN, ...(apiUrl ? [new URL(apiUrl).origin] : [])];
}

/**
 * The response URL if it is Slack's own, else undefined. A modal's private_metadata comes back to us in the
 * submission, so it is checked like any input: answers (with incident details) must never be POSTed to a URL
 * someone else chose.
 */
export function slackResponseUrl(url: string | undefined, origins: readonly string[]): string | undefined {
  if (url === undefined) return undefined;
  try {
    return origins.includes(new URL(url).origin) ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Slack would otherwise preview the links an answer holds (the abusive post's, the target's). */
export const NO_UNFURL = { unfurl_links: false, unfurl_media: false } as const;
