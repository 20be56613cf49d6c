-- CreateTable
CREATE TABLE "KeyPolicySettings" (
    "id" TEXT NOT NULL DEFAULT 'default',
    "document" TEXT NOT NULL,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KeyPolicySettings_pkey" PRIMARY KEY ("id")
);
