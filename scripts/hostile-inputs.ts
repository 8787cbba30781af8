/**
 * Hostile and broken inputs, generated at run time (never committed: some are 50 MB). Shared by
 * test/hostile/ and bench/hostile.ts. Each input says what a correct run ends in: `output` (a
 * Markdown result, maybe with warnings), `error` (a typed UnboilError with this code), or `either`
 * (random bytes: a result or a typed error, never a crash).
 */
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';

export interface HostileInput {
  name: string;
  /** File extension it is saved with (it may lie about the content). */
  ext: string;
  bytes: () => Uint8Array;
  expect: 'output' | 'error' | 'either';
  /** The error code expected when `expect` is `error`. */
  code?: string;
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** A small article page, in a given body, for the encoding cases. */
export function articlePage(body: string, head = '<meta charset="utf-8">'): string {
  return `<!doctype html><html><head>${head}<title>Hostile test page</title></head><body><article><h1>Hostile test page</h1>${body}</article></body></html>`;
}

/** Text in each legacy encoding: a sentence its encoding can hold, and the WHATWG name. */
export const ENCODED_SAMPLES: Array<{ encoding: string; whatwg: string; text: string }> = [
  { encoding: 'windows-1252', whatwg: 'windows-1252', text: 'Café crème, naïve façade — “quoted” déjà vu, €5 and œuvre.' },
  { encoding: 'iso-8859-2', whatwg: 'iso-8859-2', text: 'Zażółć gęślą jaźń. Příliš žluťoučký kůň úpěl ďábelské ódy.' },
  { encoding: 'iso-8859-5', whatwg: 'iso-8859-5', text: 'Съешь же ещё этих мягких французских булок, да выпей чаю.' },
  { encoding: 'iso-8859-7', whatwg: 'iso-8859-7', text: 'Ξεσκεπάζω την ψυχοφθόρα βδελυγμία, γράφει ο ποιητής σήμερα.' },
  { encoding: 'shift_jis', whatwg: 'shift_jis', text: '吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。' },
  { encoding: 'euc-jp', whatwg: 'euc-jp', text: '国境の長いトンネルを抜けると雪国であった。夜の底が白くなった。' },
  { encoding: 'gbk', whatwg: 'gbk', text: '天下大势，分久必合，合久必分。周末七国分争，并入于秦。' },
  { encoding: 'gb18030', whatwg: 'gb18030', text: '学而时习之，不亦说乎？有朋自远方来，不亦乐乎？𠀀' },
  { encoding: 'big5', whatwg: 'big5', text: '天下大勢，分久必合，合久必分。周末七國分爭，並入於秦。' },
  { encoding: 'euc-kr', whatwg: 'euc-kr', text: '다람쥐 헌 쳇바퀴에 타고파. 키스의 고유조건은 입술끼리 만나야 하고.' },
  { encoding: 'koi8-r', whatwg: 'koi8-r', text: 'В чащах юга жил бы цитрус? Да, но фальшивый экземпляр!' },
];

/** Encode a string in a legacy encoding (iconv-lite: independent of the TextDecoder under test). */
export function encode(text: string, encoding: string): Uint8Array {
  return new Uint8Array(iconv.encode(text, encoding));
}

/** A deterministic pseudo-random byte source (xorshift32), so generated inputs are reproducible. */
export function randomBytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed | 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** A minimal valid one-page PDF whose page shows `text` (offsets computed, so it parses cleanly). */
export function tinyPdf(text: string, extra = ''): Uint8Array {
  const stream = `BT /F1 12 Tf 72 720 Td (${text.replace(/[()\\]/g, '\\$&')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> ${extra}>>`,
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  return pdfFile('1.4', objects);
}

/** A PDF claiming a huge page tree: /Count says a billion pages, the Kids array loops on itself. */
export function pdfBomb(): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [2 0 R 2 0 R 2 0 R 2 0 R] /Count 1000000000 >>',
  ];
  return pdfFile('1.7', objects);
}

