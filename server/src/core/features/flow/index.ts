/** The call-flow feature: the model, the builder and the three renderers. */
export * from './model';
export { buildFlows } from './build';
export { renderText } from './renderText';
export { renderMermaid, escapeMermaid, unescapeMermaid, mermaidId, mermaidArrowText } from './renderMermaid';
export { renderSvg, escapeXml, type SvgOptions } from './renderSvg';
export { selectFlow, callChoices, type CallChoice } from './select';
export { dialogLensTitle, dialogLenses, type DialogLens, type LensOptions } from './lens';
