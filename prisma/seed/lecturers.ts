import type { SeedContext } from "./context";

// The demo's lecturer registry: the outside experts and internal lecturers of the demo sessions,
// with their topics. Idempotent: an entry is made only when none with that account (internal)
// or that name and organisation (outside) exists.
const EXTERNAL = [
  { name: "王立新", affiliation: "鞍山市公安局法制支队", title: "法制支队民警", topics: ["执法规范化", "执法记录仪", "案卷管理"] },
  { name: "赵航", affiliation: "辽宁警察学院", title: "讲师", topics: ["警务无人机", "航拍取证"] },
  { name: "孙明", affiliation: "中共鞍山市委党校", title: "教授", topics: ["政治理论"] },
  { name: "李红", affiliation: "鞍山市传染病医院", title: "主任医师", topics: ["健康科普", "肝病防治"] },
  { name: "陈静", affiliation: "鞍山市人民调解协会", title: "调解员", topics: ["矛盾纠纷排查化解", "人民调解"] },
];
const INTERNAL = [
  { badgeNo: "100001", title: "派出所所长", topics: ["矛盾纠纷排查化解", "社区警务"] },
  { badgeNo: "100002", title: "派出所教导员", topics: ["执法规范化", "政治理论"] },
];

export async function seedLecturers(ctx: SeedContext): Promise<number> {
  const { db, users } = ctx;
  let made = 0;
  for (const l of EXTERNAL) {
    if (await db.lecturer.findFirst({ where: { userId: null, name: l.name, affiliation: l.affiliation }, select: { id: true } })) continue;
    await db.lecturer.create({ data: { kind: "EXTERNAL", ...l } });
    made++;
  }
  for (const l of INTERNAL) {
    const u = users[l.badgeNo];
    if (!u) continue;
    const unit = await db.unit.findUnique({ where: { id: u.unitId }, select: { name: true } });
    const r = await db.lecturer.createMany({
      data: [{ kind: "INTERNAL", name: u.name, affiliation: unit?.name ?? "", title: l.title, topics: l.topics, userId: u.id }],
      skipDuplicates: true,
    });
    made += r.count;
  }
  return made;
}
