export { normalizePostUrl } from './normalize-post-url.ts';
export { type AccountQuery, parseAccountQuery } from './parse-account-query.ts';
export { platformLabel } from './platform-label.ts';
export {
  type AccountRef,
  type NormalizedPost,
  PLATFORMS,
  type Platform,
  POST_KINDS,
  type PostKind,
} from './types.ts';
