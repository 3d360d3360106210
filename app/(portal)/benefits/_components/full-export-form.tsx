"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";

/** The texts it shows, keys of messages "auth.stepUp" (translated on the server: no i18n runtime ships). */
export type FullExportLabels = Record<
  "done" | "hint" | "reason" | "reasonHint" | "password" | "otp" | "otpHint" | "format" | "submit",
  string
>;

/**
 * Full ID numbers leave the system only with a reason and a fresh proof of identity (step-up):
 * the form posts to the export API and saves the file it answers with.
 */
export function FullExportForm({
  filters,
  needsOtp,
  labels,
}: {
  filters: Record<string, string>;
  needsOtp: boolean;
  labels: FullExportLabels;
}) {
  const t = (k: keyof FullExportLabels) => labels[k];
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string }>();
  const [fields, setFields] = useState<Record<string, string>>({});

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const fd = new FormData(form);
    setPending(true);
    setMessage(undefined);
    setFields({});
    try {
      const res = await fetch("/api/v1/benefits/exports/roster", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          ...filters,
          format: fd.get("format"),
          reason: fd.get("reason"),
          password: fd.get("password"),
          otp: fd.get("otp") || undefined,
        }),
      });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string; fields?: Record<string, string> } } | null;
        setFields(body?.error?.fields ?? {});
        setMessage({ kind: "error", text: body?.error?.message ?? String(res.status) });
        return;
      }
      const name = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get("content-disposition") ?? "")?.[1];
      const a = document.createElement("a");
      a.href = URL.createObjectURL(await res.blob());
      a.download = name ? decodeURIComponent(name) : "roster";
      a.click();
      URL.revokeObjectURL(a.href);
      (form.elements.namedItem("password") as HTMLInputElement).value = "";
      if (form.elements.namedItem("otp")) (form.elements.namedItem("otp") as HTMLInputElement).value = "";
      setMessage({ kind: "success", text: t("done") });
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="mt-3 grid gap-3 sm:grid-cols-2" noValidate>
      <p className="text-xs text-slate-600 sm:col-span-2">{t("hint")}</p>
      {message ? (
        <div className="sm:col-span-2">
          <Alert kind={message.kind}>{message.text}</Alert>
        </div>
      ) : null}
      <div className="sm:col-span-2">
        <Field label={t("reason")} htmlFor="fx-reason" error={fields.reason} hint={t("reasonHint")}>
          <Input id="fx-reason" name="reason" maxLength={200} required aria-invalid={!!fields.reason} />
        </Field>
      </div>
      <Field label={t("password")} htmlFor="fx-password" error={fields.password}>
        <Input id="fx-password" name="password" type="password" autoComplete="current-password" required aria-invalid={!!fields.password} />
      </Field>
      {needsOtp ? (
        <Field label={t("otp")} htmlFor="fx-otp" error={fields.otp} hint={t("otpHint")}>
          <Input id="fx-otp" name="otp" inputMode="numeric" autoComplete="one-time-code" maxLength={20} aria-invalid={!!fields.otp} />
        </Field>
      ) : null}
      <Field label={t("format")} htmlFor="fx-format">
        <Select id="fx-format" name="format" defaultValue="xlsx">
          <option value="xlsx">Excel (.xlsx)</option>
          <option value="csv">CSV</option>
        </Select>
      </Field>
      <div className="flex items-end sm:col-span-2">
        <Button type="submit" variant="danger" disabled={pending}>
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}
