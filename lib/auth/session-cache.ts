import "server-only";
import pg from "pg";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

/**
 * A short in-process cache of session rows, safe for immediate revocation across instances.
 *
 * Database triggers (migration session_change_notify) announce on `jingxin_auth` every change
 * that can end or alter a session: "s:<sessionId>", "u:<userId>" or "*". Each process LISTENs on
 * one dedicated connection and drops what the change touches. Entries are only served while that
 * connection is confirmed live: when it drops, the cache empties and every request reads the
 * database again until LISTEN is back. A read that raced a change is never stored (generation).
 *
 * No window is left: before a cached row is served, a trivial query runs on the feed's own
 * connection, begun after the request arrived. PostgreSQL delivers a listening session's pending
 * notifications before it answers, so every change committed before that request has emptied the
 * cache by then (concurrent requests share one such round trip). It costs far less than the
 * session query it replaces (tests/e2e/session-cache.test.ts proves it across two instances).
 */
export const AUTH_CHANNEL = "jingxin_auth";
const MAX_ENTRIES = 20_000;
const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 30_000;

type Entry = { userId: string; value: unknown; at: number };
type State = {
  entries: Map<string, Entry>;
  client: pg.Client | null;
  live: boolean;
  starting: boolean;
  stopped: boolean;
  retryMs: number;
  retryTimer: ReturnType<typeof setTimeout> | null;
  /** Bumped by every change announced: a read begun before it is not stored. */
  generation: number;
  subscribers: Set<(payload: string) => void>;
  /** Whether a sync round trip is in flight on the feed's connection, and who waits for the next. */
  syncing: boolean;
  waiters: ((ok: boolean) => void)[];
};

const g = globalThis as unknown as { jingxinSessionCache?: State };
const state: State = (g.jingxinSessionCache ??= {
  entries: new Map(),
  client: null,
  live: false,
  starting: false,
  stopped: false,
  retryMs: RETRY_MIN_MS,
  retryTimer: null,
  generation: 0,
  subscribers: new Set(),
  syncing: false,
  waiters: [],
});

/** Jest runs without the cache unless a test starts it; servers use it unless SESSION_CACHE_MS=0. */
const enabled = () => env.SESSION_CACHE_MS > 0 && !state.stopped && (env.NODE_ENV !== "test" || state.client !== null || state.starting);

function apply(payload: string): void {
  state.generation++;
  if (payload === "*") state.entries.clear();
  else if (payload.startsWith("s:")) state.entries.delete(payload.slice(2));
  else if (payload.startsWith("u:")) {
    const userId = payload.slice(2);
    for (const [key, e] of state.entries) if (e.userId === userId) state.entries.delete(key);
  }
  for (const fn of state.subscribers) fn(payload);
}

/** Whatever other caches keep on this feed may have missed a change: they drop everything. */
function everythingMayHaveChanged(): void {
  for (const fn of state.subscribers) fn("*");
}

function lost(why: unknown): void {
  if (state.live) logger.warn("session cache: change feed lost, reading sessions from the database", why);
  state.live = false;
  state.entries.clear();
  state.generation++;
  everythingMayHaveChanged();
  const c = state.client;
  state.client = null;
  c?.removeAllListeners();
  c?.on("error", () => {});
  c?.end().catch(() => {});
  if (state.stopped || state.retryTimer) return;
  state.retryTimer = setTimeout(() => {
    state.retryTimer = null;
    void connect();
  }, state.retryMs);
  state.retryTimer.unref?.();
  state.retryMs = Math.min(state.retryMs * 2, RETRY_MAX_MS);
}

async function connect(): Promise<void> {
  if (state.client || state.starting || state.stopped) return;
  state.starting = true;
  const client = new pg.Client({
    connectionString: env.AUTH_NOTIFY_DATABASE_URL ?? env.DATABASE_URL,
    keepAlive: true,
    connectionTimeoutMillis: 5_000,
    application_name: "jingxin-session-cache",
  });
  client.on("notification", (m) => {
    if (m.channel === AUTH_CHANNEL) apply(m.payload ?? "*");
  });
  client.on("error", lost);
  client.on("end", () => lost("connection ended"));
  try {
    await client.connect();
    await client.query(`LISTEN ${AUTH_CHANNEL}`);
    state.client = client;
    state.live = true;
    state.retryMs = RETRY_MIN_MS;
    // anything cached before this connection may have missed a change
    state.entries.clear();
    state.generation++;
    everythingMayHaveChanged();
  } catch (e) {
    state.starting = false;
    state.client = client;
    lost(e);
    return;
  } finally {
    state.starting = false;
  }
}

