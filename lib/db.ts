import "server-only";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

export type { Prisma } from "@/lib/generated/prisma/client";

export type DbOptions = {
  url: string;
  poolSize: number;
  connectTimeoutMs: number;
  poolTimeoutMs: number;
  statementTimeoutMs: number;
  queryTimeoutMs?: number;
  idleInTxTimeoutMs: number;
  /** a query outstanding this long makes the client check, on a fresh connection, that the server still answers */
  freezeProbeMs: number;
};

/**
 * Is the server answering at all? A fresh connection (startup and sign-in answered) within
 * `timeoutMs`; a frozen or stopped PostgreSQL never answers the startup. No query is sent: behind
 * PgBouncer, a SELECT waits for a busy server connection and would read a hot-row queue as a
 * freeze (PgBouncer answers the sign-in itself, so there its own query_wait_timeout and our
 * query timeout are what bound a freeze). One probe at a time per server, the answer kept 1 s.
 */
const probes = new Map<string, { at: number; result: Promise<boolean> }>();
/**
 * Servers found not answering (the probe failed, or a connection could not be opened in time):
 * for the next 2 s new connections fail at once instead of each waiting out the connect
 * timeout, so requests queued behind a frozen server are answered 503 quickly too.
 */
const downUntil = new Map<string, number>();
const DOWN_MS = 2000;
const markDown = (url: string) => downUntil.set(url, Date.now() + DOWN_MS);
const isDown = (url: string) => (downUntil.get(url) ?? 0) > Date.now();
function serverAnswers(connectionString: string, timeoutMs: number): Promise<boolean> {
  const cached = probes.get(connectionString);
  if (cached && Date.now() - cached.at < 1000) return cached.result;
  let url = connectionString;
  try {
    const u = new URL(connectionString);
    u.searchParams.set("application_name", "jingxin-probe");
    url = u.toString();
  } catch {}
  const result = (async () => {
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
    c.on("error", () => {});
    try {
      await c.connect();
      return true;
    } catch {
      return false;
    } finally {
      c.end().catch(() => {});
    }
  })();
  probes.set(connectionString, { at: Date.now(), result });
  result.then((ok) => (ok ? downUntil.delete(connectionString) : markDown(connectionString)));
  return result;
}

/**
 * The pool's connections, made safe for a database that dies or freezes under a checked-out
 * connection (the pool only looks at a connection when it is handed back):
 * - a query outstanding for freezeProbeMs makes it ask, on a fresh connection, whether the server
 *   answers at all: if not (frozen, stopped, a dead path) the connection is ended at once and the
 *   query fails (503) within about freezeProbeMs + connect timeout; if it does, the query is just
 *   slow or waiting for a lock (a burst on one hot row) and may run to statement_timeout;
 * - a query that timed out on our side (query_timeout, the backstop: the server never answered)
 *   ends the connection; pg itself only fails the query and keeps the socket, so the next query
 *   would queue behind the lost one;
 * - a connection that ends while checked out goes back to the pool at once, as failed, so the
 *   pool drops it. Prisma's transaction rollback sends ROLLBACK first and releases only if that
 *   succeeded: on a dead connection (idle_in_transaction_session_timeout, a restart, the
 *   timeout above) the slot was lost for good and the pool ran dry. A later release is a no-op.
 */
type Release = (err?: Error | boolean) => void;
class ResilientClient extends pg.Client {
  #poolRelease?: Release;
  #released = true;
  readonly #probeMs: number;
  readonly #probeTimeoutMs: number;
  readonly #url: string;

  constructor(config?: pg.ClientConfig & { connectTimeoutMillis?: number; freezeProbeMs?: number }) {
    // the pool's connectionTimeoutMillis is how long to wait for a free connection; opening one
    // has its own, shorter limit
    super({ ...config, connectionTimeoutMillis: config?.connectTimeoutMillis ?? config?.connectionTimeoutMillis });
    this.#probeMs = config?.freezeProbeMs ?? 0;
    this.#probeTimeoutMs = Math.min(config?.connectTimeoutMillis || 2000, 2000);
    this.#url = config?.connectionString ?? "";
    this.on("end", () => this.release(new Error("connection ended")));
  }

  // pg-pool opens connections with a callback; the promise form is kept for anyone else
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- pg's two overloads, passed through
  connect(callback?: (...a: any[]) => void): never {
    const url = this.#url;
    if (url && isDown(url)) {
      const err = new Error("Connection terminated: the database is not answering");
      if (callback) {
        process.nextTick(() => callback(err));
        return undefined as never;
      }
      return Promise.reject(err) as never;
    }
    const note = (err?: unknown) => {
      if (url && err instanceof Error && /timeout/i.test(err.message)) markDown(url);
    };
    if (callback) {
      return (super.connect as (cb: (...a: unknown[]) => void) => void)((err, ...rest) => {
        note(err);
        callback(err, ...rest);
      }) as never;
    }
    const p = super.connect();
    p.catch(note);
    return p as never;
  }

