import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { convert } from '../../src/index.js';
import { candidatesFor, propose, trustRank } from '../../src/metadata/candidates.js';

const BODY = '<p>The harbour board met on Tuesday and agreed to reopen the northern quay to small boats, after two years of repairs to the sea wall that had kept it closed to everyone.</p>';

async function meta(head: string, body = '', options: { baseUrl?: string } = {}) {
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">${head}</head><body><article><h1>Quay Reopens</h1>${body}${BODY}${BODY}</article></body></html>`;
  return (await convert(html, options)).metadata;
}

describe('propose / candidatesFor', () => {
  it('orders candidates by the order of trust, stable within a source', () => {
    const file = new VFile();
    propose(file, 'title', 'From text', 'text');
    propose(file, 'title', 'From og', 'open-graph');
    propose(file, 'title', 'From json-ld', 'json-ld');
    propose(file, 'title', '   ', 'meta');
    propose(file, 'title', 'Second og', 'open-graph');
    expect(candidatesFor(file, 'title').map((c) => c.value)).toEqual(['From json-ld', 'From og', 'Second og', 'From text']);
    expect(trustRank('dublin-core')).toBeLessThan(trustRank('open-graph'));
  });

  it("hears a PDF file's own dates only when no other source dates the document (SOURCE_TRUST.lastResort)", () => {
    const file = new VFile();
    const proposals = [['published', 'pdf-info'], ['modified', 'xmp'], ['published', 'text'], ['title', 'pdf-info'], ['title', 'text']] as const;
    for (const [field, source] of proposals) propose(file, field, `${field} from ${source}`, source);
    expect(candidatesFor(file, 'published').map((c) => c.source)).toEqual(['text']);
    expect(candidatesFor(file, 'modified').map((c) => c.source)).toEqual(['xmp']);
    expect(candidatesFor(file, 'title').map((c) => c.source)).toEqual(['pdf-info', 'text']);
  });
});

