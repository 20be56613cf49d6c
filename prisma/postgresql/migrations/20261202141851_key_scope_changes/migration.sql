-- CreateTable
CREATE TABLE "ScopeChange" (
    "id" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "addScopes" TEXT NOT NULL,
    "removeScopes" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScopeChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ScopeChange_status_createdAt_idx" ON "ScopeChange"("status", "createdAt");

-- CreateIndex
CREATE INDEX "ScopeChange_keyId_createdAt_idx" ON "ScopeChange"("keyId", "createdAt");

-- AddForeignKey
ALTER TABLE "ScopeChange" ADD CONSTRAINT "ScopeChange_keyId_fkey" FOREIGN KEY ("keyId") REFERENCES "ApiKey"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

