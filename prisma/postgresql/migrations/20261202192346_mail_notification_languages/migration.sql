-- AlterTable
ALTER TABLE "MailMessage" ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'en';

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "params" TEXT;

