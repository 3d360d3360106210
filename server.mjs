// The production server: Next.js behind a few lines of Node's http server (Next's documented
// "custom server"), for one reason: Next.js gives route handlers and server components no socket
// address. It fills X-Forwarded-For with the peer address only when the client sent none, so a
// forged header would pass as the client's address (sign-in limit, audit rows). Here, before
// Next.js sees the request, the client address is decided once from the socket and
// TRUSTED_PROXY_HOPS and handed on in a header that carries a per-process token, so a header
// sent by the client can never pass for it (lib/auth/request-info.ts).
//   node server.mjs            (PORT, default 3000; HOST, default 0.0.0.0)
// SIGTERM/SIGINT stop it gracefully: no new connections, requests in flight are answered, idle
// keep-alive connections closed, then exit (at most SHUTDOWN_GRACE_MS, default 10 s). Without
// this the process died at once (Node's default) and a rolling restart cut requests off.
import { createServer } from "node:http";
import { randomBytes } from "node:crypto";
import next from "next";

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const token = randomBytes(18).toString("base64url");
globalThis[Symbol.for("jingxin.edge-token")] = token;

const app = next({ dev: false, dir: import.meta.dirname, hostname: host, port });
const handle = app.getRequestHandler();
// next.config.ts imports lib/env.ts, which validated TRUSTED_PROXY_HOPS (0–10) while preparing.
await app.prepare();
const hops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0);

/** "client, proxy1, proxy2" as written by the proxies, then the socket's peer. */
function clientAddress(req) {
  const peer = (req.socket.remoteAddress ?? "").replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
  const forwarded = hops > 0 ? String(req.headers["x-forwarded-for"] ?? "").split(",") : [];
  const chain = [...forwarded.map((h) => h.trim()).filter(Boolean), peer];
  return { chain, client: chain[Math.max(0, chain.length - 1 - hops)] ?? peer };
}

let stopping = false;
const server = createServer((req, res) => {
  const { chain, client } = clientAddress(req);
  req.headers["x-forwarded-for"] = chain.join(", ");
  req.headers["x-jingxin-client-ip"] = client.slice(0, 64);
  req.headers["x-jingxin-edge"] = token;
  // With no proxy of ours in front, these came from the client: Next.js fills in its own.
  if (hops === 0) for (const h of ["x-real-ip", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"]) delete req.headers[h];
  // while stopping, a keep-alive client is told to reconnect (to another instance) after this answer
  if (stopping) res.setHeader("connection", "close");
  handle(req, res);
}).listen(port, host, () => {
  console.log(`> JingXin ready on http://${host}:${port} (TRUSTED_PROXY_HOPS=${hops})`);
});

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`> ${signal}: answering the requests in flight, then stopping`);
    const done = async () => {
      await globalThis[Symbol.for("jingxin.db")]?.$disconnect().catch(() => {});
      process.exit(0);
    };
    server.close(done); // also closes idle keep-alive connections (Node ≥ 19)
    setTimeout(done, Number(process.env.SHUTDOWN_GRACE_MS ?? 10_000)).unref();
  });
}
