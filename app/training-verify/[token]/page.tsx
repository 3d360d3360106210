import { getFormatter, getTranslations } from "next-intl/server";
import { verifyCertificate } from "@/lib/training/certificates";

// Public: outside the portal shell, shows only whether the certificate is genuine and what it states.
export default async function VerifyCertificatePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, format, cert] = await Promise.all([getTranslations("training"), getFormatter(), verifyCertificate(safeDecode(token))]);
  return (
    <main className="mx-auto max-w-md p-6">
      <h1 className="text-xl font-bold">{t("verify.title")}</h1>
      {cert ? (
        <div className={`mt-4 rounded-lg border p-4 ${cert.revoked ? "border-red-300 bg-red-50" : "border-green-300 bg-green-50"}`}>
          {cert.revoked ? (
            <p role="alert" className="font-semibold text-red-800" data-testid="verify-revoked">
              ✗ {t("verify.revoked")}
            </p>
          ) : (
            <p className="font-semibold text-green-800">✓ {t("verify.genuine")}</p>
          )}
          <dl className="mt-3 grid grid-cols-[4rem_1fr] gap-y-1 text-sm">
            <dt>{t("verify.name")}</dt>
            <dd>{cert.name}</dd>
            <dt>{t("verify.session")}</dt>
            <dd>
              {cert.title}（{cert.categoryName}）
            </dd>
            <dt>{t("verify.date")}</dt>
            <dd>{format.dateTime(cert.startsAt, "date")}</dd>
            <dt>{t("verify.hours")}</dt>
            <dd>{cert.creditHours}</dd>
            <dt>{t("cert.no")}</dt>
            <dd>{cert.certificateNo}</dd>
            {cert.issuedAt ? (
              <>
                <dt>{t("verify.issuedOn")}</dt>
                <dd>{format.dateTime(cert.issuedAt, "date")}</dd>
              </>
            ) : null}
            {cert.revokedAt ? (
              <>
                <dt>{t("verify.revokedOn")}</dt>
                <dd>{format.dateTime(cert.revokedAt, "date")}</dd>
              </>
            ) : null}
          </dl>
        </div>
      ) : (
        <p role="alert" className="mt-4 rounded-lg border border-red-300 bg-red-50 p-4 text-red-800">
          {t("verify.invalid")}
        </p>
      )}
      <p className="mt-6 text-xs text-slate-500">{t("cert.issuer")}</p>
    </main>
  );
}

/** A malformed %-sequence is just an invalid certificate, not a server error. */
function safeDecode(token: string): string {
  try {
    return decodeURIComponent(token);
  } catch {
    return "";
  }
}
