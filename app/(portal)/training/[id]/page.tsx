import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { localized } from "@/lib/i18n/localized";
import { can } from "@/lib/access";
import { requireUser } from "@/lib/auth/current";
import { teachesOrManages } from "@/lib/training/access";
import { cutoffOf, enrolmentOpen } from "@/lib/training/enrolment";
import { getMyEnrollment, getSession, listMyOverlaps } from "@/lib/training/queries";
import { findApprovedLeave } from "@/lib/leave/queries";
import { Alert, Badge, Card, PageHeader } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { ActionForm, FieldError } from "@/components/ui/action-form";
import { Field, Input, Select } from "@/components/ui/field";
import { cancelMyEnrollmentAction, enrolAction, feedbackAction } from "../actions";
import { orNotFound, pageId } from "@/lib/http/pages";

export default async function SessionPage({ params }: { params: Promise<{ id: string }> }) {
  const id = pageId((await params).id);
  const actor = await requireUser({ next: `/training/${id}` });
  const session = await orNotFound(getSession(actor, id));
  const [t, tc, format, mine] = await Promise.all([
    getTranslations("training"),
    getTranslations("common"),
    getFormatter(),
    getMyEnrollment(actor, id),
  ]);
  const now = new Date();
  const active = mine && mine.status !== "CANCELLED" ? mine : null;
  const overlaps = active || enrolmentOpen(session, now) ? await listMyOverlaps(actor, session) : [];
  const open = enrolmentOpen(session, now);
  const beforeCutoff = now < cutoffOf(session);
  const full = session.enrolledCount >= session.capacity;
  const teaches = teachesOrManages(actor, session);
  const onLeave = can(actor, "leave.request") ? await findApprovedLeave(actor.id, session.startsAt, session.endsAt) : null;
  const tl = await getTranslations("leave");

  return (
    <>
      <PageHeader
        title={session.title}
        subtitle={
          <span className="flex flex-wrap gap-2">
            <Badge tone="blue">{localized(await getLocale(), session.categoryName, session.categoryNameEn)}</Badge>
            <Badge>{t(`status.${session.status}`)}</Badge>
            <Badge>{t(`format.${session.format}`)}</Badge>
          </span>
        }
        actions={
          <span className="flex flex-wrap gap-2">
            <a
              className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
              href={`/api/v1/training/sessions/${id}/calendar.ics`}
            >
              {t("session.ics")}
            </a>
            {teaches ? (
              <ButtonLink variant="secondary" href={`/training/${id}/roster`}>
                {t("session.roster")}
              </ButtonLink>
            ) : null}
            {can(actor, "training.manage") ? (
              <ButtonLink variant="secondary" href={`/training/manage/${id}`}>
                {t("session.edit")}
              </ButtonLink>
            ) : null}
          </span>
        }
      />
      {session.status === "CANCELLED" ? (
        <Alert kind="error">{t("session.cancelledSession", { reason: session.cancelReason ?? "" })}</Alert>
      ) : null}
      {onLeave ? (
        <Alert kind="warning">{tl("warning.training", { type: tl(`types.${onLeave.type}`), from: onLeave.from, to: onLeave.to })}</Alert>
      ) : null}
      {overlaps.map((o) => (
        <Alert key={o.id} kind="warning">
          {t("session.overlap", { title: o.title })}
        </Alert>
      ))}
      <div className="grid gap-4 md:grid-cols-3">
        <Card className="md:col-span-2">
          <dl className="grid grid-cols-[6rem_1fr] gap-y-2 text-sm">
            <dt className="text-slate-500">{t("session.when")}</dt>
            <dd>
              {format.dateTime(session.startsAt, "full")} – {format.dateTime(session.endsAt, "time")}
            </dd>
            <dt className="text-slate-500">{t("session.venue")}</dt>
            <dd>{session.venue}</dd>
            <dt className="text-slate-500">{t("session.hours")}</dt>
            <dd>{session.creditHours}</dd>
            <dt className="text-slate-500">{t("session.seats")}</dt>
            <dd data-testid="seats">
              {t("session.seatsValue", { enrolled: session.enrolledCount, capacity: session.capacity, waitlist: session.waitlistCount })}
            </dd>
            <dt className="text-slate-500">{t("session.lecturers")}</dt>
            <dd>
              <ul>
                {session.lecturers.map((l, i) => (
                  <li key={i}>
                    {l.name}
                    {l.affiliation ? <span className="text-slate-500">（{l.affiliation}）</span> : null}
                  </li>
                ))}
              </ul>
            </dd>
          </dl>
          {session.description ? (
            <>
              <h2 className="mt-4 font-medium">{t("session.description")}</h2>
              <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{session.description}</p>
            </>
          ) : null}
        </Card>
        <Card>
          <div className="space-y-3" data-testid="enrolment-box">
            {active?.status === "ENROLLED" ? <Alert kind="success">{t("session.enrolled")}</Alert> : null}
            {active?.status === "WAITLISTED" ? (
              <Alert kind="warning">{t("session.waitlisted", { n: active.waitlistPosition ?? 0 })}</Alert>
            ) : null}
            {!active && open && can(actor, "training.book") ? (
              <ActionForm action={enrolAction} submitLabel={full ? t("session.joinWaitlist") : t("session.enrol")}>
                <input type="hidden" name="sessionId" value={id} />
              </ActionForm>
            ) : null}
            {!active && !open && session.status !== "CANCELLED" ? <p className="text-sm text-slate-600">{t("session.closed")}</p> : null}
            {active && session.status === "PUBLISHED" && now < session.startsAt ? (
              beforeCutoff ? (
                <ActionForm
                  action={cancelMyEnrollmentAction}
                  variant="secondary"
                  submitLabel={active.status === "WAITLISTED" ? t("session.leaveWaitlist") : t("session.cancel")}
                  confirm={{
                    text: t(active.status === "WAITLISTED" ? "session.leaveWaitlistConfirm" : "session.cancelConfirm"),
                    yes: tc("actions.confirm"),
                    no: tc("actions.back"),
                  }}
                >
                  <input type="hidden" name="sessionId" value={id} />
                </ActionForm>
              ) : (
                <p className="text-sm text-slate-600">{t("session.afterCutoff")}</p>
              )
            ) : null}
            <p className="text-xs text-slate-500">
              {t("session.cutoff", { time: format.dateTime(cutoffOf(session), "full"), hours: session.cancelCutoffHours })}
            </p>
          </div>
        </Card>
      </div>
      {mine?.attendance === "ATTENDED" && mine.status === "ENROLLED" && mine.feedback ? (
        <Card title={t("session.feedback")} className="mt-4">
          <p className="text-sm" data-testid="my-feedback">
            {t("session.myRating", { rating: mine.feedback.rating })}
            {mine.feedback.comment ? `：${mine.feedback.comment}` : ""}
          </p>
        </Card>
      ) : null}
      {mine?.attendance === "ATTENDED" && mine.status === "ENROLLED" && !mine.feedback ? (
        <Card title={t("session.feedback")} className="mt-4">
          <span id="feedback" />
          <ActionForm action={feedbackAction} submitLabel={t("session.submitFeedback")} successText={t("session.feedbackDone")}>
            <input type="hidden" name="sessionId" value={id} />
            <Field label={t("session.rating")} htmlFor="rating">
              <Select id="rating" name="rating" defaultValue="5">
                {[5, 4, 3, 2, 1].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t("session.comment")} htmlFor="comment">
              <Input id="comment" name="comment" maxLength={1000} />
            </Field>
            <FieldError name="rating" />
          </ActionForm>
        </Card>
      ) : null}
      <p className="mt-4 text-sm">
        <Link className="text-police-700 underline" href="/training">
          ← {t("title")}
        </Link>
      </p>
    </>
  );
}
