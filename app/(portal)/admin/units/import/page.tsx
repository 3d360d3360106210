import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/current";
import { Card, PageHeader } from "@/components/ui/card";
import { SheetImportForm } from "@/components/import/sheet-import-form";
import { sheetImportLabels } from "@/components/import/labels";
import { unitImportAction } from "../actions";

// Onboarding (SYS_ADMIN): the unit tree from a sheet, beside the user import.
export default async function UnitImportPage() {
  await requirePagePermission("units.manage", "/admin/units/import");
  const [t, tu] = await Promise.all([getTranslations("admin.unitImport"), getTranslations("admin.units")]);
  const kinds = Object.fromEntries(["BUREAU", "STATION", "BRIGADE", "TEAM"].map((k) => [k, tu(`kinds.${k}`)]));
  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <Link className="text-sm text-police-700 underline" href="/admin/users/import">
            {t("usersLink")}
          </Link>
        }
      />
      <Card>
        <p className="mb-4 text-sm text-slate-600">{t("hint")}</p>
        <SheetImportForm
          action={unitImportAction}
          labels={await sheetImportLabels(t.raw("done") as string)}
          columns={[
            { key: "code", label: t("code"), mono: true },
            { key: "name", label: tu("name") },
            { key: "parentCode", label: t("parent"), mono: true },
            { key: "kind", label: tu("kind") },
          ]}
          valueLabels={kinds}
        />
      </Card>
    </>
  );
}
