import { describe, expect, it } from 'vitest';
import { responseUrlOrigins, slackResponseUrl } from '../../adapters/slack/response-url.ts';

describe("a modal's response URL", () => {
  const real = responseUrlOrigins(undefined);
  const inTests = responseUrlOrigins('http://127.0.0.1:4567/api/');

  it("is used only on Slack's own hooks host, or the configured API's origin", () => {
    const hook = 'https://hooks.slack.com/commands/T0TEST/123/abc';
    expect(slackResponseUrl(hook, real)).toBe(hook);
    expect(slackResponseUrl('http://127.0.0.1:4567/response/r1', inTests)).toBe(
      'http://127.0.0.1:4567/response/r1',
    );
  });

  it('is refused anywhere else, however close it looks', () => {
    for (const forged of [
      'https://hooks.slack.com.evil.example/commands/T/1/x',
      'https://evil.example/?next=https://hooks.slack.com/commands/T/1/x',
      'http://hooks.slack.com/commands/T/1/x',
      'https://hooks.slack.com@evil.example/commands',
      'https://slack.com/api/chat.postMessage',
      'http://127.0.0.1:4568/response/r1',
      'not a url',
    ]) {
      expect(slackResponseUrl(forged, real)).toBeUndefined();
      expect(slackResponseUrl(forged, inTests)).toBeUndefined();
    }
  });
});
