// @spec specthread-core#7.1, specthread-core#1.1
/**
 * EARS keyword tables per language, as data. Real Kiro specs are written in Spanish
 * ("CUANDO … ENTONCES el sistema DEBERÁ …"), Portuguese ("QUANDO … ENTÃO o sistema DEVE …"),
 * Indonesian, Japanese, Chinese and others. A rule can only judge a sentence it can read, so each
 * table says which words play the EARS roles, which common words identify the language, and
 * whether the absence of an obligation word means anything in it.
 */
/** The EARS precondition keywords, as English writes them; every language maps its words onto these. */
export type ClauseKeyword = 'WHERE' | 'WHILE' | 'WHEN' | 'IF';

export interface EarsLanguage {
  /** BCP 47 primary tag: `en`, `es`, `pt` … */
  readonly code: string;
  /** Words that open a precondition, by the EARS keyword they stand for (upper case as EARS writes them). */
  readonly clauses: Readonly<Record<ClauseKeyword, readonly string[]>>;
  readonly then: readonly string[];
  /** Words that make the sentence an obligation (SHALL). */
  readonly shall: readonly string[];
  /**
   * True when a criterion in this language without any `shall` word is certainly not an
   * obligation. False for languages whose obligations live in verb endings or sentence-final
   * forms (Japanese 〜こと, Chinese 应/须 inside words), where a missing keyword proves nothing.
   */
  readonly absenceMeansNoObligation: boolean;
  /** Frequent function words, lower case, that tell this language from the others in Latin script. */
  readonly markers: readonly string[];
}

export const ENGLISH: EarsLanguage = {
  code: 'en',
  clauses: { WHERE: ['WHERE'], WHILE: ['WHILE'], WHEN: ['WHEN'], IF: ['IF'] },
  then: ['THEN'],
  shall: ['SHALL', 'MUST'],
  absenceMeansNoObligation: true,
  markers: [
    'the',
    'shall',
    'when',
    'and',
    'of',
    'to',
    'is',
    'be',
    'with',
    'for',
    'an',
    'if',
    'then',
    'must',
    'should',
    'in',
    'on',
    'that',
    'it',
    'by',
    'all',
    'are',
    'or',
    'from',
    'user',
    'system',
  ],
};

/**
 * The other languages seen in real specs. Script languages (ja, zh, ko) are told apart by their
 * script, not by markers; their tables hold only the obligation words that are unambiguous.
 */