describe('metadata sources', () => {
  it('reads JSON-LD wrapped in CDATA, with an @graph and nested author objects', async () => {
    const m = await meta(`<script type="application/ld+json"><![CDATA[{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Harbour News"},{"@type":"NewsArticle","headline":"Quay Reopens","datePublished":"2024-02-06","author":[{"@type":"Person","name":"Ines Moreau","url":"/people/ines"}]}]}]]></script>`, '', { baseUrl: 'https://harbour.example/a' });
    expect(m.title).toBe('Quay Reopens');
    expect(m.published).toBe('2024-02-06');
    expect(m.siteName).toBe('Harbour News');
    expect(m.authors).toEqual([{ name: 'Ines Moreau', url: 'https://harbour.example/people/ines', bio: null }]);
    expect(m.fieldSources.published).toBe('json-ld');
  });

  it('reads one RDFa property naming several terms', async () => {
    const m = await meta('<meta property="dc:title og:title" content="Quay Reopens"><meta property="dc:creator" content="Ines Moreau">');
    expect(m.authors.map((a) => a.name)).toEqual(['Ines Moreau']);
    expect(m.fieldSources.authors).toBe('dublin-core');
  });

  it('prefers RDFa property tags to name= spellings, and takes authors from one of them only', async () => {
    // No <h1>: an article's one headline would be its title whatever the tags say.
    const html = `<html lang="en"><head><meta name="DC.title" content="Quay reopens (name)"><meta property="dc:title" content="Quay reopens (property)"><meta name="DC.creator" content="Tom Price"><meta property="dc:creator" content="Ines Moreau"></head><body><article>${BODY}${BODY}</article></body></html>`;
    const m = (await convert(html)).metadata;
    expect(m.title).toBe('Quay reopens (property)');
    expect(m.authors.map((a) => a.name)).toEqual(['Ines Moreau']);
  });

  it('keeps one tag per author of the same kind together', async () => {
    const m = await meta('<meta name="DC.creator" content="Kooman, F."><meta name="DC.creator" content="Jong, Michiel de">');
    expect(m.authors.map((a) => a.name)).toEqual(['Kooman, F.', 'Jong, Michiel de']);
  });

  it('takes the WebPage url for mainEntityOfPage, never its #fragment node id', async () => {
    const graph = (page: string) => `<script type="application/ld+json">{"@graph":[${page}{"@type":"NewsArticle","headline":"Quay Reopens","mainEntityOfPage":{"@id":"https://harbour.example/quay/#webpage"}}]}</script>`;
    expect((await meta(graph('{"@type":"WebPage","@id":"https://harbour.example/quay/#webpage","url":"https://harbour.example/quay/?ref=1"},'))).url).toBe('https://harbour.example/quay/?ref=1');
    expect((await meta(graph(''))).url).toBe('https://harbour.example/quay/');
  });

  it('drops an "author" that is the publisher', async () => {
    const m = await meta('<meta property="og:site_name" content="The Harbourview Gazette"><meta name="author" content="Harbourview">', '<div class="byline">By Ines Moreau</div>');
    expect(m.authors.map((a) => a.name)).toEqual(['Ines Moreau']);
  });

  it('never takes a published date later than the page says it was modified', async () => {
    const m = await meta('<meta property="article:modified_time" content="2024-02-07T10:00:00Z"><meta name="date" content="2024-03-01">', '<div class="dateline">February 6, 2024</div>');
    expect(m.published).toBe('2024-02-06');
  });

  it('gives a UTC timestamp as another source states the same instant on the publisher\'s clock', async () => {
    const m = await meta('<script type="application/ld+json">{"@type":"NewsArticle","headline":"Quay Reopens","dateCreated":"2024-02-07T01:18:13Z"}</script><meta property="article:published_time" content="2024-02-06T17:18:13-08:00">');
    expect(m.published).toBe('2024-02-06T17:18:13-08:00');
    expect(m.warnings.filter((w) => w.rule === 'conflicting-dates')).toEqual([]);
  });

  it('does not take the modified timestamp restated as datePublished when an earlier publication is stated', async () => {
    const head = '<meta property="article:published_time" content="2023-09-17T16:57:43+01:00"><meta property="article:modified_time" content="2024-05-08T10:11:51+01:00">';
    const m = await meta(head, '<meta itemprop="datePublished" content="2024-05-08T10:11:51+01:00">');
    expect(m.published).toBe('2023-09-17T16:57:43+01:00');
    expect(m.modified).toBe('2024-05-08T10:11:51+01:00');
    // The same instant written on another clock is no earlier publication: the structured date stays.
    const same = await meta('<script type="application/ld+json">{"@type":"NewsArticle","headline":"Quay Reopens","datePublished":"2024-02-07T04:58:46Z","dateModified":"2024-02-07T04:58:46Z"}</script><meta name="date" content="2024-02-06 20:58:46">');
    expect(same.published).toBe('2024-02-07T04:58:46Z');
  });

  it('warns when two sources state different publication days', async () => {
    const m = await meta('<script type="application/ld+json">{"@type":"Article","headline":"Quay Reopens","datePublished":"2024-02-06T18:00:00-05:00"}</script><meta property="article:published_time" content="2024-02-07T01:00:00+01:00"><meta name="date" content="2024-02-09">');
    expect(m.published).toBe('2024-02-06T18:00:00-05:00');
    // 01:00 +01:00 on the 7th is the evening of the 6th on the chosen clock: not a conflict.
    expect(m.warnings.filter((w) => w.rule === 'conflicting-dates').map((w) => w.message)).toEqual(['published date 2024-02-06 chosen; meta says 2024-02-09']);
  });

  it('takes visible dates nearest the headline, not a sidebar teaser', async () => {
    const html = `<html lang="en"><body><aside><ul><li><a href="/old">An older story about the quay</a> <span class="date">March 3, 2021</span></li></ul></aside><article><h1>Quay Reopens</h1><div class="byline">By Ines Moreau</div><time datetime="2024-02-06">6 February</time>${BODY}${BODY}</article></body></html>`;
    const { metadata } = await convert(html);
    expect(metadata.published).toBe('2024-02-06');
    expect(metadata.fieldSources.published).toBe('time');
  });

  it('reads bios, related cards, the section label, the deck and the language switcher from boilerplate blocks', async () => {
    const html = `<html lang="en"><head><link rel="alternate" hreflang="fr" href="https://harbour.example/fr/quai"><link rel="canonical" href="https://harbour.example/quay"></head><body>
      <article><div class="kicker">Local News</div><h1>Quay Reopens</h1><p class="standfirst">Small boats can use the northern quay again after two years.</p>
      <div class="byline">By <a href="/people/ines-moreau">Ines Moreau</a></div>
      <div class="translations"><h4>Also available in</h4><a href="/fr/quai">Français</a></div>
      ${BODY}${BODY}
      <div class="author-bio"><a href="/people/ines-moreau">Ines Moreau</a><p>Ines Moreau covers the port for Harbour News.</p></div>
      <div class="related"><h2>Related</h2>
        <div class="card"><span class="category">Opinion</span><h3><a href="/ferries">Ferries need a timetable people can read</a></h3><span class="date">Jan 30, 2024</span><span class="author">Tom Price</span></div>
      </div></article></body></html>`;
    const { metadata } = await convert(html);
    expect(metadata.subtitle).toBe('Small boats can use the northern quay again after two years.');
    expect(metadata.section).toBe('Local News');
    expect(metadata.authors).toEqual([{ name: 'Ines Moreau', url: 'https://harbour.example/people/ines-moreau', bio: 'Ines Moreau covers the port for Harbour News.' }]);
    expect(metadata.translations).toEqual([{ lang: 'fr', label: 'Français', url: 'https://harbour.example/fr/quai' }]);
    expect(metadata.related).toEqual([{ title: 'Ferries need a timetable people can read', url: 'https://harbour.example/ferries', published: '2024-01-30', authors: ['Tom Price'], section: 'Opinion' }]);
  });

  it('detects the language with franc when the markup states none', async () => {
    const html = `<html><body><article><h1>Le quai rouvre</h1><p>Le conseil du port s'est réuni mardi et a décidé de rouvrir le quai nord aux petits bateaux, après deux années de travaux sur la digue qui l'avaient fermé à tous.</p><p>Les pêcheurs attendaient cette décision depuis longtemps et se disent soulagés de pouvoir enfin rentrer au port à marée basse.</p></article></body></html>`;
    const { metadata } = await convert(html);
    expect(metadata.lang).toBe('fr');
    expect(metadata.fieldSources.lang).toBe('detected');
  });
});

