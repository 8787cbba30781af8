import { describe, expect, it } from 'vitest';
import { chooseTitle, cleanTitle } from '../../src/metadata/title.js';

describe('cleanTitle', () => {
  it('drops a site-name suffix the visible headline does not have', () => {
    expect(cleanTitle('Mozilla - Wikipedia', 'Wikipedia', ['Mozilla'])).toBe('Mozilla');
    expect(cleanTitle('Night Markets Return to the Old Port | The Harbourview Gazette', null, [])).toBe('Night Markets Return to the Old Port');
  });
  it('drops a site-name suffix in brackets, not brackets inside the title', () => {
    expect(cleanTitle('Kernel news for the week of May 3, 2024 [Tidewire.net]', null, [])).toBe('Kernel news for the week of May 3, 2024');
    expect(cleanTitle('Reading items of an array with Array[index] in JS', null, [])).toBe('Reading items of an array with Array[index] in JS');
  });
  it('drops a site-name prefix', () => {
    expect(cleanTitle('Coastline Daily - Harbour Dredging Resumes After Two-Year Pause', 'Coastline Daily', [])).toBe('Harbour Dredging Resumes After Two-Year Pause');
  });
  it('drops a short first part as a site name only when the site name is unknown', () => {
    const title = 'Lanterns — Light up the harbour walk — The longest festival of the winter';
    expect(cleanTitle(title, null, [])).toBe('Light up the harbour walk — The longest festival of the winter');
    // The site is known, and it is not "Lanterns": the first part belongs to the title.
    expect(cleanTitle(title, 'Harbour Council', [])).toBe(title);
  });
  it('keeps a separator that belongs to the headline', () => {
    expect(cleanTitle('How we designed Dropbox ATF: an async task framework - Dropbox', 'Dropbox', ['How we designed Dropbox ATF: an async task framework'])).toBe(
      'How we designed Dropbox ATF: an async task framework',
    );
    expect(cleanTitle('Friday Facts #282 - 0.17 in sight | Factorio', null, ['Friday Facts #282 - 0.17 in sight'])).toBe('Friday Facts #282 - 0.17 in sight');
  });
  it("drops the site's name from a headline that carries it", () => {
    expect(cleanTitle('Critics’ Choice: Best Harbour Exhibitions 2025 – Quayside - Quayside', 'Quayside', ['Critics’ Choice: Best Harbour Exhibitions 2025 – Quayside'])).toBe('Critics’ Choice: Best Harbour Exhibitions 2025');
    expect(cleanTitle('Vehicle rental News and Reporting Coverage | HRBR', 'HRBR.com', ['Vehicle rental News and Reporting Coverage | HRBR'])).toBe('Vehicle rental News and Reporting Coverage');
  });
  it('does not cut the title down to a logo headline', () => {
    expect(cleanTitle('A long article headline here @ Someone :: Blog Host ::', 'Blog Host', ['Blog Host'])).toBe('A long article headline here @ Someone');
  });
  it('prefers the earlier part when two headlines match two parts', () => {
    expect(cleanTitle('Evolve: Shared Mutable History — evolve extension for Mercurial', null, ['evolve extension for Mercurial', 'Evolve: Shared Mutable History'])).toBe(
      'Evolve: Shared Mutable History',
    );
  });
});

describe('chooseTitle', () => {
  it('takes the candidate that is the visible headline over a more trusted summary', () => {
    expect(chooseTitle(['constitutional monarchy in Oceania', 'New Zealand', 'New Zealand - Wikipedia'], null, ['New Zealand'])).toEqual({ index: 1, title: 'New Zealand' });
  });
  it('falls back to the most trusted candidate', () => {
    expect(chooseTitle(['Social card title', 'Page title'], null, ['Something else'])).toEqual({ index: 0, title: 'Social card title' });
  });
});

