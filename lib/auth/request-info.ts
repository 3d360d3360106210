import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

// The client address as the app sees it, for the audit log and the per-address sign-in limit.
// Next.js exposes no socket address to route handlers or server components, so server.mjs (the
// production server) decides it from the socket and TRUSTED_PROXY_HOPS before Next.js runs and
// passes it on beside a per-process token: a client cannot forge that pair, and with
// TRUSTED_PROXY_HOPS=0 (the default) X-Forwarded-For is never believed.
const EDGE_TOKEN = Symbol.for("jingxin.edge-token");
let warned = false;

export function clientIp(headers: Headers): string | null {
  const token = (globalThis as Record<symbol, unknown>)[EDGE_TOKEN];
  if (typeof token === "string" && headers.get("x-jingxin-edge") === token) return headers.get("x-jingxin-client-ip") || null;
  // Not behind server.mjs (`next dev`, or `next start` by hand): Next.js fills X-Forwarded-For with
  // the socket address only when the client sent none, so this is a best effort, said once.
  if (!warned && env.NODE_ENV === "production") {
    warned = true;
    logger.warn("client addresses are not reliable: start the app with `node server.mjs` (npm start), not `next start`");
  }
  return pickClientAddress(headers.get("x-forwarded-for"), env.TRUSTED_PROXY_HOPS);
}

/** From "client, proxy1, …, proxyN" (the socket's peer last), the address `hops` entries back. */
export function pickClientAddress(chain: string | null, hops: number): string | null {
  const entries = (chain ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  const hop = entries[Math.max(0, entries.length - 1 - hops)];
  return hop ? hop.slice(0, 64) : null;
}

/** The request id proxy.ts set (a UUID), if this request went through it. */
export function requestIdOf(headers: Headers): string | null {
  const id = headers.get("x-request-id");
  return id && /^[0-9a-f-]{36}$/i.test(id) ? id : null;
}
