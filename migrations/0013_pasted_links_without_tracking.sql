-- Up Migration

-- Links "as pasted" kept the parameters share sheets add (igsh, u_code, X's s and t…), which platforms can read back
-- to whoever shared the link; evidence packs go to those platforms. New flags are stored without them
-- (src/core/post-url/pasted-link.ts); this cleans the rows flagged before, by the same rule: on a known platform only
-- its identifying parameters stay (the keepParams of src/core/post-url/platforms/*), elsewhere only known tracking
-- names go. Host, path, fragment and every kept parameter stay exactly as they were typed. Left alone: email senders,
-- places of offline attacks, purged rows, and links still in Slack's <…|…> wrapping.
UPDATE incident_reports r
SET source_url = cleaned.url
FROM (
  SELECT r2.incident_id, r2.reporter_id,
    substring(r2.source_url FROM '^([^?#]*)')
    || coalesce('?' || nullif(array_to_string(ARRAY(
         SELECT pair
         FROM unnest(string_to_array(substring(r2.source_url FROM '^[^?#]*\?([^#]*)'), '&'))
           WITH ORDINALITY AS p (pair, n)
         WHERE pair <> '' AND CASE
           WHEN i.platform IN ('x', 'instagram', 'threads', 'bluesky', 'reddit') THEN false
           WHEN i.platform = 'tiktok' THEN split_part(pair, '=', 1) = 'comment_id'
           WHEN i.platform = 'youtube' THEN split_part(pair, '=', 1) IN ('v', 'lc', 'lb')
           WHEN i.platform = 'facebook'
             THEN split_part(pair, '=', 1) IN ('story_fbid', 'id', 'fbid', 'v', 'comment_id', 'reply_comment_id')
           WHEN i.platform = 'linkedin'
             THEN split_part(pair, '=', 1) IN ('commentUrn', 'replyUrn', 'dashCommentUrn', 'dashReplyUrn')
           ELSE NOT (
             lower(split_part(pair, '=', 1)) LIKE 'utm\_%'
             OR lower(split_part(pair, '=', 1)) IN ('_hsenc', '_hsmi', '_rdr', 'dclid', 'fbclid', 'feature', 'gbraid',
               'gclid', 'gclsrc', 'igsh', 'igshid', 'li_fat_id', 'mc_cid', 'mc_eid', 'mibextid', 'mkt_tok', 'msclkid',
               'rdid', 'ref', 'ref_src', 'ref_url', 'share_id', 'si', 'ttclid', 'twclid', 'wbraid', 'yclid')
           )
         END
         ORDER BY n), '&'), ''), '')
    || coalesce(substring(r2.source_url FROM '^[^#]*(#.*)$'), '') AS url
  FROM incident_reports r2
  JOIN incidents i ON i.id = r2.incident_id
  WHERE i.kind NOT IN ('email', 'offline')
    AND r2.source_url ~ '^[^?#<]*\?'
) cleaned
WHERE r.incident_id = cleaned.incident_id
  AND r.reporter_id = cleaned.reporter_id
  AND r.source_url IS DISTINCT FROM cleaned.url;

-- Down Migration

-- What was removed can't be put back; nothing to undo.
