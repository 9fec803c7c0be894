import type { Translator } from '../i18n/translator.ts';
import { platformLabel } from '../post-url/index.ts';
import type { AccountRef, Platform } from '../post-url/types.ts';
import type { UserError } from '../result.ts';

/** A platform's name in the reader's language: brand names stay as they are, the generic ones are translated. */
export function platformName(t: Translator, platform: Platform): string {
  if (platform === 'email' || platform === 'web' || platform === 'offline') {
    return t(`account.platform.${platform}`);
  }
  return platformLabel(platform);
}

/** "@SomeTroll on X (Twitter)"; a person known only by name is on no platform: just the name. */
export function accountOn(t: Translator, account: AccountRef): string {
  return account.platform === 'offline'
    ? account.display
    : t('account.on_platform', { account: account.display, platform: platformName(t, account.platform) });
}

/** An incident's attacker: plainly unknown, or the account, saying so when a member named it. */
export function attackerOn(
  t: Translator,
  account: AccountRef | null,
  namedBy: 'link' | 'member' | null,
): string {
  if (account === null) return t('account.unknown_attacker');
  const named = accountOn(t, account);
  return namedBy === 'member' ? t('account.named_by_member', { account: named }) : named;
}

// What looking an account up may refuse (parseAccountQuery's codes), in the reader's language.
const QUERY_REFUSALS = {
  'account.empty': 'account.empty',
  'account.too_long': 'account.too_long',
  'account.invalid': 'account.invalid',
  'account.platform': 'account.platform',
  'account.not_in_link': 'account.not_in_link',
} as const;

/** A refusal of an account query, said in the reader's language when its code is one we know. */
export function accountQueryError(t: Translator, error: UserError): UserError {
  const key = QUERY_REFUSALS[error.code as keyof typeof QUERY_REFUSALS];
  return key ? { code: error.code, message: t(key) } : error;
}
