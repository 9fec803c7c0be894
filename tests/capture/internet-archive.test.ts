import { afterEach, describe, expect, it } from 'vitest';
import { createInternetArchive } from '../../src/capture/internet-archive.ts';
import { type FakeArchive, type FakeArchiveOptions, startFakeArchive } from '../fakes/internet-archive.ts';

const POST = 'https://social.example/@attacker/posts/123?ref=share&token=s3cr3t';

describe('Internet Archive Save Page Now client', () => {
  let archive: FakeArchive | undefined;
  afterEach(async () => {
    await archive?.close();
    archive = undefined;
  });

  async function start(options: FakeArchiveOptions = {}): Promise<FakeArchive> {
    archive = await startFakeArchive(options);
    return archive;
  }

  it('a saved page gives the Wayback address of its capture', async () => {
    const fake = await start({ timestamp: '20261204195501', pendingPolls: 1 });
    const client = createInternetArchive({ baseUrl: fake.url, pollMs: 10 });

    const result = await client.save(POST);

    expect(result).toEqual({ ok: true, archiveUrl: `${fake.url}/web/20261204195501/${POST}` });
    const [submit, ...polls] = fake.requests;
    expect(submit).toMatchObject({
      method: 'POST',
      path: '/save',
      form: { url: POST },
      accept: 'application/json',
    });
    // One `pending`, then `success`.
    expect(polls.map((poll) => poll.method)).toEqual(['GET', 'GET']);
  });

  it("a failed capture gives SPN2's error code, never the page's address or query", async () => {
    const fake = await start({ outcome: { statusExt: 'error:bad-gateway' } });
    const client = createInternetArchive({ baseUrl: fake.url, pollMs: 10 });

    const result = await client.save(POST);

    expect(result).toEqual({ ok: false, reason: 'error:bad-gateway' });
    expect(JSON.stringify(result)).not.toContain('s3cr3t');
  });

  it('a 429 from the archive is rate-limited', async () => {
    const fake = await start({ rateLimited: true });
    const client = createInternetArchive({ baseUrl: fake.url, pollMs: 10 });

    expect(await client.save(POST)).toEqual({ ok: false, reason: 'rate-limited' });
  });

  it('a capture that stays pending past the time-out ends as timed-out', async () => {
    const fake = await start({ pendingPolls: Number.POSITIVE_INFINITY });
    const client = createInternetArchive({ baseUrl: fake.url, pollMs: 20, timeoutMs: 300 });

    const started = Date.now();
    const result = await client.save(POST);

    expect(result).toEqual({ ok: false, reason: 'timed-out' });
    expect(fake.requests.length).toBeGreaterThan(2);
    // Generous: it must stop long before the test's own time-out.
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("the caller's abort ends the save as aborted", async () => {
    const fake = await start({ pendingPolls: Number.POSITIVE_INFINITY });
    const client = createInternetArchive({ baseUrl: fake.url, pollMs: 20 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);

    expect(await client.save(POST, controller.signal)).toEqual({ ok: false, reason: 'aborted' });
  });

  it('an unreachable archive is unreachable', async () => {
    const fake = await start();
    const url = fake.url;
    await fake.close();
    archive = undefined;
    const client = createInternetArchive({ baseUrl: url, pollMs: 10 });

    expect(await client.save(POST)).toEqual({ ok: false, reason: 'unreachable' });
  });

  it('keys go as the LOW authorization header on every request, and the save succeeds', async () => {
    const fake = await start({ accessKey: 'ACCESS1', secretKey: 'SECRET1' });
    const client = createInternetArchive({
      baseUrl: fake.url,
      pollMs: 10,
      accessKey: 'ACCESS1',
      secretKey: 'SECRET1',
    });

    const result = await client.save(POST);

    expect(result.ok).toBe(true);
    expect(fake.requests.length).toBeGreaterThan(1);
    for (const request of fake.requests) expect(request.authorization).toBe('LOW ACCESS1:SECRET1');
  });

  it('wrong keys are refused, and the reason does not carry them', async () => {
    const fake = await start({ accessKey: 'ACCESS1', secretKey: 'SECRET1' });
    const client = createInternetArchive({
      baseUrl: fake.url,
      pollMs: 10,
      accessKey: 'ACCESS1',
      secretKey: 'WRONG-SECRET',
    });

    const result = await client.save(POST);

    expect(result).toEqual({ ok: false, reason: 'http-401' });
    expect(JSON.stringify(result)).not.toContain('WRONG-SECRET');
  });

  it('without keys no authorization header is sent', async () => {
    const fake = await start();
    const client = createInternetArchive({ baseUrl: fake.url, pollMs: 10 });

    expect((await client.save(POST)).ok).toBe(true);
    expect(fake.requests.length).toBeGreaterThan(1);
    for (const request of fake.requests) expect(request.authorization).toBeUndefined();
  });

  it('an answer that is not SPN2 JSON is a bad answer, not a crash', async () => {
    const fake = await start({ answerHtml: true });
    const client = createInternetArchive({ baseUrl: fake.url, pollMs: 10 });

    expect(await client.save(POST)).toEqual({ ok: false, reason: 'bad-answer' });
  });
});
