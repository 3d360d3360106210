import { getTranslations } from "next-intl/server";
import { IDENTITY_ROLES, isIdentityRole } from "@/lib/access";
import type { UnitDto } from "@/lib/users/units";
import { FieldError } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";

/**
 * Name, unit and identity (民警 / 辅警) shared by the system administrator's create and edit forms.
 * 三员分立: other roles are the security administrator's; they show here read-only and travel
 * as hidden fields so that an edit keeps them (the service refuses any change to them).
 */
export async function UserFields({ units, value }: { units: UnitDto[]; value?: { name: string; unitId: string; roles: string[] } }) {
  const t = await getTranslations();
  const kind = value?.roles.find(isIdentityRole) ?? "OFFICER";
  const granted = (value?.roles ?? []).filter((r) => !isIdentityRole(r));
  return (
    <>
      <div>
        <label htmlFor="name" className="block text-sm font-medium">
          {t("admin.users.name")}
        </label>
        <input id="name" name="name" defaultValue={value?.name} className={inputClass} required maxLength={40} />
        <FieldError name="name" />
      </div>
      <div>
        <label htmlFor="unitId" className="block text-sm font-medium">
          {t("admin.users.unit")}
        </label>
        <select id="unitId" name="unitId" defaultValue={value?.unitId} className={inputClass} required>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {"　".repeat(u.depth)}
              {u.name}
            </option>
          ))}
        </select>
        <FieldError name="unitId" />
      </div>
      <fieldset>
        <legend className="text-sm font-medium">{t("admin.users.kind")}</legend>
        <div className="mt-2 flex gap-4">
          {IDENTITY_ROLES.map((r) => (
            <label key={r} className="flex min-h-10 items-center gap-2 text-sm">
              <input type="radio" name="roles" value={r} defaultChecked={kind === r} className="h-4 w-4" />
              {t(`common.roles.${r}`)}
            </label>
          ))}
        </div>
        {granted.map((r) => (
          <input key={r} type="hidden" name="roles" value={r} />
        ))}
        {granted.length ? (
          <div className="mt-2 flex flex-wrap items-center gap-1 text-xs text-slate-600">
            {t("admin.users.grantedRoles")}
            {granted.map((r) => (
              <Badge key={r} tone="blue">
                {t(`common.roles.${r}`)}
              </Badge>
            ))}
          </div>
        ) : null}
        <p className="mt-1 text-xs text-slate-500">{t("admin.users.adminRolesHint")}</p>
        <FieldError name="roles" />
      </fieldset>
    </>
  );
}
