import Link from "next/link";
import { z } from "zod";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/current";
import { isAppError } from "@/lib/errors";
import { checkInWithToken } from "@/lib/training/checkin";
import { pageQuery } from "@/lib/http/pages";
import { Alert, Card, PageHeader } from "@/components/ui/card";

const params = z.object({ s: z.string().min(1).max(60), t: z.string().min(1).max(2000) });

// The link in the projected QR code: opening it while signed in records attendance once.
export default async function CheckInPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const raw = await searchParams;
  const actor = await requireUser({ next: `/training/check-in?${new URLSearchParams(raw)}` });
  const t = await getTranslations("training");
  const p = params.safeParse(pageQuery(raw));
  let message: { kind: "success" | "error"; text: string; id?: string };
  if (!p.success) message = { kind: "error", text: t("checkin.failed") };
  else {
    try {
      const r = await checkInWithToken(actor, p.data.s, p.data.t);
      message = { kind: "success", text: t(r.alreadyAttended ? "checkin.already" : "checkin.ok", { title: r.title }), id: r.sessionId };
    } catch (e) {
      if (!isAppError(e)) throw e;
      message = { kind: "error", text: `${t("checkin.failed")}：${e.message}` };
    }
  }
  return (
    <>
      <PageHeader title={t("checkin.title")} />
      <Card>
        <Alert kind={message.kind}>{message.text}</Alert>
        {message.id ? (
          <p className="mt-3 text-sm">
            <Link className="text-police-700 underline" href={`/training/${message.id}`}>
              →
            </Link>
          </p>
        ) : null}
      </Card>
    </>
  );
}
