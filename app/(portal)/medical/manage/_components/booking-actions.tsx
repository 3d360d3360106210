import { getTranslations } from "next-intl/server";
import type { BookingDto } from "@/lib/medical/dto";
import { Select } from "@/components/ui/field";
import { ActionForm } from "@/components/ui/action-form";
import { cancelAction, checkInAction, completeAction, noShowAction, outcomeAction } from "../../actions";

/** The liaison's buttons for one booking; only legal next steps are offered (the domain checks again). */
export async function BookingActions({
  booking,
  now = new Date(),
}: {
  booking: Pick<BookingDto, "id" | "status" | "outcome" | "service" | "startsAt">;
  now?: Date;
}) {
  const t = await getTranslations("medical");
  const id = <input type="hidden" name="id" value={booking.id} />;
  const ask = (key: string) => ({ text: t(key), yes: t("actions.confirmYes"), no: t("actions.back") });
  return (
    <div className="flex flex-wrap gap-2">
      {booking.status === "BOOKED" ? (
        <>
          <ActionForm action={checkInAction} submitLabel={t("actions.checkIn")} inline confirm={ask("actions.checkInConfirm")}>
            {id}
          </ActionForm>
          {/* nobody has missed an appointment whose time has not come (the domain refuses it too) */}
          {now >= booking.startsAt ? (
            <ActionForm
              action={noShowAction}
              submitLabel={t("actions.noShow")}
              variant="secondary"
              inline
              confirm={ask("actions.noShowConfirm")}
            >
              {id}
            </ActionForm>
          ) : null}
          <ActionForm
            action={cancelAction}
            submitLabel={t("actions.cancel")}
            variant="secondary"
            inline
            confirm={ask("actions.cancelConfirm")}
          >
            {id}
          </ActionForm>
        </>
      ) : null}
      {booking.status === "CHECKED_IN" ? (
        <ActionForm action={completeAction} submitLabel={t("actions.complete")} inline>
          {id}
        </ActionForm>
      ) : null}
      {booking.status === "COMPLETED" && booking.service.code === "LIVER_CHECK" ? (
        <ActionForm action={outcomeAction} submitLabel={t("actions.saveOutcome")} variant="secondary" inline>
          {id}
          <Select name="outcome" aria-label={t("fields.outcome")} defaultValue={booking.outcome ?? ""} className="w-auto" required>
            <option value="" disabled>
              {t("fields.outcome")}
            </option>
            <option value="NORMAL">{t("outcome.NORMAL")}</option>
            <option value="ABNORMAL_RECHECK">{t("outcome.ABNORMAL_RECHECK")}</option>
          </Select>
        </ActionForm>
      ) : null}
    </div>
  );
}
