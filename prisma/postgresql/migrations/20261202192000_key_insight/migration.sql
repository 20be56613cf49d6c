-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "allowedIps" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "KeyDenial" (
    "id" SERIAL NOT NULL,
    "keyId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "method" TEXT,
    "path" TEXT,
    "status" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "scope" TEXT,
    "ip" TEXT,

    CONSTRAINT "KeyDenial_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "KeyDenial_keyId_at_idx" ON "KeyDenial"("keyId", "at");

-- CreateIndex
CREATE INDEX "KeyDenial_at_idx" ON "KeyDenial"("at");

-- AddForeignKey
ALTER TABLE "KeyDenial" ADD CONSTRAINT "KeyDenial_keyId_fkey" FOREIGN KEY ("keyId") REFERENCES "ApiKey"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
