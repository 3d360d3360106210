import QRCode from "qrcode";
import { headers } from "next/headers";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/current";
import { getMyCertificate } from "@/lib/training/certificates";
import { PrintButton } from "@/components/ui/print-button";
import { orNotFound, pageId } from "@/lib/http/pages";

export default async function CertificatePage({ params }: { params: Promise<{ enrollmentId: string }> }) {
  const enrollmentId = pageId((await params).enrollmentId);
  const actor = await requirePagePermission("training.book", `/training/me/certificates/${enrollmentId}`);
  const [t, format, cert, h] = await Promise.all([
    getTranslations("training"),
    getFormatter(),
    orNotFound(getMyCertificate(actor, enrollmentId)),
    headers(),
  ]);
  const origin = `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host")}`;
  const url = `${origin}/training-verify/${encodeURIComponent(cert.token)}`;
  const svg = await QRCode.toString(url, { type: "svg", margin: 0 });
  return (
    <div className="mx-auto max-w-[210mm] bg-white p-8 print:p-0">
      <style>{"@page { size: A4 landscape; margin: 15mm; }"}</style>
      <div className="no-print mb-3">
        <PrintButton label={t("me.print")} />
      </div>
      <div className="border-4 border-double border-police-700 p-10 text-center">
        <h1 className="text-3xl font-bold tracking-widest">{t("cert.title")}</h1>
        <p className="mt-8 text-lg leading-loose">
          {t("cert.body", {
            name: cert.name,
            date: format.dateTime(cert.startsAt, "date"),
            title: cert.title,
            category: cert.categoryName,
            hours: cert.creditHours,
          })}
        </p>
        <div className="mt-10 flex items-end justify-between">
          <div className="text-left text-xs">
            <div className="h-24 w-24" data-testid="cert-qr" dangerouslySetInnerHTML={{ __html: svg }} />
            <p>{t("cert.scan")}</p>
            <p>
              {t("cert.no")}：{cert.enrollmentId.slice(-10).toUpperCase()}
            </p>
          </div>
          <p className="text-lg">{t("cert.issuer")}</p>
        </div>
      </div>
    </div>
  );
}
