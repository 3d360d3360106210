import type { SeedContext } from "./context";
import { seedLecturers } from "./lecturers";

const CATEGORIES = [
  ["LAW_ENFORCEMENT", "执法规范化", "Law-enforcement standards"],
  ["DISPUTE_RESOLUTION", "矛盾纠纷排查化解", "Dispute screening and resolution"],
  ["DRONE", "警务无人机", "Police drones"],
  ["POLITICAL_THEORY", "政治理论", "Political theory"],
  ["HEALTH", "健康科普", "Health education"],
  ["OTHER", "其他", "Other"],
] as const;

const REQUIREMENTS = [
  ["OFFICER", 40],
  ["AUXILIARY", 24],
  ["UNIT_LEAD", 40],
] as const;

type L = { name: string; affiliation?: string; badgeNo?: string };
type Seed = {
  key: string;
  title: string;
  category: string;
  days: number;
  hour: number;
  hours: number;
  capacity: number;
  venue: string;
  lecturers: L[];
  description: string;
  format?: "OFFLINE" | "ONLINE" | "FIELD_TRIP";
};

// The nine sessions of the article ("培训9期"): outside experts invited in, station leaders lecturing.
const COMPLETED: Seed[] = [
  {
    key: "c1",
    title: "执法规范化建设专题讲座：现场执法视音频记录规范",
    category: "LAW_ENFORCEMENT",
    days: -300,
    hour: 14,
    hours: 3,
    capacity: 60,
    venue: "分局四楼大会议室",
    lecturers: [{ name: "王立新", affiliation: "鞍山市公安局法制支队" }],
    description: "围绕现场执法记录仪使用、证据固定与案卷管理，结合近年执法检查中发现的典型问题讲解。",
  },
  {
    key: "c2",
    title: "矛盾纠纷排查化解工作实务",
    category: "DISPUTE_RESOLUTION",
    days: -270,
    hour: 9,
    hours: 2,
    capacity: 50,
    venue: "分局四楼大会议室",
    lecturers: [{ name: "刘振东", affiliation: "汤岗子派出所所长", badgeNo: "100001" }],
    description: "基层派出所矛盾纠纷排查、分级化解与“枫桥经验”实践。",
  },
  {
    key: "c3",
    title: "警务无人机飞行操作与空域管理（一期）",
    category: "DRONE",
    days: -240,
    hour: 9,
    hours: 4,
    capacity: 20,
    venue: "千山分局训练场",
    lecturers: [{ name: "赵航", affiliation: "辽宁警察学院" }],
    description: "无人机基础理论、飞行前检查、空域申报与实飞训练。",
    format: "FIELD_TRIP",
  },
  {
    key: "c4",
    title: "学习贯彻党的二十届三中全会精神专题党课",
    category: "POLITICAL_THEORY",
    days: -210,
    hour: 15,
    hours: 2,
    capacity: 80,
    venue: "分局四楼大会议室",
    lecturers: [{ name: "孙明", affiliation: "中共鞍山市委党校" }],
    description: "铸警魂：政治理论专题学习。",
  },
  {
    key: "c5",
    title: "受立案与案件办理常见问题解析",
    category: "LAW_ENFORCEMENT",
    days: -180,
    hour: 14,
    hours: 2,
    capacity: 50,
    venue: "分局四楼大会议室",
    lecturers: [{ name: "周文", affiliation: "大屯派出所教导员", badgeNo: "100002" }],
    description: "结合执法质量考评，剖析受立案、办案期限与法律文书中的常见问题。",
  },
  {
    key: "c6",
    title: "警务无人机飞行操作与空域管理（二期）",
    category: "DRONE",
    days: -150,
    hour: 9,
    hours: 4,
    capacity: 20,
    venue: "千山分局训练场",
    lecturers: [{ name: "赵航", affiliation: "辽宁警察学院" }],
    description: "巡逻搜救场景下的无人机任务规划与实飞考核。",
    format: "FIELD_TRIP",
  },
  {
    key: "c7",
    title: "肝病防治与职业健康科普讲座",
    category: "HEALTH",
    days: -120,
    hour: 15,
    hours: 1.5,
    capacity: 80,
    venue: "分局四楼大会议室",
    lecturers: [{ name: "李红", affiliation: "鞍山市传染病医院" }],
    description: "警医共建：常见肝病的预防、筛查与日常保健。",
  },
  {
    key: "c8",
    title: "婚恋家庭与邻里纠纷调解技巧",
    category: "DISPUTE_RESOLUTION",
    days: -75,
    hour: 9,
    hours: 2,
    capacity: 50,
    venue: "齐大山派出所会议室",
    lecturers: [{ name: "陈静", affiliation: "鞍山市人民调解协会" }],
    description: "“请进来”：人民调解员讲授现场调解沟通技巧。",
  },
  {
    key: "c9",
    title: "行政案件快速办理与执法监督",
    category: "LAW_ENFORCEMENT",
    days: -30,
    hour: 14,
    hours: 2,
    capacity: 50,
    venue: "分局四楼大会议室",
    lecturers: [{ name: "周文", affiliation: "大屯派出所教导员", badgeNo: "100002" }],
    description: "行政案件快速办理机制、执法监督管理平台使用。",
  },
];

