// The notifications part of API.md over HTTP: the bell's list, mark one read, mark all read.
import { ApiClient, dbQuery, signedIn } from "./support";

let me: ApiClient, other: ApiClient;
let mine: string[] = [];
let theirs = "";

beforeAll(async () => {
  // 100018 and 100017 are plain officers no other e2e file signs in as for notices
  [me, other] = await Promise.all([signedIn("100018"), signedIn("100017")]);
  const [a, b] = await Promise.all(
    ["100018", "100017"].map((badge) => dbQuery<{ id: string }>(`SELECT id FROM "User" WHERE "badgeNo" = $1`, [badge])),
  );
  await dbQuery(`UPDATE "Notification" SET "readAt" = now() WHERE "userId" = $1 AND "readAt" IS NULL`, [a![0]!.id]);
  const insert = (userId: string, kind: string, title: string, titleEn = "") =>
    dbQuery<{ id: string }>(
      `INSERT INTO "Notification" (id, "userId", kind, title, body, "titleEn", "bodyEn", "createdAt")
       VALUES ('e2e' || md5(random()::text), $1, $2, $3, '正文', $4, '', now()) RETURNING id`,
      [userId, kind, title, titleEn],
    );
  mine = [(await insert(a![0]!.id, "e2e.one", "第一条"))[0]!.id, (await insert(a![0]!.id, "e2e.two", "第二条", "Second"))[0]!.id];
  theirs = (await insert(b![0]!.id, "e2e.other", "别人的"))[0]!.id;
});

test("GET lists my notices in the list shape; ?unread=true keeps the unread", async () => {
  const res = await me.req("GET", "/api/v1/notifications?unread=true");
  expect(res.status).toBe(200);
  expect(Object.keys(res.data).sort()).toEqual(["items", "page", "pageSize", "total"]);
  expect(res.data.total).toBe(2);
  const ids = (res.data.items as { id: string }[]).map((n) => n.id);
  expect(ids.sort()).toEqual([...mine].sort());
  expect(ids).not.toContain(theirs);
  const second = (res.data.items as { id: string; title: string; titleEn: string | null; read: boolean; createdAt: string }[]).find(
    (n) => n.id === mine[1],
  )!;
  expect(second).toMatchObject({ title: "第二条", titleEn: "Second", read: false });
  expect(second.createdAt).toMatch(/\+08:00$/);
  expect((await me.req("GET", "/api/v1/notifications?pageSize=500")).status).toBe(400);
});

test("POST /{id}/read marks one of mine; someone else's is 404 and stays unread", async () => {
  const res = await me.req("POST", `/api/v1/notifications/${mine[0]}/read`);
  expect([res.status, res.data.read]).toEqual([200, true]);
  const foreign = await me.req("POST", `/api/v1/notifications/${theirs}/read`);
  expect([foreign.status, foreign.data.error.code]).toEqual([404, "NOT_FOUND"]);
  const left = await other.req("GET", "/api/v1/notifications?unread=true");
  expect((left.data.items as { id: string }[]).map((n) => n.id)).toContain(theirs);
  expect((await me.req("GET", "/api/v1/notifications?unread=true")).data.total).toBe(1);
});

test("POST /read-all empties my unread list; a foreign Origin is refused; signed out is 401", async () => {
  const foreign = new ApiClient("http://evil.example");
  foreign.jar = me.jar;
  expect((await foreign.req("POST", "/api/v1/notifications/read-all")).status).toBe(403);
  const res = await me.req("POST", "/api/v1/notifications/read-all");
  expect([res.status, res.data]).toEqual([200, { marked: 1, unread: 0 }]);
  expect((await me.req("GET", "/api/v1/notifications?unread=true")).data.total).toBe(0);
  expect((await new ApiClient().req("GET", "/api/v1/notifications")).status).toBe(401);
});

test("the OpenAPI document lists the three notification routes", async () => {
  const doc = (await new ApiClient().req("GET", "/api/v1/openapi.json")).data;
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining(["/api/v1/notifications", "/api/v1/notifications/{id}/read", "/api/v1/notifications/read-all"]),
  );
  expect(doc.paths["/api/v1/notifications/read-all"].post).toBeDefined();
});
