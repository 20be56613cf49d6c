-- CreateTable
CREATE TABLE "ApiAuthFailure" (
    "ip" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ApiAuthFailure_pkey" PRIMARY KEY ("ip","windowStart")
);

-- CreateIndex
CREATE INDEX "ApiAuthFailure_windowStart_idx" ON "ApiAuthFailure"("windowStart");

