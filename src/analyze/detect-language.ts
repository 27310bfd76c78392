// A cheap language guess among the five supported languages, measured on real reviews (src/eval/detection.ts
// gives the figures). One pass over a bounded prefix of the text, by hand: no regex, no token array, no string
// per word. Each word is looked up in a table of words written for tilfreds; a word the table does not know can
// still speak through its letters (ä ö are Swedish, æ ø Dano-Norwegian, kj/ei Norwegian, ej Danish or Swedish),
// its start (Danish ud-, Norwegian opp-) and its ending (-sjon against -tion, -leg against -lig, Danish -hed,
// -erne, -igt). A language column or the file's declared language should still be preferred: detection is for
// records that carry none.
import type { Lang } from '../types.js';

/** At most this many characters are read from the start of a text (a word cut at the limit is dropped): the
 *  cost stays flat for long texts. */
export const DETECT_SAMPLE_CHARS = 600;
/** Least score of the best language for `detectLanguage` to answer. */
export const MIN_EVIDENCE = 2;
/** Least lead of the best language over the runner-up for `detectLanguage` to answer: any lead at all, since a
 *  tie (nb = da on `Jeg er glad`) is the doubt worth reporting; callers that want more read languageEvidence. */
export const MIN_LEAD = 1;
/** Reading stops early once one language leads the runner-up by this much (languageEvidence's doc says 12). */
const DECISIVE_LEAD = 12;

// Scores count points. A word of the table that only one language commonly writes gives that language 2 points
// (and 1 to any language that writes it rarely: Danish `meget` is also old-fashioned bokmål); a word that several
// languages commonly write (`og` in nb, nn and da; `at` in da and en) gives 1 point to each of them; so shared
// words add up as evidence but cannot decide between the languages that share them. A word the table does not
// know gives 1 point to each language its letters, its start or its ending point to (2 for ä/ö, which only
// Swedish writes). Nothing else scores.
const UNIQUE = 2;
const SHARED = 1;

