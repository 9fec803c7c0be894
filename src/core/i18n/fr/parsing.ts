import type { CatalogueSection } from '../catalogue-types.ts';

/** Ce que les lecteurs du texte tapé refusent : le compte de l’auteur d’une attaque, une semaine, un oui ou non. */
export const parsing = {
  'attacker.invalid':
    'Cela ne ressemble pas à un compte. Indiquez un identifiant comme @nom, instagram:nom, le lien d’un profil, une adresse courriel ou un nom.',
  'attacker.too_long':
    'C’est trop long pour un compte. Indiquez un identifiant comme @nom, instagram:nom, le lien d’un profil, une adresse courriel ou un nom.',
  'attacker.email': 'Cette adresse courriel est incomplète. Écrivez-la comme nom@example.com.',
  'attacker.platform':
    'Je ne connais pas cette plateforme. Commencez par x, instagram, facebook, tiktok, youtube, linkedin, reddit, bluesky, threads, mastodon ou email, comme instagram:nom, ou collez le lien d’un profil.',
  'attacker.platform_missing':
    'Précisez sur quelle plateforme se trouve ce compte, comme instagram:nom ou x:nom, ou collez le lien de son profil.',
  'attacker.name_on_platform':
    '{platformKind, select, email {Cela ressemble à un nom, pas à une adresse courriel.} other {Cela ressemble à un nom, pas à un compte {platform}.}} Indiquez son identifiant, comme @nom, ou collez le lien de son profil.',
  'attacker.other_platform':
    '{accountPlatformKind, select, email {C’est une adresse courriel,} other {C’est un compte {accountPlatform},}} mais l’attaque a eu lieu {platformKind, select, email {par courriel. Indiquez l’adresse de l’expéditeur, comme nom@example.com.} other {sur {platform}. Indiquez le compte {platform}, comme @nom.}}',
  'attacker.not_in_link':
    'Ce lien ne dit pas à qui appartient le compte. Collez le lien de son profil (ouvrez son nom, copiez l’adresse), ou indiquez son identifiant comme @nom.',
  'attacker.mastodon': 'Indiquez un compte Mastodon avec son serveur, comme @nom@mastodon.social.',
  'attacker.not_a_handle':
    'Je ne peux pas lire cet identifiant sur {platform}. Collez plutôt le lien de son profil, ou vérifiez l’orthographe.',

  'week.invalid':
    'Donnez la semaine comme 2026-W47 (l’année, un W, puis le numéro de la semaine, de 1 à 53).',

  'toolong.discord':
    'Trop long pour être affiché ici. {count, plural, one {Partie non affichée} other {Parties non affichées}} : {listed}.',
  'toolong.heading': '« {heading} »',
  'toolong.part': 'partie {index} sur {total}',
  'toolong.end_of': 'la fin de {name}',
  'toolong.and_more': '{listed} et {count} autres',
  'toolong.slack':
    'Trop long pour être affiché ici : les {count} dernières parties de cette réponse ne sont pas affichées.',

  'answer.yes_or_no': 'Répondez « oui » ou « non ».',
} as const satisfies CatalogueSection<'parsing'>;