/** One round trip on the feed's connection: true once every notification committed before it began has been applied. */
function roundTrip(): Promise<boolean> {
  const client = state.client;
  if (!client || !state.live) return Promise.resolve(false);
  return client.query("SELECT 1").then(
    () => state.live && state.client === client,
    () => false,
  );
}

/**
 * Resolves once a round trip that began after this call has come back: requests that arrive while
 * one is in flight wait for the next, which they then share.
 */
function sync(): Promise<boolean> {
  return new Promise((resolve) => {
    state.waiters.push(resolve);
    if (!state.syncing) pump();
  });
}

function pump(): void {
  const batch = state.waiters;
  if (!batch.length) {
    state.syncing = false;
    return;
  }
  state.syncing = true;
  state.waiters = [];
  void roundTrip().then((ok) => {
    for (const done of batch) done(ok);
    pump();
  });
}

function fresh<T>(sessionId: string): T | undefined {
  const e = state.entries.get(sessionId);
  if (!e) return undefined;
  if (Date.now() - e.at >= env.SESSION_CACHE_MS) {
    state.entries.delete(sessionId);
    return undefined;
  }
  return e.value as T;
}

/** The cached value for a session, or undefined (not cached, stale, or the feed is not live). */
export async function cachedSession<T>(sessionId: string): Promise<T | undefined> {
  if (!enabled()) return undefined;
  if (!state.client && !state.starting) void connect();
  if (!state.live || !fresh(sessionId)) return undefined;
  if (!(await sync())) return undefined;
  return fresh<T>(sessionId);
}

/**
 * For other caches on the same feed (lib/cache/reference.ts): true once every change committed
 * before this call has been announced here — the same round trip cachedSession waits for, shared.
 * False when the cache is off or the feed is not live: then read the database.
 */
export async function feedCurrent(): Promise<boolean> {
  if (!enabled()) return false;
  if (!state.client && !state.starting) void connect();
  if (!state.live) return false;
  return sync();
}

/** Whether the feed is live now (a value read while it is may be kept). */
export const feedLive = () => enabled() && state.live;

/** Call before reading the database; pass the result to rememberSession. */
export const cacheGeneration = () => state.generation;

/** Keeps a row read from the database, unless a change was announced since `generation`. */
export function rememberSession(sessionId: string, userId: string, value: unknown, generation: number): void {
  if (!state.live || generation !== state.generation || !enabled()) return;
  if (state.entries.size >= MAX_ENTRIES) state.entries.delete(state.entries.keys().next().value!);
  state.entries.set(sessionId, { userId, value, at: Date.now() });
}

/** Drops a session here at once (the trigger tells the other instances). */
export const forgetSession = (sessionId: string) => apply(`s:${sessionId}`);

/**
 * Runs `fn` on every change announced (e.g. the security policy cache clears on "*"), and with
 * "*" whenever the feed is lost or (re)connected.
 */
export function onAuthChange(fn: (payload: string) => void): void {
  state.subscribers.add(fn);
}

/** For tests and shutdown: starts the feed and waits until it is live. */
export async function startSessionCache(timeoutMs = 5_000): Promise<boolean> {
  state.stopped = false;
  await connect();
  const until = Date.now() + timeoutMs;
  while (!state.live && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  return state.live;
}

export async function stopSessionCache(): Promise<void> {
  state.stopped = true;
  if (state.retryTimer) clearTimeout(state.retryTimer);
  state.retryTimer = null;
  const c = state.client;
  state.client = null;
  state.live = false;
  state.entries.clear();
  c?.removeAllListeners();
  c?.on("error", () => {});
  await c?.end().catch(() => {});
}

export const sessionCacheStats = () => ({ live: state.live, entries: state.entries.size, generation: state.generation });
