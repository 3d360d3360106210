// The portal shell, sign-in, administration and the forced password change in a real Chromium.
import type { Browser } from "playwright-core";
import { BASE_URL, describeBrowser, launchBrowser, signInPage } from "./support";

describeBrowser("portal in the browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("signing out ends the session; a signed-out visit goes to the login page", async () => {
    const page = await signInPage(browser, "100007");
    await page.getByRole("button", { name: "退出登录" }).click();
    await page.waitForURL(/\/login/);
    await page.goto("/");
    await page.waitForURL(/\/login\?next=%2F/);
    await page.context().close();
  });

  test("a wrong password shows a Chinese message and stays on the login page", async () => {
    const context = await browser.newContext({ baseURL: BASE_URL });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("警号 / 辅警编号").fill("100008");
    await page.getByLabel("密码").fill("Not-The-Password-1");
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByText("警号或密码错误").waitFor();
    expect(new URL(page.url()).pathname).toBe("/login");
    await context.close();
  });

  test("an officer's navigation shows only what they may use, and fits a 375 px phone", async () => {
    const page = await signInPage(browser, "100009", undefined, { width: 375, height: 740 });
    await page.getByRole("heading", { name: /您好/ }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByText("菜单").click();
    const menu = page.locator("details nav");
    await expect(menu.getByText("大讲堂").isVisible()).resolves.toBe(true);
    expect(await menu.getByText("用户管理").count()).toBe(0);
    expect(await menu.getByText("审计日志").count()).toBe(0);
    const res = await page.goto("/admin/users");
    expect(res?.status()).toBe(403);
    await page.getByText("没有访问权限").waitFor();
    await page.context().close();
  });

  test("the system administrator creates an account; its first sign-in forces a password change", async () => {
    const admin = await signInPage(browser, "000001");
    await admin.goto("/admin/users/new");
    const badgeNo = `B${Date.now().toString().slice(-7)}`;
    await admin.getByLabel("警号").fill(badgeNo);
    await admin.getByLabel("姓名").fill("韩新民");
    await admin.getByRole("button", { name: "新建" }).click();
    const code = admin.locator("code");
    await code.waitFor();
    const temporary = (await code.textContent())!.trim();
    expect(temporary).toHaveLength(14);
    await admin.context().close();

    const context = await browser.newContext({ baseURL: BASE_URL });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("警号 / 辅警编号").fill(badgeNo);
    await page.getByLabel("密码").fill(temporary);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL(/\/account\/password\?forced=1/);
    await page.getByLabel("当前密码").fill(temporary);
    await page.getByLabel("新密码", { exact: true }).fill("short");
    await page.getByLabel("确认新密码").fill("short");
    await page.getByRole("button", { name: "修改密码" }).click();
    await page.getByText(/密码不符合要求/).waitFor();
    await page.getByLabel("当前密码").fill(temporary);
    await page.getByLabel("新密码", { exact: true }).fill("Hanxinmin-2026");
    await page.getByLabel("确认新密码").fill("Hanxinmin-2026");
    await page.getByRole("button", { name: "修改密码" }).click();
    await page.waitForURL((u) => u.pathname === "/");
    await page.getByRole("heading", { name: "韩新民，您好" }).waitFor();
    await context.close();
  });

  test("the audit administrator finds the sign-ins in the audit log", async () => {
    const page = await signInPage(browser, "000003");
    await page.goto("/admin/audit?action=auth.sign_in");
    await page.getByRole("cell", { name: "auth.sign_in" }).first().waitFor();
    await page.context().close();
  });

  test("the language switch shows the portal in English", async () => {
    const page = await signInPage(browser, "100010");
    await page.getByTitle("English").click();
    await page.getByRole("heading", { name: /Hello/ }).waitFor();
    await page.getByTitle("中文").click();
    await page.getByRole("heading", { name: /您好/ }).waitFor();
    await page.context().close();
  });
});
