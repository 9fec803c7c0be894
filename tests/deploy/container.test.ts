import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFile(path.join(root, file), 'utf8');

// Docker can't run here, so the image's promises are checked in its recipe (and dockerfilelint runs in lint).
describe('the container recipe', () => {
  it('builds in stages on Node 24 slim, runs as a non-root user, and checks its own health', async () => {
    const dockerfile = await read('Dockerfile');
    expect(dockerfile.match(/^FROM node:24-slim/gm)).toHaveLength(2);
    expect(dockerfile).toMatch(/^COPY --from=dependencies /m);
    expect(dockerfile).toMatch(/^RUN npm ci --omit=dev/m);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n.*\/readyz/m);
    expect(dockerfile).toMatch(/^CMD \["node", "bin\/shieldwall.mjs", "start"\]$/m);
    // Everything the bot loads at run time is copied in.
    for (const folder of ['bin', 'src', 'adapters', 'scripts', 'migrations']) {
      expect(dockerfile).toMatch(new RegExp(`^COPY ${folder} \\./${folder}$`, 'm'));
    }
    // The bundle the bot starts from is built in the image, from the sources copied in.
    expect(dockerfile).toMatch(/^RUN node scripts\/build\.mjs/m);
  });

  it("carries Debian's Chromium for page captures, and says where it is", async () => {
    const dockerfile = await read('Dockerfile');
    expect(dockerfile).toMatch(/apt-get install -y --no-install-recommends [^\n]*\bchromium\b/);
    expect(dockerfile).toMatch(/^\s+CHROMIUM_PATH=\/usr\/bin\/chromium$/m);
  });

  it('runs beside PostgreSQL in docker compose, with secrets from .env and never in the file', async () => {
    const compose = await read('docker-compose.yml');
    expect(compose).toContain('image: postgres:16');
    expect(compose).toContain(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a docker compose variable, not a template.
      'DATABASE_URL: postgres://shieldwall:${POSTGRES_PASSWORD}@postgres:5432/shieldwall',
    );
    expect(compose).toContain('env_file: .env');
    // A server ledger needs the pseudonym key from outside the database; compose refuses to start without it.
    expect(compose).toMatch(/SHIELDWALL_PSEUDONYM_KEY: \$\{SHIELDWALL_PSEUDONYM_KEY:\?/);
    expect(compose).toContain('condition: service_healthy');
    expect(compose).not.toMatch(/xox[bp]-|SLACK_BOT_TOKEN:|DISCORD_TOKEN:/);
    expect(await read('.dockerignore')).toContain('.shieldwall');
  });
});
