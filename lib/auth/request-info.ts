// The client address as the app sees it. Behind a reverse proxy, the first X-Forwarded-For hop
// is the client; deployments must make the proxy overwrite (not append to) that header.
export function clientIp(headers: Headers): string | null {
  const xff = headers.get("x-forwarded-for");
  if (xff) return xff.split(",")[0]!.trim().slice(0, 64) || null;
  return headers.get("x-real-ip")?.slice(0, 64) ?? null;
}
