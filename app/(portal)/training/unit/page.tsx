import { getFormatter, getTranslations } from "next-intl/server";
import { can } from "@/lib/access";
import { requirePagePermission } from "@/lib/auth/current";
import { listOpenSessions, listUnitCompliance } from "@/lib/training/queries";
import { Card, PageHeader } from "@/components/ui/card";
import { DownloadLinks } from "@/components/ui/download-links";
import { unitEnrolAction } from "../actions";
import { UnitEnrolForm } from "./_components/unit-enrol-form";

export default async function UnitTrainingPage() {
  const actor = await requirePagePermission("training.unit.view", "/training/unit");
  const [t, format, people, sessions] = await Promise.all([
    getTranslations("training"),
    getFormatter(),
    listUnitCompliance(actor),
    listOpenSessions(actor),
  ]);
  return (
    <>
      <PageHeader
        title={t("unit.title")}
        subtitle={actor.unitName}
        actions={<DownloadLinks label={t("statsExport.compliance")} href="/api/v1/training/unit/compliance/export" />}
      />
      <Card title={t("unit.enrolTitle")}>
        <UnitEnrolForm
          action={unitEnrolAction}
          mayEnrol={can(actor, "training.unit.enrol")}
          people={people}
          sessions={sessions.map((s) => ({
            id: s.id,
            label: `${s.title}（${format.dateTime(s.startsAt, "short")}，${s.enrolledCount}/${s.capacity}${s.waitlistCount ? `，${t("card.waitlist", { n: s.waitlistCount })}` : ""}）`,
          }))}
          labels={{
            session: t("unit.session"),
            enrol: t("unit.enrol"),
            select: t("unit.select"),
            selectAll: t("unit.selectAll"),
            badge: t("roster.badge"),
            name: t("roster.name"),
            unit: t("roster.unit"),
            hours: t("unit.hours"),
            behind: t("unit.behind"),
            ok: t("unit.ok"),
          }}
        />
      </Card>
    </>
  );
}
