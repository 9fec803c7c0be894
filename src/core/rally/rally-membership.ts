import type { MembershipCheck } from '../chat-adapter.ts';
import type { Ledger } from '../ledger-port.ts';
import { type CoreLogger, describeError } from '../run-command.ts';

/** Which platform a member id belongs to: ids carry it (`slack:T1:U1`). */
export function platformOf(memberId: string): string {
  return memberId.split(':')[0] ?? '';
}

export interface RallyMembership {
  /** Whether the platform still counts them as a member; throws when no adapter here can tell. */
  isMember(memberId: string): Promise<boolean>;
  /** They left the collective: no longer responders. */
  left(memberIds: readonly string[]): Promise<void>;
  /** Opts out every responder (of `platform`, or of every platform here) who is no longer a member. */
  reconcile(platform?: string): Promise<number>;
}

/**
 * The rally's view of who belongs to the collective: each platform's adapter answers for its own members, and
 * responders who left stop being responders. The ledger alone can't know: leaving happens on the platform.
 */
export function createRallyMembership(
  ledger: Ledger,
  checkOf: (platform: string) => MembershipCheck | undefined,
  attached: () => string[],
  log: CoreLogger,
): RallyMembership {
  const isMember = (memberId: string) => {
    const platform = platformOf(memberId);
    const check = checkOf(platform);
    if (!check) throw new Error(`no adapter in this process can tell who is a member on ${platform}`);
    return check.isMember(memberId);
  };
  const left = async (memberIds: readonly string[]) => {
    await ledger.forgetMemberLanguages(memberIds);
    const optedOut = await ledger.deactivateResponders(memberIds);
    if (optedOut.length > 0)
      log.info({ responders: optedOut.length }, 'responders who left the collective were opted out');
  };
  return {
    isMember,
    left,
    async reconcile(platform) {
      const platforms = platform ? [platform] : attached();
      try {
        const gone: string[] = [];
        for (const memberId of await ledger.activeResponders()) {
          if (!platforms.includes(platformOf(memberId)) || !checkOf(platformOf(memberId))) continue;
          // A platform that can't answer now (an outage) opts nobody out: the next run asks again.
          const member = await isMember(memberId).catch((error: unknown) => {
            log.error({ err: describeError(error) }, 'could not tell whether a responder is still a member');
            return true;
          });
          if (!member) gone.push(memberId);
        }
        await ledger.forgetMemberLanguages(gone);
        const optedOut = await ledger.deactivateResponders(gone);
        if (optedOut.length > 0)
          log.info({ responders: optedOut.length }, 'responders no longer in the collective were opted out');
        return optedOut.length;
      } catch (error) {
        log.error({ err: describeError(error) }, 'reconciling responders with the platforms failed');
        return 0;
      }
    },
  };
}
