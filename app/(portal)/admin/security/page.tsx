import { getFormatter, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/current";
import { getPolicy, listLockedAccounts, listOpenSessions } from "@/lib/users/security";
import { findMfaAccount } from "@/lib/auth/mfa";
import { MFA_REQUIRED_ROLES } from "@/lib/auth/policy";
import { ROLES } from "@/lib/access";
import { ActionForm, FieldError } from "@/components/ui/action-form";
import { Card, PageHeader } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { Table, Td } from "@/components/ui/table";
import { clearMfaAction, revokeSessionAction, unlockAction, updatePolicyAction } from "./actions";

const FIELDS = [
  "maxFailedAttempts",
  "lockoutMinutes",
  "passwordMinLength",
  "idleTimeoutMinutes",
  "absoluteTimeoutHours",
  "passwordMaxAgeDays",
] as const;

export default async function SecurityPage({ searchParams }: { searchParams: Promise<{ mfaBadge?: string }> }) {
  const actor = await requirePagePermission("security.manage", "/admin/security");
  const mfaBadge = String((await searchParams).mfaBadge ?? "").slice(0, 32);
  const [t, tr, format, policy, locked, sessions, mfaAccount] = await Promise.all([
    getTranslations("admin.security"),
    getTranslations(),
    getFormatter(),
    getPolicy(actor),
    listLockedAccounts(actor),
    listOpenSessions(actor),
    mfaBadge ? findMfaAccount(actor, mfaBadge) : Promise.resolve(null),
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
          <fieldset className="mt-4">
            <legend className="text-sm font-medium">{t("mfaRoles")}</legend>
            <p className="mb-2 text-xs text-slate-500">{t("mfaRolesHint")}</p>
            <div className="flex flex-wrap gap-x-5 gap-y-2">
              {ROLES.map((r) => {
                const floor = (MFA_REQUIRED_ROLES as readonly string[]).includes(r);
                return (
                  <label key={r} className="flex min-h-10 items-center gap-2 text-sm">
                    {/* a disabled box is not submitted: the floor roles travel as hidden fields */}
                    {floor ? <input type="hidden" name="mfaRoles" value={r} /> : null}
                    <input
                      type="checkbox"
                      name={floor ? undefined : "mfaRoles"}
                      value={r}
                      defaultChecked={policy.mfaRoles.includes(r)}
                      disabled={floor}
                    />
                    {tr(`common.roles.${r}`)}
                  </label>
                );
              })}
            </div>
            <FieldError name="mfaRoles" />
          </fieldset>
        </ActionForm>
      </Card>
      <Card title={t("mfaReset")}>
        <p className="mb-3 text-sm text-slate-600">{t("mfaResetHint")}</p>
        <form method="get" className="flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor="mfaBadge" className="block text-sm font-medium">
              {t("badgeNo")}
            </label>
            <input id="mfaBadge" name="mfaBadge" defaultValue={mfaBadge} className={inputClass} autoCapitalize="characters" required />
          </div>
          <button className="min-h-10 rounded-md border border-slate-300 bg-white px-4 text-sm">{t("find")}</button>
        </form>
        {mfaBadge && !mfaAccount ? <p className="mt-3 text-sm text-slate-600">{t("notFound")}</p> : null}
        {mfaAccount ? (
          <div className="mt-3 flex flex-wrap items-center gap-3 text-sm">
            <span className="font-mono">{mfaAccount.badgeNo}</span>
            <span>{mfaAccount.name}</span>
            <span className="text-slate-600">{mfaAccount.unitName}</span>
            <span>{mfaAccount.enrolledAt ? t("enrolled", { at: format.dateTime(mfaAccount.enrolledAt, "full") }) : t("notEnrolled")}</span>
            {mfaAccount.enrolledAt ? (
              <ActionForm
                action={clearMfaAction.bind(null, mfaAccount.id)}
                submitLabel={t("reset")}
                successText={t("resetDone")}
                variant="danger"
                className=""
              />
            ) : null}
          </div>
        ) : null}
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
