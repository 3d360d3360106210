// Medical factories, shared by tests and the demo seed: rows straight in the database.
import { db } from "@/lib/db";
import { CURRENT_CONSENT } from "@/lib/medical/consent-text";
import { uniq } from "./index";

export async function ensureHospital(name = "鞍山市传染病医院") {
  return db.medicalHospital.upsert({ where: { name }, create: { name, address: "鞍山市铁东区", phone: "0412-0000000" }, update: {} });
}

/** A fresh service with its own code, so tests never share quotas or active-booking rules. */
export async function createMedicalService(input: { code?: string; name?: string; yearlyQuota?: number | null; active?: boolean } = {}) {
  const h = await ensureHospital();
  return db.medicalService.create({
    data: {
      code: input.code ?? uniq("SVC_").toUpperCase(),
      name: input.name ?? `测试服务${uniq()}`,
      hospitalId: h.id,
      yearlyQuota: input.yearlyQuota ?? null,
      active: input.active ?? true,
    },
  });
}

export async function createMedicalSlot(input: {
  serviceId: string;
  startsAt?: Date;
  minutes?: number;
  capacity?: number;
  closed?: boolean;
}) {
  const startsAt = input.startsAt ?? new Date(Date.now() + 3 * 86400_000 + Math.floor(Math.random() * 1e7));
  return db.medicalSlot.create({
    data: {
      serviceId: input.serviceId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + (input.minutes ?? 30) * 60_000),
      capacity: input.capacity ?? 5,
      closed: input.closed ?? false,
    },
  });
}

/** The user's consent to the current text, as if given on the consent screen. */
export async function consentFor(userId: string, version = CURRENT_CONSENT.version) {
  return db.medicalConsent.create({ data: { userId, version } });
}
