import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/current";
import { CHECKIN_ROTATE_MS } from "@/lib/training/checkin";
import { getTeachingSession } from "@/lib/training/queries";
import { PageHeader } from "@/components/ui/card";
import { checkInQrAction } from "../../actions";
import { RotatingQr } from "../../_components/rotating-qr";
import { orNotFound, pageId } from "@/lib/http/pages";

export default async function QrPage({ params }: { params: Promise<{ id: string }> }) {
  const id = pageId((await params).id);
  const actor = await requireUser({ next: `/training/${id}/qr` });
  const session = await orNotFound(getTeachingSession(actor, id));
  const t = await getTranslations("training");
  return (
    <div className="text-center">
      <PageHeader title={`${t("qr.title")}：${session.title}`} subtitle={t("qr.hint")} />
      <RotatingQr sessionId={id} fetchCode={checkInQrAction} intervalMs={CHECKIN_ROTATE_MS} />
    </div>
  );
}
