import { getFormatter, getTranslations } from "next-intl/server";
import { requireRole } from "@/lib/auth/current";
import { getPolicy, listLockedAccounts, listOpenSessions } from "@/lib/users/security";
import { ActionForm, FieldError } from "@/components/ui/action-form";
import { Card, PageHeader } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { Table, Td } from "@/components/ui/table";
import { revokeSessionAction, unlockAction, updatePolicyAction } from "./actions";

const FIELDS = ["maxFailedAttempts", "lockoutMinutes", "passwordMinLength", "idleTimeoutMinutes", "absoluteTimeoutHours"] as const;

export default async function SecurityPage() {
  const actor = await requireRole("security.manage", "/admin/security");
  const [t, tr, format, policy, locked, sessions] = await Promise.all([
    getTranslations("admin.security"),
    getTranslations(),
    getFormatter(),
    getPolicy(actor),
    listLockedAccounts(actor),
    listOpenSessions(actor),
  ]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} />
      <Card title={t("policy")}>
        <ActionForm action={updatePolicyAction} submitLabel={tr("common.actions.save")} successText={tr("common.saved")}>
          <div className="grid gap-3 sm:grid-cols-3">
            {FIELDS.map((f) => (
              <div key={f}>
                <label htmlFor={f} className="block text-sm font-medium">
                  {t(f)}
                </label>
                <input id={f} name={f} type="number" inputMode="numeric" defaultValue={policy[f]} className={inputClass} required />
                <FieldError name={f} />
              </div>
            ))}
          </div>
        </ActionForm>
      </Card>
      <Card title={t("lockedAccounts")}>
        {locked.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noLocked")}</p>
        ) : (
          <Table head={[tr("admin.users.badgeNo"), tr("admin.users.name"), tr("admin.users.unit"), t("lockedUntil"), ""]}>
            {locked.map((u) => (
              <tr key={u.id}>
                <Td className="font-mono">{u.badgeNo}</Td>
                <Td>{u.name}</Td>
                <Td>{u.unitName}</Td>
                <Td>{format.dateTime(u.lockedUntil, "full")}</Td>
                <Td>
                  <ActionForm action={unlockAction.bind(null, u.id)} submitLabel={t("unlock")} variant="secondary" className="" />
                </Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
      <Card title={t("sessions")}>
        {sessions.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noSessions")}</p>
        ) : (
          <Table head={[tr("admin.users.badgeNo"), tr("admin.users.name"), t("signedInAt"), t("lastSeen"), t("ip"), ""]}>
            {sessions.map((s) => (
              <tr key={s.id}>
                <Td className="font-mono">{s.badgeNo}</Td>
                <Td>{s.name}</Td>
                <Td>{format.dateTime(s.createdAt, "full")}</Td>
                <Td>{format.dateTime(s.lastSeenAt, "full")}</Td>
                <Td>{s.ip ?? "—"}</Td>
                <Td>
                  <ActionForm action={revokeSessionAction.bind(null, s.id)} submitLabel={t("revoke")} variant="secondary" className="" />
                </Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </div>
  );
}
