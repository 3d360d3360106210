import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/current";
import { getAuxiliary } from "@/lib/benefits/queries";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { ProfileView } from "../_components/profile-view";
import { orNotFound, pageId } from "@/lib/http/pages";

export default async function ProfilePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ tab?: string; year?: string }>;
}) {
  const id = pageId((await params).id);
  const { tab, year } = await searchParams;
  const actor = await requirePagePermission("benefits.manage", `/benefits/${id}`);
  const profile = await orNotFound(getAuxiliary(actor, id));
  const [t, tc] = await Promise.all([getTranslations("benefits"), getTranslations("common")]);
  return (
    <>
      <PageHeader
        title={`${profile.name} · ${profile.auxNo}`}
        subtitle={`${profile.unit.name} · ${t(`post.${profile.post}`)} · ${t("fields.level")} ${profile.level}`}
        actions={
          <>
            <ButtonLink variant="secondary" href="/benefits">
              {tc("actions.back")}
            </ButtonLink>
            <ButtonLink href={`/benefits/${id}/edit`}>{tc("actions.edit")}</ButtonLink>
          </>
        }
      />
      <ProfileView actor={actor} profile={profile} tab={tab ?? "ALL"} year={year ? Number(year) : undefined} basePath={`/benefits/${id}`} />
    </>
  );
}
