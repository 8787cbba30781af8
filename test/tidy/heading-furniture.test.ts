import { describe, expect, it } from 'vitest';
import { prose, run } from '../helpers/article.js';

describe('drop-heading-permalink', () => {
  it('drops a lone mark linking to its own heading, its section, or a target inside it', async () => {
    const r = await run(`<body><article>${prose('intro', 2)}
      <h2 id="setup">Setting things up <a href="#setup">#</a></h2>${prose('setup', 2)}
      <section id="usage"><h2>Using it<a class="headerlink" href="#usage">¶</a></h2>${prose('usage', 2)}</section>
      <section id="advanced"><span id="id1"></span><h2>Advanced use<a class="headerlink" href="#advanced">¶</a></h2>${prose('advanced', 2)}</section>
      <h2><span id="limits">Limits</span> <a href="https://example.org/page#limits"><svg viewBox="0 0 1 1"></svg></a></h2>${prose('limits', 2)}
    </article></body>`);
    expect(r.markdown).toContain('## Setting things up\n');
    expect(r.markdown).toContain('## Using it\n');
    expect(r.markdown).toContain('## Advanced use\n');
    expect(r.markdown).toContain('## Limits\n');
    expect(r.rules).toContain('drop-heading-permalink');
  });

  it('drops a lone mark at the edge of a heading whose target was left out with the page around it', async () => {
    const r = await run(`<body><div id="sidebar-wrapper"><nav><a href="/">Home</a></nav></div><article><h1>Guide</h1>${prose('intro', 2)}
      <h2>Installing <a class="anchor" href="#installing-section">¶</a></h2>${prose('install', 3)}
    </article></body>`);
    expect(r.markdown).toContain('## Installing\n');
    expect(r.rules).toContain('drop-heading-permalink');
  });

  it('drops a pilcrow left with no link at the end of a heading, and keeps one among its words', async () => {
    const r = await run(`<body><article>${prose('intro', 2)}
      <h2 id="setup">Setting things up<span class="anchor">¶</span></h2>${prose('setup', 2)}
      <h2>The <span>¶</span> sign in print</h2>${prose('print', 2)}
    </article></body>`);
    expect(r.markdown).toContain('## Setting things up\n');
    expect(r.markdown).toContain('## The ¶ sign in print\n');
    expect(r.rules).toContain('drop-heading-permalink');
  });

  it('drops a pilcrow or link symbol ending a heading whatever it links to', async () => {
    const r = await run(`<body><article>${prose('intro', 2)}
      <h2 id="setup">Setting things up <a href="https://docs.example.org/v2/guide.html#setting-up">¶</a></h2>${prose('setup', 2)}
      <h3>Options<a class="anchor" href="#opts-3"><span>🔗</span></a></h3>${prose('options', 2)}
    </article></body>`);
    expect(r.markdown).toContain('## Setting things up\n');
    expect(r.markdown).toContain('### Options\n');
    const garbled = await run(`<body><article><section id="module-heapq"><h2>Heap queue <a class="headerlink" href="#module-heapq">Â¶</a></h2>${prose('heap', 2)}</section></article></body>`);
    expect(garbled.markdown).toContain('## Heap queue\n');
    expect(r.rules).toContain('drop-heading-permalink');
  });

  it('keeps a mark that is the heading text, or a link to another heading', async () => {
    const r = await run(`<body><article>${prose('intro', 2)}
      <h2 id="langs">Notes on C# <a href="#other">#</a></h2>${prose('langs', 2)}
      <h2 id="other">Part #</h2>${prose('other', 2)}
    </article></body>`);
    expect(r.markdown).toContain('## Notes on C# \\#');
    expect(r.markdown).toContain('## Part \\#');
    expect(r.rules).not.toContain('drop-heading-permalink');
  });
});

describe('drop-edit-link', () => {
  it('drops an edit control in or just after a heading', async () => {
    const r = await run(`<body><article>${prose('intro', 2)}
      <h2>History <span class="mw-editsection">[<a href="/w/index.php?title=X&amp;action=edit&amp;section=1">edit</a>]</span></h2>${prose('history', 2)}
      <div><h2>Later history of the town and harbour</h2><span>[<a href="/w/index.php?title=X&amp;action=edit&amp;section=2">edit</a>]</span></div>${prose('later', 2)}
    </article></body>`);
    expect(r.markdown).toContain('## History\n');
    expect(r.markdown).toContain('## Later history of the town and harbour\n');
    expect(r.markdown).not.toContain('edit');
    expect(r.rules).toContain('drop-edit-link');
  });

  it("drops a link to the page's source in an editor, and brackets written around a control", async () => {
    const r = await run(`<body><article>${prose('intro', 2)}
      <h2>Install <a href="https://github.com/org/docs/edit/main/install.md">Edit</a></h2>${prose('install', 2)}
      <h2>Upgrade [<a href="/wiki/upgrade/edit?section=2">edit</a>]</h2>${prose('upgrade', 2)}
      <h2>The <a href="https://github.com/org/tool/edit/main/README.md">edit</a> command</h2>${prose('command', 2)}
    </article></body>`);
    expect(r.markdown).toContain('## Install\n');
    expect(r.markdown).toContain('## Upgrade\n');
    expect(r.markdown).toContain('## The [edit](https://github.com/org/tool/edit/main/README.md) command\n');
    expect(r.rules).toContain('drop-edit-link');
  });

  it('drops a link that says only "edit" at the end of a heading, whatever its target', async () => {
    const r = await run(`<body><article>${prose('intro', 2)}
      <h2>Installation <a href="javascript:void(0)" onclick="openEditor(2)">[edit]</a></h2>${prose('install', 2)}
      <h2>Usage <a href="https://cms.example.org/pages/41?section=usage">Edit</a></h2>${prose('usage', 2)}
      <h2>The <a href="/tools/edit">edit</a> tool</h2>${prose('tool', 2)}
    </article></body>`);
    expect(r.markdown).toContain('## Installation\n');
    expect(r.markdown).toContain('## Usage\n');
    expect(r.markdown).toContain('## The [edit](/tools/edit) tool\n');
    expect(r.rules).toContain('drop-edit-link');
  });

  it('keeps a heading that is a link to a page not yet written', async () => {
    const r = await run(`<body><article>${prose('intro', 2)}<h3><a class="new" href="/w/index.php?title=Y&amp;action=edit&amp;redlink=1">Sand couch</a></h3>${prose('more', 2)}</article></body>`, { baseUrl: 'https://wiki.example.org/w' });
    expect(r.markdown).toContain('### [Sand couch]');
  });
});
