// Shared by the HTTP and browser tests. They run against a production build started by
// scripts/test.mjs (BASE_URL) over the demo seed, signing in like any outside client.
import { chromium, type Browser, type Page } from "playwright-core";

export const BASE_URL = process.env.BASE_URL ?? "http://127.0.0.1:3000";
export const DEMO_PASSWORD = "Qianshan@2026";
export const hasChromium = !!process.env.CHROMIUM_PATH;

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

/** Signs in through the real login form. */
export async function signInPage(
  browser: Browser,
  badgeNo: string,
  password = DEMO_PASSWORD,
  viewport = { width: 1280, height: 900 },
): Promise<Page> {
  const context = await browser.newContext({ baseURL: BASE_URL, viewport, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("警号 / 辅警编号").fill(badgeNo);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  return page;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test code reads arbitrary JSON
type Json = any;
type Res = { status: number; data: Json; text: string; headers: Headers };

/** A cookie-keeping JSON client, as another bureau system would use the API. */
export class ApiClient {
  jar = new Map<string, string>();
  constructor(public origin: string | null = BASE_URL) {}

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
    const send = () => fetch(BASE_URL + path, { method, headers, body, redirect: "manual" });
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
    const text = await res.text();
    let data: Json = null;
    try {
      data = JSON.parse(text);
    } catch {}
    return { status: res.status, data, text, headers: res.headers };
  }

  async signIn(badgeNo: string, password = DEMO_PASSWORD): Promise<boolean> {
    const { data } = await this.req("GET", "/api/auth/csrf");
    await this.req("POST", "/api/auth/callback/credentials", {
      form: { csrfToken: data?.csrfToken ?? "", badgeNo, password, json: "true" },
    });
    return (await this.req("GET", "/api/v1/me")).status === 200;
  }
}

export async function signedIn(badgeNo: string, password = DEMO_PASSWORD): Promise<ApiClient> {
  const c = new ApiClient();
  if (!(await c.signIn(badgeNo, password))) throw new Error(`sign-in failed for ${badgeNo}`);
  return c;
}
