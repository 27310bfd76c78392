// Readers of the human-labelled aspect data (src/eval/aspect-data.ts): the XML reader and every layout on small
// files written here, then — when the shared data is present — each shared file against the counts its README
// states.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AIRLINE_UNKNOWN_REASON,
  comparableTopic,
  descendants,
  languageFromFileName,
  MAMS_RESTAURANT_TOPICS,
  mapCategories,
  mergeAspects,
  mergePolarity,
  parseCsv,
  parseXml,
  readAirlineCsv,
  readAmazonAspectsJson,
  readGermEvalTsv,
  readMamsXml,
  readSemEvalTerms,
  readSemEvalXml,
  RESTAURANT_SCHEMES,
  RESTAURANT_TOPICS,
  restaurantTopicOf,
  semEvalAttribute,
  semEvalEntity,
  SEMEVAL2014_RESTAURANT_TOPICS,
  SEMEVAL2016_RESTAURANT_TOPICS,
  textOf,
  type AspectSentence,
} from '../../src/eval/aspect-data.js';
import { TilfredsError } from '../../src/errors.js';
import { hasShared, ROOT, SHARED, tempDir } from '../support/cli.js';

const dir = tempDir('aspects');
let n = 0;
/** A fixture file in the temp folder; `name` may carry a language (restaurants_dutch_…). */
const fixture = (text: string, name = 'fixture.xml') => {
  const file = join(dir, `${n++}-${name}`);
  writeFileSync(file, text);
  return file;
};

const count = <T>(xs: readonly T[], key: (x: T) => string | undefined) => {
  const out: Record<string, number> = {};
  for (const x of xs) {
    const k = key(x);
    if (k !== undefined) out[k] = (out[k] ?? 0) + 1;
  }
  return out;
};
const aspectsOf = (ss: readonly AspectSentence[]) => ss.flatMap((s) => s.aspects);
const polarities = (ss: readonly AspectSentence[]) => count(aspectsOf(ss), (a) => String(a.polarity));
const categories = (ss: readonly AspectSentence[]) => count(aspectsOf(ss), (a) => a.category);
const uniquePairs = (ss: readonly AspectSentence[]) => ss.reduce((sum, s) => sum + mergeAspects(s.aspects).length, 0);

/** The SemEval-2015/16 restaurant categories in the order of the 2016 README's inventory. */
const RESTAURANT_INVENTORY = [
  'FOOD#QUALITY',
  'SERVICE#GENERAL',
  'RESTAURANT#GENERAL',
  'AMBIENCE#GENERAL',
  'FOOD#STYLE_OPTIONS',
  'RESTAURANT#MISCELLANEOUS',
  'FOOD#PRICES',
  'RESTAURANT#PRICES',
  'DRINKS#QUALITY',
  'DRINKS#STYLE_OPTIONS',
  'LOCATION#GENERAL',
  'DRINKS#PRICES',
];

describe('parseXml', () => {
  it('reads elements, attributes in either quote style, self-closing tags, text and entities', () => {
    const root = parseXml(
      `\uFEFF<?xml version='1.0' encoding="UTF-8"?>\r\n<!-- a comment -->\r\n<a x="1" y = 'it&apos;s "quoted"'>\r\n` +
        `  <b z='&lt;&gt;&amp;&quot;&#233;&#xE9;&#x1F600;'/><c>fish &amp; chips &lt;3 <![CDATA[<raw> & all]]></c><b/>\r\n</a>\r\n`,
    );
    expect(root.name).toBe('a');
    expect(root.attributes).toEqual({ x: '1', y: `it's "quoted"` });
    const bs = [...descendants(root, 'b')];
    expect(bs.map((b) => b.attributes)).toEqual([{ z: '<>&"éé😀' }, {}]);
    expect(bs.map((b) => b.children.length)).toEqual([0, 0]);
    expect(textOf([...descendants(root, 'c')][0]!)).toBe('fish & chips <3 <raw> & all');
    expect(bs[0]!.line).toBe(4);
    expect(textOf(root)).toBe('\n  fish & chips <3 <raw> & all\n'); // CRLF read as LF
  });

  it('normalises a literal tab or line end in an attribute value to a space, but not a character reference', () => {
    expect(parseXml(`<a v="x\ty\nz&#10;"/>`).attributes.v).toBe('x y z\n');
  });

  it('skips a DOCTYPE, with or without an internal subset', () => {
    expect(parseXml('<!DOCTYPE a><a/>').name).toBe('a');
    expect(parseXml('<!DOCTYPE a [ <!ELEMENT a EMPTY> ]>\n<a/>').name).toBe('a');
  });

  it.each([
    ['<a><b></a>', /<\/a> closes <b>/],
    ['<a>', /never closed/],
    ['<a>x &nbsp; y</a>', /unknown entity &nbsp;/],
    ['<a>fish & chips</a>', /bare '&'/],
    ['<a>&#0;</a>', /not an XML character/],
    ['<a/><b/>', /second root/],
    ['hello <a/>', /text outside the root/],
    ['<a x="1" x="2"/>', /given twice/],
    ['<a x="<"/>', /'<' in a value/],
    ['<a x=1/>', /quoted value/],
    ['<a x="1/>', /unclosed value/],
    ['</a>', /without an opening one/],
    ['', /no root element/],
  ])('refuses %j', (xml, message) => {
    expect(() => parseXml(xml, 'f.xml')).toThrow(message);
    expect(() => parseXml(xml, 'f.xml')).toThrow(TilfredsError);
  });

  it('names the line of the mistake', () => {
    expect(() => parseXml('<a>\n<b>\n</c>\n</a>', 'f.xml')).toThrow(/^f\.xml:3: /);
  });
});

