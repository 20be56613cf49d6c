// The only reader of process.env. Validated once, on first use, so `next build` needs none
// of these variables.
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const booleanString = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .default("file:./data/copa.db")
    .refine((u) => u.startsWith("file:") || /^postgres(ql)?:\/\//.test(u), {
      message: "DATABASE_URL must be a file: (SQLite) or postgres:// URL",
    }),
  NEXTAUTH_URL: z.string().url().optional(),
  /** The API service's own port (npm start runs it beside the portal). */
  API_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  /** The API service's public origin, as partners and the gateway reach it (the docs show it). */
  API_URL: z.string().url().optional(),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  /** 32 bytes, base64 or base64url: encrypts TOTP secrets at rest (lib/auth/totp.ts). */
  COPA_TOTP_KEY: z.string().optional(),
  COPA_RATE_LIMIT_HOUR: z.coerce.number().int().positive().default(1000),
  COPA_RATE_LIMIT_DAY: z.coerce.number().int().positive().default(10000),
  /** PostgreSQL only: connections the API service's hot path opens at most (lib/api/store/postgres.ts). */
  COPA_API_PG_POOL: z.coerce.number().int().positive().default(10),
  COPA_TRUST_PROXY: booleanString,
  /** The first admin (scripts/start.ts creates it); also the support contact unless COPA_SUPPORT_EMAIL is set. */
  ADMIN_EMAIL: z.string().trim().toLowerCase().default("admin@copa.local"),
  /** The support address in every page's footer. */
  COPA_SUPPORT_EMAIL: z.string().email().optional(),
  /** The API status page linked from the footer; no link when unset. */
  COPA_STATUS_URL: z.string().url().refine((u) => /^https?:\/\//.test(u), { message: "COPA_STATUS_URL must be an http(s) URL" }).optional(),
  /** smtp://user:pass@host:port or smtps://...; unset = mail is composed and stored, never sent. */
  SMTP_URL: z
    .string()
    .refine((u) => /^smtps?:\/\/[^/]/.test(u), { message: "SMTP_URL must be smtp://... or smtps://..." })
    .optional(),
  /** The From header of every mail. */
  MAIL_FROM: z.string().min(3).default("COPA Developer Portal <no-reply@copa.local>"),
});

export type Env = z.infer<typeof envSchema> & { NEXTAUTH_SECRET: string; isPostgres: boolean };

/** The portal's public origin, for absolute links in mails. */
export function portalOrigin(): string {
  const env = getEnv();
  return (env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
}

let cached: Env | undefined;

export const SECRET_FILE = path.join("data", ".nextauth-secret");

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(
    Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== "")),
  );
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  // npm start generates the secret into the data folder when none is configured.
  let secret = parsed.data.NEXTAUTH_SECRET;
  if (!secret) {
    try {
      secret = readFileSync(SECRET_FILE, "utf8").trim();
    } catch {
      throw new Error(`NEXTAUTH_SECRET is not set and ${SECRET_FILE} does not exist (npm start creates it)`);
    }
  }
  cached = {
    ...parsed.data,
    NEXTAUTH_SECRET: secret,
    isPostgres: parsed.data.DATABASE_URL.startsWith("postgres"),
  };
  return cached;
}

export const TOTP_KEY_FILE = path.join("data", ".totp-key");

let totpKey: Buffer | undefined;

/**
 * The key that encrypts TOTP secrets. Read apart from getEnv so that only code that
 * touches two-factor needs it; npm start generates it into data/ like the session
 * secret. Losing it makes every enrolled second factor unusable (users then sign in
 * with a recovery code and enrol again), so back it up with the database.
 */
export function getTotpKey(): Buffer {
  if (totpKey) return totpKey;
  let text = getEnv().COPA_TOTP_KEY;
  if (!text) {
    try {
      text = readFileSync(TOTP_KEY_FILE, "utf8").trim();
    } catch {
      throw new Error(`COPA_TOTP_KEY is not set and ${TOTP_KEY_FILE} does not exist (npm start creates it)`);
    }
  }
  const key = Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  if (key.length !== 32) throw new Error("Invalid environment: COPA_TOTP_KEY must be 32 bytes, base64-encoded");
  totpKey = key;
  return key;
}
