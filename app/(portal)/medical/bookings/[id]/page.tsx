import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { localized } from "@/lib/i18n/localized";
import { can } from "@/lib/access";
import { requireUser } from "@/lib/auth/current";
import { getBooking, listRescheduleTargets } from "@/lib/medical/queries";
import { formatShanghai } from "@/lib/time";
import { shanghaiDate } from "@/lib/time";
import { Card, PageHeader } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { ActionForm } from "@/components/ui/action-form";
import { StatusBadge } from "../../_components/status-badge";
import { BookingActions } from "../../manage/_components/booking-actions";
import { cancelAction, rescheduleAction } from "../../actions";
import { rescheduleMyBookingAction } from "../../reschedule-actions";
import { listMyRescheduleTargets } from "@/lib/medical/self-reschedule";
import { Select } from "@/components/ui/field";
import { orNotFound, pageId } from "@/lib/http/pages";

// One booking with its health note: only its owner and the liaison get here (others: 404), and
// showing the note writes an audit entry (getBooking withNote).
export default async function BookingPage({ params }: { params: Promise<{ id: string }> }) {
  const id = pageId((await params).id);
  const actor = await requireUser({ next: `/medical/bookings/${id}` });
  const booking = await orNotFound(getBooking(actor, id, { withNote: true }));
  const [t, format, locale] = await Promise.all([getTranslations("medical"), getFormatter(), getLocale()]);
  const manage = can(actor, "medical.manage");
  const own = booking.user.id === actor.id;
  const movable = booking.status === "BOOKED" && !booking.urgent;
  // the liaison moves anyone's booking; the officer their own (same open slots of the service)
  const targets = !movable
    ? []
    : manage
      ? await listRescheduleTargets(actor, booking.id)
      : own
        ? await listMyRescheduleTargets(actor, booking.id)
        : [];
  return (
    <>
      <PageHeader
        title={localized(locale, booking.service.name, booking.service.nameEn)}
        subtitle={format.dateTime(booking.startsAt, "full")}
        actions={
          <>
            {booking.status === "BOOKED" ? (
              <a
                className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
                href={`/api/v1/medical/bookings/${booking.id}/calendar.ics`}
              >
                {t("mine.icsOne")}
              </a>
            ) : null}
            <ButtonLink variant="secondary" href={manage && !own ? `/medical/manage?date=${shanghaiDate(booking.startsAt)}` : "/medical"}>
              {t("actions.back")}
            </ButtonLink>
          </>
        }
      />
      <Card>
        <dl className="grid gap-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-500">{t("fields.status")}</dt>
            <dd>
              <StatusBadge status={booking.status} urgent={booking.urgent} />
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("fields.person")}</dt>
            <dd>
              {booking.user.name}（{booking.user.badgeNo}）· {booking.user.unit.name}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("fields.time")}</dt>
            <dd>
              {format.dateTime(booking.startsAt, "full")}
              {booking.endsAt ? ` – ${format.dateTime(booking.endsAt, "time")}` : ""}
            </dd>
          </div>
          {booking.outcome ? (
            <div>
              <dt className="text-slate-500">{t("fields.outcome")}</dt>
              <dd>{t(`outcome.${booking.outcome}`)}</dd>
            </div>
          ) : null}
          {booking.cancelReason ? (
            <div>
              <dt className="text-slate-500">{t("fields.cancelReason")}</dt>
              <dd>{booking.cancelReason}</dd>
            </div>
          ) : null}
          <div className="sm:col-span-2">
            <dt className="text-slate-500">{t("fields.note")}</dt>
            <dd className="whitespace-pre-wrap" data-testid="booking-note">
              {booking.note ?? t("fields.noNote")}
            </dd>
            {booking.hasNote ? (
              <dd className="mt-1 text-xs text-slate-500">
                {booking.shareNote ? t("fields.noteShared") : t("fields.noteNotShared")} · {t("fields.noteAudited")}
              </dd>
            ) : null}
          </div>
        </dl>
        <div className="mt-4 flex flex-wrap gap-2">
          {manage ? (
            <BookingActions booking={booking} />
          ) : own && booking.status === "BOOKED" && !booking.urgent ? (
            <ActionForm
              action={cancelAction}
              submitLabel={t("actions.cancel")}
              variant="secondary"
              inline
              confirm={{ text: t("actions.cancelConfirm"), yes: t("actions.confirmYes"), no: t("actions.back") }}
            >
              <input type="hidden" name="id" value={booking.id} />
            </ActionForm>
          ) : null}
        </div>
        {targets.length ? (
          <div className="mt-4 border-t border-slate-100 pt-4">
            <ActionForm
              action={manage ? rescheduleAction : rescheduleMyBookingAction}
              submitLabel={t("actions.reschedule")}
              variant="secondary"
              successText={t("manage.rescheduled")}
            >
              <input type="hidden" name="id" value={booking.id} />
              <Select name="slotId" aria-label={t("actions.reschedule")} className="sm:w-auto">
                {targets.map((s) => (
                  <option key={s.id} value={s.id}>
                    {formatShanghai(s.startsAt)}（{t("book.free", { n: s.capacity - s.bookedCount })}）
                  </option>
                ))}
              </Select>
            </ActionForm>
          </div>
        ) : null}
      </Card>
    </>
  );
}
