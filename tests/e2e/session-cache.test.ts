// Two instances, one database: instance B serves the session check from its cache, and a
// revocation made through instance A (or a change made straight in the database) is refused by
// the very next request on B — the database's NOTIFY reaches B before that request does.
import { ApiClient, dbQuery, freshBadge, insertAccount, sessionCookie, startExtraServer } from "./support";

let b: Awaited<ReturnType<typeof startExtraServer>>;

beforeAll(async () => {
  b = await startExtraServer({});
});
afterAll(async () => {
  await b?.stop();
});

/** A fresh account with one session, and a client on each instance sharing that cookie. */
async function twoClients() {
  const badgeNo = freshBadge("SC");
  const userId = await insertAccount({ badgeNo, password: `Sc-${badgeNo}-Pw9` });
  const { name, value } = await sessionCookie(badgeNo);
  const onA = new ApiClient();
  const onB = new ApiClient(b.baseUrl, b.baseUrl);
  onA.jar.set(name, value);
  onB.jar.set(name, value);
  // warm B's cache: these are answered from memory after the first
  for (let i = 0; i < 3; i++) expect((await onB.req("GET", "/api/v1/me")).status).toBe(200);
  return { userId, onA, onB };
}

test("signing out on A: the next request on B is refused, ten times in a row", async () => {
  for (let round = 0; round < 10; round++) {
    const { onA, onB } = await twoClients();
    const { data } = await onA.req("GET", "/api/auth/csrf");
    const out = await onA.req("POST", "/api/auth/signout", { form: { csrfToken: data?.csrfToken ?? "" } });
    expect(out.status).toBeLessThan(400);
    const next = await onB.req("GET", "/api/v1/me");
    expect(next.status).toBe(401);
  }
});

test("an account disabled or given a role in the database: B's next request knows", async () => {
  for (let round = 0; round < 5; round++) {
    const { userId, onB } = await twoClients();
    await dbQuery(`UPDATE "User" SET roles = ARRAY['OFFICER','UNIT_LEAD']::"Role"[] WHERE id = $1`, [userId]);
    const me = await onB.req("GET", "/api/v1/me");
    expect(me.data?.roles).toEqual(expect.arrayContaining(["UNIT_LEAD"]));
    await dbQuery(`UPDATE "User" SET active = false WHERE id = $1`, [userId]);
    expect((await onB.req("GET", "/api/v1/me")).status).toBe(401);
  }
});
