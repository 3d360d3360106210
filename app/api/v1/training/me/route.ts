import { apiRoute } from "@/lib/http/api";
import { getMyTraining } from "@/lib/training/queries";
import { sessionJson } from "@/lib/training/serialize";
import { toIsoShanghai } from "@/lib/time";

export const GET = apiRoute(async ({ actor }) => {
  const t = await getMyTraining(actor);
  return {
    enrollments: t.enrollments.map((e) => ({
      id: e.id,
      status: e.status,
      waitlistPosition: e.waitlistPosition,
      attendance: e.attendance,
      createdAt: toIsoShanghai(e.createdAt),
      session: sessionJson(e.session),
    })),
    creditHours: {
      total: t.creditHours.total,
      byYear: t.creditHours.byYear,
      thisYear: t.creditHours.thisYear,
      required: t.creditHours.required,
    },
  };
});
