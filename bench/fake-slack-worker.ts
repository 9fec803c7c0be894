import { parentPort, workerData } from 'node:worker_threads';
import { FakeSlack, type FakeSlackOptions } from '../tests/fakes/fake-slack.ts';
import type { CallsRequest, WaitRequest } from './fake-slack-thread.ts';

// The fake Slack's side of FakeSlackThread: the fake itself, answering the main thread's waits.
const port = parentPort;
if (!port) throw new Error('fake-slack-worker runs as a worker thread');
const fake = await FakeSlack.start(workerData as FakeSlackOptions);
port.on('message', (message: WaitRequest | CallsRequest | { type: 'close' }) => {
  if (message.type === 'close') {
    void fake.close().then(() => port.close());
    return;
  }
  if (message.type === 'calls') {
    const calls = fake.callsTo(message.method).map(({ body, at }) => ({ body, at }));
    port.postMessage({ type: 'calls', id: message.id, calls });
    return;
  }
  const waited = message.method
    ? fake.waitForCalls(message.method, message.count, message.timeoutMs)
    : fake.waitForResponseUrlPosts(message.count, message.timeoutMs);
  waited.then(
    () => port.postMessage({ type: 'waited', id: message.id }),
    (error: unknown) => port.postMessage({ type: 'waited', id: message.id, error: String(error) }),
  );
});
port.postMessage({ type: 'ready', apiUrl: fake.apiUrl, responseUrlBase: fake.responseUrl('') });
