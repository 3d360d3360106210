import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";

const TONE = { BOOKED: "blue", CHECKED_IN: "amber", COMPLETED: "green", CANCELLED: "slate", NO_SHOW: "red" } as const;

export async function StatusBadge({ status, urgent }: { status: keyof typeof TONE; urgent?: boolean }) {
  const t = await getTranslations("medical");
  return (
    <span className="inline-flex flex-wrap gap-1 whitespace-nowrap">
      {urgent ? <Badge tone="red">{t("urgent.badge")}</Badge> : null}
      <Badge tone={TONE[status]}>{t(`status.${status}`)}</Badge>
    </span>
  );
}
