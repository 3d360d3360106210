import { db } from "@/lib/db";
import {
  countMyUnread,
  listNotifications,
  markAllMyNotificationsRead,
  markNotificationRead,
  notificationJson,
  myUnreadBell,
  notify,
} from "@/lib/notifications/queries";
import { cancelMyEnrollment, enrolSelf } from "@/lib/training/enrolment";
import { actorOf, createUser } from "@/tests/factories";
import { createTrainingSession } from "@/tests/factories/training";

async function person() {
  return actorOf(await createUser());
}

test("lists only my own notices, newest first, with the API list shape and the unread filter", async () => {
  const me = await person();
  const other = await person();
  await notify(db, [me.id], { kind: "t.one", title: "第一条", body: "正文一" });
  await notify(db, [me.id], { kind: "t.two", title: "第二条", body: "正文二", titleEn: "Second", bodyEn: "Body two" });
  await notify(db, [other.id], { kind: "t.other", title: "别人的", body: "不该看到" });
  const first = (await db.notification.findFirstOrThrow({ where: { userId: me.id, kind: "t.one" } })).id;
  await markNotificationRead(me, first);

  const all = await listNotifications(me, {});
  expect(all).toMatchObject({ total: 2, page: 1, pageSize: 20 });
  expect(all.items.map((n) => n.kind)).toEqual(["t.two", "t.one"]);
  const unread = await listNotifications(me, { unread: "true" });
  expect(unread.total).toBe(1);
  expect(unread.items.map((n) => n.kind)).toEqual(["t.two"]);
  const json = notificationJson(unread.items[0]!);
  expect(json).toMatchObject({ title: "第二条", titleEn: "Second", bodyEn: "Body two", read: false, readAt: null });
  expect(json.createdAt).toMatch(/\+08:00$/);
  expect(notificationJson(all.items[1]!)).toMatchObject({ titleEn: null, read: true });
});

test("pages through notices and refuses a page size over 100", async () => {
  const me = await person();
  for (let i = 0; i < 5; i++) await notify(db, [me.id], { kind: `p.${i}`, title: `t${i}`, body: "b" });
  const p2 = await listNotifications(me, { page: "2", pageSize: "2" });
  expect(p2).toMatchObject({ total: 5, page: 2, pageSize: 2 });
  expect(p2.items).toHaveLength(2);
  await expect(listNotifications(me, { pageSize: "101" })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  await expect(listNotifications(me, { unread: "maybe" })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
});

test("marking someone else's notice read is NOT_FOUND and leaves it unread", async () => {
  const me = await person();
  const other = await person();
  await notify(db, [other.id], { kind: "x", title: "别人的", body: "b" });
  const theirs = await db.notification.findFirstOrThrow({ where: { userId: other.id } });
  await expect(markNotificationRead(me, theirs.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(markNotificationRead(me, "no-such-id")).rejects.toMatchObject({ code: "NOT_FOUND" });
  expect((await db.notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();
});

test("marking read twice keeps the first read time", async () => {
  const me = await person();
  await notify(db, [me.id], { kind: "x", title: "t", body: "b" });
  const n = await db.notification.findFirstOrThrow({ where: { userId: me.id } });
  const first = await markNotificationRead(me, n.id, new Date("2026-12-01T01:00:00Z"));
  const again = await markNotificationRead(me, n.id, new Date("2026-12-02T01:00:00Z"));
  expect(first.readAt?.toISOString()).toBe("2026-12-01T01:00:00.000Z");
  expect(again.readAt?.toISOString()).toBe("2026-12-01T01:00:00.000Z");
});

test("read-all marks only my unread notices and says how many", async () => {
  const me = await person();
  const other = await person();
  await notify(db, [me.id, other.id], { kind: "x", title: "t", body: "b" });
  await notify(db, [me.id], { kind: "y", title: "t", body: "b" });
  expect(await countMyUnread(me)).toBe(2);
  expect(await markAllMyNotificationsRead(me)).toBe(2);
  expect(await markAllMyNotificationsRead(me)).toBe(0);
  expect(await countMyUnread(me)).toBe(0);
  expect(await countMyUnread(other)).toBe(1);
});

test("a waitlist promotion writes its notice in Chinese and in English", async () => {
  const s = await createTrainingSession({ capacity: 1, startsAt: new Date(Date.now() + 10 * 86400_000) });
  const first = await person();
  const second = await person();
  await enrolSelf(first, s.id);
  expect((await enrolSelf(second, s.id)).status).toBe("WAITLISTED");
  await cancelMyEnrollment(first, s.id);
  const [n] = (await listNotifications(second, { unread: "true" })).items.filter((x) => x.kind === "training.promoted");
  expect(n).toMatchObject({ title: "候补转正：您已获得培训名额", titleEn: "Off the waitlist: you have a seat" });
  expect(n!.bodyEn).toContain(s.title);
});

test("the shell's bell: my newest unread notices (at most five) and how many are unread, in one query, only mine", async () => {
  const me = await person();
  const other = await person();
  expect(await myUnreadBell(me)).toEqual({ total: 0, items: [] });
  for (let i = 1; i <= 7; i++) await notify(db, [me.id], { kind: `t.bell${i}`, title: `第${i}条`, body: "正文" });
  await notify(db, [other.id], { kind: "t.other", title: "别人的", body: "不该看到" });
  const third = (await db.notification.findFirstOrThrow({ where: { userId: me.id, kind: "t.bell3" } })).id;
  await markNotificationRead(me, third);
  const bell = await myUnreadBell(me);
  expect(bell.total).toBe(6);
  expect(bell.total).toBe(await countMyUnread(me));
  // the same rows, order and fields as the unread list of the notices page
  const unread = await listNotifications(me, { unread: "true", pageSize: 5 });
  expect(bell.items).toEqual(unread.items);
  expect(bell.items.map((n) => n.kind)).not.toContain("t.bell3");
  expect(bell.items).toHaveLength(5);
});
