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
  /** AES-256-GCM key for health notes and ID-card numbers. */
  DATA_ENCRYPTION_KEY: base64Key,
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /**
   * How many reverse proxies of our own stand in front of the app. 0 (default): the client is the
   * socket's peer and X-Forwarded-For is ignored. N: the client is the address N hops back.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int("must be a whole number").min(0).max(10).default(0),
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
