import { getTranslations } from "next-intl/server";
import { ROLES } from "@/lib/access";
import type { UnitDto } from "@/lib/users/units";
import { FieldError } from "@/components/ui/action-form";
import { inputClass } from "@/components/ui/field";

/** Name, unit and role inputs shared by the create and edit forms. */
export async function UserFields({ units, value }: { units: UnitDto[]; value?: { name: string; unitId: string; roles: string[] } }) {
  const t = await getTranslations();
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
        <legend className="text-sm font-medium">{t("admin.users.roles")}</legend>
        <p className="text-xs text-slate-500">{t("admin.users.adminRolesHint")}</p>
        <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-3">
          {ROLES.map((r) => (
            <label key={r} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="roles" value={r} defaultChecked={value?.roles.includes(r)} className="h-4 w-4" />
              {t(`common.roles.${r}`)}
            </label>
          ))}
        </div>
        <FieldError name="roles" />
      </fieldset>
    </>
  );
}
