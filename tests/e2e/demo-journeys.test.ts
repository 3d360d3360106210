// Every role's real journey through the demo seed (prisma/seed), in Chromium against the production
// build, as a new user would try it after `npm run demo` — no factories, no data made through the
// API first. The journeys share the e2e database with the other e2e files; they use the demo
// accounts the other files leave alone (or only read), so they can mutate the seed freely:
// 100005 and the unit lead's station, the lecturer 100002 on today's session, the liaison on
// today's urgent visit, HR on this month's pay sheet and the seeded submitted cases, 100019 for
// the lock-out. Each journey also runs axe (serious and critical rules) on the pages it visits.
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { ApiClient, BASE_URL, describeBrowser, launchBrowser, signedIn, signInPage } from "./support";

const PHONE = { width: 375, height: 800 };

/** axe-core in the page: no serious or critical violation. */
async function expectAccessible(page: Page) {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const found = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (d: Document) => Promise<{ violations: { id: string; impact: string; nodes: { html: string }[] }[] }> };
      }
    ).axe;
    const r = await axe.run(document);
    return r.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes[0]?.html.slice(0, 100)}`);
  });
  expect([page.url(), found]).toEqual([page.url(), []]);
}

/** Reads a QR code the way a phone camera does: rasterise what is on screen and decode it. */
async function readQr(page: Page, testId: string): Promise<string> {
  await page.getByTestId(testId).locator("svg").waitFor();
  await page.addScriptTag({ path: require.resolve("jsqr/dist/jsQR.js") });
  return page.evaluate(async (id) => {
    const svg = document.querySelector(`[data-testid="${id}"] svg`)!;
    const img = new Image();
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 640;
    const ctx = canvas.getContext("2d")!;
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, 640, 640);
    ctx.drawImage(img, 40, 40, 560, 560); // a quiet zone around it, as on paper
    const decode = (window as unknown as { jsQR: (d: Uint8ClampedArray, w: number, h: number) => { data: string } | null }).jsQR;
    return decode(ctx.getImageData(0, 0, 640, 640).data, 640, 640)?.data ?? "";
  }, testId);
}

/** Clicks an irreversible action and answers its confirmation. */
async function confirmClick(page: Page, scope: ReturnType<Page["locator"]> | Page, name: string) {
  await scope.getByRole("button", { name, exact: true }).click();
  await scope.getByRole("alertdialog").getByRole("button", { name: "确定" }).click();
}

const inViewport = async (page: Page, locator: ReturnType<Page["locator"]>) => {
  const box = await locator.boundingBox();
  const width = page.viewportSize()!.width;
  return !!box && box.x >= 0 && box.x + box.width <= width;
};

describeBrowser("demo journeys over the demo seed, one per role", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("officer: enrols in a seeded session, is waitlisted where it is full, and leaves the waitlist (phone)", async () => {
    const page = await signInPage(browser, "100005", undefined, PHONE);
    await expectAccessible(page);
    await page.goto("/training");
    await page.getByRole("searchbox", { name: "搜索主题或授课人" }).fill("矛盾纠纷多元化解");
    await page.getByRole("button", { name: "筛选" }).click();
    await page.getByRole("link", { name: "矛盾纠纷多元化解机制专题研讨" }).first().click();
    await page.getByRole("button", { name: "报名", exact: true }).click();
    await page.getByText("您已报名该培训。").waitFor();

    await page.goto(`/training?q=${encodeURIComponent("空域管理（三期）")}`);
    await page.getByRole("link", { name: "警务无人机飞行操作与空域管理（三期）" }).first().click();
    await page.getByRole("button", { name: "已满，加入候补" }).click();
    await page.getByText("您在候补名单第 4 位").waitFor(); // three were waiting already
    // the calendar file says it is not a confirmed seat
    const ics = await page.request.get(new URL(page.url()).pathname.replace("/training/", "/api/v1/training/sessions/") + "/calendar.ics");
    expect(await ics.text()).toMatch(/STATUS:TENTATIVE/);
    await confirmClick(page, page, "退出候补");
    await page.getByRole("button", { name: "已满，加入候补" }).waitFor();
    await page.context().close();
  });

  test("officer: scans the lecturer's QR code while signed out, is checked in after signing in, and rates the session", async () => {
    const officer = await signInPage(browser, "100005", undefined, PHONE);
    await officer.goto("/training/seed-training-t1");
    await officer.getByRole("button", { name: "报名", exact: true }).click();
    await officer.getByText("您已报名该培训。").waitFor();
    await officer.context().close(); // the phone is signed out again

    const lecturer = await signInPage(browser, "100002");
    await lecturer.goto("/training/teach");
    await lecturer.locator("li", { hasText: "今日课程：执法记录仪规范使用现场演练" }).getByRole("link", { name: "签到二维码" }).click();
    const link = await readQr(lecturer, "qr");
    expect(link).toMatch(/\/training\/check-in\?s=seed-training-t1&t=/);
    const path = new URL(link).pathname + new URL(link).search;

    // the officer scans it with a phone that is not signed in: after signing in, the link itself
    const phone = await signInPage(browser, "100005", undefined, PHONE, path);
    await phone.getByText("签到成功：今日课程：执法记录仪规范使用现场演练").waitFor();
    expect(new URL(phone.url()).pathname).toBe("/training/check-in");
    await lecturer.context().close();

    // rated once: the form gives way to the rating
    await phone.goto("/training/seed-training-t1");
    await phone.getByLabel("评分（1–5）").selectOption("5");
    await phone.getByLabel("意见建议").fill("现场演练很实用");
    await phone.getByRole("button", { name: "提交评价" }).click();
    await phone.getByTestId("my-feedback").getByText("您的评价：5 分").waitFor();
    expect(await phone.getByRole("button", { name: "提交评价" }).count()).toBe(0);
    await phone.context().close();
  });

  test("officer: credit after class — today's session awaits its end; a completed session's certificate prints and verifies", async () => {
    const page = await signInPage(browser, "100005");
    await page.goto("/training/me");
    const pending = page.locator("section", { hasText: "已签到，待结课" });
    await pending.getByText("今日课程：执法记录仪规范使用现场演练").waitFor();
    await expectAccessible(page); // the hours progress bar is labelled
    const api = await signedIn("100005");
    const mine = (await api.req("GET", "/api/v1/training/me")).data.enrollments as {
      id: string;
      attendance: string | null;
      session: { id: string; status: string; title: string };
    }[];
    const today = mine.find((e) => e.session.id === "seed-training-t1")!;
    expect(today.attendance).toBe("ATTENDED");
    expect((await page.goto(`/training/me/certificates/${today.id}`))?.status()).toBe(404);

    const done = mine.find((e) => e.attendance === "ATTENDED" && e.session.status === "COMPLETED")!;
    await page.goto(`/training/me/certificates/${done.id}`);
    await page.getByText("培训结业证书").waitFor();
    await page.getByText(done.session.title).first().waitFor();
    const verifyUrl = await readQr(page, "cert-qr");
    expect(verifyUrl).toContain("/training-verify/");
    await page.context().close();
    // anyone (the public verification page) can check it
    const ctx = await browser.newContext({ baseURL: BASE_URL });
    const pub = await ctx.newPage();
    await pub.goto(new URL(verifyUrl).pathname);
    await pub.getByText("该证书真实有效").waitFor();
    await ctx.close();
  });

  test("officer: consents and books a free liver check on a phone; the visit goes into the calendar", async () => {
    const page = await signInPage(browser, "100005", undefined, PHONE);
    await page.goto("/medical?service=LIVER_CHECK");
    await page.getByRole("link", { name: "去阅读并同意" }).click();
    await page.getByLabel(/单独同意上述处理/).check();
    await page.getByRole("button", { name: "我同意" }).click();
    await page.getByText("已同意", { exact: true }).waitFor();
    await page.goto("/medical?service=LIVER_CHECK");
    // the page shows one week: on to the first with a free time (late in the week, this one may have none left)
    const free = page.locator('input[name="slotId"]:not([disabled])');
    while (!(await free.count())) await page.goto((await page.getByRole("link", { name: "下一周" }).getAttribute("href"))!);
    await free.first().check();
    await page.getByRole("button", { name: "确认预约" }).click();
    await page.getByText("预约成功，已发送通知。").waitFor();
    const ics = await page.request.get("/api/v1/medical/bookings/calendar.ics");
    const text = (await ics.text()).replace(/\r\n[ \t]/g, "");
    expect(text).toMatch(/SUMMARY:免费肝脏检查/);
    expect(text).toMatch(/BEGIN:VALARM/);
    await expectAccessible(page);
    await page.context().close();
  });

  test("unit lead: enrols members on a phone; the summary counts seats, waitlist and refusals; the session stays chosen", async () => {
    const page = await signInPage(browser, "100001", undefined, PHONE);
    await page.goto("/training/unit");
    // 要求 and 未达标 are on screen on a phone
    await expect(inViewport(page, page.getByRole("columnheader", { name: "已获 / 要求学时" }))).resolves.toBe(true);
    await expect(inViewport(page, page.getByText("未达标").first())).resolves.toBe(true);
    await expectAccessible(page);
    const untickAll = async () => {
      const ticked = page.locator('input[name="userIds"]:checked');
      while (await ticked.count()) await ticked.first().uncheck();
    };
    const session = page.getByLabel("选择培训");
    await session.selectOption({ label: (await session.locator("option", { hasText: "矛盾纠纷多元化解机制专题研讨" }).textContent())! });
    await untickAll();
    // 郭宏伟 100016 and 郭子轩 F00016 are free; 杨晓峰 100006 is enrolled already (the seed)
    for (const name of ["郭宏伟", "郭子轩", "杨晓峰"]) await page.getByRole("checkbox", { name, exact: true }).check();
    await page.getByRole("button", { name: /一键报名/ }).click();
    const summary = page.getByTestId("unit-enrol-summary");
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(/^报名成功 2 人，进入候补 0 人，未能报名 1 人：杨晓峰（已报名该培训/);
    expect(await page.locator('input[name="userIds"]:checked').count()).toBe(0);
    expect(await session.locator("option:checked").textContent()).toContain("矛盾纠纷多元化解机制专题研讨");

    // a full session: places on the waitlist
    await session.selectOption({ label: (await session.locator("option", { hasText: "（三期）" }).textContent())! });
    await page.getByRole("checkbox", { name: "郭宏伟", exact: true }).check();
    await page.getByRole("button", { name: /一键报名/ }).click();
    await page.getByText(/^报名成功 0 人，进入候补 1 人，未能报名 0 人/).waitFor();
    await page.context().close();

    // the member is told, and the notice opens the session
    const member = await signInPage(browser, "F00016", undefined, PHONE);
    await expectAccessible(member); // the bell names its unread count
    const bell = member.getByTestId("notification-bell");
    expect(await bell.locator("summary").getAttribute("aria-label")).toMatch(/^消息，\d+ 条未读$/);
    await bell.locator("summary").click();
    await bell
      .getByRole("link", { name: /单位已为您报名培训/ })
      .first()
      .click();
    await member.getByText("您已报名该培训。").waitFor();
    await member.context().close();
  });

  test("lecturer: marks attendance on today's roster and prints the sign-in sheet", async () => {
    const page = await signInPage(browser, "100002");
    await page.goto("/training/teach");
    await page.locator("li", { hasText: "今日课程：执法记录仪规范使用现场演练" }).getByRole("link", { name: "名单与考勤" }).click();
    const row = page.locator("tr", { hasText: "100004" }); // 100003 checks in by QR in training-browser.test.ts
    await row.getByRole("button", { name: "出勤" }).click();
    await row.getByText("出勤", { exact: true }).first().waitFor();
    await expect(row.locator("span", { hasText: "出勤" }).count()).resolves.toBeGreaterThan(0);
    await expectAccessible(page);
    await page.getByRole("link", { name: "打印签到表" }).click();
    await page.getByText("签到表").first().waitFor();
    expect(await page.locator("tbody tr").count()).toBeGreaterThanOrEqual(12);
    await page.context().close();
  });

  test("training office: creates, publishes, changes and cancels a session — the cancellation asks and needs a reason", async () => {
    const title = `旅程测试：警情处置规范-${Date.now()}`;
    const day = new Date(Date.now() + 20 * 86400_000 + 8 * 3600_000).toISOString().slice(0, 10);
    const page = await signInPage(browser, "010001");
    await page.goto("/training/manage/new");
    await page.locator("#title").fill(title);
    await page.locator("#category").selectOption("LAW_ENFORCEMENT");
    await page.locator("#venue").fill("分局四楼大会议室");
    await page.locator("#startsAt").fill(`${day}T09:00`);
    await page.locator("#endsAt").fill(`${day}T11:00`);
    await page.locator("#capacity").fill("40");
    await page.locator("#creditHours").fill("2");
    await page.locator("#lecturers").fill("王立新|鞍山市公安局法制支队");
    await page.getByRole("button", { name: "保存" }).click();
    await page.waitForURL(/\/training\/manage\/[^/]+$/);
    await page.getByRole("button", { name: "发布" }).click();
    await page.getByText("报名中").first().waitFor();
    await page.locator("#venue").fill("千山分局训练场");
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByText("已保存").waitFor();
    // it asks first; without a reason the browser refuses to send it (the service refuses it too)
    await confirmClick(page, page, "取消培训");
    expect(await page.getByText("已取消").count()).toBe(0);
    await page.locator("#reason").fill("授课人临时执行任务");
    await page.getByRole("alertdialog").getByRole("button", { name: "确定" }).click();
    await page.getByText("已取消").first().waitFor();
    const officer = await signedIn("100005");
    const found = await officer.req("GET", `/api/v1/training/sessions?q=${encodeURIComponent(title)}&status=CANCELLED`);
    expect(found.data.items[0]).toMatchObject({ status: "CANCELLED", venue: "千山分局训练场" });
    await page.context().close();
  });

  test("liaison: runs today's desk — checks in and completes the urgent visit, enters a new one, exports the day list", async () => {
    const page = await signInPage(browser, "030001");
    await page.goto("/medical/manage");
    const row = page.getByTestId("board-100008");
    await confirmClick(page, row, "签到");
    await row.getByText("已签到").waitFor();
    await row.getByRole("button", { name: "完成" }).click();
    await row.getByText("已完成").waitFor();
    await expectAccessible(page);

    await page.getByRole("link", { name: "紧急登记" }).click();
    await page.getByLabel("警号 / 辅警编号").fill("100019");
    await page.getByLabel("紧急原因").fill("执勤中扭伤脚踝");
    await page.getByRole("button", { name: "登记紧急就诊" }).click();
    await page.getByText("已登记，本人已收到通知。").waitFor();

    await page.goto("/medical/manage");
    await page.getByTestId("board-100019").waitFor();
    const href = await page.getByRole("link", { name: "导出 Excel" }).getAttribute("href");
    const file = await page.request.get(href!);
    expect(file.headers()["content-type"]).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await file.body()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.getRow(2).getCell(1).value).toBeInstanceOf(Date); // a real time cell
    await page.getByRole("link", { name: "打印名单" }).click();
    await page.getByText("林家豪").first().waitFor(); // 100019, the urgent visit just entered

    // statistics: the liaison sees exact figures, the total too
    await page.goto("/medical/stats");
    const total = page.locator("section", { hasText: "合计" }).first();
    expect(await total.textContent()).not.toContain("不足");
    await page.context().close();
  });

  test("HR: previews and imports this month's pay sheet with the same file, and runs a submitted case through approval", async () => {
    const page = await signInPage(browser, "020001");
    await page.goto("/benefits/pay-import");
    const sheet = [
      "辅警编号,基本工资,层级津贴,工龄津贴,绩效,社会保险,住房公积金,其他扣款,实发",
      ...["F00001", "F00002", "F00003"].map((a) => `${a},3100.00,400.00,150.00,900.55,320.00,210.00,0,4020.55`),
    ].join("\n");
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: "工资表.csv", mimeType: "text/csv", buffer: Buffer.from(sheet, "utf8") });
    await page.getByRole("button", { name: "预览检查" }).click();
    const preview = page.getByTestId("preview");
    await preview.waitFor();
    const ok = preview.getByText("通过", { exact: true }).first();
    expect(await ok.getAttribute("class")).toContain("green");
    expect(await ok.getAttribute("class")).not.toContain("red");
    await page.getByRole("button", { name: "确认导入" }).click();
    await page.getByText("已导入 3 行").waitFor();
    const month = await page.locator('input[name="month"]').inputValue();
    const history = page.locator("section", { hasText: "导入记录" });
    await history.getByRole("columnheader", { name: "行数" }).waitFor();
    await history.locator("tr", { hasText: month }).getByText("3", { exact: true }).waitFor();

    await page.goto("/benefits/dashboard");
    await page.locator("tr", { hasText: "执勤中扭伤脚踝" }).getByRole("link").first().click();
    const card = page.getByTestId("case").filter({ hasText: "执勤中扭伤脚踝" });
    await card.getByRole("button", { name: "提交审批" }).click();
    await card.getByRole("button", { name: "登记发放" }).click();
    await card.getByText("已发放").waitFor();

    await page.goto("/benefits/dashboard");
    const recent = page.locator("section", { hasText: "最近变更" });
    await recent.getByText("批准优抚申请").first().waitFor();
    await recent.getByText("导入工资表").first().waitFor();
    await expectAccessible(page);
    await page.context().close();
  });

  test("auxiliary: reads own records on a phone — 实发 in view, tab counts legible, nothing to change", async () => {
    const page = await signInPage(browser, "F00001", undefined, PHONE);
    await page.goto("/benefits/me");
    await expectAccessible(page);
    await page.getByRole("link", { name: /^薪酬/ }).first().click();
    const header = page.getByRole("columnheader", { name: "实发" });
    await header.waitFor();
    await expect(inViewport(page, header)).resolves.toBe(true);
    await page.getByTestId("pay-line").first().waitFor();
    expect(await page.locator("main form").count()).toBe(0);
    await page.context().close();
  });

  test("system administrator creates an officer account and gets its one-time password", async () => {
    const badge = `9${String(Date.now()).slice(-5)}`;
    const page = await signInPage(browser, "000001");
    await page.goto("/admin/users/new");
    await page.locator("#badgeNo").fill(badge);
    await page.locator("#name").fill("旅程新警员");
    await page.getByRole("button", { name: "新建" }).click();
    await page.getByText(/^账户已创建/).waitFor();
    const password = await page.locator("main code").first().textContent();
    expect(password?.length).toBeGreaterThanOrEqual(10);
    // the new officer can sign in with it (and must choose a new password first)
    expect(await new ApiClient().signIn(badge, password!)).toBe(true);
    await page.context().close();
  });

  test("security administrator unlocks an account locked by failed sign-ins", async () => {
    const guess = new ApiClient();
    for (let i = 0; i < 5; i++) await guess.signIn("100019", "Wrong-Password-1");
    expect(await new ApiClient().signIn("100019")).toBe(false); // locked
    const page = await signInPage(browser, "000002");
    await page.goto("/admin/security");
    // the locked-accounts table (the open-sessions table below lists 100019 too)
    const locked = page.locator("tr", { hasText: "100019" }).filter({ has: page.getByRole("button", { name: "解锁" }) });
    await locked.getByRole("button", { name: "解锁" }).click();
    await locked.waitFor({ state: "detached" });
    expect(await new ApiClient().signIn("100019")).toBe(true);
    await page.context().close();
  });

  test("audit administrator finds the lock-out and the unlock in the log", async () => {
    const page = await signInPage(browser, "000003");
    await page.goto("/admin/audit?actor=100019");
    expect(await page.locator("main tbody tr").count()).toBeGreaterThanOrEqual(5); // the failed sign-ins
    await page.goto("/admin/audit?actor=000002");
    await page.locator("main tbody").getByText("100019").first().waitFor(); // the unlock
    await expectAccessible(page);
    await page.context().close();
  });
});