// Written for tilfreds, from the languages' grammar and everyday review vocabulary (not from any stopword,
// frequency or n-gram list). A word belongs in a language's list when that language commonly writes it so, or
// with a `~` when it writes it so only rarely; the table works out by itself which words are shared. Left out on
// purpose: words that every one of the Nordic languages writes alike (`kan`, `med`, `som`, `har`, `ser`,
// `problem`, `perfekt`), which would only add noise to the English scores, and a few that would mislead
// (English `god`, `bra`, `hat`, `app`; Danish `gift`).
const WORDS: Record<Lang, string> = {
  en: `the and is it not was very this that with of my you your but have has had are they were would be been just
    after bought from really these those what when where why how who which will its it's i'm i've i'd i'll don't
    didn't doesn't can't won't isn't wasn't couldn't wouldn't haven't aren't dont didnt doesnt cant wont isnt wasnt
    im ive than there their them then only also because could should product products great good works worked work
    working quality love loved loves a an as or if can do does did get got getting so too on at to for in i her
    over store gave mine far set fast time all no by our we us he she his him me some any many much more most other
    same every ever never always still again even well about into out up down off back new old first last one two
    three little bit lot lots make made use used using easy nice excellent amazing awesome perfect best better
    price money buy buying purchase purchased recommend recommended highly thanks thank please update version
    feature features free paid pay subscription nothing something everything anything since while though although
    until before around day days week weeks month months year years hair skin smell scent shampoo item items order
    ordered received arrived shipping delivery fine happy disappointed bad poor broke broken returned return wish
    definitely actually here said says say like looks look feel feels think know want need needs helps help able
    stars star gift kids son daughter wife husband mom absolutely wonderful incredible finally missing simple top
    enough useless now yet dog end let quick quickly`,
  nb: `ikke jeg meg deg seg er det og på til med som har var vi de den en et ei så om veldig fikk nå hva mye litt
    etter hadde noen noe ble blir bli blitt også av å enn kjøpte kjøpt kjøpe kjøp kjøpet gikk går gå bare synes
    syntes takk bra fornøyd dette denne disse være vært mer mere hvordan hvorfor hvor hvem hvilken hvilket hvis når
    mange hun han ham fra mellom gjennom igjennom ut opp mot inn igjen aldri alltid kanskje sånn slik ennå uten
    innen siden før først dere deres hennes hans vår våre vårt min mitt mine din ditt dine sin sitt sine kunne
    skulle ville måtte burde må skal vil får fått gjør gjøre gjort ga gir tok tar sa sier tror vet visste heller
    enda selv helt hele alle alt både eller men for to da der her hjem hjemme tilbake bruke bruker brukt brukte uke
    uker dager dag måned måneder penger pengene feil levert levering leveringen bestilte bestilt bestille
    bestilling pakke pakken sendt sendte mottatt mottok motta fungerer fungerte virker anbefale anbefales anbefaler
    opplevelse kundeservice kundeservicen svar svaret svarte ringte ringe tilbud pris prisen billig billigere dyrt
    dyr god godt gode bedre beste best dårlig dårlige elendig flott fin fint kjempe kjempefornøyd kjempebra rask
    raskt kjapt hurtig problemer varen varene vare varer kunde kunder nettside nettsiden nettbutikk butikk butikken
    hjelp hjelpe hjelpsom hjelpsomme vennlig vennlige ansatte produkt produktet kvalitet sikkert virkelig ganske
    nok vel jo altså derfor fordi mens man ingen ingenting ting tingen tingene folk gammel gamle ny nye nytt stor
    store liten lille små mindre mest lenge lang langt sist siste neste sammen allerede fremdeles fortsatt absolutt
    akkurat deilig herlig glede grei greit heldigvis dessverre egentlig faktisk lett enkelt enklere gave time timer
    bok boken boka forfatteren leseren fortelling romanen historien gang ganger vanlig spesielt samtidig søknad
    godkjent dyktig dyktige nesten grønn profesjonell profesjonelt saksbehandling tilbakemelding tusen noensinne
    vakker vakre morsomt frakt deretter ellers trygg trygt handle handlet hver nemlig klart herfra ventet vente
    ventetid hjemmesiden sikker bestemt forbindelse i over fine like lite kun ved personale personalet stadig
    tilfreds~ tilfredse~ ordre ordren meget~ intet~ sak saker tak fast kom blei~ tross frem fram kjole kjolen
    kjoler inntil ifølge såkalte hverdager opplevd oppleve opplever gjerne fortsette spørsmål fant avtalt kjenner
    krever annen annet utvalg sterkt sterk gjøres funnet forsøkt måte kjører kjørte tilfredshet billigst verdt`,
  nn: `ikkje eg meg deg seg er det og på til med som har var vi dei den ein eit ei så om kva berre ho han frå noko
    nokon nokre mykje vart vore vere vera òg også fekk gjekk korleis kvifor kvar kven sjølv heilt heile meir mest
    hadde etter litt mellom gjennom ut opp mot inn igjen aldri alltid kanskje slik no då når dykk dykkar hennar
    hans vår våre vårt min mitt mine din ditt dine sin sitt sine kunne skulle ville måtte burde må skal vil får
    fått gjer gjere gjort gav gjev tok tek sa seier kjem kom trur veit visste heller enda alle alt både eller men
    for to der her heim heime tilbake bruke brukar brukt brukte veke veker dagar dag månad pengar feil mange fleire
    nøgd dårleg dårlege god godt gode betre beste best fin fint ny nye nytt stor store liten lita små mindre lenge
    lang langt sist siste neste saman allereie framleis fortsatt absolutt akkurat eigentleg faktisk verkeleg veldig
    sjølvsagt endå hjå gong gonger vanleg særleg medan desse denne dette bok boka forfattaren lesaren forteljinga
    forteljing romanen historia verda fortel skildrar kjærleik like lite me av å enn blir bli blitt blei før først
    sidan utan innan kjøpte kjøpt kjøpe kjøp går gå takk bra synest levert levering bestilt bestilling pakke pakken
    sendt fungerer svar svaret pris prisen billig dyrt dyr elendig flott kjempe rask raskt varen vare varer kunde
    kunder butikk hjelp hjelpe produkt kvalitet sikkert ganske nok vel jo altså difor fordi man ingen ingenting
    ting folk gammal gamle glede greitt heldigvis dessverre lett enkelt gåve time timar spesielt samtidig nesten
    noka nokså sjå i over fine kjøpet fungerte svarte kjempebra kjapt varene nettside nettbutikk grei søknad
    godkjent dyktig grønn profesjonell saksbehandling tilbakemelding vakker deretter ved stadig sak saker let fram
    tross kjole gjerne spørsmål fann kjenner annan anna utval sterkt sterk måte køyrer verdt`,
  da: `ikke jeg mig dig sig er det og på til med som har var vi de den en et så om meget fik nu hvad lidt efter
    havde nogen noget nogle blev bliver blive blevet også af at end købte købt købe køb købet gik går gå bare synes
    syntes tak godt rigtig rigtigt dette denne disse være været mere mest hvordan hvorfor hvor hvem hvilken hvilket
    hvis når mange hun han ham fra mellem gennem igennem ud op mod ind igen aldrig altid måske sådan endnu uden
    inden siden før først jer jeres deres hendes hans vores min mit mine din dit dine sin sit sine kunne skulle
    ville måtte burde må skal vil får fået gør gøre gjort gav giver tog tager sagde siger tror ved vidste heller
    endda selv helt hele alle alt både eller men for to da der her hjem hjemme tilbage bruge bruger brugt brugte
    uge uger dage dag måned måneder penge pengene fejl leveret levering leveringen bestilte bestilt bestille
    bestilling pakke pakken sendt sendte modtaget modtog modtage virker fungerer fungerede anbefale anbefales
    anbefaler oplevelse kundeservice svar svaret svarede ringede ringe tilbud pris prisen billig billigere billigt
    dyrt dyr god gode bedre bedste dårlig dårlige dårligt elendig elendigt flot flotte fin fint hurtig hurtigt
    hurtige problemer varen varerne vare varer kunde kunder hjemmeside hjemmesiden netbutik butik butikken hjælp
    hjælpe hjælpsom hjælpsomme venlig venlige personale personalet medarbejder medarbejdere produkt produktet
    kvalitet sikkert virkelig ganske nok vel jo altså derfor fordi mens man ingen intet ingenting ting tingen
    tingene folk gammel gamle ny nye nyt stor store lille små mindre længe lang langt sidst sidste næste sammen
    allerede stadig absolut præcis dejlig dejligt dejlige herlig glæde tilfreds tilfredse desværre egentlig faktisk
    nem nemt nemme nemmere let lige kun os gave time timer bog bogen forfatteren læseren fortælling romanen
    historien gang gange selvfølgelig ordre ordren yderst ansøgning godkendt godkendelse dygtig dygtige næsten grøn
    sød søde skøn vildt professionel professionelt sagsbehandling tilbagemelding imødekommende anbefalelsesværdig
    tusind nogensinde lækker lækre smuk smukke pænt sjovt fragt derefter efterfølgende ellers tryg trygt handle
    handlet hver nemlig klart herfra ventede vente ventetid sikker bestemt blot selvom kæmpe forbindelse dog i over
    fine set fast version kundeservicen ventet ansatte kom kjole kjolen kjoler trods frem alting derudover top
    såkaldte indtil hverdage ifølge enkelt oplevet oplevede oplever opleve lide gerne fortsætte spørgsmål
    efterhånden fandt aftalt kender kræver anden andet udvalg stærkt gøres have fundet forsøgt sædvanlig
    sædvanligvis måde bedst kører kørte tilfredshed fuld billigst billigste værd`,
  sv: `inte jag mig dig sig är det och på till med som har var vi de den en ett så om mycket fick nu vad efter hade
    någon något några blev blir bli blivit också av än att köpte köpt köpa köp köpet gick går gå bara tycker tyckte
    tack bra nöjd nöjda detta denna dessa vara varit mer mera mest hur varför vem vilken vilket när många hon han
    honom från mellan genom igenom ut upp mot in igen aldrig alltid kanske sådan sådant ännu utan inom sedan innan
    före först ni er era deras hennes hans vår våra vårt min mitt mina din ditt dina sin sitt sina kunde skulle
    ville måste borde må ska skall vill får fått gör göra gjort gav ger tog tar sa sade säger tror vet visste
    heller ens själv helt hela alla allt både eller men för där här hem hemma tillbaka använda använder använt
    använde vecka veckor dagar dag månad månader pengar pengarna fel levererad leverans leveransen beställde
    beställt beställa beställning beställningen paket paketet skickade skickat fungerar fungerade funkar
    rekommenderar rekommendera rekommenderas upplevelse kundtjänst kundservice svar svaret svarade ringde ringa
    pris priset billig billigt billigare dyrt dyr god gott bättre bäst bästa dålig dåligt dåliga fin fint snygg
    snyggt snabb snabbt snabba problemet varan varor varorna hemsida hemsidan butik butiken hjälp hjälpa hjälpsam
    trevlig trevliga personal personalen produkt produkten kvalitet säkert verkligen ganska nog väl ju alltså
    därför eftersom medan man ingen inget ingenting sak saker folk gammal gamla ny nya nytt stor stora liten lilla
    små mindre länge lång långt sist sista nästa tillsammans redan fortfarande absolut precis härlig underbar glada
    tyvärr egentligen faktiskt enkelt enklare lätt lite väldigt jättebra jätte riktigt riktig toppen all bok boken
    författaren läsaren berättelse romanen historien gång gånger vanlig order ansökan godkänd duktig duktiga nästan
    grön söt professionell tusen någonsin vacker frakt därefter annars trygg tryggt handla handlat varje nämligen
    klart väntat vänta väntetid säker bestämt dock grym grymt mejl rätt i fast version kom fram trots tills gärna
    fortsätta frågor fann kräver andra annat urval starkt stark sätt värt`,
};

