import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/current";
import { listUserImports } from "@/lib/users/import";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Table, Td } from "@/components/ui/table";
import { UserImportForm } from "./_components/user-import-form";
import { userImportAction } from "../actions";

// Onboarding (SYS_ADMIN): accounts from a sheet, then the initial passwords as a one-time download.
export default async function UserImportPage() {
  const actor = await requirePagePermission("users.manage", "/admin/users/import");
  const [t, tr, format, imports] = await Promise.all([
    getTranslations("admin.import"),
    getTranslations(),
    getFormatter(),
    listUserImports(actor),
  ]);
  const labels = {
    file: t("file"),
    preview: t("preview"),
    commit: t("commit"),
    row: t("row"),
    ok: t("ok"),
    rowsOk: t.raw("rowsOk") as string,
    bad: t.raw("bad") as string,
    created: t.raw("created") as string,
    rejected: t("rejected"),
    badgeNo: tr("admin.users.badgeNo"),
    name: tr("admin.users.name"),
    unit: tr("admin.users.unit"),
    kind: tr("admin.users.kind"),
    working: t("working"),
    download: t("download"),
    downloadHint: t("downloadHint"),
    shownRows: t.raw("shownRows") as string,
    OFFICER: tr("common.roles.OFFICER"),
    AUXILIARY: tr("common.roles.AUXILIARY"),
  };
  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <Link className="text-sm text-police-700 underline" href="/admin/units/import">
            {tr("admin.unitImport.unitsLink")}
          </Link>
        }
      />
      <Card className="mb-4">
        <p className="mb-4 text-sm text-slate-600">{t("hint")}</p>
        <UserImportForm action={userImportAction} labels={labels} />
      </Card>
      <Card title={t("history")}>
        {imports.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noHistory")}</p>
        ) : (
          <Table head={[t("at"), t("fileName"), t("rowCount"), t("passwords")]}>
            {imports.map((i) => (
              <tr key={i.id}>
                <Td>{format.dateTime(i.createdAt, "full")}</Td>
                <Td>{i.fileName}</Td>
                <Td>{i.rowCount}</Td>
                <Td>
                  {i.downloadedAt ? (
                    <Badge>{t("downloadedAt", { at: format.dateTime(i.downloadedAt, "full") })}</Badge>
                  ) : (
                    <form method="post" action={`/api/v1/admin/users/imports/${i.id}/passwords`}>
                      <Button type="submit" variant="secondary">
                        {t("download")}
                      </Button>
                    </form>
                  )}
                </Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </>
  );
}
