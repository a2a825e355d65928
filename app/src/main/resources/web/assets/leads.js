// The leads list: newest first, a page at a time, and the search box, which asks the search API as
// the user types. The URL keeps the page (?page=2) and the search (?q=...) so links and reloads work.
import { getJson } from './api.js';
import { el, joined } from './dom.js';
import { number, timeElement } from './format.js';
import { label, t } from './strings.js';
import './shell.js';

const PAGE_SIZE = 25;
const TYPING_PAUSE_MS = 250;

const list = document.getElementById('lead-list');
const status = document.getElementById('list-status');
const pager = document.getElementById('pager');
const form = document.getElementById('search-form');
const input = document.getElementById('search-q');
let inFlight = null;
let typingTimer = 0;

function currentPage() {
  const page = Number.parseInt(new URLSearchParams(location.search).get('page') ?? '1', 10);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

function pageUrl(page) {
  return page === 1 ? '/leads' : `/leads?page=${page}`;
}

/** A lead's own link: the search result's url when it is a path here, else /leads/{id}. */
function leadUrl(item) {
  if (typeof item.url === 'string' && /^\/leads\/\d+$/.test(item.url)) {
    return item.url;
  }
  return `/leads/${encodeURIComponent(item.id)}`;
}

function leadRow(item) {
  const name = item.name || item.email || item.phone || t('leads.noName');
  return el('li', { class: 'lead-row' },
    el('div', { class: 'lead-main' },
      el('a', { class: 'lead-name', href: leadUrl(item) }, name),
      el('span', { class: 'lead-org' }, joined([item.company, item.city]))),
    el('div', { class: 'lead-contact' },
      el('span', {}, item.phone || item.phoneRaw || ''),
      el('span', {}, item.email || '')),
    el('div', { class: 'lead-side' },
      el('span', { class: item.stage ? 'badge' : 'badge is-empty' }, item.stage ? label('stage', item.stage) : ''),
      item.createdAt ? timeElement(item.createdAt) : el('span')));
}

function showPager(page, pages) {
  const previous = page > 1
    ? el('a', { href: pageUrl(page - 1), rel: 'prev' }, t('leads.previous'))
    : el('span', { class: 'is-off', 'aria-disabled': 'true' }, t('leads.previous'));
  const next = page < pages
    ? el('a', { href: pageUrl(page + 1), rel: 'next' }, t('leads.next'))
    : el('span', { class: 'is-off', 'aria-disabled': 'true' }, t('leads.next'));
  const where = el('span', { class: 'pager-where' }, t('leads.pageOf', { page: number(page), pages: number(pages) }));
  pager.replaceChildren(previous, where, next);
  // One page needs no pager; it stays invisible but keeps its place so nothing below moves.
  pager.classList.toggle('is-pending', pages <= 1);
}

async function showPage(page, signal) {
  const data = await getJson(`/api/v1/leads?page=${page - 1}&size=${PAGE_SIZE}`, signal);
  const pages = Math.max(1, Math.ceil(data.total / PAGE_SIZE));
  list.replaceChildren(...data.items.map(leadRow));
  if (data.total === 0) {
    status.textContent = t('leads.empty');
  } else if (data.items.length === 0) {
    status.replaceChildren(t('leads.pageEmpty'), ' ', el('a', { href: '/leads' }, t('leads.firstPage')));
  } else {
    const from = (page - 1) * PAGE_SIZE + 1;
    status.textContent = t('leads.range',
      { from: number(from), to: number(from + data.items.length - 1), total: number(data.total) });
  }
  showPager(page, pages);
}

async function showSearch(query, signal) {
  status.textContent = t('leads.searching');
  const data = await getJson(`/api/v1/search?q=${encodeURIComponent(query)}`, signal);
  const leads = (data.items || []).filter((item) => item.type === 'lead');
  list.replaceChildren(...leads.map(leadRow));
  status.textContent = leads.length > 0
    ? t('leads.results', { count: leads.length, query })
    : t('leads.noResults', { query });
  pager.replaceChildren();
  pager.classList.add('is-pending');
}

/** Runs one load; a newer one cancels it, so a slow answer never overwrites a newer one. */
async function load(work) {
  inFlight?.abort();
  const controller = new AbortController();
  inFlight = controller;
  list.setAttribute('aria-busy', 'true');
  try {
    await work(controller.signal);
  } catch (error) {
    if (controller.signal.aborted) {
      return;
    }
    list.replaceChildren();
    status.textContent = t('error.load', { detail: error.message });
  }
  if (!controller.signal.aborted) {
    list.setAttribute('aria-busy', 'false');
  }
}

function search(query) {
  const trimmed = query.trim();
  history.replaceState(null, '', trimmed === '' ? '/leads' : `/leads?q=${encodeURIComponent(trimmed)}`);
  return load((signal) => (trimmed === '' ? showPage(1, signal) : showSearch(trimmed, signal)));
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(typingTimer);
  search(input.value);
});

input.addEventListener('input', () => {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => search(input.value), TYPING_PAUSE_MS);
});

// "/" jumps to the search box, unless the user is typing somewhere.
document.addEventListener('keydown', (event) => {
  const target = event.target;
  const typing = target instanceof HTMLElement
    && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
    event.preventDefault();
    input.focus();
    input.select();
  }
});

const initialQuery = input.value.trim();
load((signal) => (initialQuery === '' ? showPage(currentPage(), signal) : showSearch(initialQuery, signal)));
