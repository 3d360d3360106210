import { apiRoute, created } from "@/lib/http/api";
import { enrolSelf } from "@/lib/training/enrolment";
import { listRoster } from "@/lib/training/queries";
import { toIsoShanghai } from "@/lib/time";

type P = { id: string };
export const POST = apiRoute<P>(async ({ actor, params }) => created(await enrolSelf(actor, params.id)));

export const GET = apiRoute<P>(async ({ actor, params }) => {
  const rows = await listRoster(actor, params.id);
  const items = rows.map((r) => ({
    id: r.id,
    user: { id: r.user.id, badgeNo: r.user.badgeNo, name: r.user.name },
    status: r.status,
    waitlistPosition: r.waitlistPosition,
    attendance: r.attendance,
    createdAt: toIsoShanghai(r.createdAt),
  }));
  return { items, total: items.length, page: 1, pageSize: items.length };
});
