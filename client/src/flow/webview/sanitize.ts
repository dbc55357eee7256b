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

function clean(element: Element, styleNonce: string): void {
  for (const child of [...element.children]) {
    if (child.namespaceURI !== SVG_NS || !DRAWING_ELEMENTS.has(child.localName)) {
      child.remove();
      continue;
    }
    cleanAttributes(child);
    // The renderer's own stylesheet is CSS, not script; the nonce lets the page's policy accept it.
    if (child.localName === 'style') child.setAttribute('nonce', styleNonce);
    else clean(child, styleNonce);
  }
}

/** The SVG as a node of `document`, or null when the text is not a well-formed SVG document. */
export function sanitizeSvg(text: string, document: Document, styleNonce: string): SVGSVGElement | null {
  const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
  const root = parsed.documentElement;
  if (root.namespaceURI !== SVG_NS || root.localName !== 'svg' || parsed.getElementsByTagName('parsererror').length > 0) return null;
  cleanAttributes(root);
  clean(root, styleNonce);
  return document.importNode(root, true) as unknown as SVGSVGElement;
}
