// Shared by the HTTP and browser tests. They run against a production build started by
// scripts/test.mjs (BASE_URL) over the demo seed.
//
// Two ways in:
//  - tests that are not about signing in (signedIn, signInPage) get a session from the fixture
//    (scripts/lib/session-fixture.mjs: an AuthSession row and the next-auth cookie carrying its
//    id, as a real sign-in makes them). Fast, and no one-time codes: a code signs in once and
//    only ±30 s is accepted, so many sign-ins of one second-factor account would collide.
//  - tests about signing in use the real credentials callback (ApiClient.signIn) or the real
//    form (signInThroughForm, fillSignInForm), with the demo TOTP for second-factor accounts.
import http from "node:http";
import pg from "pg";
import { chromium, type Browser, type Page } from "playwright-core";
import { mintSessionCookie } from "@/scripts/lib/session-fixture.mjs";
import { freePort, startServer, waitForHttp } from "@/scripts/lib/server.mjs";
import { DEMO_TOTP_SECRET, demoMfaAccounts } from "@/prisma/seed/demo-accounts";
import { TOTP_PERIOD_SECONDS, totpCode } from "@/lib/auth/totp";

export const BASE_URL = process.env.BASE_URL ?? "http://127.0.0.1:3000";
export const DEMO_PASSWORD = "Qianshan@2026";
export { DEMO_TOTP_SECRET };
export const hasChromium = !!process.env.CHROMIUM_PATH;

/** Demo accounts enrolled with the demo second factor by the seed (000001–000003, 010001, 020001, 030001). */
export const MFA_BADGES: ReadonlySet<string> = new Set(demoMfaAccounts().map((a) => a.badgeNo));

/** `describe` for browser tests: skipped (and reported as skipped) without a Chromium. */
export const describeBrowser = hasChromium ? describe : describe.skip;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** A query against this run's database (the e2e server's). */
export async function dbQuery<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows as T[];
  } finally {
    await c.end();
  }
}

/** A session cookie for `badgeNo` without signing in (see the header). */
export function sessionCookie(badgeNo: string) {
  return mintSessionCookie({ databaseUrl: process.env.DATABASE_URL!, secret: process.env.NEXTAUTH_SECRET!, badgeNo, baseUrl: BASE_URL });
}

/**
 * A code of the account's TOTP secret that the server will still accept: the current step, or the
 * next one (±1 step is accepted) when the current one was already used; waits for the next step
 * only when both were. So a test may sign one account in twice per 30 s without waiting.
 */
export async function freshTotp(badgeNo: string, secret = DEMO_TOTP_SECRET): Promise<string> {
  for (;;) {
    const [row] = await dbQuery<{ step: number | null }>(
      `SELECT c."totpLastStep" AS step FROM "Credential" c JOIN "User" u ON u.id = c."userId" WHERE u."badgeNo" = $1`,
      [badgeNo],
    );
    const now = Date.now();
    const current = Math.floor(now / 1000 / TOTP_PERIOD_SECONDS);
    const last = row?.step ?? -1;
    // leave a little margin before the step ends, so the code is not stale on arrival
    const msLeft = (current + 1) * TOTP_PERIOD_SECONDS * 1000 - now;
    if (last < current && msLeft > 1500) return totpCode(secret, now);
    if (last <= current) return totpCode(secret, now + TOTP_PERIOD_SECONDS * 1000);
    await new Promise((r) => setTimeout(r, msLeft + 100));
  }
}

/** The one-time code a demo account needs to sign in, or "" for accounts without one. */
const otpFor = async (badgeNo: string) => (MFA_BADGES.has(badgeNo) ? freshTotp(badgeNo) : "");

/**
 * A signed-in browser page on the home page, from the session fixture. With `startAt`, a real
 * sign-in instead: a signed-out visit to that link first (a scanned QR code, a bookmark), then the
 * login form the app sent the visitor to.
 */