// --- The word table: open addressing over the words' hashes (FNV-1a over lower-cased UTF-16 units). ---

const LANG_ORDER: readonly Lang[] = ['en', 'nb', 'nn', 'da', 'sv'];
const LONGEST_WORD = 24;

/** Open addressing: slot k holds words[k] (undefined: empty), its hash in hashes[k], and its points for the five
 *  languages at points[5k…5k+4]. */
type Table = { words: (string | undefined)[]; hashes: Int32Array; points: Uint8Array; mask: number };

function buildTable(): Table {
  // word → [languages that commonly write it, languages that write it rarely (`~` in their list)]
  const users = new Map<string, [Set<number>, Set<number>]>();
  LANG_ORDER.forEach((lang, k) => {
    for (const entry of WORDS[lang].split(/\s+/)) {
      if (!entry) continue;
      const rare = entry.endsWith('~');
      const word = rare ? entry.slice(0, -1) : entry;
      let u = users.get(word);
      if (!u) users.set(word, (u = [new Set(), new Set()]));
      u[rare ? 1 : 0].add(k);
    }
  });
  let size = 16;
  while (size < users.size * 3) size *= 2;
  const table: Table = { words: new Array<string | undefined>(size).fill(undefined), hashes: new Int32Array(size), points: new Uint8Array(size * 5), mask: size - 1 };
  for (const [word, [common, rare]] of users) {
    if (word.length > LONGEST_WORD) throw new Error(`detect-language: "${word}" is longer than ${LONGEST_WORD}`);
    const h = hashOf(word);
    let slot = h & table.mask;
    while (table.words[slot] !== undefined) slot = (slot + 1) & table.mask;
    table.words[slot] = word;
    table.hashes[slot] = h;
    for (const k of rare) table.points[slot * 5 + k] = SHARED;
    for (const k of common) table.points[slot * 5 + k] = common.size === 1 ? UNIQUE : SHARED;
  }
  return table;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
function hashOf(word: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  return h;
}

const TABLE = buildTable();

// --- Letters and endings, for words the table does not know. ---

// Letter cues: [what, points per language in LANG_ORDER]; bit k of a word's cue mask is CUES[k].
const CUES: readonly (readonly [string, readonly number[]])[] = [
  ['ä ö', [0, 0, 0, 0, UNIQUE]], // only Swedish writes them
  ['æ ø', [0, 1, 1, 1, 0]],
  ['å (without ä ö æ ø)', [0, 1, 1, 1, 1]],
  ['kj gj', [0, 1, 1, 0, 0]], // kjøpe, gjennom: Danish writes købe, gennem
  ['øy', [0, 1, 1, 0, 0]], // høy, støy: Danish høj, støj
  ['øj', [0, 0, 0, 1, 0]],
  ['ej', [0, 0, 0, 1, 1]], // vej, dejlig, fejl: Norwegian vei, deilig, feil
  ['ei', [0, 1, 1, 0, 0]],
  ['th', [1, 0, 0, 0, 0]],
  ['w', [1, 0, 0, 0, 0]],
  ['ck', [1, 0, 0, 0, 1]], // Swedish tack, tjock; Norwegian and Danish write k
];
const CUE_SV = 1 << 0;
const CUE_DN = 1 << 1;
const CUE_ARING = 1 << 2;
const CUE_KJ = 1 << 3;
const CUE_OY = 1 << 4;
const CUE_OJ = 1 << 5;
const CUE_EJ = 1 << 6;
const CUE_EI = 1 << 7;
const CUE_TH = 1 << 8;
const CUE_W = 1 << 9;
const CUE_CK = 1 << 10;
const CUE_POINTS = Int32Array.from(CUES.flatMap(([, points]) => points));

// Endings: [ending, least word length, points per language in LANG_ORDER]. A word scores the first ending it
// has, so longer endings come before the shorter ones they end with.
const ENDINGS: readonly (readonly [string, number, readonly number[]])[] = [
  ['tionen', 7, [0, 0, 0, 1, 1]], // informationen: da, sv (en -tion, nb/nn -sjonen)
  ['tioner', 7, [0, 0, 0, 1, 1]],
  ['tion', 6, [1, 0, 0, 1, 1]], // en, da, sv; nb and nn write -sjon
  ['sjonen', 7, [0, 1, 1, 0, 0]],
  ['sjoner', 7, [0, 1, 1, 0, 0]],
  ['sjon', 6, [0, 1, 1, 0, 0]],
  ['ighed', 8, [0, 0, 0, 1, 0]], // mulighed, lejlighed: da (nb and sv -ighet; English -ighed is rare that long)
  ['rhed', 7, [0, 0, 0, 1, 0]], // sikkerhed
  ['ighet', 7, [0, 1, 0, 0, 1]],
  ['erne', 6, [0, 0, 0, 1, 0]], // varerne: Danish plural definite (nb -ene, sv -erna)
  ['arna', 6, [0, 0, 0, 0, 1]], // Swedish plural definite
  ['erna', 6, [0, 0, 0, 0, 1]],
  ['orna', 6, [0, 0, 0, 0, 1]],
  ['ligt', 6, [0, 0, 0, 1, 1]], // Norwegian -lig/-ig adjectives take no -t
  ['igt', 5, [0, 0, 0, 1, 1]],
  ['liga', 6, [0, 0, 0, 0, 1]],
  ['legt', 6, [0, 0, 1, 0, 0]], // nynorsk -leg where the others write -lig
  ['lege', 6, [0, 0, 1, 0, 0]],
  ['leg', 5, [0, 0, 1, 0, 0]],
  ['ede', 6, [0, 0, 0, 1, 0]], // Danish past tense (ventede, ringede)
  ['ande', 6, [0, 0, 1, 0, 1]], // present participle: nn and sv -ande (spennande), nb and da -ende
  ['ende', 6, [0, 1, 0, 1, 0]],
  ['heit', 6, [0, 0, 1, 0, 0]], // nn -heit, nb and sv -het, da -hed
  ['het', 6, [0, 1, 0, 0, 1]],
  ['inga', 6, [0, 0, 1, 0, 0]], // nn -inga (forteljinga), nb -ingen
  ['ane', 6, [0, 0, 1, 0, 0]], // nn plural definite (dagane); nb and da -ene
  ['skab', 6, [0, 0, 0, 1, 0]], // da -skab, nb/nn/sv -skap
  ['kk', 3, [0, 1, 1, 0, 0]], // takk, fikk, gikk: Norwegian doubles a final k, Swedish writes ck
  // Not -tt (flott against Danish flot): the common words are in the table, and what is left is mostly names
  // (the Norwegian shop Komplett in Danish reviews).
];
// Starts: [start, least word length, points per language in LANG_ORDER]; a word scores the first it has.
const STARTS: readonly (readonly [string, number, readonly number[]])[] = [
  ['tilbage', 9, [0, 0, 0, 1, 0]], // tilbagemelding; nb and nn tilbake-, sv tillbaka-
  ['tilbake', 9, [0, 1, 1, 0, 0]],
  ['efter', 7, [0, 0, 0, 1, 1]], // eftermiddag; nb and nn etter-
  ['etter', 7, [0, 1, 1, 0, 0]],
  ['genn', 6, [0, 0, 0, 1, 0]], // gennemført; nb gjennom-
  ['opp', 6, [0, 1, 1, 0, 0]], // oppdatering; da op-, sv upp-
  ['ud', 5, [0, 0, 0, 1, 0]], // udbetaling, udvalg; nb, nn and sv ut-
];
// The same, flat, for the scan: no iterator and no destructuring per word.
const START_TEXT = STARTS.map(([start]) => start);
const START_LEAST = Int32Array.from(STARTS, ([, least]) => least);
const START_POINTS = Int32Array.from(STARTS.flatMap(([, , points]) => points));
/** 1 for the letters a start begins with (a quick no for most words). */
const START_LETTER = new Uint8Array(256);
for (const start of START_TEXT) START_LETTER[start.charCodeAt(0)] = 1;

// The endings a word's last letter can start: ENDING_FIRST[letter] is the first (-1: none), ENDING_NEXT[e] the
// next one with the same last letter, in ENDINGS' order.
const ENDING_TEXT = ENDINGS.map(([ending]) => ending);
const ENDING_LEAST = Int32Array.from(ENDINGS, ([, least]) => least);
const ENDING_POINTS = Int32Array.from(ENDINGS.flatMap(([, , points]) => points));
const ENDING_FIRST = new Int8Array(256).fill(-1);
const ENDING_NEXT = new Int8Array(ENDINGS.length).fill(-1);
for (let e = ENDINGS.length - 1; e >= 0; e--) {
  const last = ENDING_TEXT[e]!.charCodeAt(ENDING_TEXT[e]!.length - 1);
  ENDING_NEXT[e] = ENDING_FIRST[last]!;
  ENDING_FIRST[last] = e;
}

// The letter cues, found while the word is read: each Latin-1 letter that takes part in one has a class, and
// CUE_OF[previous class << 4 | class] holds the cue bits that the pair (or the letter alone) sets.
const CUE_CLASS = new Uint8Array(256);
const CUE_OF = new Uint16Array(256);
{
  const classOf = (letters: string, k: number) => {
    for (const ch of letters) CUE_CLASS[ch.charCodeAt(0)] = k;
  };
  const [E, K, G, OE, T, C, J, I, Y, H, W, AE_UML, AE, AA] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14];
  [['e', E], ['k', K], ['g', G], ['ø', OE], ['t', T], ['c', C], ['j', J], ['i', I], ['y', Y], ['h', H], ['w', W], ['äö', AE_UML], ['æ', AE], ['å', AA]]
    .forEach(([letters, k]) => classOf(letters as string, k as number));
  for (let prev = 0; prev < 16; prev++) {
    CUE_OF[(prev << 4) | AE_UML] = CUE_SV;
    CUE_OF[(prev << 4) | AE] = CUE_DN;
    CUE_OF[(prev << 4) | OE] = CUE_DN;
    CUE_OF[(prev << 4) | AA] = CUE_ARING;
    CUE_OF[(prev << 4) | W] = CUE_W;
  }
  CUE_OF[(K << 4) | J] = CUE_KJ;
  CUE_OF[(G << 4) | J] = CUE_KJ;
  CUE_OF[(E << 4) | J] = CUE_EJ;
  CUE_OF[(OE << 4) | J] = CUE_OJ;
  CUE_OF[(E << 4) | I] = CUE_EI;
  CUE_OF[(OE << 4) | Y] = CUE_OY;
  CUE_OF[(T << 4) | H] = CUE_TH;
  CUE_OF[(C << 4) | K] = CUE_CK;
}

