/**
 * A tiny escaped-template helper for the HTML of exported documents.
 *
 *   html`<td class="name">${family.name}</td><td class="num">${count}</td>`
 *
 * Every interpolated value is HTML-escaped (strings, numbers, arrays joined
 * without separator); only `SafeHtml` values — the result of another `html`
 * template or of an explicit `raw()` — are inserted as they are. `null`,
 * `undefined` and `false` insert nothing, so `${cond && html`…`}` works.
 *
 * Attribute values must be quoted (`title="${x}"`): an interpolation right
 * after `=` throws, because escaping cannot make an unquoted attribute safe.
 */

/** HTML that is safe to insert as is: built by `html` or wrapped by `raw()` on purpose. */
export class SafeHtml {
  constructor(private readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

/** Values accepted inside `html` templates. */
export type HtmlValue = string | number | bigint | SafeHtml | false | null | undefined | readonly HtmlValue[];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Escapes text for an HTML text node or a quoted attribute value. */
export function escapeHtml(value: string | number | bigint): string {
  return String(value).replace(/[&<>"'`]/g, (c) => ESCAPES[c]);
}

/**
 * Marks a trusted fragment (an SVG produced by our own chart renderer, a
 * constant written by a developer) as safe. Never pass user data to it.
 */
export function raw(trusted: string): SafeHtml {
  return new SafeHtml(trusted);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.toString();
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(render).join('');
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return escapeHtml(value);
  // Any other object (a Date, an entity…) is a mistake the type system missed: its
  // String() form is escaped like text, never inserted as markup.
  return escapeHtml(String(value));
}

/** True when the markup so far ends inside a tag, right after `name=` without a quote. */
function isUnquotedAttributeValue(markup: string): boolean {
  const tag = /<[^<>]*$/.exec(markup)?.[0];
  if (tag === undefined) return false;
  const outsideQuotes = tag.replace(/"[^"]*"|'[^']*'/g, '');
  return !/["']/.test(outsideQuotes) && /=\s*$/.test(outsideQuotes);
}

/** The tagged template: escapes every interpolated value except SafeHtml. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) {
    if (isUnquotedAttributeValue(out.slice(-300))) {
      throw new Error(`html\`\`: quote the attribute value interpolated after « ${out.slice(-40)} ».`);
    }
    out += render(values[i]) + strings[i + 1];
  }
  return new SafeHtml(out);
}
