import { type Browser, chromium } from 'playwright-core';

// Closed network, no GPU, nothing phoning home; WebRTC may not send UDP around the egress proxy.
const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
  // Loopback goes through the proxy too, where it is refused (Playwright says the same for each context).
  '--proxy-bypass-list=<-loopback>',
];

export interface SharedBrowser {
  /** Marks one user; the browser is launched if it is not running. Call the returned release when done. */
  use(): Promise<{ browser: Browser; release: () => void }>;
  close(): Promise<void>;
}

/** One Chromium for all captures, launched on first use and closed once nobody has used it for idleMs. */
export function createSharedBrowser(executablePath: string, idleMs: number): SharedBrowser {
  let launching: Promise<Browser> | undefined;
  let users = 0;
  let idleTimer: NodeJS.Timeout | undefined;

  // A browser that crashed or failed to start is forgotten, so the next capture launches a new one.
  const launch = (): Promise<Browser> => {
    const attempt = chromium.launch({
      executablePath,
      args: CHROMIUM_ARGS,
      // Playwright passes --no-sandbox unless asked for the sandbox; Chromium refuses to sandbox as root.
      chromiumSandbox: process.getuid?.() !== 0,
    });
    const forget = () => {
      if (launching === attempt) launching = undefined;
    };
    attempt.then((browser) => browser.on('disconnected', forget), forget);
    return attempt;
  };

  const shutDown = async (): Promise<void> => {
    const running = launching;
    launching = undefined;
    await (await running?.catch(() => undefined))?.close();
  };

  return {
    async use() {
      users += 1;
      clearTimeout(idleTimer);
      launching ??= launch();
      let browser: Browser;
      try {
        browser = await launching;
      } catch (error) {
        users -= 1;
        throw error;
      }
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        users -= 1;
        if (users > 0) return;
        idleTimer = setTimeout(() => void shutDown(), idleMs);
        idleTimer.unref();
      };
      return { browser, release };
    },
    async close() {
      clearTimeout(idleTimer);
      await shutDown();
    },
  };
}
