/** Offsets in the article text for a DOM selection inside the rendered article. */

export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

/**
 * Each piece of the rendered text is an element with data-start (its offset in the body) and a
 * single text node, so a DOM position maps back to a body offset without counting characters.
 */
function pointToOffset(container: HTMLElement, node: Node, offset: number, bodyLength: number) {
  if (!container.contains(node)) return null;
  if (node.nodeType === Node.TEXT_NODE) {
    const piece = node.parentElement?.closest<HTMLElement>("[data-start]");
    if (!piece || !container.contains(piece)) return null;
    return Number(piece.dataset.start) + offset;
  }
  const element = node as HTMLElement;
  if (element.dataset?.start !== undefined) {
    const from = Number(element.dataset.start);
    return offset === 0 ? from : from + (element.textContent ?? "").length;
  }
  // A position between pieces: the start of the piece after it, or the end of the one before.
  const after = element.childNodes[offset];
  if (after instanceof HTMLElement && after.dataset.start !== undefined) {
    return Number(after.dataset.start);
  }
  const before = element.childNodes[offset - 1];
  if (before instanceof HTMLElement && before.dataset.start !== undefined) {
    return Number(before.dataset.start) + (before.textContent ?? "").length;
  }
  return offset === 0 ? 0 : bodyLength;
}

export function readSelection(container: HTMLElement, body: string): TextSpan | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const start = pointToOffset(container, range.startContainer, range.startOffset, body.length);
  const end = pointToOffset(container, range.endContainer, range.endOffset, body.length);
  if (start === null || end === null) return null;
  const from = Math.max(0, Math.min(start, end));
  const to = Math.min(body.length, Math.max(start, end));
  return { start: from, end: to, text: body.slice(from, to) };
}

/** The span with white space trimmed from both ends (a double-click often takes a trailing space). */
export function trimSpan(span: TextSpan): TextSpan | null {
  let { start, end } = span;
  const text = span.text;
  let a = 0;
  let b = text.length;
  while (a < b && /\s/.test(text[a] ?? "")) a++;
  while (b > a && /\s/.test(text[b - 1] ?? "")) b--;
  if (a === b) return null;
  end = start + b;
  start = start + a;
  return { start, end, text: text.slice(a, b) };
}
