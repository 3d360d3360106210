import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/current";
import { Card, PageHeader } from "@/components/ui/card";
import { SheetImportForm } from "@/components/import/sheet-import-form";
import { sheetImportLabels } from "@/components/import/labels";
import { BenefitsNav } from "../_components/sub-nav";
import { auxImportAction } from "../actions";

// Onboarding (HR): auxiliary profiles from a sheet, into the HR officer's own unit subtree.
export default async function AuxImportPage() {
  await requirePagePermission("benefits.manage", "/benefits/import");
  const t = await getTranslations("benefits");
  return (
    <>
      <PageHeader title={t("auxImport.title")} />
      <BenefitsNav current="/benefits/import" />
      <Card>
        <p className="mb-4 text-sm text-slate-600">{t("auxImport.hint")}</p>
        <SheetImportForm
          action={auxImportAction}
          labels={await sheetImportLabels(t.raw("auxImport.done") as string)}
          columns={[
            { key: "auxNo", label: t("fields.auxNo"), mono: true },
            { key: "name", label: t("fields.name") },
            { key: "idNumberMasked", label: t("auxImport.idNumberMasked"), mono: true },
            { key: "unitName", label: t("fields.unit") },
          ]}
        />
      </Card>
    </>
  );
}