// --- The scan. ---

/** Scores of the last scan, in LANG_ORDER: one buffer for every call, so a call allocates nothing. */
const SCORES = new Int32Array(5);

/** For each Latin-1 unit: its lower-case form when it belongs to a word (letters, digits, ª µ º), else 0. */
const LATIN1_WORD = new Uint16Array(256);
for (let c = 0; c < 256; c++) {
  const word = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7) || c === 0xaa || c === 0xb5 || c === 0xba;
  if (word) LATIN1_WORD[c] = (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde) ? c + 32 : c;
}
/** Beyond Latin-1, roughly: not general punctuation, symbols, arrows…, CJK punctuation, surrogates (emoji),
 *  specials, nor the typographic apostrophe (which is handled on its own). */
const isWideWordUnit = (c: number): boolean =>
  !((c >= 0x2000 && c <= 0x2bff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xd800 && c <= 0xdfff) || c >= 0xfe00);
const isWordUnit = (c: number): boolean => (c < 256 ? LATIN1_WORD[c] !== 0 : isWideWordUnit(c));
const isApostrophe = (c: number): boolean => c === 39 || c === 0x2019;
/** Lower-case of a unit of a word: Latin-1 letters lowered, an apostrophe as `'`, other units as they are. */
const lowerUnit = (c: number): number => (c < 256 ? LATIN1_WORD[c] || c : c === 0x2019 ? 39 : c);

