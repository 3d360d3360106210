import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/current";
import { listUnits, type UnitDto } from "@/lib/users/units";
import { ActionForm, FieldError } from "@/components/ui/action-form";
import { Card, PageHeader } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { isInUnitSubtree } from "@/lib/unit-tree";
import { createUnitAction, deleteUnitAction, updateUnitAction } from "./actions";

const KINDS = ["BUREAU", "STATION", "BRIGADE", "TEAM"] as const;

async function UnitFields({ units, value }: { units: UnitDto[]; value?: UnitDto }) {
  const t = await getTranslations("admin.units");
  const p = value?.id ?? "new";
  return (
    <div className="grid gap-3 sm:grid-cols-4">
      <div>
        <label htmlFor={`name-${p}`} className="block text-sm font-medium">
          {t("name")}
        </label>
        <input id={`name-${p}`} name="name" defaultValue={value?.name} className={inputClass} required />
        <FieldError name="name" />
      </div>
      <div>
        <label htmlFor={`code-${p}`} className="block text-sm font-medium">
          {t("code")}
        </label>
        <input id={`code-${p}`} name="code" defaultValue={value?.code} className={`${inputClass} font-mono uppercase`} required />
        <FieldError name="code" />
      </div>
      <div>
        <label htmlFor={`kind-${p}`} className="block text-sm font-medium">
          {t("kind")}
        </label>
        <select id={`kind-${p}`} name="kind" defaultValue={value?.kind ?? "STATION"} className={inputClass}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`parent-${p}`} className="block text-sm font-medium">
          {t("parent")}
        </label>
        <select id={`parent-${p}`} name="parentId" defaultValue={value?.parentId ?? ""} className={inputClass}>
          <option value="">{t("none")}</option>
          {units
            .filter((u) => !value || !isInUnitSubtree(u.path, value.path))
            .map((u) => (
              <option key={u.id} value={u.id}>
                {"　".repeat(u.depth)}
                {u.name}
              </option>
            ))}
        </select>
        <FieldError name="parentId" />
      </div>
    </div>
  );
}

export default async function UnitsPage() {
  await requirePagePermission("units.manage", "/admin/units");
  const [t, units] = await Promise.all([getTranslations(), listUnits()]);
  return (
    <>
      <PageHeader title={t("admin.units.title")} subtitle={t("admin.units.subtitle")} />
      <Card title={t("admin.units.create")} className="mb-4">
        <ActionForm action={createUnitAction} submitLabel={t("admin.units.create")} successText={t("common.saved")}>
          <UnitFields units={units} />
        </ActionForm>
      </Card>
      <div className="space-y-2">
        {units.map((u) => (
          <details key={u.id} className="rounded-lg border border-slate-200 bg-white" style={{ marginLeft: `${u.depth * 1.25}rem` }}>
            <summary className="flex cursor-pointer flex-wrap items-center gap-2 px-3 py-2 text-sm">
              <span className="font-medium">{u.name}</span>
              <span className="font-mono text-xs text-slate-500">{u.code}</span>
              <span className="text-xs text-slate-500">
                {t(`admin.units.kinds.${u.kind}`)} · {t("admin.units.people")} {u.userCount}
              </span>
            </summary>
            <div className="space-y-3 border-t border-slate-100 p-3">
              <ActionForm action={updateUnitAction.bind(null, u.id)} submitLabel={t("common.actions.save")} successText={t("common.saved")}>
                <UnitFields units={units} value={u} />
              </ActionForm>
              <ActionForm
                action={deleteUnitAction.bind(null, u.id)}
                submitLabel={t("admin.units.delete")}
                variant="danger"
                className="flex items-center gap-2"
              />
            </div>
          </details>
        ))}
      </div>
    </>
  );
}
