// Dates and numbers in the user's own locale and time zone: Intl picks both from the browser.
import { el } from './dom.js';

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const fullFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'long' });
const numberFormat = new Intl.NumberFormat();

/** Parses an ISO-8601 time; also accepts Meta's "+0000" offsets. Returns null when it is not a time. */
export function parseTime(text) {
  if (typeof text !== 'string' || !/^\d{4}-\d\d-\d\dT/.test(text)) {
    return null;
  }
  const date = new Date(text.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A <time> element showing the moment in the user's locale, with the full date as its tooltip. */
export function timeElement(iso) {
  const date = parseTime(iso);
  if (date === null) {
    return document.createTextNode(iso ?? '');
  }
  return el('time', { datetime: date.toISOString(), title: fullFormat.format(date) }, dateTimeFormat.format(date));
}

/** A whole number with the user's grouping, e.g. 12,345 or 12.345. */
export function number(value) {
  return numberFormat.format(value);
}
