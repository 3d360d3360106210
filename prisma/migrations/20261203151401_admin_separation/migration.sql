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
-- roles holds no other role (no second administrator role, no HR or liaison beside it).
-- A database that already breaks the rule stops this migration with the constraint named,
-- rather than having roles silently removed (the demo data holds it).
-- No semicolon may appear in a comment here (adapter-pg splits scripts on every one).
ALTER TABLE "User" ADD CONSTRAINT "User_one_admin_role_check"
  CHECK (NOT (roles && ARRAY['SYS_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN']::"Role"[]) OR cardinality(roles) = 1);
