import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useFreshLedger } from '../support/fresh-ledger.ts';
import { messageText, SlackRig, USERS } from './slack-rig.ts';

const ledger = useFreshLedger();
let slack: SlackRig;
beforeEach(async () => {
  slack = await SlackRig.start(ledger.db);
});
afterEach(async () => {
  await slack.stop();
});

const NO_PREVIEWS = { unfurl_links: false, unfurl_media: false };
const filledFlagForm = (url: string) => ({
  url: { url: { type: 'plain_text_input', value: url } },
  category: { category: { type: 'static_select', selected_option: { value: 'threat' } } },
});

/** Somewhere that isn't Slack, recording whatever reaches it. */
async function startElsewhere(): Promise<{ url: string; hits: string[]; close: () => Promise<void> }> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/commands/T0TEST/1/forged`,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('Slack: answers through response URLs', () => {
  it('ask Slack not to preview the links they hold, after a slash command and after a modal', async () => {
    const { responseId } = await slack.slash('ana', 'flag', 'https://x.com/SomeTroll/status/123 threat');
    await slack.privateReply(responseId);
    const metadata = JSON.stringify({ responseUrl: slack.fake.responseUrl('modal-ok') });
    await slack.submit('ben', 'sw_form_flag', filledFlagForm('https://x.com/SomeTroll/status/124'), metadata);
    await slack.privateReply('modal-ok');

    const posts = slack.fake.responseUrlPosts.filter((p) => [responseId, 'modal-ok'].includes(p.id));
    expect(posts).toHaveLength(2);
    for (const post of posts) expect(post.body).toMatchObject(NO_PREVIEWS);
  });

  it("never POSTs to a response URL in a modal's metadata that isn't Slack's; the answer goes by direct message", async () => {
    const elsewhere = await startElsewhere();
    try {
      const metadata = JSON.stringify({ responseUrl: elsewhere.url });
      const answer = await slack.submit(
        'ana',
        'sw_form_flag',
        filledFlagForm('https://x.com/SomeTroll/status/125'),
        metadata,
      );
      expect(answer.status).toBe(200);
      const dm = await slack.waitFor(() =>
        slack.fake.callsTo('chat.postMessage').find((call) => call.body.channel === USERS.ana),
      );
      expect(messageText(dm.body)).toContain('Recorded as SW-1');
      // The Web API is form-encoded: booleans arrive as text.
      expect(dm.body).toMatchObject({ unfurl_links: 'false', unfurl_media: 'false' });
      expect(elsewhere.hits).toEqual([]);
    } finally {
      await elsewhere.close();
    }
  });
});