describe('authors: people before publishers', () => {
  it('credits an agency only when no person is named', async () => {
    expect((await meta('', '<div class="byline">By Ines Moreau, Associated Press</div>')).authors.map((a) => a.name)).toEqual(['Ines Moreau']);
    expect((await meta('', '<div class="byline">By Reuters</div>')).authors.map((a) => a.name)).toEqual(['Reuters']);
  });

  it('takes a structured author name as written, even when it is not a byline-shaped name', async () => {
    const m = await meta('<script type="application/ld+json">{"@type":"Article","headline":"Quay Reopens","author":{"@type":"Organization","name":"Contributors to Harbour projects"}}</script>');
    expect(m.authors.map((a) => a.name)).toEqual(['Contributors to Harbour projects']);
  });

  it("takes a user name a tag for machines gives only when no source names a person or the publisher", async () => {
    expect((await meta('<meta name="author" content="ines_m42">')).authors.map((a) => a.name)).toEqual(['ines_m42']);
    expect((await meta('<meta name="author" content="imoreau">', '<div class="byline">By Ines Moreau</div>')).authors.map((a) => a.name)).toEqual(['Ines Moreau']);
    // A CMS's default account and a domain are not anyone's user name.
    expect((await meta('<meta name="author" content="admin">')).authors).toEqual([]);
    expect((await meta('<meta name="author" content="harbournews.com">')).authors).toEqual([]);
  });

  it('ignores placeholder dates and template placeholders', async () => {
    const m = await meta('<meta property="article:published_time" content="0001-01-01T00:00:00Z"><meta property="article:section" content="nil"><meta name="date" content="2024-02-06">');
    expect(m.published).toBe('2024-02-06');
    expect(m.section).toBeNull();
  });
});

