import { describePasswordViolations, passwordRuleViolations } from "@/lib/auth/password-rules";

describe("password rules", () => {
  test("accepts the demo password", () => {
    expect(passwordRuleViolations("Qianshan@2026", "100001")).toEqual([]);
  });
  test("requires at least 10 characters (or the configured minimum)", () => {
    expect(passwordRuleViolations("Ab1@defgh", "100001")).toContain("tooShort");
    expect(passwordRuleViolations("Ab1@defghij", "100001", 12)).toContain("tooShort");
    expect(passwordRuleViolations("Ab1@defghijk", "100001", 12)).toEqual([]);
  });
  test("requires three of four character classes", () => {
    expect(passwordRuleViolations("abcdefghijkl", "999999")).toContain("classes");
    expect(passwordRuleViolations("abcdefghij12", "999999")).toContain("classes");
    expect(passwordRuleViolations("abcdefghij1A", "999999")).toEqual([]);
    expect(passwordRuleViolations("abcdefghij1!", "999999")).toEqual([]);
  });
  test("refuses a password containing the badge number, in any case", () => {
    expect(passwordRuleViolations("Xx!100001abc", "100001")).toContain("containsBadge");
    expect(passwordRuleViolations("Secret!f00001x", "F00001")).toContain("containsBadge");
  });
  test("counts characters, not bytes, for Chinese passwords", () => {
    expect(passwordRuleViolations("警察节快乐Ab1!", "999999")).toContain("tooShort");
    expect(passwordRuleViolations("警察节快乐平安Ab1!", "999999")).toEqual([]);
  });
  test("explains every violation in Chinese", () => {
    const text = describePasswordViolations(["tooShort", "classes", "containsBadge"]);
    expect(text).toMatch(/至少 10 个字符/);
    expect(text).toMatch(/至少三类/);
    expect(text).toMatch(/不得包含警号/);
  });
});
