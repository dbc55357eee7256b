/**
 * Turns the SVG text from the language server into DOM nodes that can only draw. The server's
 * renderer escapes message text already; this is the second wall, because a trace is untrusted
 * input: anything but drawing elements is dropped, and so are event-handler attributes, links to
 * other documents and inline styles (which the page's policy would refuse anyway).
 */

const DRAWING_ELEMENTS = new Set([
  'svg', 'g', 'defs', 'marker', 'symbol', 'use', 'title', 'desc', 'style',
  'line', 'polyline', 'polygon', 'path', 'rect', 'circle', 'ellipse', 'text', 'tspan',
]);

const SVG_NS = 'http://www.w3.org/2000/svg';

function cleanAttributes(element: Element): void {
  for (const attribute of [...element.attributes]) {
    const name = attribute.name.toLowerCase();
    const local = attribute.localName.toLowerCase();
    const linksAway = (local === 'href') && !attribute.value.trim().startsWith('#');
    if (name.startsWith('on') || name === 'style' || linksAway) element.removeAttributeNode(attribute);
  }
}

function clean(element: Element, styles: string[]): void {
  for (const child of [...element.children]) {
    if (child.namespaceURI !== SVG_NS || !DRAWING_ELEMENTS.has(child.localName)) {
      child.remove();
    } else if (child.localName === 'style') {
      // The page's policy refuses a <style> without the nonce: the caller re-adds the sheet with it.
      styles.push(child.textContent ?? '');
      child.remove();
    } else {
      cleanAttributes(child);
      clean(child, styles);
    }
  }
}

export interface CleanSvg {
  readonly svg: SVGSVGElement;
  /** The renderer's style sheets (CSS, not script), for the caller to add under the page's nonce. */
  readonly styles: readonly string[];
}

/** The SVG as a node of `document`, or null when the text is not a well-formed SVG document. */
export function sanitizeSvg(text: string, document: Document): CleanSvg | null {
  // Style sheets come out before parsing: a document made by DOMParser shares the page's policy,
  // and Chromium refuses (and reports) a nonce-less <style> even there.
  const styles: string[] = [];
  const withoutStyles = text.replace(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi, (_, css: string) => {
    styles.push(css);
    return '';
  });
  const parsed = new DOMParser().parseFromString(withoutStyles, 'image/svg+xml');
  const root = parsed.documentElement;
  if (root.namespaceURI !== SVG_NS || root.localName !== 'svg' || parsed.getElementsByTagName('parsererror').length > 0) return null;
  cleanAttributes(root);
  clean(root, styles);
  return { svg: document.importNode(root, true) as unknown as SVGSVGElement, styles };
}
