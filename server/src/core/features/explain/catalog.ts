/**
 * Everything `explain` knows, as a list to pick from (the editor's "SIP: Explain code…" quick pick):
 * what to type, what to show, and a one-line hint.
 */
import { allEventPackages, allHeaders, allMethods, allOptionTags, allQ850Causes, allResponseCodes, allWarningCodes } from '../../registry/lookup';
import { formatReference } from '../../registry/reference';

export interface TopicChoice {
  /** What resolveTopic() accepts for it. */
  readonly topic: string;
  readonly label: string;
  readonly detail: string;
}

export function topicCatalog(): TopicChoice[] {
  return [
    ...allResponseCodes().map((c) => ({ topic: String(c.code), label: `${c.code} ${c.reasonPhrase}`, detail: `${c.class}xx response code · ${formatReference(c)}` })),
    ...allMethods().map((m) => ({ topic: m.name, label: m.name, detail: `method${m.registered ? '' : ' (not registered)'} · ${formatReference(m)}` })),
    ...allHeaders().map((h) => ({ topic: h.name, label: h.compactForm ? `${h.name} (${h.compactForm})` : h.name, detail: `header${h.registered ? '' : ' (not registered)'} · ${formatReference(h)}` })),
    ...allOptionTags().map((t) => ({ topic: t.name, label: t.name, detail: `option tag · ${formatReference(t)}` })),
    ...allEventPackages().map((e) => ({ topic: e.name, label: e.name, detail: `event package · ${formatReference(e)}` })),
    ...allWarningCodes().map((w) => ({ topic: String(w.code), label: `${w.code} ${w.text}`, detail: `warning code · ${formatReference(w)}` })),
    ...allQ850Causes().map((q) => ({ topic: `q850:${q.cause}`, label: `Q.850 ${q.cause} ${q.name}`, detail: `Q.850 cause${q.sipResponse !== null ? ` · maps to ${q.sipResponse}` : ''}` })),
  ];
}
