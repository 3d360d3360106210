import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/current";
import { getMyProfile } from "@/lib/benefits/queries";
import { Alert, Card, PageHeader } from "@/components/ui/card";
import { ProfileView } from "../_components/profile-view";

export default async function MyBenefitsPage({ searchParams }: { searchParams: Promise<{ tab?: string; year?: string }> }) {
  const actor = await requirePagePermission("benefits.self.view", "/benefits/me");
  const { tab, year } = await searchParams;
  const [t, profile] = await Promise.all([getTranslations("benefits"), getMyProfile(actor)]);
  return (
    <>
      <PageHeader title={t("me.title")} subtitle={profile ? `${profile.name} · ${profile.auxNo}` : undefined} />
      {profile ? (
        <>
          <div className="mb-3">
            <Alert>{t("me.readOnly")}</Alert>
          </div>
          <ProfileView actor={actor} profile={profile} tab={tab ?? "ALL"} year={year ? Number(year) : undefined} basePath="/benefits/me" />
        </>
      ) : (
        <Card>
          <p className="text-sm text-slate-600">{t("me.noProfile")}</p>
        </Card>
      )}
    </>
  );
}
