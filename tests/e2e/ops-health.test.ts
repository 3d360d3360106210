// GET /api/health (API.md "Operations") as a load balancer sees it: no sign-in, the status and
// nothing else, 503 when the database does not answer.
import { BASE_URL, dbQuery, startExtraServer } from "./support";

const LEAK = /prisma|postgres|127\.0\.0\.1|ECONNREFUSED|version|stack|Can't reach/i;

async function health(baseUrl: string) {
  const res = await fetch(`${baseUrl}/api/health`, { redirect: "manual" });
  return { status: res.status, text: await res.text(), cacheControl: res.headers.get("cache-control") };
}

describe("GET /api/health", () => {
  test("answers 200 ok to a signed-out caller while the database answers", async () => {
    const r = await health(BASE_URL);
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text)).toEqual({ status: "ok" });
    expect(r.cacheControl).toBe("no-store");
  });

  test("answers 503 unavailable, quickly and without details, when the database is down", async () => {
    const down = await startExtraServer({ DATABASE_URL: "postgresql://postgres@127.0.0.1:1/none" });
    try {
      const started = Date.now();
      const r = await health(down.baseUrl);
      expect(r.status).toBe(503);
      expect(JSON.parse(r.text)).toEqual({ status: "unavailable" });
      expect(r.text).not.toMatch(LEAK);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await down.stop();
    }
  }, 120_000);
});

describe("the job queue in the production build", () => {
  test("the server started pg-boss and scheduled the reminder and retention jobs", async () => {
    const want = ["reminders-medical", "reminders-training", "retention-audit", "retention-notifications", "retention-sessions"];
    let names: string[] = [];
    for (let i = 0; i < 60 && !want.every((w) => names.includes(w)); i++) {
      names = await dbQuery<{ name: string }>(`SELECT name FROM pgboss.schedule ORDER BY name`)
        .then((rows) => rows.map((r) => r.name))
        .catch(() => []);
      if (!want.every((w) => names.includes(w))) await new Promise((r) => setTimeout(r, 500));
    }
    expect(names).toEqual(expect.arrayContaining(want));
  }, 60_000);
});
