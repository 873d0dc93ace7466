import { sql, type Kysely } from 'kysely'

// Frozen in time: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // WeChat image checks (mediaCheckAsync) answer later, by push: the trace id names the checked thing across restarts.
  // The push may come before the request is recorded, so the subject and the verdict each fill in their half.
  await sql`
    CREATE TABLE wechat_media_checks (
      trace_id text PRIMARY KEY,
      subject_kind text,
      subject_id text,
      requested_at timestamptz,
      suggest text CHECK (suggest IN ('pass', 'review', 'risky')),
      label integer,
      result_at timestamptz
    )`.execute(db)
  await sql`CREATE INDEX wechat_media_checks_subject_idx ON wechat_media_checks (subject_kind, subject_id)`.execute(db)

  // What WeChat said of each notice image: pending until the verdict arrives; a risky image is hidden from readers.
  await sql`ALTER TABLE notice_images
    ADD COLUMN moderation text NOT NULL DEFAULT 'pending' CHECK (moderation IN ('pending', 'pass', 'review', 'risky')),
    ADD COLUMN moderation_label integer,
    ADD COLUMN moderated_at timestamptz`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE notice_images DROP COLUMN IF EXISTS moderated_at, DROP COLUMN IF EXISTS moderation_label, DROP COLUMN IF EXISTS moderation`.execute(db)
  await sql`DROP TABLE IF EXISTS wechat_media_checks`.execute(db)
}
