import { sql, type Kysely } from 'kysely'

// Frozen in time: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // 育儿补贴: programmes a regulator keeps (national and Jilin's by the province, a 市州's top-up by that 市州).
  // Months are YYYY-MM text: compared as text they sort as months do.
  await sql`
    CREATE TABLE subsidy_programmes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      level text NOT NULL CHECK (level IN ('national', 'province', 'city')),
      city_code text REFERENCES regions(code),
      amount_per_month_yuan integer NOT NULL CHECK (amount_per_month_yuan > 0),
      from_month text NOT NULL CHECK (from_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      to_month text CHECK (to_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' AND to_month >= from_month),
      age_from_months integer NOT NULL CHECK (age_from_months >= 0),
      age_to_months integer NOT NULL,
      eligibility text NOT NULL,
      documents text[] NOT NULL DEFAULT '{}',
      how_to_apply text NOT NULL,
      payment_note text NOT NULL DEFAULT '',
      official_url text,
      mini_program_app_id text,
      mini_program_path text,
      renew_yearly boolean NOT NULL,
      source_document text NOT NULL,
      source_published_on date NOT NULL,
      checked_on date NOT NULL,
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (age_to_months > age_from_months),
      CHECK ((level = 'city') = (city_code IS NOT NULL))
    )`.execute(db)
  // Every accepted version, as the regulator sent it: an edit never loses what a programme said before.
  await sql`
    CREATE TABLE subsidy_programme_versions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      programme_id uuid NOT NULL REFERENCES subsidy_programmes(id) ON DELETE CASCADE,
      content jsonb NOT NULL,
      saved_by uuid REFERENCES users(id) ON DELETE SET NULL,
      saved_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db)
  await sql`CREATE INDEX subsidy_programme_versions_programme_idx ON subsidy_programme_versions (programme_id, saved_at)`.execute(db)

  // The national programme (State Council, July 2025), as published; province regulators keep it from here on.
  await sql`
    INSERT INTO subsidy_programmes (name, level, amount_per_month_yuan, from_month, age_from_months, age_to_months,
      eligibility, documents, how_to_apply, payment_note, official_url, renew_yearly, source_document, source_published_on, checked_on)
    VALUES (
      '国家育儿补贴', 'national', 300, '2025-01', 0, 36,
      '依法生育的3周岁以下婴幼儿，由其父母或其他监护人申领。2025年1月1日之前出生、尚未满3周岁的，按应补贴月数折算发放。',
      ARRAY['婴幼儿出生医学证明', '户口簿', '父母或其他监护人的居民身份证', '用于发放补贴的本人银行账户或社会保障卡'],
      '向婴幼儿户籍所在地申请：通过国家政务服务平台或当地指定的线上渠道申领，也可到户籍所在地乡镇（街道）办理。',
      '按年申领、按年发放，每年3600元。',
      'https://www.gjzwfw.gov.cn/', true,
      '《育儿补贴制度实施方案》（中共中央办公厅、国务院办公厅）', '2025-07-28', '2025-07-28'
    )`.execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS subsidy_programme_versions`.execute(db)
  await sql`DROP TABLE IF EXISTS subsidy_programmes`.execute(db)
}
