import { describe, expect, it } from 'vitest';
import { run } from '../helpers/article.js';

/**
 * A hand-written thread: an opening post and replies, as forum software often marks them up, with
 * the replies named "comment" and the whole list "comments". On a thread the replies are the
 * content, whatever the names say.
 */
const reply = (who: string, text: string) =>
  `<div class="comment" id="comment-${who}"><div class="comment-meta"><a href="/u/${who}">${who}</a> <span>2 hours ago</span></div><div class="comment-body"><p>${text}</p></div></div>`;

const THREAD = `<html><head><title>Which hand plane should a beginner buy first?</title>
<script type="application/ld+json">${JSON.stringify({ '@type': 'DiscussionForumPosting', headline: 'Which hand plane should a beginner buy first?', author: { '@type': 'Person', name: 'oakleaf' } })}</script></head>
<body><header class="site-header"><a href="/">Woodshop Forum</a> <a href="/latest">Latest</a></header>
<main><h1>Which hand plane should a beginner buy first?</h1>
<div class="post"><p>I have a small bench, a few chisels and a saw, and I want to start flattening boards by hand. Should my first plane be a jack, a smoother, or a block plane, and does it matter much whether it is new or old?</p></div>
<div class="comments" id="comments">
${reply('birchbark', 'Get a jack plane first, a number five, because it does rough work, it can joint short edges, and with a second iron it smooths well enough for most furniture.')}
${reply('maplegrain', 'An old plane from a flea market is fine if the sole is flat and the body is not cracked, but budget an evening for sharpening, flattening the back of the iron, and fettling the frog.')}
${reply('walnutshavings', 'I would add a block plane soon after, since it lives in the apron, trims end grain, breaks edges, and you will reach for it far more often than you expect.')}
</div></main>
<footer class="site-footer">© Woodshop Forum</footer></body></html>`;

