// The page of one lead: contact details, stage and status, where it came from, every form answer
// exactly as given, and the timeline, newest first.
import { ApiError, getJson } from './api.js';
import { el, joined } from './dom.js';
import { timeElement } from './format.js';
import { label, t } from './strings.js';
import './shell.js';

// Meta's ids in the order people look for them; any other detail follows in name order.
const SOURCE_ORDER = ['pageId', 'formId', 'adId', 'adsetId', 'adgroupId', 'campaignId', 'leadgenId', 'createdTime'];

const main = document.getElementById('main');
const root = document.getElementById('lead');

function displayName(lead) {
  return lead.name || lead.email || lead.phone || lead.phoneRaw || t('leads.noName');
}

function pairs(rows) {
  return el('dl', { class: 'pairs' }, rows.map(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]));
}

function orNone(value) {
  return typeof value === 'string' && value.trim() !== '' ? value : t('lead.none');
}

function card(id, title, ...content) {
  return el('section', { class: 'card', 'aria-labelledby': id }, el('h2', { id }, title), ...content);
}

function phoneValue(lead) {
  if (!lead.phone && !lead.phoneRaw) {
    return t('lead.none');
  }
  if (!lead.phone) {
    return lead.phoneRaw;
  }
  const link = el('a', { href: `tel:${lead.phone}` }, lead.phone);
  if (!lead.phoneRaw || lead.phoneRaw === lead.phone) {
    return link;
  }
  return [link, el('span', { class: 'muted' }, ` (${t('lead.phoneAsEntered', { raw: lead.phoneRaw })})`)];
}

function emailValue(lead) {
  if (!lead.email) {
    return t('lead.none');
  }
  return el('a', { href: `mailto:${encodeURIComponent(lead.email).replace('%40', '@')}` }, lead.email);
}

function contactCard(lead) {
  return card('lead-contact', t('lead.contact'), pairs([
    [t('lead.phone'), phoneValue(lead)],
    [t('lead.email'), emailValue(lead)],
    [t('lead.company'), orNone(lead.company)],
    [t('lead.city'), orNone(lead.city)],
    [t('lead.added'), timeElement(lead.createdAt)],
    [t('lead.updated'), timeElement(lead.updatedAt)],
  ]));
}

function answersCard(lead) {
  const answers = lead.answers || [];
  const content = answers.length === 0
    ? el('p', { class: 'muted' }, t('lead.noAnswers'))
    : el('dl', { class: 'answers' }, answers.map((answer) =>
      [el('dt', {}, answer.question), el('dd', {}, answer.answer)]));
  return card('lead-answers', t('lead.answers'), content);
}

function sourceCard(lead) {
  const source = lead.source || { kind: '', detail: {} };
  const detail = source.detail || {};
  const keys = Object.keys(detail).sort((a, b) => {
    const rank = (key) => (SOURCE_ORDER.includes(key) ? SOURCE_ORDER.indexOf(key) : SOURCE_ORDER.length);
    return rank(a) - rank(b) || a.localeCompare(b);
  });
  const rows = [[t('lead.sourceKind'), label('source.kind', source.kind)]];
  for (const key of keys) {
    const value = String(detail[key]);
    rows.push([label('source', key), key.endsWith('Time') ? timeElement(value) : value]);
  }
  return card('lead-source', t('lead.source'), pairs(rows));
}

function timelineCard(timeline) {
  const events = [...(timeline || [])].sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt));
  const content = events.length === 0
    ? el('p', { class: 'muted' }, t('lead.noTimeline'))
    : el('ol', { class: 'timeline' }, events.map((event) =>
      el('li', { class: 'timeline-event', 'data-kind': event.kind },
        timeElement(event.occurredAt), el('p', {}, event.summary))));
  return card('lead-timeline', t('lead.timeline'), content);
}

function badge(name, value) {
  return el('span', { class: 'badge' }, el('span', { class: 'badge-name' }, name), ' ', value);
}

function showLead(lead, timeline) {
  const name = displayName(lead);
  document.title = `${name} \u00b7 ${t('app.name')}`;
  root.replaceChildren(
    el('header', { class: 'lead-head' },
      el('h1', {}, name),
      el('p', { class: 'lead-sub' }, joined([lead.company, lead.city])),
      el('p', { class: 'badges' },
        badge(t('lead.stage'), label('stage', lead.stage)), ' ',
        badge(t('lead.status'), label('status', lead.status)))),
    el('div', { class: 'lead-grid' },
      el('div', { class: 'lead-col' }, contactCard(lead), answersCard(lead), sourceCard(lead)),
      timelineCard(timeline)));
}

function showProblem(title, detail) {
  document.title = `${title} \u00b7 ${t('app.name')}`;
  root.replaceChildren(el('div', { class: 'problem' },
    el('h1', {}, title),
    el('p', {}, detail),
    el('p', {}, el('a', { class: 'button-primary', href: '/leads' }, t('lead.back')))));
}

try {
  const data = await getJson(`/api/v1/leads/${encodeURIComponent(main.dataset.leadId)}`);
  showLead(data.lead, data.timeline);
} catch (error) {
  if (error instanceof ApiError && error.status === 404) {
    showProblem(t('lead.notFound'), t('lead.notFoundDetail'));
  } else {
    showProblem(t('lead.title'), t('error.load', { detail: error.message }));
  }
}
root.setAttribute('aria-busy', 'false');