describe("Twitter card labels", () => {
  it('takes the data a "Written by" label names as the author, not the other labelled data', async () => {
    const m = await meta('<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Ines Moreau"><meta name="twitter:label2" content="Est. reading time"><meta name="twitter:data2" content="4 minutes">');
    expect(m.authors.map((a) => a.name)).toEqual(['Ines Moreau']);
    expect(m.fieldSources.authors).toBe('meta');
  });
});

describe('a byline box that credits a reviewer', () => {
  it('names the writer, not the expert who reviewed the article, nor a job title split at "and"', async () => {
    const box = `<div class="author-box">
      <span class="author-meta-container"><span class="author-name"><a href="/author/ines-moreau/">Ines Moreau</a><span>, Harbour and Coastal Safety Writer</span></span></span>
      <span class="mobile">&amp;</span>
      <span class="author-meta-container expert"><span class="author-name"><a href="/author/tom-price/">Tom Price</a><span>, Marine Safety Expert</span></span></span>
    </div>`;
    expect((await meta('', box)).authors.map((a) => a.name)).toEqual(['Ines Moreau']);
    // Names the links do not give are kept when they are full names.
    expect((await meta('', '<div class="byline">By <a href="/people/ana">Ana Souza</a>, <a href="/people/piotr">Piotr Nowak</a> and Mei Chen</div>')).authors.map((a) => a.name)).toEqual(['Ana Souza', 'Piotr Nowak', 'Mei Chen']);
  });
});

describe('a byline far under the headline', () => {
  it('is found past a hero block of a few hundred elements', async () => {
    const hero = '<div class="hero"><span><svg><path></path></svg></span></div>'.repeat(100);
    const m = await meta('', `${hero}<div class="author">Ines Moreau</div>`);
    expect(m.authors.map((a) => a.name)).toEqual(['Ines Moreau']);
  });
});

describe('unmarked bylines', () => {
  it('are read by their opening words just under the headline', async () => {
    const m = await meta('', '<div class="x1">Written by <a href="/team">Rachael Link, MS, RD</a> on November 14, 2019</div>');
    expect(m.authors.map((a) => a.name)).toEqual(['Rachael Link, MS, RD']);
    expect(m.published).toBe('2019-11-14');
  });
  it('are found under the headline even when teaser lists above it have many bylines', async () => {
    const teasers = Array.from({ length: 8 }, (_, i) => `<li><a href="/s${i}">Another story about the harbour, part ${i}</a><div class="byline">By Tom Price</div></li>`).join('');
    const html = `<html lang="en"><body><ul>${teasers}</ul><article><h1>Quay Reopens</h1><div class="author-name">INES MOREAU</div>${BODY}${BODY}</article></body></html>`;
    expect((await convert(html)).metadata.authors.map((a) => a.name)).toEqual(['INES MOREAU']);
  });
  it('are not sentences that start with "By"', async () => {
    const m = await meta('', '<p>By Friday, the council had voted to reopen the quay.</p>');
    expect(m.authors).toEqual([]);
  });
});

describe('dates inside a byline box', () => {
  it('reads the <time datetime> of a byline box (with its offset), not only the visible text', async () => {
    const m = await meta('', '<div class="byline">Posted by <a href="/u/ana">Ana Souza</a> on <time datetime="2019-11-18T06:30:00-05:00">Nov 18, 2019</time></div>');
    expect(m.authors.map((a) => a.name)).toEqual(['Ana Souza']);
    expect(m.published).toBe('2019-11-18T06:30:00-05:00');
    expect(m.fieldSources.published).toBe('time');
  });
});