const UPCOMING: (Seed & { enrol: number; waitlist?: number; draft?: boolean })[] = [
  {
    key: "u1",
    title: "执法执勤中的风险防范与自我保护",
    category: "LAW_ENFORCEMENT",
    days: 6,
    hour: 14,
    hours: 2,
    capacity: 20,
    venue: "分局四楼大会议室",
    lecturers: [{ name: "周文", affiliation: "大屯派出所教导员", badgeNo: "100002" }],
    description: "盘查、处置现场的安全要点与案例复盘。（名额即将报满）",
    enrol: 18,
  },
  {
    key: "u2",
    title: "警务无人机飞行操作与空域管理（三期）",
    category: "DRONE",
    days: 10,
    hour: 9,
    hours: 4,
    capacity: 10,
    venue: "千山分局训练场",
    lecturers: [{ name: "赵航", affiliation: "辽宁警察学院" }],
    description: "名额已满，可加入候补。",
    format: "FIELD_TRIP",
    enrol: 10,
    waitlist: 3,
  },
  {
    key: "u3",
    title: "矛盾纠纷多元化解机制专题研讨",
    category: "DISPUTE_RESOLUTION",
    days: 14,
    hour: 9,
    hours: 2,
    capacity: 40,
    venue: "宁远派出所会议室",
    lecturers: [{ name: "刘振东", affiliation: "汤岗子派出所所长", badgeNo: "100001" }],
    description: "派出所、司法所、综治中心联动化解。",
    enrol: 6,
  },
  {
    key: "u4",
    title: "心理健康与压力调适讲座",
    category: "HEALTH",
    days: 20,
    hour: 15,
    hours: 1.5,
    capacity: 60,
    venue: "线上（分局视频会议系统）",
    lecturers: [{ name: "李红", affiliation: "鞍山市传染病医院" }],
    description: "暖警心：民警辅警心理健康自我评估与压力疏导。",
    format: "ONLINE",
    enrol: 3,
  },
  {
    key: "t1",
    title: "今日课程：执法记录仪规范使用现场演练",
    category: "LAW_ENFORCEMENT",
    days: 0,
    hour: -1,
    hours: 2,
    capacity: 30,
    venue: "分局四楼大会议室",
    lecturers: [{ name: "周文", affiliation: "大屯派出所教导员", badgeNo: "100002" }],
    description: "授课人可在“我的授课”中投屏签到二维码，已报名人员扫码签到。",
    enrol: 12,
  },
  {
    key: "d1",
    title: "2027年度执法资格考试辅导（草稿）",
    category: "LAW_ENFORCEMENT",
    days: 40,
    hour: 9,
    hours: 3,
    capacity: 60,
    venue: "分局四楼大会议室",
    lecturers: [{ name: "王立新", affiliation: "鞍山市公安局法制支队" }],
    description: "待确定授课安排。",
    enrol: 0,
    draft: true,
  },
];

function at(now: Date, days: number, hour: number): Date {
  // hour -1: "in about an hour" (the demo's session of today, open for QR check-in)
  if (hour < 0) return new Date(Math.ceil((now.getTime() + 3600_000) / 1800_000) * 1800_000);
  // Shanghai wall-clock hour on the day `days` from now
  const shanghai = new Date(now.getTime() + 8 * 3600_000 + days * 86400_000);
  const d = shanghai.toISOString().slice(0, 10);
  return new Date(Date.parse(`${d}T${String(hour).padStart(2, "0")}:00:00+08:00`));
}

