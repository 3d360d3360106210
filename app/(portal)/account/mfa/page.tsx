import QRCode from "qrcode";
import { getFormatter, getTranslations } from "next-intl/server";
import { getSessionState, requireUser } from "@/lib/auth/current";
import { currentTotpEnrolment, getOwnMfaStatus } from "@/lib/auth/mfa";
import { Alert, Card, PageHeader } from "@/components/ui/card";
import { ClientMessages } from "@/components/shell/client-messages";
import { ConfirmMfaForm } from "./_components/confirm-form";

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
  const grouped = enrolment.secret.match(/.{1,4}/g)!.join(" ");
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <Alert kind={required ? "warning" : "info"}>{required ? t("requiredNotice") : t("optionalNotice")}</Alert>
      <Card>
        <div className="space-y-4 text-sm text-slate-700">
          <p>{t("step1")}</p>
          <p>{t("step2")}</p>
          <div className="flex flex-col items-center gap-3 sm:flex-row sm:items-start">
            <div role="img" aria-label={t("qrAlt")} className="h-48 w-48 shrink-0 bg-white" dangerouslySetInnerHTML={{ __html: svg }} />
            <dl className="w-full space-y-2">
              <div>
                <dt className="text-xs text-slate-500">{t("account")}</dt>
                <dd className="font-mono">{actor.badgeNo}</dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">{t("secret")}</dt>
                <dd className="select-all break-all font-mono text-base tracking-wider" data-testid="totp-secret">
                  {grouped}
                </dd>
              </div>
            </dl>
          </div>
          <ClientMessages namespaces={["auth"]}>
            <ConfirmMfaForm badgeNo={actor.badgeNo} />
          </ClientMessages>
        </div>
      </Card>
    </div>
  );
}
