import { encryptField } from "@/lib/crypto";
import { slotsFromTemplates } from "@/lib/medical/calendar";
import { CURRENT_CONSENT } from "@/lib/medical/consent-text";
import { shanghaiDate, startOfShanghaiDay } from "@/lib/time";
import type { SeedContext } from "./context";

// Demo data of the green channel. Idempotent: upserts by natural keys, and the demo bookings are
// written only once (marked by the liaison's urgent demo entry). Demo officers 100005 and 100006
// get neither consent nor bookings: an outside smoke test starts from that clean state.
const HOSPITAL = "鞍山市传染病医院";
const SERVICES = [
  {
    code: "GREEN_CHANNEL",
    nameEn: "Green channel",
    name: "绿色通道",
    yearlyQuota: null,
    description: "因公负伤、突发疾病等情况优先就诊，由医院专人接待。",
  },
  { code: "FAST_TRACK", nameEn: "Fast track", name: "快速通道", yearlyQuota: null, description: "普通门诊快速挂号、检查和取药。" },
  {
    code: "LIVER_CHECK",
    nameEn: "Free liver check",
    name: "免费肝脏检查",
    yearlyQuota: 1,
    description: "每人每年一次免费肝功能及乙肝两对半检查，需空腹。",
  },
  {
    code: "HEALTH_CONSULT",
    nameEn: "Health consultation",
    name: "健康咨询",
    yearlyQuota: 4,
    description: "由医院专家一对一健康咨询、解读体检结果。",
  },
] as const;
// weekday 1 = Monday; Shanghai wall-clock times
const TEMPLATES: Record<string, { weekday: number; startTime: string; endTime: string; slotMinutes: number; capacity: number }[]> = {
  LIVER_CHECK: [2, 4].map((weekday) => ({ weekday, startTime: "08:30", endTime: "11:30", slotMinutes: 30, capacity: 4 })),
  HEALTH_CONSULT: [2, 4].map((weekday) => ({ weekday, startTime: "14:00", endTime: "16:00", slotMinutes: 30, capacity: 2 })),
  FAST_TRACK: [1, 3, 5].map((weekday) => ({ weekday, startTime: "08:30", endTime: "11:30", slotMinutes: 30, capacity: 3 })),
  GREEN_CHANNEL: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startTime: "08:00", endTime: "17:00", slotMinutes: 60, capacity: 2 })),
};