describe('chooseTitle and a headline broken over two lines', () => {
  it('keeps the more trusted title that the visible first line begins', () => {
    expect(chooseTitle(['New York man pleads guilty to threatening to kill Omar', 'New York man pleads guilty to threatening to'], null, ['New York man pleads guilty to threatening to'])).toEqual({
      index: 0,
      title: 'New York man pleads guilty to threatening to kill Omar',
    });
  });
});

describe('character references left in metadata values', () => {
  it('decodes them: JSON-LD strings (not decoded by the HTML parser) and headings escaped twice', async () => {
    const { convert } = await import('../../src/index.js');
    const body = '<p>The plate shows how to build a healthy, balanced meal from vegetables, whole grains and protein, on a plate or in a lunch box.</p>'.repeat(2);
    const ld = '{"@type":"WebPage","name":"Healthy Eating Plate for the Whole Family &bull; The Harbour Source","author":{"@type":"Person","name":"Ren&eacute;e Okafor"}}';
    const m = (await convert(`<!DOCTYPE html><html lang="en"><head><script type="application/ld+json">${ld}</script></head><body><main><h2>x</h2>${body}</main></body></html>`)).metadata;
    expect(m.title).toBe('Healthy Eating Plate for the Whole Family');
    expect(m.authors.map((a) => a.name)).toEqual(['Renée Okafor']);
    const twice = (await convert(`<!DOCTYPE html><html lang="en"><head><title>Tools for 2026: Python, SQL &amp;#x26; AI</title></head><body><article><h1>Tools for 2026: Python, SQL &amp;#x26; AI</h1>${body}</article></body></html>`)).metadata;
    expect(twice.title).toBe('Tools for 2026: Python, SQL & AI');
    // A less-than sign in the value stays text.
    expect((await convert(`<!DOCTYPE html><html><head><title>a &lt;b&gt; &amp;amp; c</title></head><body>${body}</body></html>`)).metadata.title).toBe('a <b> & c');
  });
});
describe("a thread's heading", () => {
  it('is its title when the tab and card titles share no word with it (a platform slogan), not when they name the thread', async () => {
    const { headlineTitle } = await import('../../src/metadata/title.js');
    expect(headlineTitle(['Best knot for mooring a dinghy?'], 'forum', 'Harbour Forum', 'The heart of the harbour', ['The heart of the harbour'])).toBe('Best knot for mooring a dinghy?');
    // A forum's name as heading, beside the thread's title: the candidates decide.
    expect(headlineTitle(['Harbour Forum'], 'forum', null, 'Best knot for mooring a dinghy?', ['Best knot for mooring a dinghy? - Harbour Forum'])).toBeNull();
    expect(headlineTitle(['Sailing and Moorings'], 'forum', null, 'Best knot for mooring a dinghy?', ['Best knot for mooring a dinghy?'])).toBeNull();
  });
});

describe('settleTitle', () => {
  it('keeps the first part of a title a vertical bar still divides (a tagline or variant follows), the part after it when the first is the site', async () => {
    const { settleTitle } = await import('../../src/metadata/title.js');
    expect(settleTitle('Harbour Kayak Rental | Two-Hour and Day Tours', null, [])).toBe('Harbour Kayak Rental');
    expect(settleTitle('Tidewater Paddles | Kayaks for Every Harbour', 'Tidewater Paddles', [])).toBe('Kayaks for Every Harbour');
    // One word after the bar (a section's name) stays.
    expect(settleTitle('Mooring your boat in a gale | Sailing', null, [])).toBe('Mooring your boat in a gale | Sailing');
    // Dashes join the parts of a headline: left alone.
    expect(settleTitle('Mooring Knots - A Beginner’s Guide', null, [])).toBe('Mooring Knots - A Beginner’s Guide');
  });
  it('spells the title as most of the page’s texts do, when they differ only inside it', async () => {
    const { settleTitle } = await import('../../src/metadata/title.js');
    const texts = ['Why Hasn’t the Ferry Been Faster?', 'Why Hasn\'t the Ferry Been Faster?', 'Why Hasn\'t the Ferry Been Faster? | Harbour Times'];
    expect(settleTitle('Why Hasn’t the Ferry Been Faster?', 'Harbour Times', texts)).toBe('Why Hasn\'t the Ferry Been Faster?');
    // A tie keeps the chosen spelling; an addition at either end is another text.
    expect(settleTitle('Why Hasn’t the Ferry Been Faster?', null, texts.slice(0, 2))).toBe('Why Hasn’t the Ferry Been Faster?');
    expect(settleTitle('Ferry Timetable Changes', null, ['## Ferry Timetable Changes', '## Ferry Timetable Changes', 'Ferry Timetable Changes'])).toBe('Ferry Timetable Changes');
  });
  it('keeps a closing bracket the separators cut off', () => {
    expect(cleanTitle('Best Harbour Moorings [2025 UPDATED] | Quayside Forum', 'Quayside Forum', ['Best Harbour Moorings [2025 UPDATED]'])).toBe('Best Harbour Moorings [2025 UPDATED]');
  });
});

