import type { Browser } from "playwright-core";
import { DEMO_PASSWORD, dbQuery, describeBrowser, freshBadge, insertAccount, launchBrowser, signedIn, signInPage } from "./support";

const day = (d: number, h: number) => {
  const t = new Date(Date.now() + d * 86400_000 + 8 * 3600_000).toISOString().slice(0, 10);
  return `${t}T${String(h).padStart(2, "0")}:00`;
};

describeBrowser("training in the browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("an officer enrols, sees the waitlist position when full, and cancels (on a phone)", async () => {
    const admin = await signedIn("010001");
    const mk = async (title: string) => {
      const c = await admin.req("POST", "/api/v1/training/sessions", {
        body: {
          title,
          category: "DRONE",
          venue: "训练场",
          startsAt: `${day(9, 9)}:00+08:00`,
          endsAt: `${day(9, 11)}:00+08:00`,
          capacity: 1,
          creditHours: 2,
          lecturers: [{ name: "赵航", affiliation: "辽宁警察学院" }],
        },
      });
      await admin.req("POST", `/api/v1/training/sessions/${c.data.id}/publish`);
      return c.data.id as string;
    };
    const openId = await mk(`浏览器报名-${Date.now()}`);
    const fullId = await mk(`浏览器候补-${Date.now()}`);
    const first = await signedIn("100013");
    expect((await first.req("POST", `/api/v1/training/sessions/${fullId}/enrollments`)).data.status).toBe("ENROLLED");

    const page = await signInPage(browser, "100014", undefined, { width: 375, height: 800 });
    await page.goto(`/training/${openId}`);
    await page.getByRole("button", { name: "报名", exact: true }).click();
    await page.getByText("您已报名该培训。").waitFor();
    await page.getByRole("button", { name: "取消报名" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "确定" }).click(); // irreversible: it asks first
    await page.getByRole("button", { name: "报名", exact: true }).waitFor();

    await page.goto(`/training/${fullId}`);
    await page.getByRole("button", { name: "已满，加入候补" }).click();
    await page.getByText("您在候补名单第 1 位").waitFor();
    await page.getByRole("button", { name: "退出候补" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "确定" }).click();
    await page.getByRole("button", { name: "已满，加入候补" }).waitFor();

    await page.goto("/training");
    expect(await page.locator("body").innerText()).toContain("千山公安大讲堂");
    await page.context().close();
  });

  test("the training office creates and publishes a session", async () => {
    const title = `浏览器新建-${Date.now()}`;
    const page = await signInPage(browser, "010001");
    await page.goto("/training/manage/new");
    await page.locator("#title").fill(title);
    await page.locator("#category").selectOption("DISPUTE_RESOLUTION");
    await page.locator("#venue").fill("宁远派出所会议室");
    await page.locator("#startsAt").fill(day(15, 9));
    await page.locator("#endsAt").fill(day(15, 11));
    await page.locator("#capacity").fill("30");
    await page.locator("#creditHours").fill("2");
    await page.locator("#lecturers").fill("陈静|鞍山市人民调解协会");
    await page.getByRole("button", { name: "保存" }).click();
    await page.waitForURL(/\/training\/manage\/[^/]+$/);
    await page.getByText("草稿").first().waitFor();
    await page.getByRole("button", { name: "发布" }).click();
    await page.getByText("报名中").first().waitFor();
    const officer = await signedIn("100015");
    const list = await officer.req("GET", `/api/v1/training/sessions?q=${encodeURIComponent(title)}`);
    expect(list.data.items).toHaveLength(1);
    expect(list.data.items[0]).toMatchObject({
      status: "PUBLISHED",
      category: "DISPUTE_RESOLUTION",
      capacity: 30,
      lecturers: [{ name: "陈静", affiliation: "鞍山市人民调解协会" }],
    });
    await page.context().close();
  });

  test("the lecturer projects a rotating QR code; an enrolled officer who opens it is marked present once", async () => {
    const lecturer = await signInPage(browser, "100002");
    await lecturer.goto("/training/seed-training-t1/qr");
    const qr = lecturer.getByTestId("qr");
    await qr.waitFor();
    const url = new URL((await qr.getAttribute("data-url"))!);
    expect(url.pathname).toBe("/training/check-in");
    const officer = await signInPage(browser, "100003", undefined, { width: 375, height: 800 });
    await officer.goto(url.pathname + url.search);
    await officer.getByText("签到成功").waitFor();
    await officer.goto(url.pathname + url.search);
    await officer.getByText("您已签到").waitFor();
    // bound to its session: the same token for another session is refused
    await officer.goto(`/training/check-in?s=seed-training-u1&t=${encodeURIComponent(url.searchParams.get("t")!)}`);
    await officer.getByText("签到码无效").waitFor();
    // not enrolled: refused
    const outsider = await signInPage(browser, "100020");
    await outsider.goto(url.pathname + url.search);
    await outsider.getByText("未正式报名").waitFor();
    const admin = await signedIn("010001");
    const roster = await admin.req("GET", "/api/v1/training/sessions/seed-training-t1/enrollments");
    const me = (await (await signedIn("100003")).req("GET", "/api/v1/me")).data;
    expect(roster.data.items.find((r: { user: { id: string } }) => r.user.id === me.id).attendance).toBe("ATTENDED");
    for (const p of [lecturer, officer, outsider]) await p.context().close();
  });

  test("my training pages the attended history, newest first, and keeps the year on each row", async () => {
    const badgeNo = freshBadge("P");
    const userId = await insertAccount({ badgeNo, password: DEMO_PASSWORD });
    // twelve closed sessions a week apart, the newest a week ago, each attended
    await dbQuery(
      `INSERT INTO "TrainingSession" (id, title, "categoryCode", venue, "startsAt", "endsAt", capacity, "enrolledCount", "creditHours", status, "publishedAt", "updatedAt")
       SELECT $1 || '-' || i, '分页培训' || i, 'LAW_ENFORCEMENT', '分局三楼会议室', now() - make_interval(days => 7 * i), now() - make_interval(days => 7 * i) + interval '2 hours',
         20, 1, 2, 'COMPLETED', now(), now() FROM generate_series(1, 12) i`,
      [userId],
    );
    await dbQuery(
      `INSERT INTO "TrainingEnrollment" (id, "sessionId", "userId", status, attendance, "updatedAt")
       SELECT $1 || '-e' || i, $1 || '-' || i, $1, 'ENROLLED', 'ATTENDED', now() FROM generate_series(1, 12) i`,
      [userId],
    );
    const page = await signInPage(browser, badgeNo);
    await page.goto("/training/me");
    const attended = page.locator("#attended");
    const titles = () => attended.locator("li a[href^='/training/']:not([href*='certificates'])").allInnerTexts();
    expect(await titles()).toEqual(Array.from({ length: 10 }, (_, i) => `分页培训${i + 1}`));
    await attended.getByText("共 12 条，第 1/2 页").waitFor();
    await attended.getByRole("link", { name: "下一页" }).click();
    await page.waitForURL(/[?&]attended=2/);
    expect(await titles()).toEqual(["分页培训11", "分页培训12"]);
    expect(await attended.locator("li").first().innerText()).toMatch(/\d{4}年/);
    await page.context().close();
  });
});
