-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AccessRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "keyName" TEXT NOT NULL,
    "keyType" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "useCase" TEXT NOT NULL,
    "requestedScopes" TEXT NOT NULL,
    "justifications" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'pending',
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "decisionNote" TEXT,
    "grantedScopes" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AccessRequest_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "AccessRequest_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "AccessRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_AccessRequest" ("createdAt", "decidedAt", "decidedById", "decisionNote", "environment", "grantedScopes", "id", "justifications", "keyName", "keyType", "organizationId", "requestedScopes", "requesterId", "status", "updatedAt", "useCase") SELECT "createdAt", "decidedAt", "decidedById", "decisionNote", "environment", "grantedScopes", "id", "justifications", "keyName", "keyType", "organizationId", "requestedScopes", "requesterId", "status", "updatedAt", "useCase" FROM "AccessRequest";
DROP TABLE "AccessRequest";
ALTER TABLE "new_AccessRequest" RENAME TO "AccessRequest";
CREATE INDEX "AccessRequest_status_createdAt_idx" ON "AccessRequest"("status", "createdAt");
CREATE INDEX "AccessRequest_organizationId_createdAt_idx" ON "AccessRequest"("organizationId", "createdAt");
CREATE TABLE "new_ApiKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "requestId" TEXT,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "hash" TEXT,
    "mask" TEXT,
    "scopes" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "revealedAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME,
    "revokedAt" DATETIME,
    "revokedReason" TEXT,
    "revokedById" TEXT,
    "rotatedFromId" TEXT,
    "lastUsedAt" DATETIME,
    "lastUsedIp" TEXT,
    "rateLimitHour" INTEGER,
    "rateLimitDay" INTEGER,
    CONSTRAINT "ApiKey_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ApiKey_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AccessRequest" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ApiKey_rotatedFromId_fkey" FOREIGN KEY ("rotatedFromId") REFERENCES "ApiKey" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_ApiKey" ("createdAt", "createdById", "environment", "expiresAt", "hash", "id", "lastUsedAt", "lastUsedIp", "mask", "name", "organizationId", "rateLimitDay", "rateLimitHour", "requestId", "revealedAt", "revokedAt", "revokedById", "revokedReason", "rotatedFromId", "scopes", "status", "type") SELECT "createdAt", "createdById", "environment", "expiresAt", "hash", "id", "lastUsedAt", "lastUsedIp", "mask", "name", "organizationId", "rateLimitDay", "rateLimitHour", "requestId", "revealedAt", "revokedAt", "revokedById", "revokedReason", "rotatedFromId", "scopes", "status", "type" FROM "ApiKey";
DROP TABLE "ApiKey";
ALTER TABLE "new_ApiKey" RENAME TO "ApiKey";
CREATE UNIQUE INDEX "ApiKey_requestId_key" ON "ApiKey"("requestId");
CREATE UNIQUE INDEX "ApiKey_hash_key" ON "ApiKey"("hash");
CREATE UNIQUE INDEX "ApiKey_rotatedFromId_key" ON "ApiKey"("rotatedFromId");
CREATE INDEX "ApiKey_organizationId_createdAt_idx" ON "ApiKey"("organizationId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- The audit log is append-only in the database itself: no UPDATE or DELETE of an
-- AuditEvent row succeeds, whatever the caller. (Written by hand: Prisma does not
-- generate triggers. A future migration that redefines "AuditEvent" drops them with the
-- table and must create them again; tests/integration/nothing-lost.test.ts would fail.)
CREATE TRIGGER "AuditEvent_append_only_update" BEFORE UPDATE ON "AuditEvent"
BEGIN
    SELECT RAISE(ABORT, 'AuditEvent is append-only: UPDATE refused');
END;

CREATE TRIGGER "AuditEvent_append_only_delete" BEFORE DELETE ON "AuditEvent"
BEGIN
    SELECT RAISE(ABORT, 'AuditEvent is append-only: DELETE refused');
END;
