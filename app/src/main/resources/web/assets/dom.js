// Builds elements from data without ever parsing HTML: text goes in as text nodes, so whatever a
// lead's name or answer contains is shown as written and can never become markup or script.

/**
 * Creates an element. Attributes with the value true are set empty; false, null and undefined are
 * skipped. Children are nodes or text; nested arrays are flattened and null children skipped.
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) {
      continue;
    }
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** The non-empty parts joined with a middle dot, e.g. "Acme · Pune". */
export function joined(parts) {
  return parts.filter((part) => typeof part === 'string' && part.trim() !== '').join(' \u00b7 ');
}
