-- CreateTable
CREATE TABLE "KeyReminder" (
    "keyId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KeyReminder_pkey" PRIMARY KEY ("keyId","kind")
);

-- AddForeignKey
ALTER TABLE "KeyReminder" ADD CONSTRAINT "KeyReminder_keyId_fkey" FOREIGN KEY ("keyId") REFERENCES "ApiKey"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