/** Whether text[from, to) is `word` (lower-case, `'` for either apostrophe). */
function sameWord(text: string, from: number, to: number, word: string): boolean {
  if (to - from !== word.length) return false;
  for (let k = 0; k < word.length; k++) if (lowerUnit(text.charCodeAt(from + k)) !== word.charCodeAt(k)) return false;
  return true;
}

/** Whether the text at `from` starts with `start` (lower-case; the caller knows the word is long enough). */
function startsWith(text: string, from: number, start: string): boolean {
  for (let k = 0; k < start.length; k++) if (lowerUnit(text.charCodeAt(from + k)) !== start.charCodeAt(k)) return false;
  return true;
}

/** Whether text[from, to) ends with `ending` (lower-case). */
function endsWith(text: string, from: number, to: number, ending: string): boolean {
  const n = ending.length;
  if (to - from < n) return false;
  for (let k = 0; k < n; k++) if (lowerUnit(text.charCodeAt(to - n + k)) !== ending.charCodeAt(k)) return false;
  return true;
}

/** Adds the points of the word text[from, to) with hash `h` and letter cues `cues`; whether it scored at all. */
function scoreWord(text: string, from: number, to: number, h: number, cues: number): boolean {
  const len = to - from;
  if (len <= LONGEST_WORD) {
    const { words, hashes, mask } = TABLE;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const w = words[slot];
      if (w === undefined) break;
      if (hashes[slot] === h && sameWord(text, from, to, w)) {
        const points = TABLE.points;
        const p = slot * 5;
        for (let k = 0; k < 5; k++) SCORES[k]! += points[p + k]!;
        return true;
      }
    }
  }
  if (cues & (CUE_SV | CUE_DN)) cues &= ~CUE_ARING;
  let scored = false;
  for (let bits = cues; bits !== 0; bits &= bits - 1) {
    const p = (31 - Math.clz32(bits & -bits)) * 5;
    for (let k = 0; k < 5; k++) SCORES[k]! += CUE_POINTS[p + k]!;
    scored = true;
  }
  const first = lowerUnit(text.charCodeAt(from));
  if (len >= 5 && first < 256 && START_LETTER[first] === 1) {
    for (let e = 0; e < START_TEXT.length; e++) {
      if (len >= START_LEAST[e]! && startsWith(text, from, START_TEXT[e]!)) {
        const p = e * 5;
        for (let k = 0; k < 5; k++) SCORES[k]! += START_POINTS[p + k]!;
        scored = true;
        break;
      }
    }
  }
  const last = lowerUnit(text.charCodeAt(to - 1));
  for (let e = last < 256 ? ENDING_FIRST[last]! : -1; e >= 0; e = ENDING_NEXT[e]!) {
    if (len >= ENDING_LEAST[e]! && endsWith(text, from, to, ENDING_TEXT[e]!)) {
      const p = e * 5;
      for (let k = 0; k < 5; k++) SCORES[k]! += ENDING_POINTS[p + k]!;
      return true;
    }
  }
  return scored;
}

