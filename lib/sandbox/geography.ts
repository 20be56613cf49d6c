// Rwanda's administrative levels as the sandbox uses them, and the fixed vocabularies of
// the sandbox data. Pure data: shared by the seed, the request validators, the OpenAPI
// document and the docs.
//
// Provinces and districts are Rwanda's real ones (5 and 30). Sectors are real sector
// names of each district (a selection, not all 416). Cells are drawn from common cell
// names and are not claimed to lie in the sector they are paired with: the sandbox data
// is fictional (every seeded cooperative code starts with SBX).

export const PROVINCES = ["Kigali City", "Northern", "Southern", "Eastern", "Western"] as const;
export type Province = (typeof PROVINCES)[number];

export const DISTRICTS: Record<Province, Record<string, readonly string[]>> = {
  "Kigali City": {
    Gasabo: ["Bumbogo", "Gatsata", "Gikomero", "Gisozi", "Jabana", "Jali", "Kacyiru", "Kimihurura", "Kimironko", "Kinyinya", "Ndera", "Nduba", "Remera", "Rusororo", "Rutunga"],
    Kicukiro: ["Gahanga", "Gatenga", "Gikondo", "Kagarama", "Kanombe", "Kicukiro", "Kigarama", "Masaka", "Niboye", "Nyarugunga"],
    Nyarugenge: ["Gitega", "Kanyinya", "Kigali", "Kimisagara", "Mageragere", "Muhima", "Nyakabanda", "Nyamirambo", "Nyarugenge", "Rwezamenyo"],
  },
  Northern: {
    Burera: ["Butaro", "Cyanika", "Gahunga", "Kagogo", "Kinoni", "Rugarama", "Rwerere"],
    Gakenke: ["Gakenke", "Janja", "Mataba", "Muzo", "Nemba", "Ruli"],
    Gicumbi: ["Bukure", "Byumba", "Kageyo", "Mukarange", "Rukomo", "Rutare"],
    Musanze: ["Busogo", "Cyuve", "Gacaca", "Kinigi", "Muhoza", "Nyange", "Shingiro"],
    Rulindo: ["Base", "Bushoki", "Kinihira", "Ntarabana", "Shyorongi", "Tumba"],
  },
  Southern: {
    Gisagara: ["Gikonko", "Kibirizi", "Mamba", "Muganza", "Ndora", "Save"],
    Huye: ["Huye", "Maraba", "Mukura", "Ngoma", "Rusatira", "Simbi", "Tumba"],
    Kamonyi: ["Gacurabwenge", "Musambira", "Nyamiyaga", "Rugalika", "Runda"],
    Muhanga: ["Cyeza", "Kabacuzi", "Nyamabuye", "Rongi", "Shyogwe"],
    Nyamagabe: ["Gasaka", "Kitabi", "Mbazi", "Tare", "Uwinkingi"],
    Nyanza: ["Busasamana", "Kigoma", "Mukingo", "Ntyazo", "Nyagisozi"],
    Nyaruguru: ["Kibeho", "Mata", "Munini", "Ngera", "Ruheru"],
    Ruhango: ["Byimana", "Kinazi", "Mwendo", "Ntongwe", "Ruhango"],
  },
  Eastern: {
    Bugesera: ["Gashora", "Mayange", "Ntarama", "Nyamata", "Rilima", "Ruhuha"],
    Gatsibo: ["Kabarore", "Kiramuruzi", "Kiziguro", "Ngarama", "Rugarama"],
    Kayonza: ["Kabare", "Mukarange", "Murundi", "Rukara", "Rwinkwavu"],
    Kirehe: ["Gatore", "Kirehe", "Mpanga", "Nasho", "Nyamugari"],
    Ngoma: ["Kibungo", "Remera", "Rukumberi", "Sake", "Zaza"],
    Nyagatare: ["Karangazi", "Matimba", "Nyagatare", "Rwimiyaga", "Tabagwe"],
    Rwamagana: ["Fumbwe", "Kigabiro", "Munyiginya", "Muyumbu", "Rubona"],
  },
  Western: {
    Karongi: ["Bwishyura", "Gishyita", "Mubuga", "Murambi", "Rubengera"],
    Ngororero: ["Kabaya", "Kageyo", "Muhororo", "Ngororero", "Sovu"],
    Nyabihu: ["Bigogwe", "Jenda", "Karago", "Mukamira", "Rambura"],
    Nyamasheke: ["Bushekeri", "Kagano", "Kanjongo", "Macuba", "Ruharambuga"],
    Rubavu: ["Gisenyi", "Kanama", "Nyamyumba", "Rubavu", "Rugerero"],
    Rusizi: ["Bugarama", "Gihundwe", "Kamembe", "Nkombo", "Nyakabuye"],
    Rutsiro: ["Gihango", "Kivumu", "Manihira", "Mushubati", "Ruhango"],
  },
};

export const DISTRICT_NAMES: readonly string[] = PROVINCES.flatMap((p) => Object.keys(DISTRICTS[p]));

/** The province a district belongs to, or undefined for a name that is not a district. */
export function provinceOfDistrict(district: string): Province | undefined {
  return PROVINCES.find((p) => Object.hasOwn(DISTRICTS[p], district));
}

export const CELL_NAMES = [
  "Akabahizi", "Amahoro", "Bibare", "Bukinanyana", "Butare", "Cyimana", "Gacuriro", "Gahanga", "Gakoni", "Gasharu",
  "Gatare", "Gihogwe", "Gisenga", "Kabuga", "Kagugu", "Kamatamu", "Karama", "Kibagabaga", "Kigarama", "Kinyana",
  "Mubuga", "Murama", "Musave", "Nyabisindu", "Nyagatovu", "Nyakabungo", "Nyamugali", "Nyarurama", "Rebero", "Rugando",
  "Rukiri", "Rusheshe", "Rwisirabo", "Ruhanga", "Taba", "Tetero", "Umubano", "Urugwiro",
] as const;

export const ACTIVITIES = [
  "Agriculture",
  "Coffee",
  "Tea",
  "Horticulture",
  "Dairy",
  "Livestock",
  "Fishing",
  "Beekeeping",
  "Handicrafts",
  "Savings and credit",
  "Transport",
] as const;
export type Activity = (typeof ACTIVITIES)[number];

/** Programmes that commonly support cooperatives of an activity (null: none). */
export const PROGRAMMES = ["NAEB", "RAB"] as const;

export const GENDERS = ["female", "male"] as const;
export const MEMBER_STATUSES = ["active", "inactive"] as const;
export const LOAN_STATUSES = ["requested", "approved", "disbursed", "repaid", "defaulted"] as const;
export const PAYMENT_METHODS = ["mobile_money", "bank_transfer", "cash"] as const;
