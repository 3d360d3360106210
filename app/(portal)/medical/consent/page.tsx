import Link from "next/link";
import { z } from "zod";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/current";
import { getConsentState } from "@/lib/medical/queries";
import { Alert, Badge, Card, PageHeader } from "@/components/ui/card";
import { ActionForm } from "@/components/ui/action-form";
import { giveConsentAction, withdrawConsentAction } from "../actions";

// The separate, unbundled consent screen (PIPL art. 28–29): nothing else is agreed to here.
const paramsSchema = z.object({
  next: z
    .string()
    .regex(/^\/medical[\w/?=&%-]*$/)
    .optional(),
});

export default async function ConsentPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireUser({ next: "/medical/consent" });
  const q = paramsSchema.catch({}).parse(await searchParams);
  const [t, format, state] = await Promise.all([getTranslations("medical"), getFormatter(), getConsentState(actor)]);
  return (
    <>
      <PageHeader
        title={t("consent.title")}
        subtitle={t("consent.subtitle", { version: state.current.version, date: state.current.publishedOn })}
      />
      <div className="space-y-4">
        <Card title={t("consent.why")}>
          <div className="space-y-2 text-sm leading-relaxed text-slate-800" data-testid="consent-text">
            {state.current.text.split("\n").map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </div>
        </Card>
        <Card title={t("consent.status")}>
          {state.valid ? (
            <div className="space-y-3">
              <p className="text-sm">
                <Badge tone="green">{t("consent.given")}</Badge>{" "}
                {t("consent.givenAt", { version: state.given!.version, at: format.dateTime(state.given!.at, "full") })}
              </p>
              {q.next ? (
                <p>
                  <Link className="text-police-700 underline" href={q.next}>
                    {t("consent.back")}
                  </Link>
                </p>
              ) : null}
              <p className="text-sm text-slate-600">{t("consent.withdrawHint")}</p>
              <ActionForm
                action={withdrawConsentAction}
                submitLabel={t("consent.withdraw")}
                variant="danger"
                successText={t("consent.withdrawn")}
              />
            </div>
          ) : (
            <div className="space-y-3">
              {state.given ? (
                <Alert kind="warning">{t("consent.outdated", { version: state.given.version })}</Alert>
              ) : (
                <p className="text-sm text-slate-700">{t("consent.none")}</p>
              )}
              <ActionForm
                action={giveConsentAction}
                submitLabel={t("consent.give")}
                successText={t("consent.thanks")}
                testId="consent-form"
              >
                <input type="hidden" name="version" value={state.current.version} />
                <label className="flex items-start gap-2 text-sm">
                  <input type="checkbox" name="agree" className="mt-1" required />
                  <span>{t("consent.agree", { version: state.current.version })}</span>
                </label>
              </ActionForm>
            </div>
          )}
        </Card>
      </div>
    </>
  );
}
