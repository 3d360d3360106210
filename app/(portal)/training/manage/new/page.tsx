import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/current";
import { listCategories, listUnitOptions } from "@/lib/training/queries";
import { Card, PageHeader } from "@/components/ui/card";
import { listLecturers } from "@/lib/training/lecturers";
import { SessionForm } from "../../_components/session-form";
import { createSessionAction } from "../../actions";

export default async function NewSessionPage() {
  const actor = await requirePagePermission("training.manage", "/training/manage/new");
  const [t, categories, units, registry] = await Promise.all([
    getTranslations("training"),
    listCategories(actor),
    listUnitOptions(actor),
    listLecturers(actor),
  ]);
  return (
    <>
      <PageHeader title={t("manage.new")} />
      <Card>
        <SessionForm
          action={createSessionAction}
          categories={categories}
          units={units}
          registry={registry}
          submitLabel={t("manage.save")}
        />
      </Card>
    </>
  );
}
