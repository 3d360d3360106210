// Large green-channel data for the benchmark: weekday slots over the last two years and the next
// four weeks, about 20,000 bookings in every state, some with encrypted notes. Idempotent: skipped
// when the large slots already exist. Slot counters are written consistent with the rows; times
// sit at :15/:45 so they never collide with the demo seed's template slots.
import { encryptField } from "@/lib/crypto";
import type { LargeContext } from "../seed-large";

type Status = "BOOKED" | "CHECKED_IN" | "COMPLETED" | "CANCELLED" | "NO_SHOW";
const PLAN: Record<string, { times: string[]; capacity: number }> = {
  LIVER_CHECK: { times: ["08:45", "09:15", "09:45", "10:15", "10:45", "11:15"], capacity: 4 },
  HEALTH_CONSULT: { times: ["14:15", "14:45", "15:15", "15:45"], capacity: 2 },
  FAST_TRACK: { times: ["08:15", "09:45", "10:45"], capacity: 3 },
  GREEN_CHANNEL: { times: ["13:15", "16:15"], capacity: 2 },
};
const TARGET = 20_000;

export async function seedLargeMedical(ctx: LargeContext): Promise<void> {
  const { db, users, log } = ctx;
  if (await db.medicalSlot.findFirst({ where: { id: { startsWith: "lms" } }, select: { id: true } })) return log("medical: already seeded");
  const services = await db.medicalService.findMany({ where: { code: { in: Object.keys(PLAN) } }, select: { id: true, code: true } });
  if (services.length < 4) throw new Error("run the demo seed first (medical services missing)");
  const people = users.filter((u) => u.roles.includes("OFFICER") || u.roles.includes("AUXILIARY"));
  const now = Date.now();
  const todayShanghai = new Date(now + 8 * 3600_000).toISOString().slice(0, 10);
  const first = Date.parse(`${todayShanghai}T00:00:00Z`) - 730 * 86400_000;
  const last = Date.parse(`${todayShanghai}T00:00:00Z`) + 28 * 86400_000;
  const perService = new Map<string, number>(); // round-robin people per service, so active bookings never collide
  let made = 0;
  let slotNo = 0;
  let slots: { id: string; serviceId: string; startsAt: Date; endsAt: Date; capacity: number; bookedCount: number }[] = [];
  let bookings: {
    id: string;
    userId: string;
    serviceId: string;
    slotId: string;
    startsAt: Date;
    endsAt: Date;
    status: Status;
    createdById: string;
    noteCipher: string | null;
    shareNote: boolean;
    outcomeEnc: string | null;
    outcomeAt: Date | null;
    createdAt: Date;
  }[] = [];
  const flush = async () => {
    await db.medicalSlot.createMany({ data: slots });
    for (let i = 0; i < bookings.length; i += 5000) await db.medicalBooking.createMany({ data: bookings.slice(i, i + 5000) });
    slots = [];
    bookings = [];
  };
  for (let t = first; t <= last && made < TARGET; t += 86400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    const wd = new Date(t).getUTCDay();
    if (wd === 0 || wd === 6) continue;
    for (const s of services) {
      const plan = PLAN[s.code]!;
      for (const time of plan.times) {
        const startsAt = new Date(Date.parse(`${date}T${time}:00+08:00`));
        const endsAt = new Date(startsAt.getTime() + 30 * 60_000);
        const past = startsAt.getTime() < now;
        const slotId = `lms${String(slotNo++).padStart(7, "0")}`;
        const fill = Math.max(0, plan.capacity - (slotNo % 5 === 0 ? 1 : 0));
        let booked = 0;
        for (let j = 0; j < fill && made < TARGET; j++, made++) {
          const k = perService.get(s.code) ?? 0;
          perService.set(s.code, k + 1);
          const user = people[(k * 7 + 3) % people.length]!;
          const r = made % 100;
          const status: Status = past ? (r < 85 ? "COMPLETED" : r < 93 ? "NO_SHOW" : "CANCELLED") : r < 95 ? "BOOKED" : "CANCELLED";
          if (status !== "CANCELLED") booked++;
          bookings.push({
            id: `lmb${String(made).padStart(7, "0")}`,
            userId: user.id,
            serviceId: s.id,
            slotId,
            startsAt,
            endsAt,
            status,
            createdById: user.id,
            noteCipher: made % 10 === 0 ? encryptField("既往体检提示转氨酶偏高，近期无用药。") : null,
            shareNote: made % 20 === 0,
            outcomeEnc:
              s.code === "LIVER_CHECK" && status === "COMPLETED" ? encryptField(made % 10 === 3 ? "ABNORMAL_RECHECK" : "NORMAL") : null,
            outcomeAt: s.code === "LIVER_CHECK" && status === "COMPLETED" ? endsAt : null,
            createdAt: new Date(startsAt.getTime() - 7 * 86400_000),
          });
        }
        slots.push({ id: slotId, serviceId: s.id, startsAt, endsAt, capacity: plan.capacity, bookedCount: booked });
      }
    }
    if (slots.length >= 2000) await flush();
  }
  await flush();
  log(`medical: ${slotNo} slots, ${made} bookings`);
}
