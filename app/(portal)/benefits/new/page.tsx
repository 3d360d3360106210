import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/current";
import { listSubtreeUnits } from "@/lib/benefits/queries";
import { ActionForm } from "@/components/ui/action-form";
import { Card, PageHeader } from "@/components/ui/card";
import { ProfileFields } from "../_components/profile-fields";
import { createProfileAction } from "../actions";

export default async function NewProfilePage() {
  const actor = await requirePagePermission("benefits.manage", "/benefits/new");
  const [t, tc, units] = await Promise.all([getTranslations("benefits"), getTranslations("common"), listSubtreeUnits(actor)]);
  return (
    <>
      <PageHeader title={t("profile.new")} />
      <Card>
        <ActionForm action={createProfileAction} submitLabel={tc("actions.save")}>
          <ProfileFields units={units} />
        </ActionForm>
      </Card>
    </>
  );
}