export const OTHER_LANGUAGES: readonly EarsLanguage[] = [
  {
    code: 'es',
    clauses: { WHERE: ['DONDE'], WHILE: ['MIENTRAS'], WHEN: ['CUANDO'], IF: ['SI'] },
    then: ['ENTONCES'],
    shall: ['DEBERÁ', 'DEBERA', 'DEBE', 'DEBERÁN', 'DEBEN'],
    absenceMeansNoObligation: true,
    markers: [
      'el',
      'la',
      'los',
      'las',
      'del',
      'y',
      'cuando',
      'entonces',
      'deberá',
      'debe',
      'sistema',
      'usuario',
      'con',
      'una',
      'su',
      'sin',
      'pero',
      'también',
      'es',
      'están',
      'al',
      'lo',
      'mientras',
      'si',
    ],
  },
  {
    code: 'pt',
    clauses: { WHERE: ['ONDE'], WHILE: ['ENQUANTO'], WHEN: ['QUANDO'], IF: ['SE'] },
    then: ['ENTÃO', 'ENTAO'],
    // "NÃO PODE(M)" (may not) is how Portuguese specs write a prohibition.
    shall: ['DEVE', 'DEVERÁ', 'DEVERA', 'DEVEM', 'DEVERÃO', 'NÃO PODE', 'NÃO PODEM'],
    absenceMeansNoObligation: true,
    markers: [
      'o',
      'os',
      'do',
      'da',
      'dos',
      'das',
      'e',
      'em',
      'quando',
      'então',
      'deve',
      'sistema',
      'usuário',
      'com',
      'um',
      'uma',
      'não',
      'ao',
      'no',
      'na',
      'pelo',
      'pela',
      'seu',
      'sua',
      'é',
      'ser',
      'são',
      'ou',
      'já',
      'também',
      'sem',
      'mas',
      'nenhum',
      'fica',
      'está',
    ],
  },
  {
    code: 'id',
    clauses: { WHERE: ['DIMANA'], WHILE: ['SELAMA'], WHEN: ['KETIKA', 'SAAT', 'APABILA', 'BILA'], IF: ['JIKA'] },
    then: ['MAKA'],
    shall: ['HARUS', 'WAJIB'],
    // "harus" is often left out of Indonesian criteria that are still obligations.
    absenceMeansNoObligation: false,
    markers: [
      'yang',
      'dan',
      'untuk',
      'dengan',
      'di',
      'ke',
      'dari',
      'ini',
      'itu',
      'akan',
      'harus',
      'ketika',
      'maka',
      'jika',
      'aplikasi',
      'tidak',
      'pada',
      'sistem',
      'dalam',
      'atau',
      'pengguna',
      'terdeteksi',
      'saat',
      'sebagai',
      'sebelum',
      'sesudah',
      'setelah',
      'mulai',
      'menampilkan',
      'menggunakan',
      'semua',
      'setiap',
      'tanpa',
      'agar',
      'bisa',
      'dapat',
    ],
  },
  {
    code: 'tr',
    clauses: { WHERE: [], WHILE: [], WHEN: [], IF: [] },
    then: [],
    shall: [],
    // Turkish obliges with a verb suffix (-malıdır), not a keyword.
    absenceMeansNoObligation: false,
    markers: [
      've',
      'bir',
      'bu',
      'için',
      'ile',
      'olarak',
      'olmalı',
      'olmalıdır',
      'zaman',
      'eğer',
      'sistem',
      'ise',
      'gibi',
      'veya',
      'tüm',
      'kullanıcı',
      'sonra',
      'göre',
    ],
  },
  {
    code: 'ja',
    clauses: { WHERE: [], WHILE: [], WHEN: [], IF: [] },
    then: [],
    shall: ['しなければならない', 'ものとする'],
    absenceMeansNoObligation: false,
    markers: [],
  },
  { code: 'zh', clauses: { WHERE: [], WHILE: [], WHEN: [], IF: [] }, then: [], shall: ['必须', '应当', '应该'], absenceMeansNoObligation: false, markers: [] },
  {
    code: 'ko',
    clauses: { WHERE: [], WHILE: [], WHEN: [], IF: [] },
    then: [],
    shall: ['해야 한다', '해야 합니다'],
    absenceMeansNoObligation: false,
    markers: [],
  },
];

const BY_CODE: ReadonlyMap<string, EarsLanguage> = new Map([ENGLISH, ...OTHER_LANGUAGES].map((l) => [l.code, l]));

/** Marker word → the languages it points to, built once at load so that detection is one pass over the words. */
const MARKERS: ReadonlyMap<string, readonly EarsLanguage[]> = (() => {
  const map = new Map<string, EarsLanguage[]>();
  for (const language of [ENGLISH, ...OTHER_LANGUAGES]) for (const w of language.markers) map.set(w, [...(map.get(w) ?? []), language]);
  return map;
})();

/**
 * The languages a word of a sentence points to. Upper-case words are EARS keywords and acronyms
 * (THE, SHALL, API), which specs in other languages keep in English ("THE aplikasi SHALL
 * menunggu …"); only the prose tells the language.
 */
function markerLanguages(word: string): readonly EarsLanguage[] | undefined {
  if (word.length === 0 || (word.length > 1 && word === word.toUpperCase())) return undefined;
  return MARKERS.get(word.toLowerCase());
}

/**
 * `markerLanguages` of every marker as written, so that the common case costs one lookup and no
 * case conversion: a word found here is answered from it, and any other word of lower-case ASCII
 * letters is no marker (its lower case is itself, and every marker is a key here).
 */
const AS_WRITTEN: ReadonlyMap<string, readonly EarsLanguage[] | undefined> = new Map([...MARKERS.keys()].map((w) => [w, markerLanguages(w)]));
/** Every language in the order ties are broken: English first, then `OTHER_LANGUAGES` in order. */
const ALL_LANGUAGES: readonly EarsLanguage[] = [ENGLISH, ...OTHER_LANGUAGES];
const INDEX_OF: ReadonlyMap<EarsLanguage, number> = new Map(ALL_LANGUAGES.map((l, i) => [l, i]));