  #end() {
    (this as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
  }

  /** Until `finished`, every freezeProbeMs: if the server does not answer a fresh connection, end this one. */
  #watch(finished: { done: boolean }) {
    if (!this.#probeMs || !this.#url) return;
    const arm = () =>
      setTimeout(async () => {
        if (finished.done) return;
        const alive = await serverAnswers(this.#url, this.#probeTimeoutMs);
        if (finished.done) return;
        if (alive) timer = arm();
        else this.#end();
      }, this.#probeMs).unref();
    let timer = arm();
    return () => clearTimeout(timer);
  }

  // pg-pool assigns client.release on every checkout
  set release(fn: Release) {
    this.#poolRelease = fn;
    this.#released = false;
  }
  get release(): Release {
    return (err) => {
      if (this.#released) return;
      this.#released = true;
      this.#poolRelease?.(err);
    };
  }

  // pg's overloads (callback or promise) pass straight through; only a timeout is looked at.
  query(...args: unknown[]): never {
    const last = args[args.length - 1];
    const finished = { done: false };
    const stop = this.#watch(finished);
    const settle = (e?: unknown) => {
      finished.done = true;
      stop?.();
      if (e instanceof Error && e.message === "Query read timeout") this.#end();
    };
    if (typeof last === "function") {
      args[args.length - 1] = (err: unknown, ...rest: unknown[]) => {
        settle(err);
        return (last as (...a: unknown[]) => unknown)(err, ...rest);
      };
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (result instanceof Promise) result.then(() => settle(), settle);
    else if (typeof last !== "function") settle(); // a Submittable: not watched
    return result as never;
  }
}

/** The pg pool settings for the app's client: size and every time limit (README "Configuration"). */
export function poolConfig(o: DbOptions): pg.PoolConfig & { connectTimeoutMillis: number; freezeProbeMs: number } {
  const query = o.queryTimeoutMs ?? (o.statementTimeoutMs ? o.statementTimeoutMs + 1000 : 0);
  return {
    connectionString: o.url,
    max: o.poolSize,
    Client: ResilientClient,
    // waiting for a free connection in the pool; opening one (ResilientClient)
    connectionTimeoutMillis: o.poolTimeoutMs,
    connectTimeoutMillis: o.connectTimeoutMs,
    freezeProbeMs: o.freezeProbeMs,
    // sent as startup parameters (a PgBouncer in front lists them in ignore_startup_parameters;
    // the role's own defaults, set by scripts/lib/pg.mjs, then apply)
    ...(o.statementTimeoutMs ? { statement_timeout: o.statementTimeoutMs } : {}),
    ...(o.idleInTxTimeoutMs ? { idle_in_transaction_session_timeout: o.idleInTxTimeoutMs } : {}),
    ...(query ? { query_timeout: query } : {}),
    // a connection PostgreSQL closed (restart, idle kill) is noticed while idle, not on next use
    keepAlive: true,
    idleTimeoutMillis: 30_000,
  };
}

export function createClient(o: DbOptions) {
  return new PrismaClient({ adapter: new PrismaPg(poolConfig(o)) });
}

function createAppClient() {
  return createClient({
    url: env.DATABASE_URL,
    poolSize: env.DB_POOL_SIZE,
    connectTimeoutMs: env.DB_CONNECT_TIMEOUT_MS,
    poolTimeoutMs: env.DB_POOL_TIMEOUT_MS,
    statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
    queryTimeoutMs: env.DB_QUERY_TIMEOUT_MS,
    idleInTxTimeoutMs: env.DB_IDLE_IN_TX_TIMEOUT_MS,
    freezeProbeMs: env.DB_FREEZE_PROBE_MS,
  });
}

// One client, so one pool of DB_POOL_SIZE connections, per process: kept on globalThis in every
// environment. Next.js bundles pages and route handlers separately, each with its own copy of
// this module; without the global each copy opened its own pool (twice DB_POOL_SIZE), and hot
// reload in development leaked one per reload.
const globalForDb = globalThis as unknown as { [key: symbol]: ReturnType<typeof createAppClient> | undefined };
const KEY = Symbol.for("jingxin.db");
export const db = globalForDb[KEY] ?? createAppClient();
globalForDb[KEY] = db;

export type Db = typeof db;
/** A transaction client, for functions that must run inside the caller's transaction. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
