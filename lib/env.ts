import { z } from "zod";

// Validated once; next.config.ts imports this file so a bad environment fails the build,
// not the first request. Secrets are generated into .env.local by scripts/run.mjs.
const base64Key = z.string().refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64-encoded");

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** "production" marks a real deployment: the demo seed refuses to run there. */
  APP_ENV: z.enum(["demo", "development", "test", "production"]).default("demo"),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL"),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters"),
  NEXTAUTH_URL: z.string().url().optional(),
  /** AES-256-GCM key for encrypted fields (ID-card numbers, health notes, case reasons, …). */
  DATA_ENCRYPTION_KEY: base64Key,
  /** During a key rotation: the key being retired; still decrypts, never encrypts (npm run db:reencrypt). */
  DATA_ENCRYPTION_KEY_PREVIOUS: base64Key.optional(),
  /** HMAC key of the blind indexes (duplicate ID-number look-up); HKDF per purpose. */
  BLIND_INDEX_KEY: base64Key,
  /** HMAC key of the integrity seals over pay lines and compensation amounts; HKDF per purpose. */
  DATA_INTEGRITY_KEY: base64Key,
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * Database time limits in milliseconds (0 = none), so a slow or frozen database gives a quick
   * 503 rather than hung requests (lib/db.ts). CONNECT: opening a connection. POOL: waiting for a
   * free one when all DB_POOL_SIZE are busy (a burst on one hot row queues here). FREEZE_PROBE: a
   * query outstanding this long checks on a fresh connection that the server answers at all, and
   * fails at once when it does not (a frozen server: 503 within about 5 s). STATEMENT:
   * PostgreSQL's statement_timeout, what a slow query or a lock wait may take. QUERY: the
   * backstop, how long the app waits for any answer, default STATEMENT + 1000. IDLE_IN_TX:
   * PostgreSQL's idle_in_transaction_session_timeout.
   */
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(3000),
  DB_POOL_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(15_000),
  DB_FREEZE_PROBE_MS: z.coerce.number().int().min(0).max(600_000).default(2000),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(15_000),
  DB_QUERY_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).optional(),
  DB_IDLE_IN_TX_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(10_000),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /**
   * How many reverse proxies of our own stand in front of the app. 0 (default): the client is the
   * socket's peer and X-Forwarded-For is ignored. N: the client is the address N hops back.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int("must be a whole number").min(0).max(10).default(0),
  /**
   * How long a session row may be served from memory (lib/auth/session-cache.ts); every change is
   * announced by the database at once, this only bounds a silently lost feed. 0 turns it off.
   */
  SESSION_CACHE_MS: z.coerce.number().int().min(0).max(300_000).default(30_000),
  /** Only the benchmark's server: exposes its framework-floor route /api/bench/jwt. */
  BENCH_ROUTES: z
    .enum(["0", "1"])
    .default("0")
    .transform((v) => v === "1"),
  /** A direct connection for LISTEN when DATABASE_URL goes through PgBouncer in transaction mode. */
  AUTH_NOTIFY_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")
    .optional(),
  /** The bureau's seal on certificates: a .png, .jpg, .webp or .svg file (unset: the shipped demo seal). */
  CERT_SEAL_IMAGE: z
    .string()
    .regex(/\.(png|jpe?g|webp|svg)$/i, "must be a .png, .jpg, .webp or .svg file")
    .optional(),
  /** "1": this instance does not run the reminder schedule (instrumentation.ts). */
  DISABLE_JOBS: z
    .enum(["", "0", "1"], { message: 'must be "1" (or unset)' })
    .default("")
    .transform((v) => v === "1"),
});

export type Env = z.infer<typeof schema>;

function load(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}\n(see README "Configuration")`);
  }
  return parsed.data;
}

export const env: Env = load();
