// Open-redirect bypasses collected from the usual lists (PortSwigger, PayloadsAllTheThings,
// OWASP cheat sheets) and from the assessment: after sign-in, none may leave the site.
import { safeCallbackUrl, safeRedirectPath } from "@/lib/auth/redirect";

const BYPASSES = [
  "//evil.test",
  "///evil.test",
  "////evil.test",
  "/.//evil.test",
  "/././/evil.test",
  "/../evil.test/..//evil.test",
  "/%2e//evil.test",
  "/%2E//evil.test",
  "/%2e%2e//evil.test",
  "/.%2e//evil.test",
  "/%2f/evil.test",
  "/%2F%2Fevil.test",
  "/%5c/evil.test",
  "/%5Cevil.test",
  "/\\/evil.test",
  "/\\evil.test",
  "\\\\evil.test",
  "\\/evil.test",
  "/\t/evil.test",
  "/\n/evil.test",
  "/\r\n/evil.test",
  "/ /evil.test",
  "/%09/evil.test",
  "/%0a/evil.test",
  "/%00//evil.test",
  "\u0000//evil.test",
  " //evil.test",
  "//evil.test/%2f..",
  "https://evil.test",
  "http:evil.test",
  "http:/evil.test",
  "https:/\\evil.test",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "//jingxin.invalid@evil.test",
  "/@evil.test/..//evil.test",
  "//@evil.test",
  "evil.test",
  "@evil.test",
  "//evil%E3%80%82test",
  "/\u2028/evil.test",
  "/\ufeff/evil.test",
  "//\u0065vil.test",
  "／／evil.test",
  "/\u00a0/evil.test",
  "",
];

describe("safeRedirectPath", () => {
  test.each(BYPASSES)("refuses %j", (raw) => {
    const out = safeRedirectPath(raw);
    expect(out).toBe("/");
    // and whatever comes out stays on the site when a browser resolves it
    expect(new URL(out, "https://jingxin.example").host).toBe("jingxin.example");
  });

  test("every result, whatever the input, resolves to this site", () => {
    const others = ["/\u3002/evil.test/..//x", "/x//evil.test", "/a/..//b", "/%E3%80%82/evil.test"];
    for (const raw of [...BYPASSES, ...BYPASSES.map((b) => `/x${b}`), ...others]) {
      expect(new URL(safeRedirectPath(raw), "https://jingxin.example").host).toBe("jingxin.example");
    }
  });

  test.each([
    ["/", "/"],
    ["/training", "/training"],
    ["/training/check-in?t=abc.def&s=1", "/training/check-in?t=abc.def&s=1"],
    ["/benefits?q=%E5%BC%A0%E4%B8%89&page=2#top", "/benefits?q=%E5%BC%A0%E4%B8%89&page=2#top"],
    ["/medical/../training", "/training"],
    ["/admin/./users", "/admin/users"],
    ["/@me", "/@me"],
    ["/training?next=//evil.test", "/training?next=//evil.test"],
  ])("keeps the site path %j as %j", (raw, want) => {
    expect(safeRedirectPath(raw)).toBe(want);
  });

  test("a non-ASCII path comes out percent-encoded, still on the site", () => {
    expect(safeRedirectPath("/培训")).toBe("/%E5%9F%B9%E8%AE%AD");
  });

  test("absurdly long input falls back", () => {
    expect(safeRedirectPath(`/${"a".repeat(5000)}`)).toBe("/");
  });
});

describe("safeCallbackUrl (next-auth redirect callback)", () => {
  const base = "https://jingxin.example";
  test("keeps this site's absolute URLs as paths", () => {
    expect(safeCallbackUrl("https://jingxin.example/training/check-in?t=1", base)).toBe(`${base}/training/check-in?t=1`);
    expect(safeCallbackUrl("/notifications", base)).toBe(`${base}/notifications`);
  });
  test.each([
    "https://evil.test/",
    "https://jingxin.example.evil.test/",
    "https://jingxin.example@evil.test/",
    "http://jingxin.example/", // another origin (scheme)
    "https://jingxin.example/.//evil.test",
    "https://jingxin.example/%2e//evil.test",
    "//evil.test",
    "javascript:alert(1)",
    "not a url",
  ])("sends %j home", (url) => {
    const out = safeCallbackUrl(url, base);
    expect(out).toBe(`${base}/`);
  });
});
