// Where to go after signing in (`next`, next-auth's `callbackUrl`): only ever a path of this
// site. Pure, shared by the login page, the login form and next-auth's redirect callback.
//
// The decision is taken on the final, normalised form — the one a browser will act on — not on
// the raw input: "/.//evil.test" and "/%2e//evil.test" look like paths but normalise to
// "//evil.test", which a browser reads as another host. So: refuse anything a browser might
// rewrite (backslashes, tabs, newlines, other control characters, encoded slashes), let the
// WHATWG URL parser normalise the rest against a throw-away origin, and accept the result only
// if it stayed on that origin, starts with exactly one "/", and parses back to itself.
const BASE = "http://jingxin.invalid";
const MAX_LENGTH = 2048;

export function safeRedirectPath(raw: string | null | undefined, fallback = "/"): string {
  if (typeof raw !== "string" || !raw || raw.length > MAX_LENGTH) return fallback;
  if (!raw.startsWith("/") || raw.startsWith("//")) return fallback;
  // whitespace and controls (browsers drop tabs and newlines inside URLs), backslashes (read as
  // "/"), and percent-encoded "/", "\" or controls that a later decoding could turn into them
  if (/[\s\\\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(raw)) return fallback;
  const pathPart = raw.split(/[?#]/, 1)[0]!;
  if (/%(2f|5c|2e%2e|0[0-9a-f]|1[0-9a-f]|7f)/i.test(pathPart)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE || url.username || url.password) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return fallback;
  // a fixed point: what we hand out normalises to itself
  try {
    const again = new URL(path, BASE);
    if (again.origin !== BASE || `${again.pathname}${again.search}${again.hash}` !== path) return fallback;
  } catch {
    return fallback;
  }
  return path;
}

/**
 * next-auth's redirect callback: `url` may be absolute (this site's origin) or a path; anything
 * else, and anything that is not a safe path of this site, becomes the home page.
 */
export function safeCallbackUrl(url: string, baseUrl: string): string {
  const base = baseUrl.replace(/\/$/, "");
  let candidate = url;
  if (!url.startsWith("/")) {
    try {
      const parsed = new URL(url);
      if (parsed.origin !== new URL(base).origin) return `${base}/`;
      candidate = `${parsed.pathname}${parsed.search}${parsed.hash}`;
    } catch {
      return `${base}/`;
    }
  }
  return `${base}${safeRedirectPath(candidate)}`;
}
