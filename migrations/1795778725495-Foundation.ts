import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Users, sessions, login attempts, brands (the tenants), memberships, API keys and the audit log.
 * Tenant tables carry brand_id in their primary key, unique constraints and foreign keys.
 */
export class Foundation1795778725495 implements MigrationInterface {
  name = 'Foundation1795778725495';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE "app_user" (
      "id" uuid NOT NULL,
      "email" text NOT NULL,
      "name" text NOT NULL DEFAULT '',
      "password_hash" text NOT NULL,
      "must_change_password" boolean NOT NULL DEFAULT false,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "last_login_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "app_user_email_key" UNIQUE ("email"),
      CONSTRAINT "app_user_pkey" PRIMARY KEY ("id"))`);

    await db.query(`CREATE TABLE "session" (
      "id" uuid NOT NULL,
      "user_id" uuid NOT NULL,
      "token_hash" bytea NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "revoked_at" TIMESTAMP WITH TIME ZONE,
      "ip" text,
      "user_agent" text,
      CONSTRAINT "session_token_hash_key" UNIQUE ("token_hash"),
      CONSTRAINT "session_pkey" PRIMARY KEY ("id"),
      CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await db.query(`CREATE INDEX "session_user_id_idx" ON "session" ("user_id")`);

    await db.query(`CREATE TABLE "login_attempt" (
      "id" uuid NOT NULL,
      "email" text NOT NULL,
      "ip" text NOT NULL,
      "succeeded" boolean NOT NULL,
      "attempted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "login_attempt_pkey" PRIMARY KEY ("id"))`);
    await db.query(`CREATE INDEX "login_attempt_email_idx" ON "login_attempt" ("email", "attempted_at")`);
    await db.query(`CREATE INDEX "login_attempt_ip_idx" ON "login_attempt" ("ip", "attempted_at")`);

    await db.query(`CREATE TABLE "brand" (
      "id" uuid NOT NULL,
      "name" text NOT NULL,
      "slug" text NOT NULL,
      "time_zone" text NOT NULL,
      "locale" text NOT NULL,
      "is_demo" boolean NOT NULL DEFAULT false,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "brand_slug_key" UNIQUE ("slug"),
      CONSTRAINT "brand_locale_check" CHECK ("locale" IN ('de', 'en')),
      CONSTRAINT "brand_pkey" PRIMARY KEY ("id"))`);

    await db.query(`CREATE TABLE "membership" (
      "brand_id" uuid NOT NULL,
      "user_id" uuid NOT NULL,
      "role" text NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "membership_role_check" CHECK ("role" IN ('owner', 'manager', 'analyst')),
      CONSTRAINT "membership_pkey" PRIMARY KEY ("brand_id", "user_id"),
      CONSTRAINT "membership_brand_id_fkey" FOREIGN KEY ("brand_id") REFERENCES "brand"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
      CONSTRAINT "membership_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await db.query(`CREATE INDEX "membership_user_id_idx" ON "membership" ("user_id")`);

    await db.query(`CREATE TABLE "api_key" (
      "brand_id" uuid NOT NULL,
      "id" uuid NOT NULL,
      "name" text NOT NULL,
      "prefix" text NOT NULL,
      "secret_hash" bytea NOT NULL,
      "scopes" text array NOT NULL,
      "created_by_user_id" uuid,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "last_used_at" TIMESTAMP WITH TIME ZONE,
      "revoked_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "api_key_secret_hash_key" UNIQUE ("brand_id", "secret_hash"),
      CONSTRAINT "api_key_pkey" PRIMARY KEY ("brand_id", "id"),
      CONSTRAINT "api_key_brand_id_fkey" FOREIGN KEY ("brand_id") REFERENCES "brand"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
      CONSTRAINT "api_key_created_by_user_id_fkey" FOREIGN KEY ("created_by_user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION)`);
    await db.query(`CREATE INDEX "api_key_secret_hash_idx" ON "api_key" ("secret_hash")`);

    await db.query(`CREATE TABLE "audit_log" (
      "brand_id" uuid NOT NULL,
      "id" uuid NOT NULL,
      "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "actor_type" text NOT NULL,
      "actor_id" uuid,
      "actor_label" text NOT NULL,
      "action" text NOT NULL,
      "target_type" text NOT NULL,
      "target_id" text NOT NULL,
      "target_label" text,
      "changes" jsonb NOT NULL,
      "request_id" text,
      "ip" text,
      CONSTRAINT "audit_log_actor_type_check" CHECK ("actor_type" IN ('user', 'api_key', 'system')),
      CONSTRAINT "audit_log_pkey" PRIMARY KEY ("brand_id", "id"),
      CONSTRAINT "audit_log_brand_id_fkey" FOREIGN KEY ("brand_id") REFERENCES "brand"("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE "audit_log"');
    await db.query('DROP TABLE "api_key"');
    await db.query('DROP TABLE "membership"');
    await db.query('DROP TABLE "brand"');
    await db.query('DROP TABLE "login_attempt"');
    await db.query('DROP TABLE "session"');
    await db.query('DROP TABLE "app_user"');
  }
}
