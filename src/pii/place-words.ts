/**
 * Words that mark a capitalised run as a street, a place or an organisation rather than a person, shared by the
 * person-name detector (which must not report "Kent Street" or "Morgan Stanley") and the street-address detector
 * (which looks for the same street words). All lower case.
 */

/** Street types written after the name ("Kent Street", "Hauptstraße" is handled by its ending). */
export const STREET_TYPES_AFTER = [
  "street", "st", "avenue", "ave", "av", "road", "rd", "boulevard", "blvd", "lane", "ln", "drive", "dr", "court", "ct",
  "way", "place", "pl", "terrace", "ter", "circle", "cir", "parkway", "pkwy", "highway", "hwy", "square", "sq",
  "trail", "trl", "close", "crescent", "cres", "row", "alley", "plaza", "loop", "pike", "grove", "gardens", "mews",
  "walk", "causeway", "expressway", "freeway", "turnpike", "crossing", "heights", "ridge", "meadow", "meadows",
  "estate", "estates", "creek", "hill", "hills", "park", "green", "view", "point", "landing", "bend", "brook",
  "glen", "hollow", "junction", "ranch", "springs", "summit", "valley", "village", "vista", "wharf", "quay",
  // Other languages' street words that follow the name.
  "utca", "út", "útja", "tér", "körút", "sor", "straat", "laan", "weg", "plein", "gracht", "kade", "gatan", "gata",
  "vägen", "väg", "vej", "gade", "veien", "vei", "gate", "tie", "katu", "kuja", "polku", "tee", "iela", "gatvė",
  "cesta", "ulica", "ulice", "náměstí", "sokak", "sokağı", "caddesi", "cad", "bulvarı", "straße", "strasse", "str",
  "allee", "gasse", "platz", "ring", "damm", "ufer", "chaussee",
];

/** Street types written before the name ("Rua Augusta", "rue de Rivoli", "Calle Mayor", "ul. Długa"). */
export const STREET_TYPES_BEFORE = [
  // Romance languages
  "rua", "avenida", "av", "avda", "travessa", "tv", "alameda", "largo", "praça", "praca", "estrada", "rodovia",
  "calle", "c", "carrer", "paseo", "camino", "carretera", "plaza", "pasaje", "ronda", "glorieta", "calzada",
  "via", "viale", "piazza", "corso", "vicolo", "strada", "piazzale", "lungomare", "contrada", "borgo",
  "rue", "avenue", "boulevard", "bd", "bld", "chemin", "allée", "allee", "impasse", "place", "quai", "route",
  "cours", "passage", "square", "sentier", "voie",
  // Central and eastern Europe, Nordic, others
  "ul", "ulica", "al", "aleja", "os", "osiedle", "pl", "str", "strada", "bulevardul", "bd", "calea", "splaiul",
  "odos", "leoforos", "οδός", "λεωφόρος", "ulitsa", "prospekt", "pr", "улица", "ул", "проспект", "пр",
  // Mexican and Andean, Welsh
  "privada", "priv", "cerrada", "andador", "prolongación", "prol", "retorno", "circuito", "callejón", "jirón", "heol",
  "ffordd", "stryd",
];

