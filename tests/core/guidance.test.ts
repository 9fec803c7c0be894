import { describe, expect, it } from 'vitest';
import { buildGuidance } from '../../src/core/guidance/build-guidance.ts';
import { translator } from '../../src/core/i18n/translator.ts';
import type { IncidentView } from '../../src/core/ledger-port.ts';
import { testSettings } from '../support/core-harness.ts';
import { sampleIncident } from '../support/sample-incident.ts';

const incident = sampleIncident;

const guide = (overrides: Partial<IncidentView> = {}, noteRecorded = true) =>
  buildGuidance(translator('en'), {
    incident: incident(overrides),
    noteRecorded,
    safety: testSettings.safety,
    timezone: 'America/Chicago',
  });

describe('guidance for a comment, and for attacks with no link', () => {
  const text = (overrides: Partial<IncidentView>) =>
    guide(overrides)
      .map((s) => [s.heading, ...s.lines].join('\n'))
      .join('\n');

  it('asks for the comment to be reported, never the post it sits under', () => {
    const comment = text({
      kind: 'comment',
      platform: 'facebook',
      canonicalUrl: 'https://facebook.com/drjanedoe/posts/123?comment_id=9',
      offender: null,
      offenderNamedBy: null,
    });
    expect(comment).toContain('report the comment itself');
    expect(comment).toContain('Screenshot the comment');
  });

  it.each([
    ['dm', 'instagram', 'Block and report the sender on Instagram', "colleagues can't report them for you"],
    ['email', 'email', 'Keep the email, then block the sender', 'its headers show where it came from'],
    ['phone', 'offline', 'Write it down now', 'Write down the number, the date and time'],
    ['complaint', 'offline', "Don't answer it alone", 'medical protective association'],
    ['letter', 'offline', 'Keep the letter and its envelope', 'postmark'],
    ['in_person', 'offline', 'Get safe, then write it down', '911'],
    ['other', 'offline', 'Keep what shows it happened', 'with dates and times'],
  ] as const)('fits a %s: %s', (channel, platform, heading, advice) => {
    const shown = text({ kind: 'offline', channel, platform, canonicalUrl: 'offline:x', offender: null });
    expect(shown).toContain(heading);
    expect(shown).toContain(advice);
    // No link to screenshot or report, and no post to reply under.
    expect(shown).not.toContain('offline:x');
    expect(shown).not.toContain('Report it to');
    expect(shown).not.toContain('reply to your post');
    expect(shown).toContain('reach out to you privately');
  });
});

describe('guidance after a flag', () => {
  it('puts the safety path first for threats, naming the emergency number, police and legal help', () => {
    const sections = guide({ category: 'threat', severity: 'critical' });
    expect(sections[0]?.heading).toBe('Your safety first');
    const safety = sections[0]?.lines.join('\n') ?? '';
    expect(safety).toContain('911');
    expect(safety).toContain('the police non-emergency line');
    expect(safety).toContain('SW-12');
    expect(safety).toContain('the legal desk');
  });

  it('adds taking down personal information for doxxing', () => {
    expect(guide({ category: 'doxxing', severity: 'critical' })[0]?.lines.join(' ')).toContain(
      'personal information',
    );
  });

  it('leads with the record for non-critical incidents, without the safety path', () => {
    const headings = guide().map((s) => s.heading);
    expect(headings).toEqual([
      'Keep a record',
      'Report it to X (Twitter)',
      "Don't engage",
      'Look after yourself',
    ]);
  });

  it("asks for screenshots of the post and the account's home page, and lists what is already recorded", () => {
    const record = guide()[0]?.lines.join('\n') ?? '';
    expect(record).toContain('https://x.com/sometroll');
    expect(record).toContain('2026-11-18 15:04 UTC (2026-11-18 09:04 America/Chicago)');
    expect(record).toContain('the wording you gave');
    expect(guide({}, false)[0]?.lines.join('\n')).toContain('Add the exact wording');
  });

  it("links the platform's harassment policy and says never to reply to or tag the attacker", () => {
    const text = guide()
      .flatMap((s) => s.lines)
      .join('\n');
    expect(text).toContain('https://help.x.com/en/rules-and-policies/abusive-behavior');
    expect(text).toMatch(/Don't reply to, quote or tag the attacker/);
    expect(text).toContain('the PHP');
  });

  it("sends Mastodon reports to the instance's own moderators and email to the provider's abuse address", () => {
    const mastodon = guide({ platform: 'mastodon', canonicalUrl: 'https://mastodon.social/@troll/1' })
      .flatMap((s) => s.lines)
      .join('\n');
    expect(mastodon).toContain('https://mastodon.social/about');
    const email = guide({
      platform: 'email',
      kind: 'email',
      canonicalUrl: 'mailto:troll@example.com#2026-11-18',
      offender: null,
    })
      .flatMap((s) => s.lines)
      .join('\n');
    expect(email).toContain('abuse@example.com');
  });
});

describe('keeping a record with page capture on', () => {
  const records = (
    overrides: Partial<IncidentView>,
    captures: Parameters<typeof buildGuidance>[1]['captures'],
  ) =>
    buildGuidance(translator('en'), {
      incident: incident(overrides),
      noteRecorded: true,
      safety: testSettings.safety,
      timezone: 'UTC',
      captures,
    })
      .find((section) => section.heading === 'Keep a record')
      ?.lines.join('\n') ?? '';
  const capture = (state: 'captured' | 'failed') => ({
    page: 'post' as const,
    state,
    failure: state === 'failed' ? ('login-wall' as const) : null,
    capturedAt: new Date('2026-11-18T15:05:00Z'),
    goneAt: null,
    goneReason: null,
    stillUpAt: null,
  });

  it('says the bot is capturing a new post, when it captured it, or why it could not', () => {
    expect(records({}, 'starting')).toContain('Shieldwall is capturing the post and the account');
    expect(records({}, [capture('captured')])).toContain(
      'Shieldwall captured the post at 2026-11-18 15:05 UTC',
    );
    expect(records({}, [capture('failed')])).toContain(
      'Shieldwall could not capture the post (the site showed a login wall instead of the post): please screenshot it',
    );
  });

  it('keeps asking for screenshots where there is no page to capture, as for an email', () => {
    const email = records(
      {
        platform: 'email',
        kind: 'email',
        canonicalUrl: 'mailto:troll@example.com#2026-11-18',
        offender: null,
      },
      'starting',
    );
    expect(email).not.toContain('capturing');
    expect(email).toContain('Screenshot the post');
  });
});
