import QRCode from "qrcode";
import { getFormatter, getTranslations } from "next-intl/server";
import { getSessionState, requireUser } from "@/lib/auth/current";
import { currentTotpEnrolment, getOwnMfaStatus } from "@/lib/auth/mfa";
import { Alert, Card, PageHeader } from "@/components/ui/card";
import { ClientMessages } from "@/components/shell/client-messages";
import { MfaEnrolment } from "./_components/mfa-enrolment";

export const metadata = { title: "双因素认证" };

// Enrolment of the second factor (TOTP): the QR code of the otpauth:// URL is drawn here, by the
// app, never by an outside service; the key is shown as text for manual entry.
export default async function MfaPage() {
  const actor = await requireUser({ allowMfaEnrolment: true });
  const [t, format, state, status] = await Promise.all([
    getTranslations("auth.mfa"),
    getFormatter(),
    getSessionState(),
    getOwnMfaStatus(actor),
  ]);
  const required = state.ok && state.mfa.required;

  if (status.enrolled) {
    return (
      <div className="mx-auto max-w-xl">
        <PageHeader title={t("title")} subtitle={t("subtitle")} />
        <Card title={t("enrolledTitle")}>
          <div className="space-y-2 text-sm text-slate-700">
            <p>{t("enrolledSince", { at: format.dateTime(status.enrolledAt!, "full") })}</p>
            <p>{t("recoveryLeft", { count: status.recoveryCodesLeft })}</p>
            <p>{t("lostPhone")}</p>
          </div>
        </Card>
      </div>
    );
  }

  const enrolment = await currentTotpEnrolment(actor);
  const svg = await QRCode.toString(enrolment.otpauthUrl, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <Alert kind={required ? "warning" : "info"}>{required ? t("requiredNotice") : t("optionalNotice")}</Alert>
      <Card>
        <div className="text-sm text-slate-700">
          <ClientMessages namespaces={["auth"]}>
            <MfaEnrolment badgeNo={actor.badgeNo} qrSvg={svg} secret={enrolment.secret} />
          </ClientMessages>
        </div>
      </Card>
    </div>
  );
}
