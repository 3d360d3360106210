// The client address as the app sees it. X-Forwarded-For is "client, proxy1, proxy2": every
// entry but the last was written by whoever sent the request, so only the last hop — added by
// our own reverse proxy (or by Next.js itself when there is none) — is trusted. Deployments with
// several proxy layers set TRUSTED_PROXY_HOPS to how many hops of their own to skip back from.
export function clientIp(headers: Headers): string | null {
  const xff = headers.get("x-forwarded-for");
  if (xff) {
    const hops = xff
      .split(",")
      .map((h) => h.trim())
      .filter(Boolean);
    const skip = Math.max(0, Number(process.env.TRUSTED_PROXY_HOPS ?? 1) - 1);
    const hop = hops[Math.max(0, hops.length - 1 - skip)];
    if (hop) return hop.slice(0, 64);
  }
  return headers.get("x-real-ip")?.slice(0, 64) ?? null;
}