/** Demo data of the training module; idempotent (fixed ids, create-only upserts). */
export async function seedTraining(ctx: SeedContext): Promise<void> {
  const { db, users, now } = ctx;
  for (const [i, [code, name, nameEn]] of CATEGORIES.entries()) {
    await db.trainingCategory.upsert({ where: { code }, create: { code, name, nameEn, sortOrder: i }, update: {} });
  }
  for (const [role, hours] of REQUIREMENTS) await db.trainingRequirement.upsert({ where: { role }, create: { role, hours }, update: {} });
  await db.trainingPolicy.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
  const admin = users["010001"];
  const people = Object.values(users)
    .filter((u) => u.roles.includes("OFFICER") || u.roles.includes("AUXILIARY"))
    .filter((u) => u.badgeNo !== "010001");
  const officers = people.filter((u) => /^100\d{3}$/.test(u.badgeNo));
  const auxiliaries = people.filter((u) => /^F\d+$/.test(u.badgeNo));

  const create = async (
    s: Seed,
    status: "COMPLETED" | "PUBLISHED" | "DRAFT",
    enrolled: string[],
    waitlisted: string[],
    attendance?: (i: number) => "ATTENDED" | "ABSENT",
  ) => {
    const id = `seed-training-${s.key}`;
    if (await db.trainingSession.findUnique({ where: { id }, select: { id: true } })) return false;
    const startsAt = at(now, s.days, s.hour);
    await db.trainingSession.create({
      data: {
        id,
        title: s.title,
        categoryCode: s.category,
        description: s.description,
        format: s.format ?? "OFFLINE",
        venue: s.venue,
        startsAt,
        endsAt: new Date(startsAt.getTime() + Math.ceil(s.hours) * 3600_000),
        capacity: s.capacity,
        creditHours: s.hours,
        status,
        publishedAt: status === "DRAFT" ? null : new Date(Math.min(startsAt.getTime() - 14 * 86400_000, now.getTime())),
        enrolledCount: enrolled.length,
        waitlistCount: waitlisted.length,
        createdById: admin?.id ?? null,
        lecturers: {
          create: s.lecturers.map((l, i) => ({
            name: l.name,
            affiliation: l.affiliation ?? null,
            userId: l.badgeNo ? (users[l.badgeNo]?.id ?? null) : null,
            sortOrder: i,
          })),
        },
      },
    });
    await db.trainingEnrollment.createMany({
      data: [
        ...enrolled.map((userId, i) => ({
          sessionId: id,
          userId,
          status: "ENROLLED" as const,
          createdAt: new Date(startsAt.getTime() - (10 * 86400_000 - i * 60_000)),
          ...(attendance
            ? {
                attendance: attendance(i),
                attendedAt: attendance(i) === "ATTENDED" ? startsAt : null,
                attendanceMethod: i % 2 ? "QR" : "ROSTER",
              }
            : {}),
        })),
        ...waitlisted.map((userId, i) => ({
          sessionId: id,
          userId,
          status: "WAITLISTED" as const,
          waitlistPosition: i + 1,
          createdAt: new Date(startsAt.getTime() - (5 * 86400_000 - i * 60_000)),
        })),
      ],
      // no skipDuplicates: ON CONFLICT cannot work beside the deferrable waitlist constraint,
      // and a new session has no enrolments anyway
    });
    return true;
  };

  let made = 0;
  for (const [k, s] of COMPLETED.entries()) {
    const pool = [...officers, ...auxiliaries]
      .filter((_, i) => (i + k) % 3 !== 0)
      .slice(0, s.capacity)
      .map((u) => u.id);
    if (await create(s, "COMPLETED", pool, [], (i) => ((i + k) % 9 === 4 ? "ABSENT" : "ATTENDED"))) {
      made++;
      // a few ratings per session
      const raters = pool.filter((_, i) => (i + k) % 9 !== 4).slice(0, 5);
      await db.trainingFeedback.createMany({
        data: raters.map((userId, i) => ({
          sessionId: `seed-training-${s.key}`,
          userId,
          rating: i === 0 ? 4 : 5,
          comment: i === 0 ? "案例贴近实战，希望多安排几期。" : "",
        })),
        skipDuplicates: true,
      });
    }
  }
  for (const s of UPCOMING) {
    // leave 100005 and F00005 free so the demo officer can try enrolling and the waitlist
    const pool = [...officers, ...auxiliaries].filter((u) => !["100005", "F00005"].includes(u.badgeNo)).map((u) => u.id);
    const enrolled = pool.slice(0, s.enrol);
    const waitlisted = pool.slice(s.enrol, s.enrol + (s.waitlist ?? 0));
    if (await create(s, s.draft ? "DRAFT" : "PUBLISHED", enrolled, waitlisted)) made++;
  }
  ctx.log(`training: ${made ? `created ${made} sessions` : "already seeded"}`);
  const lecturers = await seedLecturers(ctx);
  if (lecturers) ctx.log(`training: ${lecturers} lecturer registry entries`);
}