const SEMEVAL14 = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sentences>
    <sentence id="3121">
        <text>But the staff was so horrible to us.</text>
        <aspectTerms>
            <aspectTerm term="staff" polarity="negative" from="8" to="13"/>
        </aspectTerms>
        <aspectCategories>
            <aspectCategory category="service" polarity="negative"/>
        </aspectCategories>
    </sentence>
    <sentence id="7">
        <text>The &quot;chef&apos;s special&quot; was great &amp; cheap, but the wait &lt;sigh&gt; was long.</text>
        <aspectCategories>
            <aspectCategory category='food' polarity='positive'/>
            <aspectCategory category="price" polarity="positive"/>
            <aspectCategory category="service" polarity="conflict"/>
            <aspectCategory category="anecdotes/miscellaneous" polarity="neutral"/>
        </aspectCategories>
    </sentence>
</sentences>
`;

const SEMEVAL16 = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r
<Reviews>\r
    <Review rid="ADLT#8">\r
        <sentences>\r
            <sentence id="ADLT#8:0">\r
                <text>Great pizza, awful pasta, and the wine list is too short.</text>\r
                <Opinions>\r
                    <Opinion target="pizza" category="FOOD#QUALITY" polarity="positive" from="6" to="11"/>\r
                    <Opinion target="pasta" category="FOOD#QUALITY" polarity="negative" from="19" to="24"/>\r
                    <Opinion target="wine list" category="DRINKS#STYLE_OPTIONS" polarity="negative" from="34" to="43"/>\r
                </Opinions>\r
            </sentence>\r
            <sentence id="ADLT#8:1">\r
                <text>We went there on a Tuesday.</text>\r
            </sentence>\r
            <sentence id="ADLT#8:2" OutOfScope="TRUE">\r
                <text>My car broke down on the way home.</text>\r
            </sentence>\r
            <sentence id="ADLT#8:3">\r
                <text> Worth it. </text>\r
                <Opinions>\r
                    <Opinion target="NULL" category="RESTAURANT#GENERAL" polarity="positive" from="0" to="0"/>\r
                </Opinions>\r
            </sentence>\r
        </sentences>\r
    </Review>\r
    <Review rid="2">\r
        <sentences>\r
            <sentence id="2:0">\r
                <text>Battery dies fast.</text>\r
                <Opinions>\r
                    <Opinion category="BATTERY#OPERATION_PERFORMANCE" polarity="negative"/>\r
                </Opinions>\r
            </sentence>\r
        </sentences>\r
    </Review>\r
</Reviews>\r
`;

const MAMS = `<?xml version="1.0" encoding="utf-8"?>
<sentences>
\t<sentence>
\t\t<text>The hostess was rude but the food was worth the wait.</text>
\t\t<aspectCategories>
\t\t\t<aspectCategory category="staff" polarity="negative"/>
\t\t\t<aspectCategory category="food" polarity="positive"/>
\t\t\t<aspectCategory category="service" polarity="neutral"/>
\t\t</aspectCategories>
\t</sentence>
\t<sentence>
\t\t<text>Tiny bar, big menu.</text>
\t\t<aspectCategories>
\t\t\t<aspectCategory category="place" polarity="negative"/>
\t\t\t<aspectCategory category="menu" polarity="positive"/>
\t\t</aspectCategories>
\t</sentence>
</sentences>
`;

describe('readSemEvalXml', () => {
  it('reads the 2014 layout: categories as given, conflict, entities in the text, aspect terms not read', () => {
    const ss = readSemEvalXml(fixture(SEMEVAL14));
    expect(ss).toEqual([
      { id: '3121', text: 'But the staff was so horrible to us.', language: 'en', aspects: [{ category: 'service', polarity: 'negative' }] },
      {
        id: '7',
        text: `The "chef's special" was great & cheap, but the wait <sigh> was long.`,
        language: 'en',
        aspects: [
          { category: 'food', polarity: 'positive' },
          { category: 'price', polarity: 'positive' },
          { category: 'service', polarity: 'conflict' },
          { category: 'anecdotes/miscellaneous', polarity: 'neutral' },
        ],
      },
    ]);
  });

  it('reads the 2015/2016 layout: several opinions, targets (none for NULL or laptops), unlabelled sentences, OutOfScope left out', () => {
    const ss = readSemEvalXml(fixture(SEMEVAL16));
    expect(ss.map((s) => s.id)).toEqual(['ADLT#8:0', 'ADLT#8:1', 'ADLT#8:3', '2:0']);
    expect(ss[0]!.aspects).toEqual([
      { category: 'FOOD#QUALITY', polarity: 'positive', target: 'pizza' },
      { category: 'FOOD#QUALITY', polarity: 'negative', target: 'pasta' },
      { category: 'DRINKS#STYLE_OPTIONS', polarity: 'negative', target: 'wine list' },
    ]);
    expect(ss[0]!.text).toBe('Great pizza, awful pasta, and the wine list is too short.');
    expect(ss[1]!.aspects).toEqual([]);
    expect(ss[2]).toEqual({ id: 'ADLT#8:3', text: ' Worth it. ', language: 'en', aspects: [{ category: 'RESTAURANT#GENERAL', polarity: 'positive' }] });
    expect(ss[3]!.aspects).toEqual([{ category: 'BATTERY#OPERATION_PERFORMANCE', polarity: 'negative' }]);
    expect(ss.some((s) => 'outOfScope' in s)).toBe(false);
  });

  it('keeps OutOfScope sentences, marked, when asked', () => {
    const ss = readSemEvalXml(fixture(SEMEVAL16), { keepOutOfScope: true });
    expect(ss.map((s) => s.id)).toEqual(['ADLT#8:0', 'ADLT#8:1', 'ADLT#8:2', 'ADLT#8:3', '2:0']);
    expect(ss.filter((s) => s.outOfScope).map((s) => [s.id, s.aspects])).toEqual([['ADLT#8:2', []]]);
  });

  it('takes the language from the file name unless told', () => {
    expect(readSemEvalXml(fixture(SEMEVAL16, 'restaurants_dutch_training.xml'))[0]!.language).toBe('nl');
    expect(readSemEvalXml(fixture(SEMEVAL16, 'restaurants_dutch_training.xml'), { language: 'en' })[0]!.language).toBe('en');
    expect(languageFromFileName('/x/ABSA16_Restaurants_Train_SB1_v2.xml')).toBe('en');
    expect(languageFromFileName('/dutch/ABSA16_Restaurants_Train_SB1_v2.xml')).toBe('en'); // the name only, not the folder
    expect(languageFromFileName('Restaurants-Spanish_Train.xml')).toBe('es');
  });

  it('refuses a terms-only file (SemEval-2014 laptops), pointing at readSemEvalTerms', () => {
    const terms = SEMEVAL14.replace(/\s*<aspectCategories>[^]*?<\/aspectCategories>/g, '');
    expect(() => readSemEvalXml(fixture(terms))).toThrow(/aspect terms but no aspect categories.*readSemEvalTerms/);
    expect(() => readSemEvalXml(fixture('<sentences><sentence id="1"><text>x</text></sentence></sentences>'))).toThrow(/no aspect category labels/);
  });

  it.each([
    ['a sentence without an id', MAMS, /without an id.*readMamsXml/],
    ['an unknown polarity', SEMEVAL14.replace('"conflict"', '"mixed"'), /:17: unknown polarity "mixed"/],
    ['a label without a category', SEMEVAL14.replace('category="price" ', ''), /:16: <aspectCategory> without a category/],
    ['a sentence with two texts', SEMEVAL14.replace('<text>But', '<text>x</text><text>But'), /:3: <sentence> has 2 <text> elements/],
    ['an OutOfScope sentence with opinions', SEMEVAL16.replace('id="ADLT#8:0"', 'id="ADLT#8:0" OutOfScope="TRUE"'), /OutOfScope sentence with opinions/],
    ['a file of no sentences', '<Reviews/>', /no <sentence> elements/],
  ])('refuses %s', (_what, xml, message) => {
    expect(() => readSemEvalXml(fixture(xml))).toThrow(message);
  });
});

