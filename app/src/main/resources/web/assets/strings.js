// The UI's text. The server embeds web/strings/<language>.properties in every page as a JSON data
// block, so the pages and the scripts read their words from that one file.
const texts = JSON.parse(document.getElementById('strings')?.textContent || '{}');
const plurals = new Intl.PluralRules(document.documentElement.lang || undefined);

/**
 * The text of `key` with each `{name}` replaced by `values[name]`. When `values.count` is a number,
 * the key's plural form (`key.one`, `key.other`, ...) is chosen for it. A missing key shows itself.
 */
export function t(key, values = {}) {
  let text = texts[key];
  if (typeof values.count === 'number') {
    text = texts[`${key}.${plurals.select(values.count)}`] ?? texts[`${key}.other`] ?? text;
  }
  if (text === undefined) {
    return key;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/** The label of a stored value such as a stage or status, or the value itself when none is known. */
export function label(group, value) {
  const key = `${group}.${value}`;
  const text = t(key);
  return text === key ? value : text;
}
