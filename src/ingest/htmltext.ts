/** HTML → plain text keeping paragraph breaks (block elements become blank lines), scripts and styles dropped. */
import { parseHTML } from 'linkedom';

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2',
  'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TR', 'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'BUTTON', 'SELECT']);

interface NodeLike {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<NodeLike>;
}

export function nodeToText(root: NodeLike): string {
  const parts: string[] = [];
  const walk = (n: NodeLike) => {
    if (n.nodeType === 3) {
      parts.push((n.textContent ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (n.nodeType !== 1 && n.nodeType !== 9 && n.nodeType !== 11) return;
    const name = n.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    if (name === 'BR') {
      parts.push('\n');
      return;
    }
    const block = BLOCK.has(name);
    if (block) parts.push('\n\n');
    const kids = n.childNodes;
    for (let i = 0; i < kids.length; i++) walk(kids[i]);
    if (block) parts.push('\n\n');
  };
  walk(root);
  return tidy(parts.join(''));
}

/** Collapses spaces around line breaks and runs of blank lines. */
export function tidy(s: string): string {
  return s
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Element names a markup fragment in a feed or a JSON field may use; a «<» before anything else is text. */
const ELEMENTS = new Set(
  ('a abbr address area article aside audio b bdi bdo big blockquote body br button caption center cite code col colgroup dd ' +
    'del details dfn div dl dt em embed fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hr html i ' +
    'iframe img input ins kbd label legend li link main mark meta nav noscript object ol optgroup option p picture pre q s ' +
    'samp script section select small source span strike strong style sub summary sup svg table tbody td template textarea ' +
    'tfoot th thead time title tr tt u ul video wbr').split(' '),
);

/**
 * Escapes every «<» that opens no known element, comment or declaration: plain text such as «x<y تعني» or «أقل من
 * <5» would otherwise be read as a tag and lost up to the next «>».
 */
function escapeStrayLt(html: string): string {
  return html.replace(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)?/g, (m, slash: string, name: string | undefined, offset: number) => {
    if (name && ELEMENTS.has(name.toLowerCase())) return m;
    if (!slash && !name && (html.startsWith('<!', offset) || html.startsWith('<?', offset))) return m;
    return '&lt;' + slash + (name ?? '');
  });
}

export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return tidy(html);
  const { document } = parseHTML(`<!doctype html><html><body>${escapeStrayLt(html)}</body></html>`);
  return nodeToText(document.body as unknown as NodeLike);
}

/** Does a field look like HTML markup rather than plain text? */
export function looksLikeHtml(s: string): boolean {
  return /<\/?(p|div|br|span|a|b|i|strong|em|h[1-6]|ul|li|img|figure|section)\b[^>]*>/i.test(s);
}
