import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/current";
import { listEntitlements, listItems } from "@/lib/benefits/equipment";
import { listSubtreeUnits } from "@/lib/benefits/queries";
import { SEASONS, SIZE_GROUPS } from "@/lib/benefits/schemas";
import { ActionForm, FieldError } from "@/components/ui/action-form";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/field";
import { Table, Td } from "@/components/ui/table";
import { BenefitsNav } from "../_components/sub-nav";
import { batchIssueAction, createItemAction, createStandardAction } from "../actions";
import { shanghaiToday } from "@/lib/time";

const EXPORT = "/api/v1/benefits/exports/equipment-due";

export default async function EquipmentPage({ searchParams }: { searchParams: Promise<{ all?: string }> }) {
  const showAll = (await searchParams).all === "1";
  const actor = await requirePagePermission("benefits.manage", "/benefits/equipment");
  const [t, tc, items, due, units] = await Promise.all([
    getTranslations("benefits"),
    getTranslations("common"),
    listItems(),
    listEntitlements(actor, { withinDays: 90 }),
    listSubtreeUnits(actor),
  ]);
  const falling = due.filter((d) => d.state !== "OK").sort((a, b) => (a.dueOn < b.dueOn ? -1 : 1));
  const tone = { OWED: "red", DUE_SOON: "amber", OK: "green" } as const;
  const today = shanghaiToday();
  return (
    <>
      <PageHeader
        title={t("equipment.title")}
        actions={
          <>
            <a className="text-sm text-police-700 underline" href={`${EXPORT}?format=xlsx`}>
              {tc("actions.exportXlsx")}
            </a>
            <a className="text-sm text-police-700 underline" href={`${EXPORT}?format=csv`}>
              {tc("actions.exportCsv")}
            </a>
          </>
        }
      />
      <BenefitsNav current="/benefits/equipment" />
      <div className="space-y-4">
        <Card title={`${t("equipment.dueList")}（${falling.length}）`}>
          {falling.length ? (
            <Table
              head={[
                t("fields.auxNo"),
                t("fields.name"),
                t("fields.unit"),
                t("equipment.item"),
                t("equipment.quantity"),
                t("equipment.size"),
                t("equipment.lastIssued"),
                t("equipment.dueOn"),
                t("equipment.state"),
              ]}
            >
              {falling.slice(0, showAll ? 2000 : 30).map((d) => (
                <tr key={`${d.profileId}-${d.itemId}`}>
                  <Td>
                    <Link className="font-mono text-police-700 underline" href={`/benefits/${d.profileId}?tab=EQUIPMENT`}>
                      {d.auxNo}
                    </Link>
                  </Td>
                  <Td>{d.name}</Td>
                  <Td>{d.unitName}</Td>
                  <Td>{d.itemName}</Td>
                  <Td>{d.quantity}</Td>
                  <Td>{d.size ?? "—"}</Td>
                  <Td>{d.lastIssuedOn ?? "—"}</Td>
                  <Td>{d.dueOn}</Td>
                  <Td>
                    <Badge tone={tone[d.state]}>{t(`equipment.${d.state}`)}</Badge>
                  </Td>
                </tr>
              ))}
            </Table>
          ) : (
            <p className="text-sm text-slate-600">{t("equipment.nothingDue")}</p>
          )}
          {!showAll && falling.length > 30 ? (
            <Link className="mt-2 inline-block text-sm text-police-700 underline" href="/benefits/equipment?all=1">
              {t("equipment.showAll", { count: falling.length })}
            </Link>
          ) : null}
        </Card>
        <Card title={t("equipment.batch")}>
          <p className="mb-3 text-sm text-slate-600">{t("equipment.batchHint")}</p>
          <ActionForm
            action={batchIssueAction}
            submitLabel={t("equipment.batch")}
            successText={t("profile.saved")}
            className="grid gap-3 sm:grid-cols-5 sm:items-end"
          >
            <label className="text-sm">
              {t("fields.unit")}
              <Select name="unitId" required>
                {units.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </Select>
              <FieldError name="unitId" />
            </label>
            <label className="text-sm">
              {t("equipment.item")}
              <Select name="itemId" required>
                {items.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.name}
                  </option>
                ))}
              </Select>
            </label>
            <label className="text-sm">
              {t("equipment.quantity")}
              <Input name="quantity" type="number" min={1} defaultValue={1} />
            </label>
            <label className="text-sm">
              {t("equipment.issuedOn")}
              <Input name="issuedOn" type="date" defaultValue={today} required />
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="includeSubunits" defaultChecked /> {t("equipment.includeSubunits")}
            </label>
          </ActionForm>
        </Card>
        <Card title={t("equipment.catalogue")}>
          <Table
            head={[
              t("equipment.code"),
              t("equipment.item"),
              t("equipment.unitLabel"),
              t("equipment.sizeGroup"),
              t("equipment.cycle"),
              t("equipment.standards"),
            ]}
          >
            {items.map((i) => (
              <tr key={i.id}>
                <Td className="font-mono text-xs">{i.code}</Td>
                <Td>{i.name}</Td>
                <Td>{i.unitLabel}</Td>
                <Td>{i.sizeGroup ? t(`sizeGroup.${i.sizeGroup}`) : "—"}</Td>
                <Td>{i.cycleMonths}</Td>
                <Td className="text-xs">
                  {i.standards
                    .map(
                      (s) =>
                        `${s.post ? t(`post.${s.post}`) : t("equipment.everyone")}/${s.gender ? t(`gender.${s.gender}`) : t("equipment.everyone")}/${t(`season.${s.season}`)} ×${s.quantity} · ${s.cycleMonths}月`,
                    )
                    .join("；") || "—"}
                </Td>
              </tr>
            ))}
          </Table>
        </Card>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <Card title={t("equipment.addItem")}>
            <ActionForm
              action={createItemAction}
              submitLabel={tc("actions.save")}
              successText={t("profile.saved")}
              className="grid grid-cols-2 gap-3"
            >
              <label className="text-sm">
                {t("equipment.code")}
                <Input name="code" required placeholder="WINTER-DUTY" />
                <FieldError name="code" />
              </label>
              <label className="text-sm">
                {t("equipment.item")}
                <Input name="name" required />
                <FieldError name="name" />
              </label>
              <label className="text-sm">
                {t("equipment.unitLabel")}
                <Input name="unitLabel" required defaultValue="件" />
              </label>
              <label className="text-sm">
                {t("equipment.sizeGroup")}
                <Select name="sizeGroup">
                  <option value="">—</option>
                  {SIZE_GROUPS.map((g) => (
                    <option key={g} value={g}>
                      {t(`sizeGroup.${g}`)}
                    </option>
                  ))}
                </Select>
              </label>
              <label className="text-sm">
                {t("equipment.cycle")}
                <Input name="cycleMonths" type="number" min={1} defaultValue={24} />
              </label>
            </ActionForm>
          </Card>
          <Card title={t("equipment.addStandard")}>
            <ActionForm
              action={createStandardAction}
              submitLabel={tc("actions.save")}
              successText={t("profile.saved")}
              className="grid grid-cols-2 gap-3"
            >
              <label className="col-span-2 text-sm">
                {t("equipment.item")}
                <Select name="itemId" required>
                  {items.map((i) => (
                    <option key={i.id} value={i.id}>
                      {i.name}
                    </option>
                  ))}
                </Select>
              </label>
              <label className="text-sm">
                {t("fields.post")}
                <Select name="post">
                  <option value="">{t("equipment.everyone")}</option>
                  <option value="DUTY">{t("post.DUTY")}</option>
                  <option value="CIVILIAN">{t("post.CIVILIAN")}</option>
                </Select>
              </label>
              <label className="text-sm">
                {t("fields.gender")}
                <Select name="gender">
                  <option value="">{t("equipment.everyone")}</option>
                  <option value="MALE">{t("gender.MALE")}</option>
                  <option value="FEMALE">{t("gender.FEMALE")}</option>
                </Select>
              </label>
              <label className="text-sm">
                {t("equipment.state")}
                <Select name="season">
                  {SEASONS.map((s) => (
                    <option key={s} value={s}>
                      {t(`season.${s}`)}
                    </option>
                  ))}
                </Select>
              </label>
              <label className="text-sm">
                {t("equipment.quantity")}
                <Input name="quantity" type="number" min={1} defaultValue={1} />
              </label>
              <label className="text-sm">
                {t("equipment.cycle")}
                <Input name="cycleMonths" type="number" min={1} defaultValue={24} />
              </label>
            </ActionForm>
          </Card>
        </div>
      </div>
    </>
  );
}
