import { escapeHtml, html, raw, SafeHtml } from './html';

describe('escapeHtml', () => {
  it('escapes the five characters of HTML and the backtick', () => {
    expect(escapeHtml(`<a href="x" title='y'>&\``)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&#96;');
  });

  it('leaves French text alone', () => {
    expect(escapeHtml('Été à Noël : 12 345 €')).toBe('Été à Noël : 12 345 €');
  });
});

describe('html``', () => {
  const hostile = `"><img src=x onerror=alert(1)> ' & <script>`;

  it('escapes interpolated text', () => {
    expect(html`<td>${hostile}</td>`.toString()).toBe('<td>&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &#39; &amp; &lt;script&gt;</td>');
  });

  it('keeps a double-quoted attribute closed', () => {
    const out = html`<td title="${hostile}">x</td>`.toString();
    expect(out).toBe('<td title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &#39; &amp; &lt;script&gt;">x</td>');
    expect(out.match(/"/g)).toHaveLength(2);
  });

  it('keeps a single-quoted attribute closed', () => {
    // prettier-ignore
    const out = html`<td title='${`it's "fine" & <ok>`}'>x</td>`.toString();
    expect(out).toBe("<td title='it&#39;s &quot;fine&quot; &amp; &lt;ok&gt;'>x</td>");
    expect(out.match(/'/g)).toHaveLength(2);
  });

  it('refuses a value in an unquoted attribute', () => {
    expect(() => html`<td class=${'a onmouseover=x'}>x</td>`).toThrow(/quote the attribute value/);
    // prettier-ignore
    expect(() => html`<td data-a="1" class= ${'a'}>x</td>`).toThrow(/quote the attribute value/);
  });

  it('accepts "=" in text and inside quoted attribute values', () => {
    expect(html`<p>a = ${1}</p>`.toString()).toBe('<p>a = 1</p>');
    expect(html`<p title="x=${'y'}">z</p>`.toString()).toBe('<p title="x=y">z</p>');
  });

  it('writes numbers, joins arrays and skips null, undefined and false', () => {
    // prettier-ignore
    const rows = [1, 2].map((n) => html`<tr><td>${n}</td></tr>`);
    // prettier-ignore
    expect(html`<table>${rows}</table>`.toString()).toBe('<table><tr><td>1</td></tr><tr><td>2</td></tr></table>');
    expect(html`${['<a>', 3, null]}`.toString()).toBe('&lt;a&gt;3');
    expect(html`[${null}${undefined}${false}]`.toString()).toBe('[]');
    expect(html`${0}`.toString()).toBe('0');
  });

  it('inserts nested templates and raw() fragments as they are, and only those', () => {
    const svg = raw('<svg><text>Lille</text></svg>');
    expect(html`<figure>${svg}</figure>`.toString()).toBe('<figure><svg><text>Lille</text></svg></figure>');
    expect(html`<p>${html`<b>${'<i>'}</b>`}</p>`.toString()).toBe('<p><b>&lt;i&gt;</b></p>');
    // Something that merely looks like SafeHtml is escaped.
    const fake = { toString: () => '<b>' } as unknown as SafeHtml;
    expect(html`${fake}`.toString()).toBe('&lt;b&gt;');
  });
});
