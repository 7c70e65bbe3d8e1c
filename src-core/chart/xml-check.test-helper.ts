/**
 * A small XML well-formedness check (XML 1.0 §2.1, §2.4, §3.1): one root,
 * balanced and properly nested tags, quoted attributes without raw `<`, `&`
 * outside entity references, no raw `<` or `&` in text.
 */
export function checkXml(xml: string): { root: string; elements: number } {
  let body = xml.replace(/^<\?xml [^?]*\?>\s*/, '');
  body = body.replace(/<!--[\s\S]*?-->/g, '');
  const stack: string[] = [];
  let root = '';
  let elements = 0;
  const token = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>|([^<]+)|(<)/gy;
  let m: RegExpExecArray | null;
  let pos = 0;
  while ((m = token.exec(body)) !== null) {
    pos = token.lastIndex;
    const [, close, name, attrs, selfClose, text, stray] = m;
    if (stray) throw new Error(`raw "<" at ${m.index}: ${body.slice(m.index, m.index + 40)}`);
    if (text !== undefined) {
      if (stack.length === 0 && text.trim() !== '') throw new Error(`text outside the root: ${text.slice(0, 40)}`);
      checkEntities(text);
      continue;
    }
    for (const value of (attrs ?? '').matchAll(/="([^"]*)"/g)) {
      if (value[1]!.includes('<')) throw new Error(`raw "<" in an attribute of <${name}>`);
      checkEntities(value[1]!);
    }
    if (close) {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open}>`);
      continue;
    }
    elements++;
    if (stack.length === 0) {
      if (root) throw new Error('two root elements');
      root = name!;
    }
    if (!selfClose) stack.push(name!);
  }
  if (pos !== body.length) throw new Error(`unparsed from ${pos}: ${body.slice(pos, pos + 40)}`);
  if (stack.length) throw new Error(`unclosed: ${stack.join(' > ')}`);
  return { root, elements };
}

function checkEntities(text: string): void {
  const bad = /&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.exec(text);
  if (bad) throw new Error(`raw "&" in: ${text.slice(Math.max(0, bad.index - 10), bad.index + 20)}`);
}
