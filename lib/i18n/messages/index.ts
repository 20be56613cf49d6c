// Every message of the portal, per language, one JSON file per area (namespace) so that
// areas can be translated and reviewed apart. English is the reference: its shape is the
// type every other language must match (checked by tsc here and, both ways with the
// placeholders of each message, by messages.test.ts).
import enCommon from "./en/common.json";
import enHome from "./en/home.json";
import enUi from "./en/ui.json";
import enAuth from "./en/auth.json";
import enAccount from "./en/account.json";
import enLegal from "./en/legal.json";
import enDashboard from "./en/dashboard.json";
import enRequests from "./en/requests.json";
import enTeam from "./en/team.json";
import enActivity from "./en/activity.json";
import enUsage from "./en/usage.json";
import enAdmin from "./en/admin.json";
import enDocs from "./en/docs.json";
import enScopes from "./en/scopes.json";
import enMail from "./en/mail.json";
import enNotifications from "./en/notifications.json";
import enReview from "./en/review.json";
import enKeys from "./en/keys.json";
import enInsight from "./en/insight.json";
import enQueue from "./en/queue.json";
import enLeaks from "./en/leaks.json";
import enTryIt from "./en/try-it.json";
import frCommon from "./fr/common.json";
import frHome from "./fr/home.json";
import frUi from "./fr/ui.json";
import frAuth from "./fr/auth.json";
import frAccount from "./fr/account.json";
import frLegal from "./fr/legal.json";
import frDashboard from "./fr/dashboard.json";
import frRequests from "./fr/requests.json";
import frTeam from "./fr/team.json";
import frActivity from "./fr/activity.json";
import frUsage from "./fr/usage.json";
import frAdmin from "./fr/admin.json";
import frDocs from "./fr/docs.json";
import frScopes from "./fr/scopes.json";
import frMail from "./fr/mail.json";
import frNotifications from "./fr/notifications.json";
import frReview from "./fr/review.json";
import frKeys from "./fr/keys.json";
import frInsight from "./fr/insight.json";
import frQueue from "./fr/queue.json";
import frLeaks from "./fr/leaks.json";
import frTryIt from "./fr/try-it.json";
import rwCommon from "./rw/common.json";
import rwHome from "./rw/home.json";
import rwUi from "./rw/ui.json";
import rwAuth from "./rw/auth.json";
import rwAccount from "./rw/account.json";
import rwLegal from "./rw/legal.json";
import rwDashboard from "./rw/dashboard.json";
import rwRequests from "./rw/requests.json";
import rwTeam from "./rw/team.json";
import rwActivity from "./rw/activity.json";
import rwUsage from "./rw/usage.json";
import rwAdmin from "./rw/admin.json";
import rwDocs from "./rw/docs.json";
import rwScopes from "./rw/scopes.json";
import rwMail from "./rw/mail.json";
import rwNotifications from "./rw/notifications.json";
import rwReview from "./rw/review.json";
import rwKeys from "./rw/keys.json";
import rwInsight from "./rw/insight.json";
import rwQueue from "./rw/queue.json";
import rwLeaks from "./rw/leaks.json";
import rwTryIt from "./rw/try-it.json";
import type { Locale } from "../config";

const en = {
  common: enCommon,
  home: enHome,
  ui: enUi,
  auth: enAuth,
  account: enAccount,
  legal: enLegal,
  dashboard: enDashboard,
  requests: enRequests,
  team: enTeam,
  activity: enActivity,
  usage: enUsage,
  admin: enAdmin,
  docs: enDocs,
  scopes: enScopes,
  mail: enMail,
  notifications: enNotifications,
  review: enReview,
  keys: enKeys,
  insight: enInsight,
  queue: enQueue,
  leaks: enLeaks,
  tryIt: enTryIt,
};
export type Messages = typeof en;

/** Each namespace, e.g. for picking what a client component needs (components/i18n/client-messages.tsx). */
export type Namespace = keyof Messages;

export const MESSAGES: Record<Locale, Messages> = {
  en,
  fr: {
    common: frCommon,
    home: frHome,
    ui: frUi,
    auth: frAuth,
    account: frAccount,
    legal: frLegal,
    dashboard: frDashboard,
    requests: frRequests,
    team: frTeam,
    activity: frActivity,
    usage: frUsage,
    admin: frAdmin,
    docs: frDocs,
    scopes: frScopes,
    mail: frMail,
    notifications: frNotifications,
    review: frReview,
    keys: frKeys,
    insight: frInsight,
    queue: frQueue,
    leaks: frLeaks,
    tryIt: frTryIt,
  },
  rw: {
    common: rwCommon,
    home: rwHome,
    ui: rwUi,
    auth: rwAuth,
    account: rwAccount,
    legal: rwLegal,
    dashboard: rwDashboard,
    requests: rwRequests,
    team: rwTeam,
    activity: rwActivity,
    usage: rwUsage,
    admin: rwAdmin,
    docs: rwDocs,
    scopes: rwScopes,
    mail: rwMail,
    notifications: rwNotifications,
    review: rwReview,
    keys: rwKeys,
    insight: rwInsight,
    queue: rwQueue,
    leaks: rwLeaks,
    tryIt: rwTryIt,
  },
};