/** Words after a capitalised run that show it is an organisation or a facility, not a person. */
export const ORGANISATION_WORDS = [
  "inc", "llc", "llp", "ltd", "limited", "corp", "corporation", "company", "co", "group", "bank", "university",
  "college", "school", "academy", "foundation", "institute", "labs", "lab", "technologies", "technology", "tech",
  "systems", "partners", "associates", "hospital", "clinic", "station", "airport", "hotel", "hotels", "center",
  "centre", "library", "museum", "stadium", "church", "cathedral", "bridge", "studio", "studios", "media", "press",
  "games", "ai", "gmbh", "ag", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "ab", "as", "oy", "pty", "plc",
  "holdings", "capital", "ventures", "consulting", "securities", "insurance", "realty", "properties", "motors",
  "airlines", "airways", "restaurant", "cafe", "café", "bakery", "pharmacy", "foods", "brewing", "brewery", "winery",
  "industries", "international", "global", "solutions", "services", "software", "networks", "trust", "fund",
  "brothers", "bros", "sons", "law", "legal", "solicitors", "chambers", "llc.", "county", "city", "town", "district",
  "province", "state", "island", "islands", "river", "lake", "mountain", "mountains", "beach", "bay", "forest",
  "valley", "national", "memorial", "hall", "tower", "building", "mall", "market", "shop", "store", "pub", "inn",
  "bar", "grill", "diner", "kitchen", "motel", "resort", "lodge", "theatre", "theater", "cinema", "gallery", "arena",
  "prize", "award", "awards", "medal", "cup", "trophy", "syndrome", "disease", "effect", "law", "theorem",
  "principle", "equation", "method", "test", "scale", "index", "method", "model", "algorithm", "distribution",
  "research", "consultants", "agency", "analytics", "enterprises", "logistics", "pharmaceuticals", "communications",
  // Shops and venues named after their owner ("Lorenzo's Pizzeria", "Madame Tussauds' waxworks").
  "pizzeria", "trattoria", "osteria", "bistro", "brasserie", "deli", "delicatessen", "boutique", "salon", "barbershop",
  "bookshop", "bookstore", "florist", "florists", "garage", "tavern", "taqueria", "cantina", "creamery", "patisserie",
  "butchers", "butcher", "bakehouse", "coffeehouse", "roastery", "eatery", "steakhouse", "chophouse", "waxworks",
];

/** Words that start place names ("San Luis", "Port Edward", "Glen Arbor", "Monte Gil", "Villa Darwin"). */
export const PLACE_PREFIXES = [
  "san", "santa", "santo", "são", "sao", "st", "ste", "saint", "sainte", "sankt", "port", "porto", "puerto", "mount",
  "mt", "monte", "lake", "fort", "ft", "glen", "cape", "cabo", "isla", "villa", "vila", "colle", "bad", "new", "nueva",
  "nuevo", "nova", "north", "south", "east", "west", "upper", "lower", "great", "little", "los", "las", "castel", "castle", "castello", "ciudad", "cidade", "bahía", "bahia", "punta", "playa", "praia",
  "cerro", "rio", "río", "valle", "val", "ville", "borgo", "pointe", "cite", "cité", "colonia", "barrio", "bairro", "quartier",
];

/**
 * Companies and firms named after people, which read like a person's full name ("Morgan Stanley"). Compared on
 * the lower-cased words of a found name, whole.
 */
export const NAMED_COMPANIES = [
  "morgan stanley", "goldman sachs", "wells fargo", "charles schwab", "merrill lynch", "edward jones", "raymond james",
  "oliver wyman", "booz allen", "booz allen hamilton", "hewlett packard", "dow jones", "rolls royce", "mercedes benz",
  "harley davidson", "calvin klein", "ralph lauren", "tommy hilfiger", "louis vuitton", "estee lauder", "estée lauder",
  "hugo boss", "tory burch", "kate spade", "michael kors", "jack daniels", "johnnie walker", "jim beam", "tim hortons",
  "walt disney", "lehman brothers", "bear stearns", "franklin templeton", "thomson reuters", "baker mckenzie",
  "jones day", "kirkland ellis", "allen overy", "clifford chance", "norton rose", "ted baker", "paul smith",
  "stella mccartney", "alexander mcqueen", "robert half", "robert walters", "michael page", "aston martin",
  "ernst young", "arthur andersen", "marks spencer", "procter gamble", "johnson johnson", "smith wesson",
  "ben jerry", "dolce gabbana", "victoria secret", "victoria's secret", "chuck taylor", "trader joe", "trader joe's",
  "roger dubuis", "patek philippe", "tag heuer", "jimmy choo", "christian dior", "yves saint laurent",
  "giorgio armani", "oscar de la renta", "vera wang", "marc jacobs", "tom ford", "john deere", "john lewis",
  "ben sherman", "tommy bahama", "martha stewart living", "wolters kluwer", "bain capital", "mckinsey",
  "warner bros", "sherwin williams", "black decker", "pitney bowes", "charles river", "russell reynolds",
  "spencer stuart", "heidrick struggles", "korn ferry", "alvarez marsal", "duff phelps", "houlihan lokey",
  "lazard freres", "evercore", "ogilvy mather", "leo burnett", "saatchi saatchi", "wieden kennedy",
];
