"use client";

import { useState } from "react";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { Alert } from "@/components/ui/card";
import { signInErrorKey } from "@/lib/auth/sign-in-errors";

export function LoginForm({ next, initialError }: { next: string; initialError?: string }) {
  const t = useTranslations("auth");
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const badgeNo = String(form.get("badgeNo") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const otp = String(form.get("otp") ?? "").replace(/\s/g, "");
    if (!badgeNo || !password) return setError(t("required"));
    setPending(true);
    setError(undefined);
    let res: Awaited<ReturnType<typeof signIn>> | undefined;
    try {
      res = await signIn("credentials", { badgeNo, password, otp, redirect: false });
    } catch {
      res = { error: "UNAVAILABLE", status: 503, ok: false, url: null };
    }
    if (res?.ok && !res.error) {
      window.location.assign(next);
      return;
    }
    setPending(false);
    setError(t(signInErrorKey(res?.error)));
  }

  return (
    // method="post": should the script fail to load, a native submit must never put the password in a URL
    <form onSubmit={onSubmit} method="post" className="space-y-4" noValidate>
      {error ? <Alert kind="error">{error}</Alert> : null}
      <Field label={t("badgeNo")} htmlFor="badgeNo">
        <Input id="badgeNo" name="badgeNo" autoComplete="username" inputMode="text" autoCapitalize="characters" required />
      </Field>
      <Field label={t("password")} htmlFor="password">
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </Field>
      <Field label={t("otp")} htmlFor="otp" hint={t("otpHint")}>
        <Input id="otp" name="otp" autoComplete="one-time-code" inputMode="text" maxLength={20} spellCheck={false} />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
