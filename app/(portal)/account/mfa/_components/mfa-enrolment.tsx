"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button, ButtonLink } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import type { ActionState } from "@/lib/http/actions";
import { confirmMfaAction } from "../actions";

/**
 * The enrolment steps (QR code, key, the confirming code), then — in their place, so the key is
 * no longer on screen — the recovery codes, shown once, with a download and a print button.
 */
export function MfaEnrolment({ badgeNo, qrSvg, secret }: { badgeNo: string; qrSvg: string; secret: string }) {
  const t = useTranslations("auth.mfa");
  const [state, action, pending] = useActionState<ActionState, FormData>(confirmMfaAction, {});
  const codes = state.ok ? (state.secrets?.recoveryCodes ?? "").split("\n").filter(Boolean) : [];

  if (codes.length) {
    const download = () => {
      const text = `${t("fileHeader")}\n${badgeNo}\n\n${codes.join("\n")}\n`;
      const a = document.createElement("a");
      a.href = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
      a.download = `jingxin-recovery-codes-${badgeNo}.txt`;
      a.click();
      URL.revokeObjectURL(a.href);
    };
    return (
      <section aria-labelledby="recovery-title" className="space-y-4">
        <h2 id="recovery-title" className="text-lg font-semibold">
          {t("recoveryTitle")}
        </h2>
        <Alert kind="warning">{t("recoveryIntro")}</Alert>
        <ol className="grid grid-cols-1 gap-2 font-mono text-base sm:grid-cols-2" aria-label={t("recoveryTitle")}>
          {codes.map((c) => (
            <li key={c} className="select-all rounded border border-slate-300 bg-slate-50 px-3 py-2 text-center tracking-wider">
              {c}
            </li>
          ))}
        </ol>
        <div className="no-print flex flex-wrap gap-2">
          <Button type="button" variant="secondary" onClick={download}>
            {t("download")}
          </Button>
          <Button type="button" variant="secondary" onClick={() => window.print()}>
            {t("print")}
          </Button>
          <ButtonLink href="/">{t("continue")}</ButtonLink>
        </div>
      </section>
    );
  }

  const f = state.fields ?? {};
  return (
    <div className="space-y-4">
      <p>{t("step1")}</p>
      <p>{t("step2")}</p>
      <div className="flex flex-col items-center gap-3 sm:flex-row sm:items-start">
        <div role="img" aria-label={t("qrAlt")} className="h-48 w-48 shrink-0 bg-white" dangerouslySetInnerHTML={{ __html: qrSvg }} />
        <dl className="w-full space-y-2">
          <div>
            <dt className="text-xs text-slate-500">{t("account")}</dt>
            <dd className="font-mono">{badgeNo}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">{t("secret")}</dt>
            <dd className="select-all break-all font-mono text-base tracking-wider" data-testid="totp-secret">
              {secret.match(/.{1,4}/g)!.join(" ")}
            </dd>
          </div>
        </dl>
      </div>
      <form action={action} className="space-y-3">
        {state.message && !f.code ? <Alert kind="error">{state.message}</Alert> : null}
        <Field label={t("code")} htmlFor="code" error={f.code} hint={t("step3")}>
          <Input
            id="code"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            maxLength={6}
            aria-invalid={!!f.code}
            className="max-w-40 font-mono tracking-widest"
            required
          />
        </Field>
        <Button type="submit" disabled={pending}>
          {t("confirm")}
        </Button>
      </form>
    </div>
  );
}
