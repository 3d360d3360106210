import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/current";
import { getAuxiliary, listSubtreeUnits } from "@/lib/benefits/queries";
import { ActionForm } from "@/components/ui/action-form";
import { Card, PageHeader } from "@/components/ui/card";
import { ProfileFields } from "../../_components/profile-fields";
import { updateProfileAction } from "../../actions";
import { orNotFound, pageId } from "@/lib/http/pages";

export default async function EditProfilePage({ params }: { params: Promise<{ id: string }> }) {
  const id = pageId((await params).id);
  const actor = await requirePagePermission("benefits.manage", `/benefits/${id}/edit`);
  const profile = await orNotFound(getAuxiliary(actor, id));
  const [t, tc, units] = await Promise.all([getTranslations("benefits"), getTranslations("common"), listSubtreeUnits(actor)]);
  return (
    <>
      <PageHeader title={`${t("profile.edit")} · ${profile.name}`} />
      <Card>
        <ActionForm action={updateProfileAction} submitLabel={tc("actions.save")}>
          <ProfileFields units={units} profile={profile} />
        </ActionForm>
      </Card>
    </>
  );
}
