import { getTranslations } from "next-intl/server";
import { FieldError } from "@/components/ui/action-form";
import { Input, Select } from "@/components/ui/field";
import type { ProfileDto } from "@/lib/benefits/queries";
import { SIZE_GROUPS } from "@/lib/benefits/schemas";

/** The inputs of the create/edit form (server-rendered, inside an ActionForm). */
export async function ProfileFields({ units, profile }: { units: { id: string; name: string }[]; profile?: ProfileDto }) {
  const t = await getTranslations("benefits");
  const row = (name: string, label: string, input: React.ReactNode, hint?: string) => (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {input}
      {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
      <FieldError name={name} />
    </div>
  );
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {profile ? <input type="hidden" name="id" value={profile.id} /> : null}
      {row(
        "auxNo",
        t("fields.auxNo"),
        <Input id="auxNo" name="auxNo" required defaultValue={profile?.auxNo} placeholder="F00001" autoComplete="off" />,
      )}
      {row("name", t("fields.name"), <Input id="name" name="name" required defaultValue={profile?.name} />)}
      {row(
        "idNumber",
        t("fields.idNumber"),
        <Input
          id="idNumber"
          name="idNumber"
          required={!profile}
          maxLength={18}
          autoComplete="off"
          inputMode="text"
          placeholder={profile?.idNumberMasked}
        />,
        profile ? t("profile.idKeep") : undefined,
      )}
      {row(
        "unitId",
        t("fields.unit"),
        <Select id="unitId" name="unitId" required defaultValue={profile?.unit.id}>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </Select>,
      )}
      {row(
        "post",
        t("fields.post"),
        <Select id="post" name="post" defaultValue={profile?.post ?? "DUTY"}>
          <option value="DUTY">{t("post.DUTY")}</option>
          <option value="CIVILIAN">{t("post.CIVILIAN")}</option>
        </Select>,
      )}
      {row("level", t("fields.level"), <Input id="level" name="level" type="number" min={1} required defaultValue={profile?.level ?? 1} />)}
      {row("hireDate", t("fields.hireDate"), <Input id="hireDate" name="hireDate" type="date" required defaultValue={profile?.hireDate} />)}
      {row("batch", t("fields.batch"), <Input id="batch" name="batch" defaultValue={profile?.batch ?? ""} placeholder="2024年第一批" />)}
      {row(
        "contractStart",
        t("fields.contractStart"),
        <Input id="contractStart" name="contractStart" type="date" defaultValue={profile?.contractStart ?? ""} />,
      )}
      {row(
        "contractEnd",
        t("fields.contractEnd"),
        <Input id="contractEnd" name="contractEnd" type="date" defaultValue={profile?.contractEnd ?? ""} />,
      )}
      {row(
        "status",
        t("fields.status"),
        <Select id="status" name="status" defaultValue={profile?.status ?? "ACTIVE"}>
          <option value="ACTIVE">{t("status.ACTIVE")}</option>
          <option value="LEFT">{t("status.LEFT")}</option>
        </Select>,
      )}
      {row("phone", t("fields.phone"), <Input id="phone" name="phone" type="tel" defaultValue={profile?.phone ?? ""} />)}
      <fieldset className="sm:col-span-2">
        <legend className="mb-1 text-sm font-medium text-slate-700">{t("fields.sizes")}</legend>
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-5">
          {SIZE_GROUPS.map((g) => (
            <label key={g} className="text-xs text-slate-600">
              {t(`sizeGroup.${g}`)}
              <Input name={`size.${g}`} defaultValue={profile?.sizes[g] ?? ""} />
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
