import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/current";
import { listUnits } from "@/lib/users/units";
import { ActionForm, FieldError } from "@/components/ui/action-form";
import { Card, PageHeader } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { UserFields } from "../_role-fields";
import { createUserAction } from "../actions";

export default async function NewUserPage() {
  await requirePagePermission("users.manage", "/admin/users/new");
  const [t, units] = await Promise.all([getTranslations(), listUnits()]);
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title={t("admin.users.new")} />
      <Card>
        <ActionForm
          action={createUserAction}
          submitLabel={t("common.actions.create")}
          successText={t("admin.users.created")}
          secretLabels={{ temporaryPassword: t("admin.users.temporaryPassword") }}
        >
          <div>
            <label htmlFor="badgeNo" className="block text-sm font-medium">
              {t("admin.users.badgeNo")}
            </label>
            <input id="badgeNo" name="badgeNo" className={`${inputClass} font-mono uppercase`} required maxLength={16} />
            <FieldError name="badgeNo" />
          </div>
          <UserFields units={units} value={{ name: "", unitId: units[0]?.id ?? "", roles: ["OFFICER"] }} />
        </ActionForm>
      </Card>
    </div>
  );
}