// The script patterns are literals inside functions, not module constants: creating a `\p{…}`
// pattern costs ICU property lookups (some 2–3 ms for these five at every start of the CLI), and
// only sentences with CJK characters need them. V8 compiles a literal once per site and each call
// only clones it, so a sentence that needs them pays little.
const anyCjk = () => /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const kana = () => /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const hangul = () => /\p{Script=Hangul}/gu;
const han = () => /\p{Script=Han}/gu;
const letter = () => /\p{L}/gu;
/** The first code unit of any Han, kana or Hangul character (Hangul Jamo, U+1100); below it no text needs the script test. */
const FIRST_CJK_UNIT = 0x1100;

/**
 * The language a sentence is written in. Script decides first: a sentence with kana or Hangul,
 * or largely Han, is Japanese, Korean or Chinese even when EARS keywords or names in it are
 * English. Latin-script sentences go to the language whose function words occur most; English
 * wins ties, so a sentence with no telling words is read as English, as before.
 *
 * Words are runs of Latin letters (A-Z, a-z and the accented ones of Latin-1 and Latin
 * Extended-A/B, U+00C0-U+024F; markers are all Latin script), read in one pass over the text:
 * a word of upper-case ASCII letters (an EARS keyword or acronym) is skipped without being cut
 * out, a lower-case ASCII word is one lookup, and only other words are lower-cased.
 */
export function detectLanguage(text: string): EarsLanguage {
  const n = text.length;
  const scores = new Array<number>(ALL_LANGUAGES.length).fill(0);
  // Most criteria are Latin script: the pass over the words also tells whether the script
  // counts below are needed at all (any unit at or above U+1100).
  let maybeCjk = false;
  for (let i = 0; i < n; i++) {
    let c = text.charCodeAt(i);
    if (!isWordUnit(c)) {
      if (c >= FIRST_CJK_UNIT) maybeCjk = true;
      continue;
    }
    const from = i;
    let lowerAscii = true;
    let upperAscii = true;
    let ascii = true;
    for (; i < n && isWordUnit((c = text.charCodeAt(i))); i++) {
      if (c < 97 || c > 122) lowerAscii = false;
      if (c < 65 || c > 90) upperAscii = false;
      if (c >= 128) ascii = false;
    }
    if (c >= FIRST_CJK_UNIT) maybeCjk = true;
    // Upper-case words of two or more letters are never markers (see `markerLanguages`).
    if (upperAscii && i - from > 1) continue;
    // An ASCII word whose length and first and last letters no marker has is no marker: most words end here, uncut.
    if (ascii && !ASCII_MARKER_SHAPES.has(shapeOf(i - from, text.charCodeAt(from), text.charCodeAt(i - 1)))) continue;
    const word = text.slice(from, i);
    const languages = lowerAscii ? AS_WRITTEN.get(word) : markerLanguages(word);
    if (languages) for (const language of languages) scores[INDEX_OF.get(language)!]!++;
  }
  if (maybeCjk && anyCjk().test(text)) {
    const kanaCount = count(text, kana());
    const hangulCount = count(text, hangul());
    const hanCount = count(text, han());
    // Kana and Hangul belong to one language each, so a few of them decide it even when the
    // sentence is mostly English names and code ("action path が single spec である場合 …").
    if (kanaCount >= 3) return BY_CODE.get('ja') ?? ENGLISH;
    if (hangulCount >= 3) return BY_CODE.get('ko') ?? ENGLISH;
    // Han characters are denser; a quoted label or two does not make an English sentence Chinese.
    if (hanCount >= 6 || (hanCount > 0 && hanCount * 5 >= count(text, letter()))) return BY_CODE.get('zh') ?? ENGLISH;
  }
  let best = 0;
  for (let l = 1; l < ALL_LANGUAGES.length; l++) if (scores[l]! > scores[best]!) best = l;
  return ALL_LANGUAGES[best]!;
}

/** A word's length with its first and last ASCII letters in lower case, as one number. */
function shapeOf(length: number, first: number, last: number): number {
  return length * 65536 + (first | 0x20) * 256 + (last | 0x20);
}

/** `shapeOf` every ASCII marker: a word of another shape cannot be one, whatever its case. */
const ASCII_MARKER_SHAPES: ReadonlySet<number> = new Set(
  [...MARKERS.keys()].filter((w) => /^[a-z]+$/.test(w)).map((w) => shapeOf(w.length, w.charCodeAt(0), w.charCodeAt(w.length - 1))),
);

/** A code unit of a marker word: `[A-Za-z\u00C0-\u024F]`. */
function isWordUnit(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f);
}

function count(text: string, pattern: RegExp): number {
  let n = 0;
  for (const _ of text.matchAll(pattern)) n++;
  return n;
}
