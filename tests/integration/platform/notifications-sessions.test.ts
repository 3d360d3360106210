import { db } from "@/lib/db";
import { countMyUnread, listMyNotifications, markAllMyNotificationsRead, notify } from "@/lib/notifications/queries";
import { listOpenSessions, revokeSessionAsAdmin } from "@/lib/users/security";
import { resolveSession } from "@/lib/auth/sessions";
import { actorOf, createUser } from "@/tests/factories";

describe("notifications", () => {
  test("mark-all-read clears my unread notices only, and keeps them listed", async () => {
    const me = actorOf(await createUser());
    const other = actorOf(await createUser());
    await notify(db, [me.id, other.id], { kind: "training.promoted", title: "候补转正", body: "您已获得名额" });
    await notify(db, [me.id], { kind: "medical.reminder", title: "明日体检", body: "请按时到院" });
    expect(await countMyUnread(me)).toBe(2);

    await markAllMyNotificationsRead(me);
    expect(await countMyUnread(me)).toBe(0);
    expect(await countMyUnread(other)).toBe(1);
    const listed = await listMyNotifications(me);
    expect(listed.map((n) => n.title).sort()).toEqual(["候补转正", "明日体检"].sort());
  });
});

describe("the security administrator's open sessions", () => {
  test("lists open sessions (not revoked, expired or idle), and a revoked one stops working at once", async () => {
    const admin = actorOf(await createUser({ roles: ["SECURITY_ADMIN"] }));
    const user = await createUser();
    const hour = 3600_000;
    const open = await db.authSession.create({ data: { userId: user.id, expiresAt: new Date(Date.now() + hour), ip: "10.0.0.8" } });
    const expired = await db.authSession.create({ data: { userId: user.id, expiresAt: new Date(Date.now() - 1000) } });
    const idle = await db.authSession.create({
      data: { userId: user.id, expiresAt: new Date(Date.now() + hour), lastSeenAt: new Date(Date.now() - 2 * hour) },
    });
    const revoked = await db.authSession.create({
      data: { userId: user.id, expiresAt: new Date(Date.now() + hour), revokedAt: new Date() },
    });

    const ids = (await listOpenSessions(admin)).map((s) => s.id);
    expect(ids).toContain(open.id);
    for (const s of [expired, idle, revoked]) expect(ids).not.toContain(s.id);
    expect((await listOpenSessions(admin)).find((s) => s.id === open.id)).toMatchObject({ badgeNo: user.badgeNo, ip: "10.0.0.8" });

    expect((await resolveSession(open.id)).ok).toBe(true);
    await revokeSessionAsAdmin(admin, open.id);
    expect(await resolveSession(open.id)).toMatchObject({ ok: false, reason: "REVOKED" });
    expect((await listOpenSessions(admin)).map((s) => s.id)).not.toContain(open.id);
    expect(await db.auditLog.count({ where: { action: "security.session.revoke", targetId: open.id } })).toBe(1);

    await expect(listOpenSessions(actorOf(user))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(revokeSessionAsAdmin(admin, "no-such-session")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
