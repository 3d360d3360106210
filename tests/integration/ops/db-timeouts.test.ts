// Database time limits (issue 14 item 3): a frozen, slow or saturated database gives a quick
// 503 UNAVAILABLE through the API's one error mapping, never a hung request, and the pool
// serves again once the database answers. "Frozen" is a TCP proxy in front of the real
// PostgreSQL that, on freeze(), stops passing bytes and accepts new connections without ever
// answering: what a SIGSTOPped server or a dead network path looks like to the app.
import net from "node:net";
import { createClient, type DbOptions } from "@/lib/db";
import { env } from "@/lib/env";
import { isDatabaseUnavailable } from "@/lib/errors";
import { errorResponse } from "@/lib/http/api";

type Proxy = { url: string; freeze(): void; thaw(): void; close(): Promise<void> };

async function freezableProxy(target: string): Promise<Proxy> {
  const t = new URL(target);
  let frozen = false;
  const pairs = new Set<[net.Socket, net.Socket]>();
  const server = net.createServer((client) => {
    if (frozen) {
      client.on("error", () => {});
      pairs.add([client, client]);
      return; // accepted, never answered
    }
    const upstream = net.connect(Number(t.port || 5432), t.hostname);
    const pair: [net.Socket, net.Socket] = [client, upstream];
    pairs.add(pair);
    for (const s of pair) s.on("error", () => {}).on("close", () => pairs.delete(pair));
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const u = new URL(target);
  u.hostname = "127.0.0.1";
  u.port = String((server.address() as net.AddressInfo).port);
  return {
    url: u.toString(),
    freeze() {
      frozen = true;
      for (const pair of pairs) for (const s of pair) s.pause();
    },
    thaw() {
      frozen = false;
      for (const pair of pairs) for (const s of pair) s.resume();
    },
    async close() {
      for (const pair of pairs) for (const s of pair) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}

/** The app's settings (lib/env.ts defaults unless the environment says otherwise). */
const appOptions = (url: string, over: Partial<DbOptions> = {}): DbOptions => ({
  url,
  poolSize: env.DB_POOL_SIZE,
  connectTimeoutMs: env.DB_CONNECT_TIMEOUT_MS,
  poolTimeoutMs: env.DB_POOL_TIMEOUT_MS,
  statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
  queryTimeoutMs: env.DB_QUERY_TIMEOUT_MS,
  idleInTxTimeoutMs: env.DB_IDLE_IN_TX_TIMEOUT_MS,
  freezeProbeMs: env.DB_FREEZE_PROBE_MS,
  ...over,
});

/** Runs `fn`, expecting a database-unavailable error; returns how long it took. */
async function failsAsUnavailable(fn: () => Promise<unknown>): Promise<number> {
  const start = Date.now();
  const err = await fn().then(
    () => null,
    (e: unknown) => e,
  );
  const ms = Date.now() - start;
  expect(err).not.toBeNull();
  expect(isDatabaseUnavailable(err)).toBe(true);
  const res = errorResponse(err);
  expect(res.status).toBe(503);
  const body = await res.json();
  expect(body).toEqual({ error: { code: "UNAVAILABLE", message: "服务暂不可用，请稍后再试" } });
  return ms;
}

/** Retries `fn` until it succeeds; how long that took (a server found frozen is skipped for 2 s). */
async function servedAgain(fn: () => Promise<unknown>, withinMs = 4000): Promise<number> {
  const start = Date.now();
  for (;;) {
    try {
      await fn();
      return Date.now() - start;
    } catch (e) {
      if (Date.now() - start > withinMs) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

let proxy: Proxy;
beforeEach(async () => {
  proxy = await freezableProxy(process.env.DATABASE_URL!);
});
afterEach(async () => {
  await proxy.close();
});

test("the defaults are on: every limit is set and a frozen database is answered within 5 s", () => {
  expect(env.DB_CONNECT_TIMEOUT_MS).toBeGreaterThan(0);
  expect(env.DB_STATEMENT_TIMEOUT_MS).toBeGreaterThan(0);
  expect(env.DB_IDLE_IN_TX_TIMEOUT_MS).toBeGreaterThan(0);
  expect(env.DB_FREEZE_PROBE_MS).toBeGreaterThan(0);
  // a new connection gives up after CONNECT; a query on an open one after the probe (≤ 2 s) failed
  expect(Math.max(env.DB_CONNECT_TIMEOUT_MS, env.DB_FREEZE_PROBE_MS + Math.min(env.DB_CONNECT_TIMEOUT_MS, 2000))).toBeLessThan(5000);
});

test("a database frozen before the first connection: 503 within 5 s, then served again after it thaws", async () => {
  const client = createClient(appOptions(proxy.url));
  try {
    proxy.freeze();
    const ms = await failsAsUnavailable(() => client.user.count());
    expect(ms).toBeLessThan(5000);
    proxy.thaw();
    expect(await servedAgain(() => client.user.count())).toBeLessThan(4000);
  } finally {
    await client.$disconnect();
  }
});

test("a database frozen under open pooled connections: plain queries and transactions 503 within 5 s; the pool recovers", async () => {
  const client = createClient(appOptions(proxy.url, { poolSize: 2 }));
  try {
    await Promise.all([client.user.count(), client.user.count()]); // two live connections
    proxy.freeze();
    const times = await Promise.all([
      failsAsUnavailable(() => client.user.count()),
      failsAsUnavailable(() => client.$transaction(async (tx) => tx.user.count())),
    ]);
    for (const ms of times) expect(ms).toBeLessThan(5000);
    proxy.thaw();
    // the connections that timed out were dropped, not handed out again: both slots serve
    await servedAgain(() => client.user.count());
    const again = await Promise.all([client.user.count(), client.$transaction(async (tx) => tx.user.count())]);
    expect(again).toHaveLength(2);
  } finally {
    await client.$disconnect();
  }
}, 30_000);

test("a slow statement on a live server is not cut off: the probe finds the server answering", async () => {
  const client = createClient(appOptions(proxy.url, { freezeProbeMs: 300 }));
  try {
    const start = Date.now();
    await client.$executeRaw`SELECT pg_sleep(1.5)`;
    expect(Date.now() - start).toBeGreaterThanOrEqual(1500);
  } finally {
    await client.$disconnect();
  }
});

test("statement_timeout: a statement running too long is cancelled by PostgreSQL and answered 503", async () => {
  const client = createClient(appOptions(process.env.DATABASE_URL!, { statementTimeoutMs: 300 }));
  try {
    const ms = await failsAsUnavailable(() => client.$queryRaw`SELECT pg_sleep(5)`);
    expect(ms).toBeLessThan(2000);
    const [row] = await client.$queryRaw<{ s: string }[]>`SELECT current_setting('statement_timeout') AS s`;
    expect(row!.s).toBe("300ms");
  } finally {
    await client.$disconnect();
  }
});

test("pool acquire timeout: with every connection busy, a request waits at most the pool timeout", async () => {
  const client = createClient(appOptions(process.env.DATABASE_URL!, { poolSize: 1, poolTimeoutMs: 400 }));
  try {
    const busy = Promise.resolve(client.$executeRaw`SELECT pg_sleep(1.5)`); // a Prisma query starts when awaited
    await new Promise((r) => setTimeout(r, 100));
    const ms = await failsAsUnavailable(() => client.user.count());
    expect(ms).toBeLessThan(1200);
    await busy;
  } finally {
    await client.$disconnect();
  }
});

test("idle_in_transaction_session_timeout: a transaction left idle is ended by PostgreSQL; its pool slot is not lost", async () => {
  // one connection: had the dead one stayed checked out, the last query would wait for ever
  const client = createClient(appOptions(process.env.DATABASE_URL!, { poolSize: 1, idleInTxTimeoutMs: 300 }));
  try {
    const [row] = await client.$queryRaw<{ s: string }[]>`SELECT current_setting('idle_in_transaction_session_timeout') AS s`;
    expect(row!.s).toBe("300ms");
    await failsAsUnavailable(() =>
      client.$transaction(async (tx) => {
        await tx.user.count();
        await new Promise((r) => setTimeout(r, 800));
        return tx.user.count();
      }),
    );
    expect(await client.user.count()).toBeGreaterThanOrEqual(0);
    expect(await client.$transaction(async (tx) => tx.user.count())).toBeGreaterThanOrEqual(0);
  } finally {
    await client.$disconnect();
  }
});
