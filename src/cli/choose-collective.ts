import type { CollectiveConfig } from '../config/collective-config.ts';
import type { Config } from '../config/config.ts';
import { ConfigError } from '../config/config-error.ts';
import type { Translator } from '../core/i18n/translator.ts';

/**
 * The collective a command line is about: the only one, or the one `--collective` names. With several and none
 * named, nothing is guessed: a lead's digest or pack must never hold another collective's incidents.
 */
export function chooseCollective(config: Config, named: string | undefined, t: Translator): CollectiveConfig {
  const ids = config.collectives.map((collective) => collective.id);
  if (named !== undefined) {
    const found = config.collectives.find((collective) => collective.id === named);
    if (!found) throw new ConfigError(t('cli.collective.unknown', { named, ids: ids.join(', ') }));
    return found;
  }
  const [only, ...more] = config.collectives;
  if (!only || more.length > 0) throw new ConfigError(t('cli.collective.which', { ids: ids.join(', ') }));
  return only;
}
