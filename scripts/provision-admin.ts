// `npm run admin:provision -- --badge 000004 --name 审计员 --role AUDIT_ADMIN [--unit QS]`
// Creates, or gives a new one-time password to, a security or audit administrator account. These
// accounts watch the system administrator, so they are not managed in the web UI (三权分立):
// whoever runs this has the server, and the run is audited.
import { parseArgs } from "node:util";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit/log";
import { hashPassword } from "@/lib/auth/password";
import { generateTemporaryPassword } from "@/lib/users/users";
import { badgeNoSchema } from "@/lib/users/schemas";

const { values } = parseArgs({
  options: { badge: { type: "string" }, name: { type: "string" }, role: { type: "string" }, unit: { type: "string", default: "QS" } },
});
const role = values.role;
if (!values.badge || (role !== "SECURITY_ADMIN" && role !== "AUDIT_ADMIN" && role !== "SYS_ADMIN")) {
  console.error(
    "usage: npm run admin:provision -- --badge <警号> --name <姓名> --role SECURITY_ADMIN|AUDIT_ADMIN|SYS_ADMIN [--unit <单位编码>]",
  );
  process.exit(2);
}

async function main() {
  const badgeNo = badgeNoSchema.parse(values.badge);
  const unit = await db.unit.findUnique({ where: { code: values.unit! } });
  if (!unit) throw new Error(`no unit with code ${values.unit}`);
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { badgeNo } });
    const user = existing
      ? await tx.user.update({ where: { id: existing.id }, data: { roles: [role as "AUDIT_ADMIN"], active: true } })
      : await tx.user.create({ data: { badgeNo, name: values.name ?? badgeNo, unitId: unit.id, roles: [role as "AUDIT_ADMIN"] } });
    await tx.credential.upsert({
      where: { userId: user.id },
      update: { passwordHash, mustChange: true, failedCount: 0, lockedUntil: null, changedAt: new Date() },
      create: { userId: user.id, passwordHash, mustChange: true },
    });
    await tx.authSession.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: new Date() } });
    await writeAudit(tx, {
      actor: null,
      action: "admin.user.provision",
      targetType: "User",
      targetId: user.id,
      target: badgeNo,
      details: { via: "server command line", role, created: !existing },
    });
  });
  console.log(`${badgeNo} (${role}) ready. One-time password, to be changed at first sign-in: ${temporaryPassword}`);
}

main()
  .then(() => db.$disconnect())
  .catch(async (e) => {
    console.error("provision failed:", e instanceof Error ? e.message : e);
    await db.$disconnect();
    process.exit(1);
  });
