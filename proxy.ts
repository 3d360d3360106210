import { NextResponse, type NextRequest } from "next/server";

// Next.js 16's proxy (formerly middleware) runs before every page and API route. It is not an
// authorisation layer (pages, actions and lib/ check for themselves); it does what must happen on
// every request:
//  - a request id (x-request-id: a UUID, a well-formed incoming one is kept) for logs and audit;
//  - the path and query of the request for server components, so a signed-out visit can come
//    back to exactly where it pointed after sign-in (lib/auth/current.ts requireUser);
//  - a Content-Security-Policy with a fresh nonce per request: scripts run only with the nonce
//    Next.js puts on its own (no 'unsafe-inline' for scripts); inline styles need
//    'unsafe-inline' for style-src, because React and Next.js write style attributes;
//  - Cache-Control: no-store on every API response and every page (pages carry personal data);
//  - HSTS when the site is served over https.
const HTTPS = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
const DEV = process.env.NODE_ENV === "development";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${DEV ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(HTTPS ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** A path segment that cannot be percent-decoded makes Next.js 16.4 answer a bare 500 (vercel/next.js#92527). */
function undecodable(pathname: string): boolean {
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return false;
  } catch {
    return true;
  }
}

export function proxy(request: NextRequest) {
  if (undecodable(request.nextUrl.pathname))
    return new NextResponse("Not Found", { status: 404, headers: { "cache-control": "no-store" } });
  const incoming = request.headers.get("x-request-id");
  const requestId = incoming && UUID.test(incoming) ? incoming.toLowerCase() : crypto.randomUUID();
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce);

  const forward = new Headers(request.headers);
  forward.set("x-request-id", requestId);
  forward.set("x-nonce", nonce);
  // Next.js reads the nonce for its own scripts from the request's CSP header
  forward.set("content-security-policy", csp);
  const here = request.nextUrl.clone();
  here.searchParams.delete("_rsc"); // the client router's cache-buster is not part of the address
  forward.set("x-jingxin-path", `${here.pathname}${here.search}`);
  forward.set("x-jingxin-method", request.method);

  const response = NextResponse.next({ request: { headers: forward } });
  response.headers.set("x-request-id", requestId);
  response.headers.set("content-security-policy", csp);
  response.headers.set("cache-control", "no-store");
  if (HTTPS) response.headers.set("strict-transport-security", "max-age=31536000; includeSubDomains");
  return response;
}

export const config = {
  // everything but the build's static files (hashed names, cached for good) and the favicon
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
