"use server";

import { requireActor } from "@/lib/auth/current";
import { formAction, formText, type ActionState } from "@/lib/http/actions";
import { rescheduleMyBooking } from "@/lib/medical/self-reschedule";

/** The officer moves their own booking (the liaison's move is rescheduleAction in ./actions). */
export async function rescheduleMyBookingAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return formAction(async () => {
    await rescheduleMyBooking(actor, formText(fd, "id"), { slotId: formText(fd, "slotId") });
  }, [{ layout: "/medical" }]);
}
