-- AlterTable
ALTER TABLE "Credential" ADD COLUMN     "previousPasswordHashes" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "totpEnrolledAt" TIMESTAMP(3),
ADD COLUMN     "totpLastStep" INTEGER,
ADD COLUMN     "totpPendingAt" TIMESTAMP(3),
ADD COLUMN     "totpPendingEnc" TEXT,
ADD COLUMN     "totpSecretEnc" TEXT;

-- AlterTable
ALTER TABLE "SecurityPolicy" ADD COLUMN     "mfaRoles" "Role"[] DEFAULT ARRAY['TRAINING_ADMIN', 'MEDICAL_LIAISON', 'HR', 'SYS_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN']::"Role"[],
ADD COLUMN     "passwordMaxAgeDays" INTEGER NOT NULL DEFAULT 90;

-- CreateTable
CREATE TABLE "MfaRecoveryCode" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MfaRecoveryCode_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MfaRecoveryCode_userId_codeHash_key" ON "MfaRecoveryCode"("userId", "codeHash");

-- AddForeignKey
ALTER TABLE "MfaRecoveryCode" ADD CONSTRAINT "MfaRecoveryCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: the password history keeps itself. Whatever changes "passwordHash" (the user's
-- own change, an administrator's reset, the provisioning script), the hash it replaces goes to
-- the front of "previousPasswordHashes", which keeps 4: with the current one, the last 5.
-- The body is an E'' string with \073 for each semicolon (docs/decisions/0001), so no comment
-- here may contain one either.
CREATE OR REPLACE FUNCTION credential_password_history() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN NEW."previousPasswordHashes" := (ARRAY[OLD."passwordHash"] || COALESCE(OLD."previousPasswordHashes", ARRAY[]::text[]))[1:4]\073 RETURN NEW\073 END\073';

CREATE TRIGGER "Credential_password_history"
  BEFORE UPDATE OF "passwordHash" ON "Credential"
  FOR EACH ROW WHEN (OLD."passwordHash" IS DISTINCT FROM NEW."passwordHash")
  EXECUTE FUNCTION credential_password_history();
