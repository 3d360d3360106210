export declare const sessionCookieName: (baseUrl: string) => string;
export declare function mintSessionCookie(opts: {
  databaseUrl: string;
  secret: string;
  badgeNo: string;
  baseUrl: string;
  ip?: string;
}): Promise<{ name: string; value: string; sessionId: string }>;
