import QRCode from "qrcode";
import { headers } from "next/headers";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/current";
import { getMyCertificate } from "@/lib/training/certificates";
import { getSealDataUri } from "@/lib/training/seal";
import { PrintButton } from "@/components/ui/print-button";
import { orNotFound, pageId } from "@/lib/http/pages";

export default async function CertificatePage({ params }: { params: Promise<{ enrollmentId: string }> }) {
  const enrollmentId = pageId((await params).enrollmentId);
  const actor = await requirePagePermission("training.book", `/training/me/certificates/${enrollmentId}`);
  const [t, format, cert, h, seal] = await Promise.all([
    getTranslations("training"),
    getFormatter(),
    orNotFound(getMyCertificate(actor, enrollmentId)),
    headers(),
    getSealDataUri(),
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
      {cert.revokedAt ? (
        <p role="alert" className="mb-3 rounded-lg border border-red-300 bg-red-50 p-3 text-red-800" data-testid="cert-revoked">
          {t("cert.revokedBanner", { date: format.dateTime(cert.revokedAt, "date"), reason: cert.revokeReason ?? "" })}
        </p>
      ) : null}
      <div className={`border-4 border-double border-police-700 p-10 text-center ${cert.revokedAt ? "opacity-50" : ""}`}>
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
            <p data-testid="cert-serial">
              {t("cert.no")}：{cert.serial}
            </p>
          </div>
          <div className="relative text-right">
            {seal ? (
              // eslint-disable-next-line @next/next/no-img-element -- a data: URI of the configured seal, no optimisation to do
              <img src={seal} alt={t("cert.seal")} className="absolute -top-20 right-8 h-32 w-32 object-contain" data-testid="cert-seal" />
            ) : null}
            <p className="relative text-lg">{t("cert.issuer")}</p>
            <p className="relative text-sm">
              {t("cert.issuedOn")}：{format.dateTime(cert.issuedAt, "date")}
            </p>
          </div>
        </div>
      </div>
    </div>
  );
}
