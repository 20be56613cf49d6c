-- CreateTable
CREATE TABLE "KeyPolicySettings" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT 'default',
    "document" TEXT NOT NULL,
    "updatedById" TEXT,
    "updatedAt" DATETIME NOT NULL
);
