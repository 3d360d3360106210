import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/current";
import { orNotFound } from "@/lib/http/pages";
import { getUser } from "@/lib/users/users";
import { listUnits } from "@/lib/users/units";
import { ActionForm } from "@/components/ui/action-form";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { UserFields } from "../_role-fields";
import { resetPasswordAction, updateUserAction } from "../actions";

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePagePermission("users.manage", `/admin/users/${id}`);
  const user = await orNotFound(getUser(actor, id));
  const [t, units] = await Promise.all([getTranslations(), listUnits()]);
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <PageHeader
        title={`${t("admin.users.edit")}：${user.name}`}
        subtitle={<span className="font-mono">{user.badgeNo}</span>}
        actions={user.locked ? <Badge tone="amber">{t("admin.users.locked")}</Badge> : null}
      />
      <Card>
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
    </div>
  );
}
