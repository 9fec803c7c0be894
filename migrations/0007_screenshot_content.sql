-- Up Migration

-- Screenshots are downloaded when flagged and kept with their SHA-256, so an evidence pack can prove a file is
-- the one a member attached. A file that could not be downloaded keeps its reference, without content or hash.
ALTER TABLE incident_files
  ADD COLUMN content bytea,
  ADD COLUMN sha256  text CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  ADD CONSTRAINT incident_files_hash_with_content CHECK ((content IS NULL) = (sha256 IS NULL));

-- Down Migration
ALTER TABLE incident_files DROP CONSTRAINT incident_files_hash_with_content, DROP COLUMN sha256, DROP COLUMN content;
