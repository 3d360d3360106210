-- CreateTable
CREATE TABLE "UserImport" (
    "id" TEXT NOT NULL,
    "importedById" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "passwordsEnc" TEXT,
    "downloadedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UserImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UserImport_importedById_idx" ON "UserImport"("importedById");

-- AddForeignKey
ALTER TABLE "UserImport" ADD CONSTRAINT "UserImport_importedById_fkey" FOREIGN KEY ("importedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- 三员分立 in the database, not only in code: an account holding one of the three administrator
-- roles holds no other role (no second administrator role, no HR or liaison beside it). A
-- database that already breaks the rule stops the migration with the accounts named, rather
-- than having roles silently removed.
DO $$
DECLARE offenders text;
BEGIN
  SELECT string_agg("badgeNo", ', ') INTO offenders FROM "User"
   WHERE roles && ARRAY['SYS_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN']::"Role"[] AND cardinality(roles) <> 1;
  IF offenders IS NOT NULL THEN
    RAISE EXCEPTION 'accounts holding an administrator role beside other roles (三员分立): %', offenders;
  END IF;
END $$;
ALTER TABLE "User" ADD CONSTRAINT "User_one_admin_role_check"
  CHECK (NOT (roles && ARRAY['SYS_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN']::"Role"[]) OR cardinality(roles) = 1);
