// Small pure pieces of sign-in security: the client address from a proxy chain, recovery-code
// input, the login page's error mapping, TOTP as RFC 6238 defines it.
import { pickClientAddress } from "@/lib/auth/request-info";
import { normaliseRecoveryCode } from "@/lib/auth/mfa";
import { signInErrorKey } from "@/lib/auth/sign-in-errors";
import { matchTotp, timeStepOf, totpCode } from "@/lib/auth/totp";

describe("client address from X-Forwarded-For plus the socket's peer", () => {
  test.each([
    ["1.1.1.1", 0, "1.1.1.1"],
    ["6.6.6.6, 10.0.0.5", 0, "10.0.0.5"], // no proxy of ours: whatever the client wrote is ignored, the peer counts
    ["6.6.6.6, 203.0.113.7, 10.0.0.5", 1, "203.0.113.7"], // one proxy: the address it saw
    ["203.0.113.7, 10.0.0.4, 10.0.0.5", 2, "203.0.113.7"],
    ["10.0.0.5", 3, "10.0.0.5"], // fewer hops than configured: the farthest one
    ["", 0, null],
    [" , ", 1, null],
  ] as const)("%j with %i trusted hops → %j", (chain, hops, want) => {
    expect(pickClientAddress(chain, hops)).toBe(want);
  });
});

describe("recovery codes as typed", () => {
  test("case, spaces, hyphens and look-alike letters do not matter; anything else is no code", () => {
    expect(normaliseRecoveryCode("ab12-cd34-ef56")).toBe("AB12CD34EF56");
    expect(normaliseRecoveryCode(" AB12 CD34 EF56 ")).toBe("AB12CD34EF56");
    expect(normaliseRecoveryCode("ABI2-CDO4-EFL6")).toBe("AB12CD04EF16");
    expect(normaliseRecoveryCode("AB12-CD34-EF5")).toBeNull();
    expect(normaliseRecoveryCode("AB12-CD34-EF5U")).toBeNull();
    expect(normaliseRecoveryCode("123456")).toBeNull();
  });
});

test("the login page maps only known error codes, never shows other text", () => {
  expect(signInErrorKey("RATE_LIMITED")).toBe("rateLimited");
  expect(signInErrorKey("UNAVAILABLE")).toBe("unavailable");
  expect(signInErrorKey("INTERNAL")).toBe("unavailable");
  expect(signInErrorKey("CredentialsSignin")).toBe("failed");
  expect(signInErrorKey("Can't reach database server at 10.0.0.1:5432")).toBe("failed");
  expect(signInErrorKey(undefined)).toBe("failed");
});

describe("TOTP", () => {
  // RFC 6238 appendix B, SHA-1: the ASCII secret "12345678901234567890" in base32
  const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
  test.each([
    [59, "287082"],
    [1111111109, "081804"],
    [1234567890, "005924"],
    [2000000000, "279037"],
  ])("matches the RFC's test vector at %i s (6 digits)", async (t, code) => {
    expect(await totpCode(RFC_SECRET, t * 1000)).toBe(code);
  });

  test("accepts one step either way, not two, and nothing at or before the last accepted step", async () => {
    const at = 1_800_000_015_000;
    const step = timeStepOf(at);
    for (const [offset, ok] of [
      [-2, false],
      [-1, true],
      [0, true],
      [1, true],
      [2, false],
    ] as const) {
      const code = await totpCode(RFC_SECRET, at + offset * 30_000);
      expect(await matchTotp(RFC_SECRET, code, null, at)).toBe(ok ? step + offset : null);
    }
    const now = await totpCode(RFC_SECRET, at);
    expect(await matchTotp(RFC_SECRET, now, step, at)).toBeNull();
    expect(await matchTotp(RFC_SECRET, now, step - 1, at)).toBe(step);
    expect(await matchTotp(RFC_SECRET, "12345", null, at)).toBeNull();
    expect(await matchTotp(RFC_SECRET, "abcdef", null, at)).toBeNull();
  });
});
