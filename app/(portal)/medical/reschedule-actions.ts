"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/current";
import { actionState, type ActionState } from "@/lib/http/actions";
import { rescheduleMyBooking } from "@/lib/medical/self-reschedule";

/** The officer moves their own booking (the liaison's move is rescheduleAction in ./actions). */
export async function rescheduleMyBookingAction(_: ActionState, fd: FormData): Promise<ActionState> {
  const actor = await requireActor();
  return actionState(async () => {
    await rescheduleMyBooking(actor, String(fd.get("id") ?? ""), { slotId: String(fd.get("slotId") ?? "") });
    revalidatePath("/medical", "layout");
  });
}