export async function seedMedical(ctx: SeedContext): Promise<void> {
  const { db, users, now } = ctx;
  const hospital = await db.medicalHospital.upsert({
    where: { name: HOSPITAL },
    create: { name: HOSPITAL, address: "鞍山市铁西区", phone: "0412-8888120" },
    update: {},
  });
  const services: Record<string, { id: string }> = {};
  for (const [i, s] of SERVICES.entries()) {
    services[s.code] = await db.medicalService.upsert({
      where: { code: s.code },
      update: {},
      create: {
        code: s.code,
        name: s.name,
        nameEn: s.nameEn,
        description: s.description,
        yearlyQuota: s.yearlyQuota,
        hospitalId: hospital.id,
        sortOrder: i,
      },
    });
  }
  for (const [code, list] of Object.entries(TEMPLATES)) {
    const serviceId = services[code]!.id;
    if (await db.medicalSlotTemplate.count({ where: { serviceId } })) continue;
    await db.medicalSlotTemplate.createMany({ data: list.map((t) => ({ ...t, serviceId })) });
  }
  const templates = await db.medicalSlotTemplate.findMany({ where: { active: true } });
  const from = shanghaiDate(now);
  const to = shanghaiDate(new Date(now.getTime() + 28 * 86400000));
  const closed = new Set((await db.medicalClosedDay.findMany({ select: { date: true } })).map((c) => c.date));
  const { count: slotsCreated } = await db.medicalSlot.createMany({
    data: slotsFromTemplates(templates, closed, from, to, now),
    skipDuplicates: true,
  });

  const liaison = users["030001"]!;
  const consenting = ["100003", "100004", "100007", "F00003", "F00004"].map((b) => users[b]).filter((u) => !!u);
  for (const u of consenting) {
    if (!(await db.medicalConsent.findFirst({ where: { userId: u.id }, select: { id: true } }))) {
      await db.medicalConsent.create({
        data: { userId: u.id, version: CURRENT_CONSENT.version, givenAt: new Date(now.getTime() - 10 * 86400000) },
      });
    }
  }

  const urgentUser = users["100008"]!;
  const marker = await db.medicalBooking.findFirst({
    where: { userId: urgentUser.id, urgent: true, createdById: liaison.id },
    select: { id: true },
  });
  let demoBookings = 0;
  if (!marker) {
    const future = async (code: string, nth: number) =>
      db.medicalSlot.findFirst({
        where: { serviceId: services[code]!.id, startsAt: { gt: new Date(now.getTime() + 86400000) }, closed: false },
        orderBy: { startsAt: "asc" },
        skip: nth,
      });
    // past slots (before the generated window) for visits that already happened
    const past = async (code: string, daysAgo: number, hour: string) => {
      const day = shanghaiDate(new Date(now.getTime() - daysAgo * 86400000));
      const startsAt = new Date(Date.parse(`${day}T${hour}:00+08:00`));
      return db.medicalSlot.upsert({
        where: { serviceId_startsAt: { serviceId: services[code]!.id, startsAt } },
        update: {},
        create: { serviceId: services[code]!.id, startsAt, endsAt: new Date(startsAt.getTime() + 30 * 60000), capacity: 4 },
      });
    };
    type Plan = {
      badge: string;
      slot: { id: string; startsAt: Date; endsAt: Date } | null;
      code: string;
      status: "BOOKED" | "CHECKED_IN" | "COMPLETED" | "CANCELLED" | "NO_SHOW";
      note?: string;
      share?: boolean;
      outcome?: "NORMAL" | "ABNORMAL_RECHECK";
    };
    const plans: Plan[] = [
      {
        badge: "100003",
        code: "LIVER_CHECK",
        slot: await future("LIVER_CHECK", 0),
        status: "BOOKED",
        note: "有脂肪肝病史，近期转氨酶偏高。",
        share: true,
      },
      {
        badge: "100004",
        code: "HEALTH_CONSULT",
        slot: await future("HEALTH_CONSULT", 0),
        status: "BOOKED",
        note: "想咨询高血压用药。",
        share: false,
      },
      { badge: "F00003", code: "FAST_TRACK", slot: await past("FAST_TRACK", 12, "09:00"), status: "COMPLETED" },
      { badge: "F00004", code: "GREEN_CHANNEL", slot: await future("GREEN_CHANNEL", 1), status: "CANCELLED" },
      { badge: "100007", code: "LIVER_CHECK", slot: await past("LIVER_CHECK", 20, "08:30"), status: "COMPLETED", outcome: "NORMAL" },
      { badge: "F00003", code: "HEALTH_CONSULT", slot: await past("HEALTH_CONSULT", 5, "14:00"), status: "NO_SHOW" },
    ];
    for (const p of plans) {
      const u = users[p.badge];
      if (!u || !p.slot) continue;
      await db.$transaction(async (tx) => {
        await tx.medicalBooking.create({
          data: {
            userId: u.id,
            serviceId: services[p.code]!.id,
            slotId: p.slot!.id,
            startsAt: p.slot!.startsAt,
            endsAt: p.slot!.endsAt,
            status: p.status,
            noteCipher: p.note ? encryptField(p.note) : null,
            shareNote: !!p.share,
            createdById: u.id,
            outcomeEnc: p.outcome ? encryptField(p.outcome) : null,
            outcomeAt: p.outcome ? now : null,
            cancelledAt: p.status === "CANCELLED" ? now : null,
            checkedInAt: p.status === "COMPLETED" ? p.slot!.startsAt : null,
            completedAt: p.status === "COMPLETED" ? p.slot!.endsAt : null,
          },
        });
        if (p.status !== "CANCELLED") await tx.medicalSlot.update({ where: { id: p.slot!.id }, data: { bookedCount: { increment: 1 } } });
      });
      demoBookings++;
    }
    // the urgent entry: an officer hurt on duty today, outside any slot
    const today = startOfShanghaiDay(shanghaiDate(now));
    await db.medicalBooking.create({
      data: {
        userId: urgentUser.id,
        serviceId: services.GREEN_CHANNEL!.id,
        slotId: null,
        urgent: true,
        startsAt: new Date(today.getTime() + 10 * 3600000),
        status: "BOOKED",
        createdById: liaison.id,
        noteCipher: encryptField("执勤时左手划伤，需清创并注射破伤风疫苗。"),
      },
    });
    demoBookings++;
  }
  ctx.log(`medical: 1 hospital, ${SERVICES.length} services, ${slotsCreated} new slots, ${demoBookings} demo bookings`);
}