export async function signInPage(
  browser: Browser,
  badgeNo: string,
  password = DEMO_PASSWORD,
  viewport = { width: 1280, height: 900 },
  startAt = "/login",
): Promise<Page> {
  if (password !== DEMO_PASSWORD || startAt !== "/login") return signInThroughForm(browser, badgeNo, password, viewport, startAt);
  const context = await browser.newContext({ baseURL: BASE_URL, viewport, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const { name, value } = await sessionCookie(badgeNo);
  await context.addCookies([{ name, value, url: BASE_URL, httpOnly: true, sameSite: "Lax" }]);
  const page = await context.newPage();
  await page.goto("/");
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  return page;
}

/**
 * Fills and submits the login form on the current page (/login, perhaps with ?next=), with the
 * demo one-time code for second-factor accounts, and waits until the page has left /login.
 */
export async function fillSignInForm(page: Page, badgeNo: string, password = DEMO_PASSWORD, otp?: string): Promise<void> {
  await page.getByLabel("警号 / 辅警编号").fill(badgeNo);
  await page.getByLabel("密码", { exact: true }).fill(password);
  const code = otp ?? (await otpFor(badgeNo));
  if (code) await page.getByLabel("动态验证码").fill(code);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
}

/** Signs in through the real login form, in a new browser context. */
export async function signInThroughForm(
  browser: Browser,
  badgeNo: string,
  password = DEMO_PASSWORD,
  viewport = { width: 1280, height: 900 },
  startAt = "/login",
): Promise<Page> {
  const context = await browser.newContext({ baseURL: BASE_URL, viewport, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  await page.goto(startAt);
  await page.waitForURL((u) => u.pathname.startsWith("/login"));
  await fillSignInForm(page, badgeNo, password);
  return page;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test code reads arbitrary JSON
type Json = any;
type Res = { status: number; data: Json; text: string; headers: Headers };

/**
 * One HTTP request from a chosen local address (127.0.0.0/8 is all loopback): how tests play
 * several clients on one machine, since the server believes the socket, not X-Forwarded-For.
 */
export function requestFrom(
  localAddress: string,
  method: string,
  url: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; headers: Headers; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, localAddress }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const h = new Headers();
        for (const [k, v] of Object.entries(res.headers)) for (const one of ([] as string[]).concat(v ?? [])) h.append(k, one);
        resolve({ status: res.statusCode ?? 0, headers: h, text: Buffer.concat(chunks).toString("utf8") });
      });
    });
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** A cookie-keeping JSON client, as another bureau system would use the API. */
export class ApiClient {
  jar = new Map<string, string>();
  /** connect from this loopback address instead of 127.0.0.1 (see requestFrom) */
  localAddress?: string;
  constructor(
    public origin: string | null = BASE_URL,
    public baseUrl = BASE_URL,
  ) {}

  async req(
    method: string,
    path: string,
    opts: { body?: unknown; form?: Record<string, string>; raw?: BodyInit; headers?: Record<string, string> } = {},
  ): Promise<Res> {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (this.origin) headers.origin = this.origin;
    if (this.jar.size) headers.cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
    let body: BodyInit | undefined = opts.raw;
    if (opts.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(opts.form).toString();
    } else if (opts.body !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(opts.body);
    }
    type Sent = Response | { status: number; headers: Headers; text: string };
    const send = (): Promise<Sent> =>
      this.localAddress
        ? requestFrom(this.localAddress, method, this.baseUrl + path, headers, body as string | undefined)
        : fetch(this.baseUrl + path, { method, headers, body, redirect: "manual" });
    // a kept-alive connection the server closed while idle ("other side closed") fails before the
    // request is read; under load this hits the first call of a test file: send it once more
    const res = await send().catch((e) =>
      (e as { cause?: { code?: string } }).cause?.code === "UND_ERR_SOCKET" ? send() : Promise.reject(e),
    );
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair!.indexOf("=");
      const name = pair!.slice(0, i).trim();
      const value = pair!.slice(i + 1).trim();
      if (value) this.jar.set(name, value);
      else this.jar.delete(name);
    }
    const text = "text" in res && typeof res.text === "string" ? res.text : await (res as Response).text();
    let data: Json = null;
    try {
      data = JSON.parse(text);
    } catch {}
    return { status: res.status, data, text, headers: res.headers };
  }

  /** The real credentials callback's answer (status, body) for these credentials. */
  async callback(form: Record<string, string>): Promise<Res> {
    const { data } = await this.req("GET", "/api/auth/csrf");
    return this.req("POST", "/api/auth/callback/credentials", { form: { csrfToken: data?.csrfToken ?? "", json: "true", ...form } });
  }

  /** Signs in through the real credentials callback (with the demo one-time code where needed). */
  async signIn(badgeNo: string, password = DEMO_PASSWORD, otp?: string): Promise<boolean> {
    await this.callback({ badgeNo, password, otp: otp ?? (await otpFor(badgeNo)) });
    return (await this.req("GET", "/api/v1/me")).status === 200;
  }

  /** Takes a session from the fixture instead of signing in (see the header). */
  async useSession(badgeNo: string): Promise<this> {
    const { name, value } = await sessionCookie(badgeNo);
    this.jar.set(name, value);
    return this;
  }
}

/**
 * A client with a session of `badgeNo`, for tests that are not about signing in (the fixture).
 * With a password other than the demo one, it signs in for real.
 */
export async function signedIn(badgeNo: string, password = DEMO_PASSWORD): Promise<ApiClient> {
  const c = new ApiClient();
  if (password === DEMO_PASSWORD) await c.useSession(badgeNo);
  else await c.signIn(badgeNo, password);
  if ((await c.req("GET", "/api/v1/me")).status !== 200) throw new Error(`sign-in failed for ${badgeNo}`);
  return c;
}

/**
 * Another instance of the production build (server.mjs) beside the test server, with its own
 * environment: a database that is down, an https public URL … Stopped by the returned function.
 */
export async function startExtraServer(env: Record<string, string>): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // silent: a server whose database is down logs every refused sign-in, as it should
  const child = startServer({ NODE_ENV: "production", NEXTAUTH_URL: baseUrl, DISABLE_JOBS: "1", ...env }, port, { silent: true });
  await waitForHttp(`${baseUrl}/login`, 60_000);
  return {
    baseUrl,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** An account as the admin pages create one, written straight into this run's database. */
export async function insertAccount(opts: {
  badgeNo: string;
  password: string;
  roles?: string[];
  mustChange?: boolean;
  passwordChangedDaysAgo?: number;
}): Promise<string> {
  const { hash } = await import("@node-rs/argon2");
  const id = `e2e${opts.badgeNo.toLowerCase()}`;
  await dbQuery(
    `INSERT INTO "User" (id, "badgeNo", name, "unitId", roles, "updatedAt") SELECT $1, $2, '新警员', id, $3::"Role"[], now() FROM "Unit" WHERE code = 'QS'`,
    [id, opts.badgeNo, opts.roles ?? ["OFFICER"]],
  );
  await dbQuery(
    `INSERT INTO "Credential" ("userId", "passwordHash", "mustChange", "changedAt", "updatedAt") VALUES ($1, $2, $3, now() - make_interval(days => $4), now())`,
    [id, await hash(opts.password), opts.mustChange ?? false, opts.passwordChangedDaysAgo ?? 0],
  );
  return id;
}

/** A badge number no other test uses. */
export const freshBadge = (prefix = "E") =>
  `${prefix}${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 1296)
    .toString(36)
    .toUpperCase()}`.slice(0, 16);
