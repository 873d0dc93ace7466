import { sql, type Kysely } from 'kysely'

// Frozen in time: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // 政策与指南. Visibility is computed, never stored: a parent sees an article while publish_at <= now() and it is
  // not withdrawn, so a scheduled article appears at its time with nothing running then.
  await sql`
    CREATE TABLE articles (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      -- Articles shipped with the product (the 2019 policy, the guides): seeded once by this key, never overwritten.
      seed_key text UNIQUE,
      kind text NOT NULL CHECK (kind IN ('policy', 'interpretation', 'guide')),
      title text NOT NULL,
      summary text NOT NULL DEFAULT '',
      tags text[] NOT NULL DEFAULT '{}',
      source_department text NOT NULL,
      document_number text,
      effective_on date,
      -- The markup as written, and the blocks parsed from it on save (what readers get).
      body text NOT NULL,
      blocks jsonb NOT NULL,
      -- Null: a draft.
      publish_at timestamptz,
      pinned boolean NOT NULL DEFAULT false,
      withdrawn_at timestamptz,
      withdrawn_by uuid REFERENCES users(id) ON DELETE SET NULL,
      -- The region of the author's regulator grant (220000 or a 市州): who may edit it.
      region_code text NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      -- Character bigrams and words built by the application, weighted A title, B summary, C body.
      search_vector tsvector NOT NULL
    )`.execute(db)
  await sql`CREATE INDEX articles_search_idx ON articles USING gin (search_vector)`.execute(db)
  await sql`CREATE INDEX articles_tags_idx ON articles USING gin (tags)`.execute(db)
  await sql`CREATE INDEX articles_listing_idx ON articles (pinned DESC, publish_at DESC) WHERE withdrawn_at IS NULL`.execute(db)

  // Every earlier version of an article, kept when it is edited.
  await sql`
    CREATE TABLE article_versions (
      article_id uuid NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      version integer NOT NULL,
      kind text NOT NULL,
      title text NOT NULL,
      summary text NOT NULL,
      tags text[] NOT NULL,
      source_department text NOT NULL,
      document_number text,
      effective_on date,
      body text NOT NULL,
      publish_at timestamptz,
      pinned boolean NOT NULL,
      saved_at timestamptz NOT NULL,
      saved_by uuid REFERENCES users(id) ON DELETE SET NULL,
      PRIMARY KEY (article_id, version)
    )`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS article_versions`.execute(db)
  await sql`DROP TABLE IF EXISTS articles`.execute(db)
}
