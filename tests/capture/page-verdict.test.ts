import { describe, expect, it } from 'vitest';
import { type LoadedPage, pageVerdict } from '../../src/capture/page-verdict.ts';

const post: LoadedPage = {
  requestedUrl: 'https://x.com/someone/status/1',
  finalUrl: 'https://x.com/someone/status/1',
  httpStatus: 200,
  hasPasswordField: false,
  visibleText: 'A nasty post',
};

describe('telling a page from a login wall or a removal notice', () => {
  it('takes a page that shows its post as fine', () => {
    expect(pageVerdict(post)).toBe('fine');
  });

  it.each([
    'https://x.com/i/flow/login?redirect_after_login=%2Fsomeone',
    'https://www.instagram.com/accounts/login/?next=/p/abc/',
    'https://www.facebook.com/login.php?next=x',
    'https://www.facebook.com/checkpoint/block',
    'https://example.com/login',
    'https://example.com/signin',
  ])('calls a redirect to %s a login wall', (finalUrl) => {
    expect(pageVerdict({ ...post, finalUrl })).toBe('login-wall');
  });

  it('calls a visible password field on the post’s own address a login wall', () => {
    expect(pageVerdict({ ...post, hasPasswordField: true })).toBe('login-wall');
  });

  it('does not call a login page a wall when the login page is what was asked for', () => {
    const login = 'https://example.com/login';
    expect(pageVerdict({ ...post, requestedUrl: login, finalUrl: login, hasPasswordField: true })).toBe(
      'fine',
    );
  });

  it('does not take a path that merely starts with login for a login page', () => {
    expect(pageVerdict({ ...post, finalUrl: 'https://example.com/loginsights/post/1' })).toBe('fine');
  });

  it.each([404, 410])('calls HTTP %i removed', (httpStatus) => {
    expect(pageVerdict({ ...post, httpStatus })).toBe('removed');
  });

  it.each([
    'Hmm...this page doesn’t exist. This account doesn’t exist. Try searching for another.',
    'Account suspended. X suspends accounts which violate the X Rules.',
    'This post is unavailable.',
    "Sorry, this page isn't available. The link you followed may be broken.",
    'This content isn’t available right now',
    'Page not found',
  ])('calls a page that says “%s” removed, whatever its status', (visibleText) => {
    expect(pageVerdict({ ...post, visibleText })).toBe('removed');
  });
});