describe('a thread page', () => {
  it('keeps the replies named as comments: on a thread they are the posts', async () => {
    const r = await run(THREAD, { baseUrl: 'https://forum.example.org/t/which-hand-plane-first/123' });
    expect(r.metadata.pageType).toBe('forum');
    expect(r.markdown).toContain('Should my first plane be a jack');
    expect(r.markdown).toContain('Get a jack plane first');
    expect(r.markdown).toContain('An old plane from a flea market');
    expect(r.markdown).toContain('I would add a block plane');
    expect(r.rules).not.toContain('drop-comments');
  });

  it('keeps each post\'s date line, which an article\'s headline would not keep', async () => {
    const dated = THREAD.replace(/<div class="comment-body">/g, '<div class="comment-date">March 3, 2024, 10:15 AM</div><div class="comment-body">');
    const thread = await run(dated, { baseUrl: 'https://forum.example.org/t/which-hand-plane-first/123' });
    expect(thread.metadata.pageType).toBe('forum');
    expect(thread.markdown.match(/March 3, 2024, 10:15 AM/g)).toHaveLength(3);
    const article = await run(`<body><article><h1>Plane sales rise</h1><div>March 3, 2024, 10:15 AM</div><p>The plane is the tool that turns rough lumber into flat, square stock, and a reader who learns it early saves money, time, and sanding.</p></article></body>`);
    expect(article.markdown).not.toContain('March 3, 2024');
    expect(article.rules).toContain('drop-dateline');
  });

  it('still drops the same comment list under an article', async () => {
    const article = THREAD.replace(/"DiscussionForumPosting"/, '"NewsArticle"').replace('<div class="post">', '<div class="post">' + '<p>The plane is the tool that turns rough lumber into flat, square stock, and a reader who learns it early saves money, time, and a great deal of sanding later on.</p>'.repeat(4));
    const r = await run(article, { baseUrl: 'https://news.example.org/2024/05/which-hand-plane-first' });
    expect(r.metadata.pageType).toBe('article');
    expect(r.markdown).toContain('Should my first plane be a jack');
    expect(r.markdown).not.toContain('Get a jack plane first');
  });

  it('reads "hidden" in CSS utilities as what they hide: a label, or the block only when printed', async () => {
    const r = await run(`<body><article><div class="field field--label-hidden"><p>The field's text is shown, only its label is hidden, and this sentence goes on with commas, clauses, and words enough to be prose.</p></div><div class="hidden-print"><p>The replies are shown on screen, hidden only when the page is printed, and this sentence too goes on with commas, clauses, and words.</p></div><div class="hidden">Hidden text that a script reveals.</div></article></body>`);
    expect(r.markdown).toContain('only its label is hidden');
    expect(r.markdown).toContain('hidden only when the page is printed');
    expect(r.markdown).not.toContain('Hidden text that a script reveals');
  });

  it('drops a reply\'s quotation of an earlier post with its attribution, and keeps a quote of something else', async () => {
    const quoting = `<div class="comment" id="comment-oakleaf"><div class="comment-body"><div class="quotebox"><cite>birchbark wrote:</cite><blockquote><p>Get a jack plane first, a number five, because it does rough work, it can joint short edges</p></blockquote></div><p>Thanks, a number five it is, and I found one with a flat sole at a flea market for very little money.</p><blockquote><p>The jack of all trades is a master of none, but oftentimes better than a master of one.</p></blockquote></div></div>`;
    const r = await run(THREAD.replace('</div></main>', `${quoting}</div></main>`), { baseUrl: 'https://forum.example.org/t/which-hand-plane-first/123' });
    expect(r.markdown.match(/Get a jack plane first/g)).toHaveLength(1);
    expect(r.markdown).not.toContain('birchbark wrote');
    expect(r.markdown).toContain('Thanks, a number five it is');
    expect(r.markdown).toContain('master of none');
    expect(r.rules).toContain('drop-quoted-post');
  });

  it('drops the comments on a question and its answers, which are remarks, and keeps the answers', async () => {
    const remark = (text: string) => `<li itemprop="comment" itemscope itemtype="https://schema.org/Comment" class="comment"><span class="comment-copy">${text}</span> <a href="/u/9">spruce</a> <span>May 3</span></li>`;
    const post = (type: string, text: string, remarks: string[]) => `<div itemscope itemtype="https://schema.org/${type}" class="post"><div class="post-body"><p>${text}</p></div><ul class="comments-list">${remarks.map(remark).join('')}</ul></div>`;
    const page = `<html><head><title>Why does my dovetail joint gap at the baseline?</title></head><body itemscope itemtype="https://schema.org/QAPage"><main>
      <h1>Why does my dovetail joint gap at the baseline?</h1>
      ${post('Question', 'My through dovetails close tightly at the end grain, yet a thin gap shows along the baseline on both boards, and I cannot tell whether my sawing, my chopping or my marking is the cause.', ['Which marking gauge do you use, and is its cutter sharp?'])}
      <div id="answers">
      ${post('Answer', 'A gap at the baseline usually comes from chopping past the gauge line, since the chisel wedges back as it goes in, so pare the last half millimetre with the chisel placed in the knife line.', ['This fixed it for me, thanks for explaining the wedging.', 'Also check that the chisel is square to the face.'])}
      ${post('Answer', 'Undercut the baseline slightly by tilting the chisel a few degrees, because the fibres crush as the joint closes, and the visible shoulder then seats first and hides any gap.', [])}
      </div></main></body></html>`;
    const r = await run(page, { baseUrl: 'https://answers.example.org/questions/4242/dovetail-baseline-gap' });
    expect(r.metadata.pageType).toBe('forum');
    expect(r.markdown).toContain('a thin gap shows along the baseline');
    expect(r.markdown).toContain('pare the last half millimetre');
    expect(r.markdown).toContain('Undercut the baseline slightly');
    expect(r.markdown).not.toContain('Which marking gauge');
    expect(r.markdown).not.toContain('This fixed it for me');
    expect(r.rules).toContain('drop-answer-comment');
  });

  it('drops a copy of an earlier post shown above a reply (not in a blockquote), and keeps the reply', async () => {
    const copy = `<div class="comment"><div class="parent-preview">Get a jack plane first, a number five, because it does rough work, it can joint short edges, and with a second iron it smooths well enough for most furniture.</div><div class="comment-body"><p>Seconded, and a jack plane with a cambered iron also takes off rough stock faster than anything else on the bench.</p></div></div>`;
    const r = await run(THREAD.replace('</div></main>', `${copy}</div></main>`), { baseUrl: 'https://forum.example.org/t/which-hand-plane-first/123' });
    expect(r.markdown.match(/Get a jack plane first/g)).toHaveLength(1);
    expect(r.markdown).toContain('Seconded, and a jack plane');
    expect(r.rules).toContain('drop-repeated-post');
  });

  it('drops the author cards repeated beside each post, found by their shape, and keeps the posts', async () => {
    const card = (who: string, n: number) => `<div class="user"><dl><dt>${who}</dt><dd>Member</dd><dd>Posts: ${n}</dd></dl></div>`;
    const thread = THREAD.replace(/<div class="comment" id="comment-(\w+)">/g, (m, who: string) => `${m}${card(who, who.length * 7)}`)
      .replace('<div class="post">', `<div class="post">${card('oakleaf', 12)}`);
    const r = await run(thread, { baseUrl: 'https://forum.example.org/t/which-hand-plane-first/123' });
    expect(r.markdown).not.toContain('Posts: 12');
    expect(r.markdown).not.toContain('Posts: 63');
    expect(r.markdown).toContain('Get a jack plane first');
    expect(r.rules).toContain('drop-author-card');
  });
});