describe('a heading that sets a label before the title', () => {
  it('leaves the title to the candidates when the label is a date, a section or a brand of at most three words', async () => {
    const { headlineTitle } = await import('../../src/metadata/title.js');
    expect(headlineTitle(['Mar 4 2025 Dredging the inner harbour'], 'article', null, 'Dredging the inner harbour', ['Dredging the inner harbour | Quay Notes'])).toBeNull();
    expect(headlineTitle(['Blog: Ten moorings worth the fee'], 'article', null, 'Ten moorings worth the fee', ['Ten moorings worth the fee'])).toBeNull();
    expect(headlineTitle(['TIDEWATER T2 Folding Kayak Cart'], 'product', null, 'Folding Kayak Cart', ['Folding Kayak Cart | Tidewater'])).toBeNull();
    // Four words before it start a sentence the heading rewrites: the heading stays the title.
    expect(headlineTitle(['How Much Does a Harbour Mooring Cost?'], 'article', null, 'Harbour Mooring Cost', ['Harbour Mooring Cost'])).toBe('How Much Does a Harbour Mooring Cost?');
    // A heading that only adds words at its end is not labelled.
    expect(headlineTitle(['Folding Kayak Cart with Wide Wheels'], 'product', null, 'Folding Kayak Cart', ['Folding Kayak Cart'])).toBe('Folding Kayak Cart with Wide Wheels');
  });
  it('takes a more trusted title that the one matching the heading only prefixes with a label', () => {
    expect(chooseTitle(['Squad 2024 - 2025', 'Player - Squad 2024 - 2025'], 'Harbour Forum', ['Player Squad 2024 - 2025'])).toEqual({ index: 0, title: 'Squad 2024 - 2025' });
    // A more trusted title that differs otherwise still loses to the heading's.
    expect(chooseTitle(['The squad this season', 'Player - Squad 2024 - 2025'], 'Harbour Forum', ['Player Squad 2024 - 2025'])).toEqual({ index: 1, title: 'Player - Squad 2024 - 2025' });
  });
  it('gives a page whose one <h1> adds a date before the tab and social title that title', async () => {
    const { convert } = await import('../../src/index.js');
    const page = `<!DOCTYPE html><html lang="en"><head><title>Dredging the inner harbour | Quay Notes</title>
<meta property="og:title" content="Dredging the inner harbour"><meta property="og:type" content="article"></head>
<body><article><h1><span class="date">Mar 4 2025</span> Dredging the inner harbour</h1>
<p>The dredger arrived on Monday and will work through the spring tides, clearing silt from the inner basin so that the ferry can berth at any state of the tide.</p>
<p>Boat owners on the east pontoon are asked to move to the visitor berths until the work is done; the harbour office will refund the difference in fees.</p>
<p>The last dredge, eleven years ago, removed some forty thousand tonnes of silt; the survey this winter found nearly as much again.</p></article></body></html>`;
    expect((await convert(page)).metadata.title).toBe('Dredging the inner harbour');
  });
});
