import { getFormatter, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/current";
import { shanghaiToday } from "@/lib/time";
import { listPayImports } from "@/lib/benefits/pay-import";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { BenefitsNav } from "../_components/sub-nav";
import { PayImportForm } from "../_components/pay-import-form";
import { payImportAction } from "../actions";

const EXPORT_ALL = "/api/v1/benefits/exports/pay-lines";
const TEMPLATE = "/api/v1/benefits/exports/pay-template";

export default async function PayImportPage() {
  const actor = await requirePagePermission("benefits.manage", "/benefits/pay-import");
  const [t, format, imports] = await Promise.all([getTranslations("benefits"), getFormatter(), listPayImports(actor)]);
  const thisMonth = shanghaiToday().slice(0, 7);
  const labels = {
    file: t("payImport.file"),
    month: t("payImport.month"),
    replace: t("payImport.replace"),
    preview: t("payImport.preview"),
    commit: t("payImport.commit"),
    rows: t("payImport.rows"),
    ok: t("payImport.ok"),
    rowsOk: t.raw("payImport.rowsOk") as string,
    bad: t.raw("payImport.bad") as string,
    monthImported: t("payImport.monthImported"),
    imported: t.raw("payImport.imported") as string,
    rejected: t("payImport.rejected"),
    auxNo: t("fields.auxNo"),
    name: t("fields.name"),
    net: t("pay.net"),
    working: t("payImport.working"),
  };
  return (
    <>
      <PageHeader
        title={t("payImport.title")}
        actions={
          <>
            <a className="text-sm text-police-700 underline" href={`${TEMPLATE}?format=xlsx`}>
              {t("payImport.template")} (Excel)
            </a>
            <a className="text-sm text-police-700 underline" href={`${EXPORT_ALL}?format=xlsx`}>
              {t("payImport.exportAll")} (Excel)
            </a>
            <a className="text-sm text-police-700 underline" href={EXPORT_ALL}>
              CSV
            </a>
          </>
        }
      />
      <BenefitsNav current="/benefits/pay-import" />
      <Card className="mb-4">
        <p className="mb-4 text-sm text-slate-600">{t("payImport.hint")}</p>
        <PayImportForm action={payImportAction} labels={labels} defaultMonth={thisMonth} />
      </Card>
      <Card title={t("payImport.history")}>
        <Table head={[t("pay.month"), t("payImport.rowCount"), t("pay.net"), t("payImport.importedBy"), ""]}>
          {imports.map((i) => (
            <tr key={i.id}>
              <Td>{i.month}</Td>
              <Td>{i.rowCount}</Td>
              <Td className="font-mono">{i.netTotal}</Td>
              <Td>
                {i.unit} · {i.importedBy ?? ""} · {format.dateTime(i.at, "full")}
              </Td>
              <Td>
                {i.replaced ? <Badge tone="amber">{t("payImport.replaced")}</Badge> : null}{" "}
                <a className="text-xs text-police-700 underline" href={`${EXPORT_ALL}?month=${i.month}&format=xlsx`}>
                  Excel
                </a>{" "}
                <a className="text-xs text-police-700 underline" href={`${EXPORT_ALL}?month=${i.month}`}>
                  CSV
                </a>
              </Td>
            </tr>
          ))}
        </Table>
      </Card>
    </>
  );
}
