-- AlterTable
ALTER TABLE "Notification" ADD COLUMN "params" TEXT;

-- AlterTable (hand-written: SQLite adds a NOT NULL column with a constant default in
-- place; Prisma's diff would copy the whole table to do the same)
ALTER TABLE "MailMessage" ADD COLUMN "locale" TEXT NOT NULL DEFAULT 'en';
