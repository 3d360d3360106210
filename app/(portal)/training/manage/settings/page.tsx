import { getTranslations } from "next-intl/server";
import { ROLES } from "@/lib/access";
import { requirePagePermission } from "@/lib/auth/current";
import { getPolicyAndRequirements, listCategories } from "@/lib/training/queries";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { ActionForm, FieldError } from "@/components/ui/action-form";
import { Field, Input, Select } from "@/components/ui/field";
import { Table, Td } from "@/components/ui/table";
import { categoryAction, policyAction, requirementAction } from "../../actions";

export default async function SettingsPage() {
  const actor = await requirePagePermission("training.manage", "/training/manage/settings");
  const [t, tr, categories, { policy, requirements }] = await Promise.all([
    getTranslations("training"),
    getTranslations("common.roles"),
    listCategories(actor, { includeInactive: true }),
    getPolicyAndRequirements(actor),
  ]);
  return (
    <>
      <PageHeader title={t("manage.settings")} />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={t("manage.categories")}>
          <Table head={[t("manage.code"), t("manage.name"), ""]}>
            {categories.map((c) => (
              <tr key={c.code}>
                <Td>{c.code}</Td>
                <Td>
                  {c.name}
                  {c.nameEn ? <span className="ml-1 text-xs text-slate-500">{c.nameEn}</span> : null}{" "}
                  {c.active ? null : <Badge>{t("manage.disable")}</Badge>}
                </Td>
                <Td>
                  <ActionForm
                    action={categoryAction}
                    submitLabel={c.active ? t("manage.disable") : t("manage.enable")}
                    variant="secondary"
                    className="inline"
                  >
                    <input type="hidden" name="code" value={c.code} />
                    <input type="hidden" name="op" value={c.active ? "disable" : "enable"} />
                  </ActionForm>
                </Td>
              </tr>
            ))}
          </Table>
          <ActionForm action={categoryAction} submitLabel={t("manage.addCategory")} className="mt-4 grid grid-cols-2 items-end gap-2">
            <input type="hidden" name="op" value="create" />
            <Field label={t("manage.code")} htmlFor="code">
              <Input id="code" name="code" required />
              <FieldError name="code" />
            </Field>
            <Field label={t("manage.name")} htmlFor="name">
              <Input id="name" name="name" required />
              <FieldError name="name" />
            </Field>
            <Field label={t("manage.nameEn")} htmlFor="nameEn">
              <Input id="nameEn" name="nameEn" lang="en" />
              <FieldError name="nameEn" />
            </Field>
          </ActionForm>
        </Card>
        <Card title={t("manage.requirements")}>
          <ul className="mb-3 text-sm">
            {requirements.map((r) => (
              <li key={r.role}>
                {tr(r.role)}：{r.hours}
              </li>
            ))}
          </ul>
          <ActionForm action={requirementAction} submitLabel={t("manage.save")} className="grid grid-cols-2 items-end gap-2">
            <Field label={t("manage.role")} htmlFor="role">
              <Select id="role" name="role">
                {ROLES.filter((r) => ["OFFICER", "AUXILIARY", "UNIT_LEAD", "LECTURER"].includes(r)).map((r) => (
                  <option key={r} value={r}>
                    {tr(r)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t("manage.hours")} htmlFor="hours">
              <Input id="hours" name="hours" type="number" min={0} step={0.5} required />
              <FieldError name="hours" />
            </Field>
          </ActionForm>
        </Card>
        <Card title={t("manage.policy")}>
          <ActionForm
            action={policyAction}
            submitLabel={t("manage.save")}
            successText={t("manage.saved")}
            className="grid grid-cols-2 items-end gap-2"
          >
            <label className="col-span-2 flex items-center gap-2 text-sm">
              <input type="checkbox" name="noShowEnabled" defaultChecked={policy.noShowEnabled} />
              {t("manage.noShowEnabled")}
            </label>
            <Field label={t("manage.noShowLimit")} htmlFor="noShowLimit">
              <Input id="noShowLimit" name="noShowLimit" type="number" min={1} defaultValue={policy.noShowLimit} />
            </Field>
            <Field label={t("manage.noShowWindowDays")} htmlFor="noShowWindowDays">
              <Input id="noShowWindowDays" name="noShowWindowDays" type="number" min={1} defaultValue={policy.noShowWindowDays} />
            </Field>
            <Field label={t("manage.suspendDays")} htmlFor="suspendDays">
              <Input id="suspendDays" name="suspendDays" type="number" min={1} defaultValue={policy.suspendDays} />
            </Field>
          </ActionForm>
        </Card>
      </div>
    </>
  );
}