/** A PDF file of the given objects (object 1 is the catalogue), with a correct cross-reference table. */
function pdfFile(version: string, objects: string[]): Uint8Array {
  let body = `%PDF-${version}\n`;
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return utf8(body);
}

/** A page full of remote references of every kind: none may ever be fetched. */
export function remoteReferencesPage(): string {
  return articlePage(
    `<link rel="stylesheet" href="https://evil.example/a.css"><link rel="preload" href="https://evil.example/font.woff2" as="font">
<link rel="prefetch" href="//evil.example/next"><link rel="dns-prefetch" href="//evil.example"><link rel="preconnect" href="https://evil.example">
<style>@import url("https://evil.example/b.css"); body { background: url(https://evil.example/bg.png) }</style>
<script src="https://evil.example/x.js"></script><script>fetch('https://evil.example/beacon')</script>
<p>Opening paragraph with an image <img src="https://evil.example/a.png" srcset="https://evil.example/a2.png 2x" alt="remote image"> and enough words to be an article.</p>
<iframe src="https://evil.example/frame"></iframe><object data="https://evil.example/o.swf"></object><embed src="https://evil.example/e.swf">
<video src="https://evil.example/v.mp4" poster="https://evil.example/p.png"></video><audio src="https://evil.example/a.mp3"></audio>
<picture><source srcset="https://evil.example/s.webp"><img src="https://evil.example/s.jpg" alt="picture"></picture>
<svg><image href="https://evil.example/i.svg"/><use href="https://evil.example/u.svg#x"/></svg>
<form action="https://evil.example/post"><input type="image" src="https://evil.example/btn.png"></form>
<p>Second paragraph links to <a href="https://evil.example/page">a remote page</a> and keeps going for a while so the article has body.</p>`,
    '<meta charset="utf-8"><base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example/"><link rel="canonical" href="https://evil.example/c">',
  );
}

const LOREM = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore. ';

/**
 * The hostile set. `scale` < 1 shrinks the huge inputs for quick runs (tests); bench/hostile.ts
 * uses 1 (a 50 MB page, 100,000 nested elements, 100,000 links).
 */