describe('readSemEvalTerms', () => {
  it('reads the 2014 aspect terms with their offsets, every sentence kept', () => {
    const ss = readSemEvalTerms(fixture(SEMEVAL14));
    expect(ss.map((s) => [s.id, s.terms])).toEqual([
      ['3121', [{ term: 'staff', polarity: 'negative', from: 8, to: 13 }]],
      ['7', []],
    ]);
    expect(ss[0]!.text.slice(8, 13)).toBe('staff');
  });
});

describe('readMamsXml', () => {
  it('numbers the sentences from 1 and reads the categories as given', () => {
    expect(readMamsXml(fixture(MAMS))).toEqual([
      {
        id: '1',
        text: 'The hostess was rude but the food was worth the wait.',
        language: 'en',
        aspects: [
          { category: 'staff', polarity: 'negative' },
          { category: 'food', polarity: 'positive' },
          { category: 'service', polarity: 'neutral' },
        ],
      },
      { id: '2', text: 'Tiny bar, big menu.', language: 'en', aspects: [{ category: 'place', polarity: 'negative' }, { category: 'menu', polarity: 'positive' }] },
    ]);
  });
});

const AIRLINE_HEADER =
  'tweet_id,airline_sentiment,airline_sentiment_confidence,negativereason,negativereason_confidence,airline,airline_sentiment_gold,name,negativereason_gold,retweet_count,text,tweet_coord,tweet_created,tweet_location,user_timezone';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line ends, CRLF or LF rows, empty fields', () => {
    expect(parseCsv('\uFEFFa,b,c\r\n"x, ""y""\nz",,""\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['x, "y"\nz', '', ''],
      ['1', '2', '3'],
    ]);
    expect(parseCsv('a,b\n1,"2"')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('refuses an unclosed quote and text after a closing quote, with the line', () => {
    expect(() => parseCsv('a\n"b\n', 'f.csv')).toThrow(/^f\.csv:2: a quoted field is never closed/);
    expect(() => parseCsv('a\n"b"c\n', 'f.csv')).toThrow(/^f\.csv:2: text after a closing quote/);
  });
});

describe('readAirlineCsv', () => {
  const csv = [
    AIRLINE_HEADER,
    '569028851860254720,negative,1.0,Flight Booking Problems,0.6809,Virgin America,,alan,,0,@VirginAmerica the website is broken,,2015-02-20 23:00:24 -0800,San Francisco,Pacific Time (US & Canada)',
    '569020707113476096,positive,1.0,,,Virgin America,,court,,0,"@VirginAmerica thank you, quick &amp; painless.\nLove it",,2015-02-20 22:28:03 -0800,"New York, NY",',
    '569018352464588800,neutral,0.6598,,,United,,woaw,,0,"@united what time is it ""now""?",,2015-02-20 22:18:41 -0800,,',
    `569018352464588801,negative,1.0,${AIRLINE_UNKNOWN_REASON},0.7,United,,x,,0,@united ugh,,2015-02-20 22:18:41 -0800,,`,
    '',
  ].join('\n');

  it('gives a negative tweet its reason as a negative aspect, and positive and neutral tweets no aspects', () => {
    expect(readAirlineCsv(fixture(csv, 'tweets.csv'))).toEqual([
      { id: '569028851860254720', text: '@VirginAmerica the website is broken', language: 'en', sentiment: 'negative', aspects: [{ category: 'Flight Booking Problems', polarity: 'negative' }] },
      { id: '569020707113476096', text: '@VirginAmerica thank you, quick &amp; painless.\nLove it', language: 'en', sentiment: 'positive', aspects: [] },
      { id: '569018352464588800', text: '@united what time is it "now"?', language: 'en', sentiment: 'neutral', aspects: [] },
      { id: '569018352464588801', text: '@united ugh', language: 'en', sentiment: 'negative', aspects: [{ category: "Can't Tell", polarity: 'negative' }] },
    ]);
  });

  it('reads CRLF rows alike', () => {
    expect(readAirlineCsv(fixture(csv.replace(/\n(?=\d|$)/g, '\r\n'), 'tweets.csv')).map((s) => s.id)).toHaveLength(4);
  });

  it('refuses another layout, a short record and an unknown sentiment', () => {
    expect(() => readAirlineCsv(fixture('id,text\n1,x\n', 'other.csv'))).toThrow(/no tweet_id column/);
    expect(() => readAirlineCsv(fixture(`${AIRLINE_HEADER}\n1,negative,1.0\n`, 'short.csv'))).toThrow(/record 1: 3 fields, the header has 15/);
    expect(() => readAirlineCsv(fixture(csv.replace(',neutral,', ',meh,'), 'meh.csv'))).toThrow(/record 3: airline_sentiment "meh"/);
  });
});