/** Scores the start of `text` into SCORES. */
function scan(text: string): void {
  SCORES.fill(0);
  const end = Math.min(text.length, DETECT_SAMPLE_CHARS);
  let i = 0;
  while (i < end) {
    let c = text.charCodeAt(i);
    let l = c < 256 ? LATIN1_WORD[c]! : isWideWordUnit(c) && c !== 0x2019 ? c : 0;
    if (l === 0) {
      i++;
      continue;
    }
    // A word: units that belong to words, and apostrophes between them (don't, it’s). Its hash is FNV-1a over
    // the lower-cased units, as the table's; a word with units beyond Latin-1 is in no language of ours.
    const from = i;
    let h = FNV_OFFSET;
    let wide = false;
    let cues = 0;
    let cueClass = 0;
    for (;;) {
      h = Math.imul(h ^ l, FNV_PRIME);
      if (l < 256) {
        const k = CUE_CLASS[l]!;
        cues |= CUE_OF[(cueClass << 4) | k]!;
        cueClass = k;
      }
      if (++i >= end) break;
      c = text.charCodeAt(i);
      if (c < 256 && (l = LATIN1_WORD[c]!) !== 0) continue;
      if (isApostrophe(c)) {
        if (i + 1 < end && isWordUnit(text.charCodeAt(i + 1))) {
          l = 39;
          continue;
        }
        break;
      }
      if (c < 256 || !isWideWordUnit(c)) break;
      l = c;
      wide = true;
    }
    // A word cut by the limit is no word.
    if (i >= end && end < text.length && isWordUnit(text.charCodeAt(end))) break;
    if (!wide && scoreWord(text, from, i, h, cues) && lead() >= DECISIVE_LEAD) break;
  }
}

