// Pure, shared by the login page (the ?error= of a redirect) and the login form (next-auth's
// answer): next-auth's error code → the message key. Anything unknown is the one generic failure,
// so no text from elsewhere ever reaches the page.
export function signInErrorKey(code: string | null | undefined): "failed" | "rateLimited" | "unavailable" {
  if (code === "RATE_LIMITED") return "rateLimited";
  if (code === "UNAVAILABLE" || code === "INTERNAL") return "unavailable";
  return "failed";
}