describe('readGermEvalTsv', () => {
  const tsv = [
    'http://a\tDie Bahn ist wieder zu spät &amp; voll\ttrue\tnegative\tAllgemein#Haupt:negative Zugfahrt#Haupt:negative Allgemein#Haupt:negative Auslastung_und_Platzangebot#Haupt:neutral',
    'http://b\tEin Artikel über Dioden\tfalse\tneutral',
    '',
    'http://c\t"Re: ""Danke"" DB"\ttrue\tpositive\tService_und_Kundenbetreuung#Haupt:positive Allgemein#Haupt:neutral Service_und_Kundenbetreuung#Freundlichkeit:negative',
    '',
  ].join('\n');

  it('reads the category before # by default, repeated labels kept, line numbers as ids (empty lines counted)', () => {
    const ss = readGermEvalTsv(fixture(tsv, 'dev.tsv'));
    expect(ss).toEqual([
      {
        id: '1',
        text: 'Die Bahn ist wieder zu spät &amp; voll',
        language: 'de',
        sentiment: 'negative',
        aspects: [
          { category: 'Allgemein', polarity: 'negative' },
          { category: 'Zugfahrt', polarity: 'negative' },
          { category: 'Allgemein', polarity: 'negative' },
          { category: 'Auslastung_und_Platzangebot', polarity: 'neutral' },
        ],
      },
      { id: '2', text: 'Ein Artikel über Dioden', language: 'de', sentiment: 'neutral', aspects: [] },
      {
        id: '4',
        text: '"Re: ""Danke"" DB"',
        language: 'de',
        sentiment: 'positive',
        aspects: [
          { category: 'Service_und_Kundenbetreuung', polarity: 'positive' },
          { category: 'Allgemein', polarity: 'neutral' },
          { category: 'Service_und_Kundenbetreuung', polarity: 'negative' },
        ],
      },
    ]);
    expect(mergeAspects(ss[2]!.aspects)).toEqual([
      { category: 'Service_und_Kundenbetreuung', polarity: 'conflict' },
      { category: 'Allgemein', polarity: 'neutral' },
    ]);
  });

  it('keeps the subcategory when asked', () => {
    expect(readGermEvalTsv(fixture(tsv, 'dev.tsv'), { subcategories: true })[2]!.aspects.map((a) => a.category)).toEqual([
      'Service_und_Kundenbetreuung#Haupt',
      'Allgemein#Haupt',
      'Service_und_Kundenbetreuung#Freundlichkeit',
    ]);
  });

  it('refuses a malformed label, a wrong field count and an unknown sentiment, with the line', () => {
    expect(() => readGermEvalTsv(fixture('u\tt\ttrue\tnegative\tAllgemein#Haupt\n', 'x.tsv'))).toThrow(/x\.tsv:1: aspect label "Allgemein#Haupt"/);
    expect(() => readGermEvalTsv(fixture('\nu\tt\ttrue\n', 'x.tsv'))).toThrow(/x\.tsv:2: 3 fields/);
    expect(() => readGermEvalTsv(fixture('u\tt\ttrue\tgood\n', 'x.tsv'))).toThrow(/document sentiment "good"/);
  });
});