/** The best score's lead over the runner-up, in SCORES. */
function lead(): number {
  let best = 0;
  let second = 0;
  for (let k = 0; k < 5; k++) {
    const s = SCORES[k]!;
    if (s > best) {
      second = best;
      best = s;
    } else if (s > second) second = s;
  }
  return best - second;
}

/** The likely language of `text`, or undefined when the evidence is too thin or too even: a best score under
 *  MIN_EVIDENCE or a lead under MIN_LEAD (short texts, texts made only of words the candidates share, texts in
 *  none of the five languages). */
export function detectLanguage(text: string): Lang | undefined {
  scan(text);
  let best = 0;
  let bestScore = 0;
  let second = 0;
  for (let k = 0; k < 5; k++) {
    const s = SCORES[k]!;
    if (s > bestScore) {
      second = bestScore;
      bestScore = s;
      best = k;
    } else if (s > second) second = s;
  }
  return bestScore >= MIN_EVIDENCE && bestScore - second >= MIN_LEAD ? LANG_ORDER[best] : undefined;
}

export type LanguageEvidence = { lang: Lang; score: number };

/** The evidence for each of the five languages in the start of `text`, best first (ties in the order en, nb, nn,
 *  da, sv); all five are always listed, with 0 for a language nothing spoke for.
 *
 *  `score` is the language's points, a count: each word of the table gives 2 to the one language that commonly
 *  writes it (`hvad` → da) and 1 to each language that shares it or writes it rarely (`og` → nb, nn, da;
 *  `meget` → da 2, nb 1); each unknown word gives 1 for each letter pair, start or ending that points to the
 *  language (2 for ä/ö → sv). It is not a probability, and it grows with the length of the text. What tells a
 *  confident answer from a thin or mixed text is the first score's lead over the second: `detectLanguage`
 *  answers when the first has at least MIN_EVIDENCE points and leads by at least MIN_LEAD. Close languages
 *  trail each other by nature (a Danish review gives bokmål many points, from the words they share); a runner-up
 *  from another family close behind (en after da) is a sign of mixed text. Reading stops once the lead reaches
 *  12 points, so the scores of a long text cover only its start. */
export function languageEvidence(text: string): LanguageEvidence[] {
  scan(text);
  const out = LANG_ORDER.map((lang, k) => ({ lang, score: SCORES[k]! }));
  return out.sort((a, b) => b.score - a.score);
}
