import { getTranslations } from "next-intl/server";
import { ROLES, can, isAdminRole } from "@/lib/access";
import { requirePagePermission } from "@/lib/auth/current";
import { orNotFound, pageId } from "@/lib/http/pages";
import { getUser } from "@/lib/users/users";
import { listUnits } from "@/lib/users/units";
import { ActionForm, FieldError } from "@/components/ui/action-form";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { UserFields } from "../_role-fields";
import { grantRolesAction, resetPasswordAction, updateUserAction } from "../actions";

// One account. 三员分立: the system administrator sees its identity (name, unit, 民警/辅警, active,
// password reset); the security administrator sees its roles and grants them with step-up.
export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const id = pageId((await params).id);
  const actor = await requirePagePermission("users.view", `/admin/users/${id}`);
  const user = await orNotFound(getUser(actor, id));
  const manages = can(actor, "users.manage");
  const grants = can(actor, "roles.grant");
  const [t, units] = await Promise.all([getTranslations(), manages ? listUnits() : Promise.resolve([])]);
  const grantable = ROLES.filter((r) => !isAdminRole(r));
  const adminAccount = user.roles.some(isAdminRole);
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <PageHeader
        title={`${manages ? t("admin.users.edit") : t("admin.users.grantsTitle")}：${user.name}`}
        subtitle={
          <span>
            <span className="font-mono">{user.badgeNo}</span> · {user.unit.name}
          </span>
        }
        actions={user.locked ? <Badge tone="amber">{t("admin.users.locked")}</Badge> : null}
      />
      {manages ? (
        <>
          <Card title={t("admin.users.identity")}>
            <ActionForm
              action={updateUserAction.bind(null, user.id)}
              submitLabel={t("common.actions.save")}
              successText={t("admin.users.saved")}
            >
              <UserFields units={units} value={{ name: user.name, unitId: user.unit.id, roles: user.roles }} />
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="active" defaultChecked={user.active} className="h-4 w-4" /> {t("admin.users.active")}
              </label>
            </ActionForm>
          </Card>
          <Card title={t("admin.users.resetPassword")}>
            <ActionForm
              action={resetPasswordAction.bind(null, user.id)}
              submitLabel={t("admin.users.resetPassword")}
              variant="danger"
              successText={t("admin.users.resetDone")}
              secretLabels={{ temporaryPassword: t("admin.users.temporaryPassword") }}
            />
          </Card>
        </>
      ) : null}
      {grants ? (
        <Card title={t("admin.users.grant")}>
          {adminAccount || user.id === actor.id ? (
            <div className="flex flex-wrap gap-1">
              {user.roles.map((r) => (
                <Badge key={r} tone="blue">
                  {t(`common.roles.${r}`)}
                </Badge>
              ))}
              <p className="mt-2 w-full text-sm text-slate-600">{t("admin.users.adminRolesHint")}</p>
            </div>
          ) : (
            <ActionForm
              action={grantRolesAction.bind(null, user.id)}
              submitLabel={t("admin.users.grant")}
              successText={t("admin.users.granted")}
            >
              <fieldset>
                <legend className="text-sm font-medium">{t("admin.users.roles")}</legend>
                <p className="text-xs text-slate-500">{t("admin.users.grantHint")}</p>
                <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-3">
                  {grantable.map((r) => (
                    <label key={r} className="flex min-h-10 items-center gap-2 text-sm">
                      <input type="checkbox" name="roles" value={r} defaultChecked={user.roles.includes(r)} className="h-4 w-4" />
                      {t(`common.roles.${r}`)}
                    </label>
                  ))}
                </div>
                <FieldError name="roles" />
              </fieldset>
              <div className="grid gap-3 sm:grid-cols-2">
                <div>
                  <label htmlFor="password" className="block text-sm font-medium">
                    {t("admin.users.grantPassword")}
                  </label>
                  <input id="password" name="password" type="password" autoComplete="current-password" className={inputClass} required />
                  <FieldError name="password" />
                </div>
                <div>
                  <label htmlFor="otp" className="block text-sm font-medium">
                    {t("admin.users.grantOtp")}
                  </label>
                  <input id="otp" name="otp" inputMode="numeric" autoComplete="one-time-code" className={inputClass} maxLength={32} />
                  <FieldError name="otp" />
                </div>
              </div>
            </ActionForm>
          )}
        </Card>
      ) : null}
    </div>
  );
}