describe('readAmazonAspectsJson', () => {
  const reviews = [
    {
      reviewerID: 'R1',
      asin: 'P1',
      reviewText: 'Cheap. Sounds great. Arrived late.',
      overall: 4,
      reviewTextJson: { '0': 'Cheap.', '1': 'Sounds great.', '2': 'Arrived late.' },
      aspects: { price: [0], 'sound quality': [1, 0], 'delivery time': [2] },
    },
    { reviewerID: 'R2', asin: 'P1', reviewText: 'Fine.', reviewTextJson: { '0': 'Fine.' }, aspects: {} },
    {
      // The annotation-tool slip in kindle100.json: the sentence text (slightly misspelt) instead of its index.
      reviewerID: 'R3',
      asin: 'P1',
      reviewText: 'I love it. However, the battery life is short. It takes all night to charge it fully.',
      reviewTextJson: { '0': 'I love it.', '1': 'However, the battery life is short.', '2': 'It takes all night to charge it fully.' },
      aspects: { 'battery life': 'the battery life is short.  It takes all night to charge it fuly', screen: [] },
    },
  ];

  it('gives each sentence the aspects that name it, without polarity', () => {
    const ss = readAmazonAspectsJson(fixture(JSON.stringify(reviews), 'p.json'));
    expect(ss.map((s) => [s.id, s.text, s.aspects.map((a) => a.category)])).toEqual([
      ['P1/R1:0', 'Cheap.', ['price', 'sound quality']],
      ['P1/R1:1', 'Sounds great.', ['sound quality']],
      ['P1/R1:2', 'Arrived late.', ['delivery time']],
      ['P1/R2:0', 'Fine.', []],
      ['P1/R3:0', 'I love it.', []],
      ['P1/R3:1', 'However, the battery life is short.', ['battery life']],
      ['P1/R3:2', 'It takes all night to charge it fully.', ['battery life']],
    ]);
    expect(ss.every((s) => s.language === 'en' && s.aspects.every((a) => a.polarity === undefined))).toBe(true);
  });

  it('gives each review its aspect names once by review', () => {
    const ss = readAmazonAspectsJson(fixture(JSON.stringify(reviews), 'p.json'), { level: 'review' });
    expect(ss.map((s) => [s.id, s.aspects.map((a) => a.category)])).toEqual([
      ['P1/R1', ['price', 'sound quality', 'delivery time']],
      ['P1/R2', []],
      ['P1/R3', ['battery life', 'screen']],
    ]);
    expect(ss[0]!.text).toBe('Cheap. Sounds great. Arrived late.');
  });

  it('refuses an index the review does not have and a text that is none of its sentences', () => {
    const bad = (aspects: unknown) => fixture(JSON.stringify([{ ...reviews[0], aspects }]), 'bad.json');
    expect(() => readAmazonAspectsJson(bad({ price: [7] }))).toThrow(/aspect "price" names sentence 7/);
    expect(() => readAmazonAspectsJson(bad({ price: 'Something else entirely' }))).toThrow(/is not one of the review's sentences/);
  });
});

describe('category maps', () => {
  const restaurantIds = (JSON.parse(readFileSync(join(ROOT, 'lexicons/topics/restaurants.json'), 'utf8')) as { topics: { id: string }[] }).topics.map((t) => t.id);

  it('map to exactly the topic ids of lexicons/topics/restaurants.json', () => {
    expect([...RESTAURANT_TOPICS].sort()).toEqual([...restaurantIds].sort());
    for (const map of Object.values(RESTAURANT_SCHEMES))
      for (const topic of Object.values(map)) if (topic !== null) expect(restaurantIds).toContain(topic);
    // SemEval-2015/16 reaches every topic; 2014 and MAMS have no drinks or location category.
    const reached = (map: Record<string, string | null>) => new Set(Object.values(map).filter((t) => t !== null));
    expect([...reached(SEMEVAL2016_RESTAURANT_TOPICS)].sort()).toEqual([...restaurantIds].sort());
    expect([...reached(SEMEVAL2014_RESTAURANT_TOPICS)].sort()).toEqual(['ambience', 'food', 'price', 'service']);
    expect([...reached(MAMS_RESTAURANT_TOPICS)].sort()).toEqual(['ambience', 'food', 'price', 'service']);
  });

  it('cover the category inventories of the READMEs', () => {
    expect(Object.keys(SEMEVAL2016_RESTAURANT_TOPICS).sort()).toEqual([...RESTAURANT_INVENTORY].sort());
    expect(Object.keys(SEMEVAL2014_RESTAURANT_TOPICS).sort()).toEqual(['food', 'anecdotes/miscellaneous', 'service', 'ambience', 'price'].sort());
    expect(Object.keys(MAMS_RESTAURANT_TOPICS).sort()).toEqual(['food', 'staff', 'miscellaneous', 'place', 'service', 'menu', 'ambience', 'price'].sort());
  });

  it('restaurantTopicOf: a topic, undefined for a catch-all, an error for a category of no restaurant scheme', () => {
    expect(['FOOD#PRICES', 'DRINKS#QUALITY', 'food', 'staff', 'place', 'menu', 'LOCATION#GENERAL'].map(restaurantTopicOf)).toEqual([
      'price',
      'drinks',
      'food',
      'service',
      'ambience',
      'food',
      'location',
    ]);
    expect(['RESTAURANT#GENERAL', 'RESTAURANT#MISCELLANEOUS', 'anecdotes/miscellaneous', 'miscellaneous'].map(restaurantTopicOf)).toEqual([undefined, undefined, undefined, undefined]);
    expect(() => restaurantTopicOf('LAPTOP#PRICE')).toThrow(/not a SemEval or MAMS restaurant category/);
  });

  it('entity and attribute of E#A categories', () => {
    expect(['FOOD#QUALITY', 'RESTAURANT#PRICES', 'food', 'anecdotes/miscellaneous'].map(semEvalEntity)).toEqual(['FOOD', 'RESTAURANT', 'food', 'anecdotes/miscellaneous']);
    expect(['FOOD#QUALITY', 'MULTIMEDIA_DEVICES#OPERATION_PERFORMANCE', 'food'].map(semEvalAttribute)).toEqual(['QUALITY', 'OPERATION_PERFORMANCE', undefined]);
  });

  it('mergePolarity: positive with negative is conflict, neutral gives way, no polarity stays none', () => {
    expect(mergePolarity(['positive', 'negative'])).toBe('conflict');
    expect(mergePolarity(['conflict', 'positive'])).toBe('conflict');
    expect(mergePolarity(['neutral', 'positive', 'positive'])).toBe('positive');
    expect(mergePolarity(['neutral', 'negative', undefined])).toBe('negative');
    expect(mergePolarity(['neutral', 'neutral'])).toBe('neutral');
    expect(mergePolarity([undefined])).toBe(undefined);
    expect(mergePolarity([])).toBe(undefined);
  });

  it('mapCategories: maps, drops catch-alls, merges what falls together (conflict), keeps a common target only', () => {
    const restaurant = readSemEvalXml(fixture(SEMEVAL16)).filter((s) => s.id.startsWith('ADLT#8:'));
    expect(() => mapCategories(readSemEvalXml(fixture(SEMEVAL16)), restaurantTopicOf)).toThrow(/"BATTERY#OPERATION_PERFORMANCE" is not a SemEval or MAMS restaurant/);
    const [s16] = mapCategories(restaurant, restaurantTopicOf);
    expect(s16!.aspects).toEqual([
      { category: 'food', polarity: 'conflict' },
      { category: 'drinks', polarity: 'negative', target: 'wine list' },
    ]);
    const mams = mapCategories(readMamsXml(fixture(MAMS)), restaurantTopicOf);
    expect(mams.map((s) => s.aspects)).toEqual([
      [
        { category: 'service', polarity: 'negative' },
        { category: 'food', polarity: 'positive' },
      ],
      [
        { category: 'ambience', polarity: 'negative' },
        { category: 'food', polarity: 'positive' },
      ],
    ]);
    const s14 = mapCategories(readSemEvalXml(fixture(SEMEVAL14)), restaurantTopicOf);
    expect(s14[1]!.aspects.map((a) => a.category)).toEqual(['food', 'price', 'service']);
    const entities = mapCategories(readSemEvalXml(fixture(SEMEVAL16)), semEvalEntity);
    expect(entities[0]!.aspects.map((a) => [a.category, a.polarity])).toEqual([
      ['FOOD', 'conflict'],
      ['DRINKS', 'negative'],
    ]);
    expect(entities[1]!.aspects).toEqual([]);
  });

  it('comparableTopic: drinks counts as food and location is not scored against SemEval-2014 and MAMS', () => {
    expect(RESTAURANT_TOPICS.map((t) => comparableTopic('semeval2014', t))).toEqual(['food', 'service', 'price', 'ambience', undefined, 'food']);
    expect(RESTAURANT_TOPICS.map((t) => comparableTopic('mams', t))).toEqual(['food', 'service', 'price', 'ambience', undefined, 'food']);
    expect(RESTAURANT_TOPICS.map((t) => comparableTopic('semeval2016', t))).toEqual([...RESTAURANT_TOPICS]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The shared data, against the counts in each folder's README.

const ASPECTS = join(SHARED, 'data/aspects');
const data = (path: string) => join(ASPECTS, path);
/** Review ids of SemEval-2015/16 sentences (`rid:n`). */
const reviewsOf = (ss: readonly AspectSentence[]) => new Set(ss.map((s) => s.id.slice(0, s.id.lastIndexOf(':')))).size;

describe.skipIf(!hasShared || !existsSync(ASPECTS))('the shared aspect data against its READMEs', () => {
  describe('semeval2014-task4-train', () => {
    it('Restaurants_Train_v2.xml: 3,041 sentences, 3,713 categories (2,179/839/500/195), the five categories, every sentence labelled', () => {
      const ss = readSemEvalXml(data('semeval2014-task4-train/Restaurants_Train_v2.xml'));
      expect(ss).toHaveLength(3041);
      expect(new Set(ss.map((s) => s.id)).size).toBe(3041);
      expect(aspectsOf(ss)).toHaveLength(3713);
      expect(polarities(ss)).toEqual({ positive: 2179, negative: 839, neutral: 500, conflict: 195 });
      expect(categories(ss)).toEqual({ food: 1232, 'anecdotes/miscellaneous': 1132, service: 597, ambience: 431, price: 321 });
      expect(ss.every((s) => s.aspects.length > 0 && s.language === 'en')).toBe(true);
      // Not in the README: two sentences carry anecdotes/miscellaneous twice.
      expect(uniquePairs(ss)).toBe(3711);
      const terms = readSemEvalTerms(data('semeval2014-task4-train/Restaurants_Train_v2.xml'));
      expect(terms.flatMap((s) => s.terms)).toHaveLength(3693);
      expect(count(terms.flatMap((s) => s.terms), (t) => String(t.polarity))).toEqual({ positive: 2164, negative: 805, neutral: 633, conflict: 91 });
    });

    it('Laptop_Train_v2.xml: terms only (refused as topic data); 3,045 sentences, 1,488 with terms, 2,358 terms (987/866/460/45)', () => {
      const file = data('semeval2014-task4-train/Laptop_Train_v2.xml');
      expect(() => readSemEvalXml(file)).toThrow(/aspect terms but no aspect categories/);
      const ss = readSemEvalTerms(file);
      expect(ss).toHaveLength(3045);
      expect(ss.filter((s) => s.terms.length)).toHaveLength(1488);
      const terms = ss.flatMap((s) => s.terms);
      expect(terms).toHaveLength(2358);
      expect(count(terms, (t) => String(t.polarity))).toEqual({ positive: 987, negative: 866, neutral: 460, conflict: 45 });
      expect(ss.every((s) => s.terms.every((t) => s.text.slice(t.from, t.to) === t.term))).toBe(true);
    });
  });

  // [file, language, reviews, sentences, out of scope, opinions by polarity, unique sentence/category pairs]
  const SEMEVAL_E_A: [string, string, number, number, number, Record<string, number>, number][] = [
    ['semeval2015-task12/ABSA15_Restaurants_Test.xml', 'en', 96, 685, 22, { positive: 454, negative: 346, neutral: 45 }, 775],
    ['semeval2015-task12/ABSA15_Laptops_Test.xml', 'en', 173, 761, 36, { positive: 541, negative: 329, neutral: 79 }, 948],
    ['semeval2016-task5-train/ABSA16_Restaurants_Train_SB1_v2.xml', 'en', 350, 2000, 63, { positive: 1657, negative: 749, neutral: 101 }, 2258],
    ['semeval2016-task5-train/ABSA16_Laptops_Train_SB1_v2.xml', 'en', 450, 2500, 199, { positive: 1637, negative: 1084, neutral: 188 }, 2906],
    ['semeval2016-task5-train/restaurants_dutch_training.xml', 'nl', 300, 1722, 11, { positive: 1062, negative: 646, neutral: 152 }, 1729],
  ];
  it.each(SEMEVAL_E_A)('%s (%s): %i reviews, %i sentences (%i OutOfScope), opinions %o, %i unique pairs', (file, language, reviews, sentences, outOfScope, byPolarity, unique) => {
    const all = readSemEvalXml(data(file), { keepOutOfScope: true });
    expect(all).toHaveLength(sentences);
    expect(new Set(all.map((s) => s.id)).size).toBe(sentences);
    expect(reviewsOf(all)).toBe(reviews);
    expect(all.filter((s) => s.outOfScope)).toHaveLength(outOfScope);
    expect(all.every((s) => s.language === language)).toBe(true);
    const scored = readSemEvalXml(data(file));
    expect(scored).toHaveLength(sentences - outOfScope);
    expect(polarities(scored)).toEqual(byPolarity);
    expect(aspectsOf(scored)).toHaveLength(Object.values(byPolarity).reduce((a, b) => a + b, 0));
    expect(uniquePairs(scored)).toBe(unique);
  });

  const inventory = (counts: number[]) => Object.fromEntries(RESTAURANT_INVENTORY.map((c, i) => [c, counts[i]]));

  it('the restaurant category inventories (2015 test, 2016 English and Dutch train)', () => {
    expect(categories(readSemEvalXml(data('semeval2015-task12/ABSA15_Restaurants_Test.xml')))).toEqual(
      // (the README lists 2015 in its own order: RESTAURANT#PRICES 35 before FOOD#PRICES 31, LOCATION before DRINKS#STYLE_OPTIONS)
      inventory([271, 175, 147, 77, 40, 38, 31, 35, 12, 6, 8, 5]),
    );
    expect(categories(readSemEvalXml(data('semeval2016-task5-train/ABSA16_Restaurants_Train_SB1_v2.xml')))).toEqual(inventory([849, 449, 422, 255, 137, 98, 90, 80, 47, 32, 28, 20]));
    expect(categories(readSemEvalXml(data('semeval2016-task5-train/restaurants_dutch_training.xml')))).toEqual(inventory([526, 446, 318, 187, 151, 13, 39, 47, 56, 32, 28, 17]));
  });

  it('the laptop inventories: 58 E#A pairs over 19 entities (2015), 81 over 22 (2016), the entity counts stated', () => {
    const entityCounts = (file: string) => count(aspectsOf(readSemEvalXml(data(file))), (a) => semEvalEntity(a.category));
    const l15 = readSemEvalXml(data('semeval2015-task12/ABSA15_Laptops_Test.xml'));
    expect(Object.keys(categories(l15))).toHaveLength(58);
    const e15 = entityCounts('semeval2015-task12/ABSA15_Laptops_Test.xml');
    expect(Object.keys(e15)).toHaveLength(19);
    expect(e15).toMatchObject({ LAPTOP: 691, DISPLAY: 49, MOUSE: 37, OS: 30, KEYBOARD: 29, BATTERY: 22, COMPANY: 18, SUPPORT: 6, SHIPPING: 1 });
    const l16 = readSemEvalXml(data('semeval2016-task5-train/ABSA16_Laptops_Train_SB1_v2.xml'));
    expect(Object.keys(categories(l16))).toHaveLength(81);
    expect(entityCounts('semeval2016-task5-train/ABSA16_Laptops_Train_SB1_v2.xml')).toEqual({
      LAPTOP: 1914, SUPPORT: 146, DISPLAY: 125, BATTERY: 96, COMPANY: 90, KEYBOARD: 90, MOUSE: 86, SOFTWARE: 86, OS: 73, MULTIMEDIA_DEVICES: 46, GRAPHICS: 26,
      HARD_DISC: 25, CPU: 21, POWER_SUPPLY: 19, MEMORY: 16, SHIPPING: 12, HARDWARE: 7, MOTHERBOARD: 7, OPTICAL_DRIVES: 6, WARRANTY: 6, PORTS: 6, FANS_COOLING: 6,
    });
    const attributes = new Set([...l15, ...l16].flatMap((s) => s.aspects.map((a) => semEvalAttribute(a.category))));
    expect([...attributes].sort()).toEqual(['CONNECTIVITY', 'DESIGN_FEATURES', 'GENERAL', 'MISCELLANEOUS', 'OPERATION_PERFORMANCE', 'PORTABILITY', 'PRICE', 'QUALITY', 'USABILITY']);
  });

  it('the 2015 test sentences are in the 2016 training files with the same text; 676 and 730 with the same labels', () => {
    for (const [test, train, same] of [
      ['semeval2015-task12/ABSA15_Restaurants_Test.xml', 'semeval2016-task5-train/ABSA16_Restaurants_Train_SB1_v2.xml', 676],
      ['semeval2015-task12/ABSA15_Laptops_Test.xml', 'semeval2016-task5-train/ABSA16_Laptops_Train_SB1_v2.xml', 730],
    ] as const) {
      const t = readSemEvalXml(data(test), { keepOutOfScope: true });
      const byId = new Map(readSemEvalXml(data(train), { keepOutOfScope: true }).map((s) => [s.id, s]));
      expect(t.filter((s) => byId.get(s.id)?.text === s.text)).toHaveLength(t.length);
      expect(t.filter((s) => JSON.stringify(byId.get(s.id)!.aspects) === JSON.stringify(s.aspects))).toHaveLength(same);
    }
  });

  it('every SemEval restaurant category has a topic mapping; mapped, 2015/16 reach all six topics', () => {
    for (const file of [
      'semeval2014-task4-train/Restaurants_Train_v2.xml',
      'semeval2015-task12/ABSA15_Restaurants_Test.xml',
      'semeval2016-task5-train/ABSA16_Restaurants_Train_SB1_v2.xml',
      'semeval2016-task5-train/restaurants_dutch_training.xml',
    ]) {
      const mapped = mapCategories(readSemEvalXml(data(file)), restaurantTopicOf);
      const topics = Object.keys(categories(mapped)).sort();
      expect(topics).toEqual(file.includes('2014') ? ['ambience', 'food', 'price', 'service'] : [...RESTAURANT_TOPICS].sort());
    }
  });

  it.each([
    ['train.xml', 3149, { positive: 1929, negative: 2084, neutral: 3077 }],
    ['val.xml', 400, { positive: 241, negative: 259, neutral: 388 }],
  ] as const)('MAMS-ACSA/%s: %i sentences, labels %o, each with two categories of different polarity', (file, sentences, byPolarity) => {
    const ss = readMamsXml(data(`mams-train-val/MAMS-ACSA/${file}`));
    expect(ss).toHaveLength(sentences);
    expect(ss.map((s) => s.id)).toEqual(ss.map((_, i) => String(i + 1)));
    expect(polarities(ss)).toEqual(byPolarity);
    expect(ss.every((s) => s.aspects.length >= 2 && new Set(s.aspects.map((a) => a.polarity)).size >= 2)).toBe(true);
    expect(Object.keys(categories(ss)).sort()).toEqual(Object.keys(MAMS_RESTAURANT_TOPICS).sort());
    if (file === 'train.xml') expect(categories(ss)).toEqual({ food: 2307, staff: 1383, miscellaneous: 954, place: 694, service: 631, menu: 475, ambience: 324, price: 322 });
  });

  it('airline-tweets-dev: 5,632 tweets (3,163/1,345/1,124), one reason per negative tweet with the stated counts', () => {
    const ss = readAirlineCsv(data('airline-tweets-dev/Tweets-2015-02-16_to_20.csv'));
    expect(ss).toHaveLength(5632);
    expect(new Set(ss.map((s) => s.id)).size).toBe(5632);
    expect(ss.every((s) => /^\d{18}$/.test(s.id))).toBe(true);
    expect(count(ss, (s) => s.sentiment)).toEqual({ negative: 3163, neutral: 1345, positive: 1124 });
    expect(ss.every((s) => s.aspects.length === (s.sentiment === 'negative' ? 1 : 0))).toBe(true);
    expect(categories(ss)).toEqual({
      'Customer Service Issue': 930, 'Late Flight': 657, "Can't Tell": 428, 'Bad Flight': 238, 'Lost Luggage': 221, 'Cancelled Flight': 220,
      'Flight Booking Problems': 209, 'Flight Attendant Complaints': 172, longlines: 57, 'Damaged Luggage': 31,
    });
  });

  it('germeval2017-dev: 2,584 documents (1,812/617/155), 2,763 labels on 2,310 document/category pairs, the 20 categories', () => {
    const ss = readGermEvalTsv(data('germeval2017-dev/dev.tsv'));
    expect(ss).toHaveLength(2584);
    expect(ss.some((s) => s.id === '101')).toBe(false); // line 101 is empty
    expect(ss.at(-1)!.id).toBe('2585');
    expect(count(ss, (s) => s.sentiment)).toEqual({ neutral: 1812, negative: 617, positive: 155 });
    expect(aspectsOf(ss)).toHaveLength(2763);
    expect(uniquePairs(ss)).toBe(2310);
    expect(categories(ss)).toEqual({
      Allgemein: 1596, Zugfahrt: 275, Sonstige_Unregelmässigkeiten: 206, Atmosphäre: 194, Sicherheit: 111, Ticketkauf: 88, Service_und_Kundenbetreuung: 57,
      Auslastung_und_Platzangebot: 47, Informationen: 46, Connectivity: 36, DB_App_und_Website: 27, Komfort_und_Ausstattung: 26, Barrierefreiheit: 22,
      Gastronomisches_Angebot: 7, Image: 7, Toiletten: 5, Design: 5, Reisen_mit_Kindern: 4, Gepäck: 3, 'QR-Code': 1,
    });
    // Relevance is not read; the README's 535 irrelevant documents are among those without labels.
    expect(ss.filter((s) => !s.aspects.length)).toHaveLength(536);
  });

  it.each([
    ['headphone100.json', 99, 489, 14, { 'sound quality': 76, price: 50, comfortability: 26, quality: 21, fit: 20, 'noise cancellation': 14, cord: 11, design: 11, 'price worthy': 9, durability: 8, color: 6, size: 3, 'delivery time': 3, packaging: 2 }],
    ['kindle100.json', 81, 664, 24, { screen: 24, apps: 22, 'sound quality': 16, price: 14, 'ease of use': 11, size: 11, 'shipping time': 5, 'customer service': 3 }],
    ['sandisk100.json', 94, 396, 22, { speed: 38, works: 27, price: 24, storage: 14, adapter: 11, quality: 9, 'shipping time': 6, packaging: 5, seller: 1 }],
  ] as const)('amazon-aspects-khaledsaikat/%s: 100 reviews (%i with aspects), %i sentences, %i aspect names, the stated review counts', (file, withAspects, sentences, names, stated) => {
    const reviews = readAmazonAspectsJson(data(`amazon-aspects-khaledsaikat/${file}`), { level: 'review' });
    expect(reviews).toHaveLength(100);
    expect(reviews.filter((r) => r.aspects.length)).toHaveLength(withAspects);
    const byName = categories(reviews);
    expect(Object.keys(byName)).toHaveLength(names);
    expect(byName).toMatchObject(stated);
    const ss = readAmazonAspectsJson(data(`amazon-aspects-khaledsaikat/${file}`));
    expect(ss).toHaveLength(sentences);
    // Every aspect a review has is on at least one of its sentences (the kindle slips included).
    const onSentences = new Set(ss.flatMap((s) => s.aspects.map((a) => `${s.id.slice(0, s.id.lastIndexOf(':'))}\t${a.category}`)));
    const emptyLists = reviews.flatMap((r) => r.aspects.map((a) => `${r.id}\t${a.category}`)).filter((k) => !onSentences.has(k));
    expect(emptyLists).toEqual([]);
  });
});
