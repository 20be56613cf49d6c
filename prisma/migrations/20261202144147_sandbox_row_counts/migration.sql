-- CreateTable
CREATE TABLE "SandboxTableCount" (
    "table" TEXT NOT NULL PRIMARY KEY,
    "rows" INTEGER NOT NULL
);


-- Hand-written (Prisma does not generate triggers): each sandbox table's row count, kept
-- exact in the same transaction as every insert and delete. SQLite runs row triggers for
-- every row a statement or a foreign-key cascade inserts or deletes (and turns off its
-- truncate shortcut for a table that has triggers). A migration that redefines one of
-- these tables must create its triggers again.
INSERT INTO "SandboxTableCount" ("table", "rows")
SELECT 'Cooperative', COUNT(*) FROM "Cooperative" UNION ALL
SELECT 'Member', COUNT(*) FROM "Member" UNION ALL
SELECT 'Loan', COUNT(*) FROM "Loan" UNION ALL
SELECT 'Payment', COUNT(*) FROM "Payment";

CREATE TRIGGER "Cooperative_count_insert" AFTER INSERT ON "Cooperative" BEGIN UPDATE "SandboxTableCount" SET "rows" = "rows" + 1 WHERE "table" = 'Cooperative'; END;
CREATE TRIGGER "Cooperative_count_delete" AFTER DELETE ON "Cooperative" BEGIN UPDATE "SandboxTableCount" SET "rows" = "rows" - 1 WHERE "table" = 'Cooperative'; END;
CREATE TRIGGER "Member_count_insert" AFTER INSERT ON "Member" BEGIN UPDATE "SandboxTableCount" SET "rows" = "rows" + 1 WHERE "table" = 'Member'; END;
CREATE TRIGGER "Member_count_delete" AFTER DELETE ON "Member" BEGIN UPDATE "SandboxTableCount" SET "rows" = "rows" - 1 WHERE "table" = 'Member'; END;
CREATE TRIGGER "Loan_count_insert" AFTER INSERT ON "Loan" BEGIN UPDATE "SandboxTableCount" SET "rows" = "rows" + 1 WHERE "table" = 'Loan'; END;
CREATE TRIGGER "Loan_count_delete" AFTER DELETE ON "Loan" BEGIN UPDATE "SandboxTableCount" SET "rows" = "rows" - 1 WHERE "table" = 'Loan'; END;
CREATE TRIGGER "Payment_count_insert" AFTER INSERT ON "Payment" BEGIN UPDATE "SandboxTableCount" SET "rows" = "rows" + 1 WHERE "table" = 'Payment'; END;
CREATE TRIGGER "Payment_count_delete" AFTER DELETE ON "Payment" BEGIN UPDATE "SandboxTableCount" SET "rows" = "rows" - 1 WHERE "table" = 'Payment'; END;
