// The separate consent (PIPL art. 28–29) people give before their health information is
// processed for a hospital visit. Versioned here, in the code: a new text is a new version, and
// everyone must consent again before their next booking. Pure module (no database).
export type ConsentText = { version: number; publishedOn: string; text: string };

export const CONSENT_VERSIONS: readonly ConsentText[] = [
  {
    version: 1,
    publishedOn: "2026-11-26",
    text: [
      "为通过“警医共建”绿色通道为您预约鞍山市传染病医院的就诊、检查或健康咨询，千山分局警医联络员需要处理您的以下信息，并在就诊当天提供给医院：",
      "1. 向医院提供：姓名、所在单位、预约的服务项目和时间；",
      "2. 仅在您勾选“允许提供给医院”时，向医院提供您填写的健康备注；否则健康备注只有您本人和警医联络员可以查看；",
      "3. 免费肝脏检查的结果类别（正常 / 异常需复查）由联络员记录，仅用于提醒您本人预约健康咨询；单位领导只能看到人数不少于5人的汇总统计，看不到任何个人的结果或备注。",
      "健康备注属于敏感个人信息，系统加密保存，每一次查看都会记入审计日志。信息仅用于预约和就诊安排，不用于其他目的。",
      "同意是单独作出的，与其他事项无关；不同意不影响您的其他权益，但无法在线预约（紧急情况下联络员仍可为您办理紧急通道）。您可以随时撤回同意，撤回后立即停止新的处理，已提交的健康备注不再提供给医院。",
    ].join("\n"),
  },
];

export const CURRENT_CONSENT: ConsentText = CONSENT_VERSIONS[CONSENT_VERSIONS.length - 1]!;
