// Pure, shared by the server (authoritative) and the change-password form (hints only).
export type PasswordRuleKey = "tooShort" | "classes" | "containsBadge";

export function passwordRuleViolations(password: string, badgeNo: string, minLength = 10): PasswordRuleKey[] {
  const out: PasswordRuleKey[] = [];
  if ([...password].length < minLength) out.push("tooShort");
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) out.push("classes");
  if (badgeNo && password.toLowerCase().includes(badgeNo.toLowerCase())) out.push("containsBadge");
  return out;
}

export function describePasswordViolations(keys: PasswordRuleKey[], minLength = 10): string {
  const text: Record<PasswordRuleKey, string> = {
    tooShort: `至少 ${minLength} 个字符`,
    classes: "须包含大写字母、小写字母、数字、符号中的至少三类",
    containsBadge: "不得包含警号",
  };
  return `密码不符合要求：${keys.map((k) => text[k]).join("；")}`;
}
