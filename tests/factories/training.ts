// Training factories, shared by tests and (in spirit) the demo seed.
import { db } from "@/lib/db";
import { uniq } from "./index";

export async function ensureCategories() {
  const cats = [
    ["LAW_ENFORCEMENT", "执法规范化", "Law-enforcement standards"],
    ["DISPUTE_RESOLUTION", "矛盾纠纷排查化解", "Dispute screening and resolution"],
    ["DRONE", "警务无人机", "Police drones"],
    ["POLITICAL_THEORY", "政治理论", "Political theory"],
    ["HEALTH", "健康科普", "Health education"],
    ["OTHER", "其他", "Other"],
  ] as const;
  // one INSERT … ON CONFLICT DO NOTHING: two test files starting together on a fresh database
  // would both miss a category in an upsert's read and one would fail its insert
  await db.trainingCategory.createMany({
    data: cats.map(([code, name, nameEn], i) => ({ code, name, nameEn, sortOrder: i })),
    skipDuplicates: true,
  });
}

/** A session row straight in the database (status and times as given), bypassing the rules. */
export async function createTrainingSession(
  input: {
    capacity?: number;
    status?: "DRAFT" | "PUBLISHED" | "COMPLETED" | "CANCELLED";
    startsAt?: Date;
    endsAt?: Date;
    creditHours?: number;
    category?: string;
    audienceUnitIds?: string[];
    audienceRoles?: ("OFFICER" | "AUXILIARY")[];
    cancelCutoffHours?: number;
    lecturerUserId?: string;
    enrollOpensAt?: Date | null;
    enrollClosesAt?: Date | null;
    title?: string;
  } = {},
) {
  await ensureCategories();
  const startsAt = input.startsAt ?? new Date(Date.now() + 7 * 86400_000);
  const status = input.status ?? "PUBLISHED";
  return db.trainingSession.create({
    data: {
      title: input.title ?? `测试培训${uniq()}`,
      categoryCode: input.category ?? "LAW_ENFORCEMENT",
      venue: "分局三楼会议室",
      startsAt,
      endsAt: input.endsAt ?? new Date(startsAt.getTime() + 2 * 3600_000),
      capacity: input.capacity ?? 20,
      creditHours: input.creditHours ?? 2,
      status,
      publishedAt: status === "DRAFT" ? null : new Date(),
      audienceUnitIds: input.audienceUnitIds ?? [],
      audienceRoles: input.audienceRoles ?? [],
      cancelCutoffHours: input.cancelCutoffHours ?? 24,
      enrollOpensAt: input.enrollOpensAt ?? null,
      enrollClosesAt: input.enrollClosesAt ?? null,
      lecturers: {
        create: [
          {
            name: input.lecturerUserId ? "内部授课人" : "外请专家",
            affiliation: "鞍山市公安局法制支队",
            userId: input.lecturerUserId ?? null,
          },
        ],
      },
    },
  });
}