export function hostileInputs(scale = 1): HostileInput[] {
  const n = (count: number) => Math.max(1, Math.round(count * scale));
  const inputs: HostileInput[] = [
    { name: 'zero-bytes', ext: 'html', bytes: () => new Uint8Array(0), expect: 'error', code: 'EMPTY_INPUT' },
    { name: 'binary-named-html', ext: 'html', bytes: () => randomBytes(64 * 1024, 7), expect: 'error', code: 'BINARY_INPUT' },
    { name: 'png-named-html', ext: 'html', bytes: () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, ...randomBytes(4096, 3)]), expect: 'error', code: 'BINARY_INPUT' },
    { name: 'gzip-named-html', ext: 'html', bytes: () => new Uint8Array(gzipSync(utf8(articlePage(`<p>${LOREM}</p>`)))), expect: 'error', code: 'BINARY_INPUT' },
    { name: 'unclosed-misnested', ext: 'html', bytes: () => utf8('<html><body><article><h1>Broken<p>First <b>bold <i>both</b> italic</i> <table><tr><td>cell<p>para in cell<div><ul><li>one<li>two</ol>' + `<p>${LOREM}`.repeat(20)), expect: 'output' },
    { name: 'nested-divs', ext: 'html', bytes: () => utf8(`<html><body>${'<div>'.repeat(n(100_000))}deep text survives${'</div>'.repeat(n(100_000))}</body></html>`), expect: 'output' },
    { name: 'nested-unclosed-inline', ext: 'html', bytes: () => utf8(`<html><body><p>${'<span><b><i>'.repeat(n(33_334))}deep text survives</body></html>`), expect: 'output' },
    { name: 'nested-blockquotes', ext: 'html', bytes: () => utf8(`<html><body>${'<blockquote>'.repeat(n(100_000))}deep text survives</body></html>`), expect: 'output' },
    { name: 'nested-lists', ext: 'html', bytes: () => utf8(`<html><body>${'<ul><li>'.repeat(n(50_000))}deep text survives</body></html>`), expect: 'output' },
    { name: 'nested-tables', ext: 'html', bytes: () => utf8(`<html><body>${'<table><tr><td>'.repeat(n(20_000))}deep text survives</body></html>`), expect: 'output' },
    { name: 'nested-emphasis', ext: 'html', bytes: () => utf8(`<html><body><article><p>${'<em>'.repeat(n(100_000))}deep text survives</p></article></body></html>`), expect: 'output' },
    { name: 'big-page', ext: 'html', bytes: () => utf8(articlePage(`<p>${LOREM}<a href="/x">link</a></p>\n`.repeat(Math.ceil((n(50 * 1024 * 1024)) / 130)))), expect: 'output' },
    { name: 'single-line-1mb', ext: 'html', bytes: () => utf8(articlePage(`<p>${LOREM.repeat(Math.ceil(n(1024 * 1024) / LOREM.length))}</p>`).replace(/\n/g, ' ')), expect: 'output' },
    { name: 'scripts-and-styles-only', ext: 'html', bytes: () => utf8(`<html><head><style>${'body{color:red}'.repeat(1000)}</style></head><body>${'<script>var x = "<p>not text</p>";</script>'.repeat(1000)}<noscript><style>p{}</style></noscript></body></html>`), expect: 'output' },
    { name: 'many-links', ext: 'html', bytes: () => utf8(articlePage(`<p>${LOREM}</p><ul>${Array.from({ length: n(100_000) }, (_, i) => `<li><a href="/p/${i}">link ${i}</a></li>`).join('')}</ul>`)), expect: 'output' },
    { name: 'text-nested-quotes', ext: 'txt', bytes: () => utf8(`${'>'.repeat(n(100_000))} deep text survives\n`), expect: 'output' },
    { name: 'text-emphasis-run', ext: 'txt', bytes: () => utf8(`${'*'.repeat(n(10_000))}deep text survives${'*'.repeat(n(10_000))}\n`), expect: 'output' },
    { name: 'text-indented-lists', ext: 'txt', bytes: () => utf8(Array.from({ length: n(1000) }, (_, i) => `${' '.repeat(2 * i)}- item ${i}`).join('\n')), expect: 'output' },
    { name: 'text-single-line-1mb', ext: 'txt', bytes: () => utf8(`word [link](/a) **bold** ${LOREM}`.repeat(Math.ceil(n(1024 * 1024) / 130))), expect: 'output' },
    { name: 'truncated-pdf', ext: 'pdf', bytes: () => tinyPdf(`${LOREM}`).subarray(0, 200), expect: 'either' },
    { name: 'pdf-header-only', ext: 'pdf', bytes: () => utf8('%PDF-1.7\n'), expect: 'error' },
    { name: 'pdf-bomb-page-tree', ext: 'pdf', bytes: () => pdfBomb(), expect: 'error' },
    { name: 'pdf-external-refs', ext: 'pdf', bytes: () => tinyPdf(LOREM, '/Annots [<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /A << /S /URI /URI (https://evil.example/u) >> >> << /Type /Annot /Subtype /Link /Rect [0 0 10 10] /A << /S /GoToR /F (https://evil.example/r.pdf) >> >>] '), expect: 'either' },
    { name: 'remote-references', ext: 'html', bytes: () => utf8(remoteReferencesPage()), expect: 'output' },
  ];
  for (const sample of ENCODED_SAMPLES) {
    inputs.push({ name: `declared-${sample.encoding}`, ext: 'html', bytes: () => encode(articlePage(`<p>${sample.text}</p>`, `<meta charset="${sample.encoding}">`), sample.encoding), expect: 'output' });
    inputs.push({ name: `undeclared-${sample.encoding}`, ext: 'html', bytes: () => encode(articlePage(`<p>${sample.text.repeat(4)}</p>`, ''), sample.encoding), expect: 'output' });
    inputs.push({ name: `lying-${sample.encoding}`, ext: 'html', bytes: () => encode(articlePage(`<p>${sample.text.repeat(4)}</p>`), sample.encoding), expect: 'output' });
  }
  return inputs;
}
