/** What a logged-out browser was shown, enough to tell a real page from a wall or a removal notice. */
export interface LoadedPage {
  requestedUrl: string;
  finalUrl: string;
  httpStatus: number;
  /** A password input that a person could see. */
  hasPasswordField: boolean;
  /** The page's visible text (document.body.innerText). */
  visibleText: string;
}

export type PageVerdict = 'fine' | 'login-wall' | 'removed';

// Where the platforms send a logged-out visitor: X (/i/flow/login), Instagram (/accounts/login),
// Facebook (/login.php, /checkpoint), and the common /login and /signin.
const LOGIN_PATH =
  /^\/(?:i\/flow\/login|accounts\/login|login(?:\.php)?|checkpoint|signin|sign-in|log-in)(?:[/?#]|$)/i;

// The platforms' own words for a post or an account that is gone (X, Instagram, Facebook, TikTok, generic).
const REMOVAL_NOTICES = [
  /this account doesn[’']t exist/i,
  /account (?:has been )?suspended/i,
  /this post is unavailable/i,
  /sorry, this page isn[’']t available/i,
  /this content isn[’']t available/i,
  /this page isn[’']t available/i,
  /page not found/i,
  /this (?:post|tweet|video) (?:has been|was) (?:deleted|removed)/i,
];

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

/** Was the page itself shown, a login wall put in front of it, or a notice that it is gone? */
export function pageVerdict(page: LoadedPage): PageVerdict {
  if (page.httpStatus === 404 || page.httpStatus === 410) return 'removed';
  const askedForLogin = LOGIN_PATH.test(pathOf(page.requestedUrl));
  if (!askedForLogin && LOGIN_PATH.test(pathOf(page.finalUrl))) return 'login-wall';
  if (REMOVAL_NOTICES.some((notice) => notice.test(page.visibleText))) return 'removed';
  if (!askedForLogin && page.hasPasswordField) return 'login-wall';
  return 'fine';
}
