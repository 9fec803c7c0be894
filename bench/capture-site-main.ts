// The capture benchmarks' website in a process of its own (see RemoteCaptureSite), as a platform is not in the
// bot's process: serving its pages must not count as the bot's work.
import { CaptureSite } from './capture-site.ts';

const site = await CaptureSite.start();
process.send?.({ origin: site.origin, pageBytes: site.pageBytes });
process.on('disconnect', () => {
  void site.close().finally(() => process.exit(0));
});
