// The live dashboard of one regime: its budget against the cap, the burn-down, company accounts, safety cases and
// a feed of changes. Loaded once from the read API, then kept current from the regime's server-sent events without
// reloading the page: each event carries the budget right after the change; companies and cases are read again
// (at most one read of each at a time) when a change touched them.

import { Refusal, read, readAll, stream, token, useToken } from './api.js';
import { BurnDownChart } from './chart.js';
import { integer, percent, ppb, time } from './format.js';

/** Every event type of the ledger (the stream names each event by its type; EventSource needs each name). */
const EVENT_TYPES = ['RegimeOpened', 'RegimePolicyChanged', 'CompanyRegistered', 'BudgetAllocated',
  'BudgetReclaimed', 'BudgetTransferred', 'TransferRequested', 'TransferApproved', 'TransferRejected',
  'SafetyCaseSubmitted', 'SafetyCaseAccepted', 'SafetyCaseRejected', 'SafetyCaseWithdrawn', 'SafetyCaseRevoked',
  'SafetyCaseExpired', 'SafetyCaseRevised', 'SafetyCasesFlagged'];
/** Changes that move a company's balances. */
const COMPANY_CHANGES = new Set(['CompanyRegistered', 'BudgetAllocated', 'BudgetReclaimed', 'BudgetTransferred',
  'TransferRequested', 'TransferApproved', 'TransferRejected', 'SafetyCaseSubmitted', 'SafetyCaseAccepted',
  'SafetyCaseRejected', 'SafetyCaseWithdrawn', 'SafetyCaseRevised']);
const CASE_STATUSES = ['SUBMITTED', 'ACCEPTED', 'REJECTED', 'WITHDRAWN', 'REVOKED', 'EXPIRED'];
const FEED_MAX = 50;
/** How long after a change its companies and cases are read again: a burst of changes costs one read. */
const REFRESH_DELAY_MS = 250;
const RETRY_DELAY_MS = 5000;

const element = (id) => document.getElementById(id);
const view = {
  regime: element('regime'),
  connection: element('connection'),
  signIn: element('sign-in'),
  dashboard: element('dashboard'),
};
const chart = new BurnDownChart(element('burn-down-chart'));

/** The regime on show, and what the page knows of it; replaced whenever another regime is chosen. */
let current = null;

class RegimeOnShow {
  constructor(regimeId) {
    this.regimeId = regimeId;
    this.lastSequence = 0;
    this.source = null;
    this.closed = false;
    this.refreshes = { companies: new Refresh(() => this.loadCompanies()), cases: new Refresh(() => this.loadCases()) };
  }

  async load() {
    const budget = await read(`/regimes/${encodeURIComponent(this.regimeId)}/budget`);
    const burnDown = await readAll(`/regimes/${encodeURIComponent(this.regimeId)}/burn-down`, {}, 10);
    if (this.closed) {
      return;
    }
    showBudget(budget);
    this.lastSequence = budget.lastSequence;
    chart.show(burnDown.items.filter((point) => point.sequence <= budget.lastSequence), budget.capPpb);
    element('burn-down-summary').textContent = burnDown.complete ? ''
      : `Showing the first ${integer(burnDown.items.length)} events.`;
    await Promise.all([this.loadCompanies(), this.loadCases()]);
    this.listen();
  }

  /** Subscribes from the sequence the page was loaded at, so no change in between is missed. */
  listen() {
    if (this.closed) {
      return;
    }
    this.source = stream(this.regimeId, this.lastSequence);
    this.source.onopen = () => connection('Live', 'live');
    this.source.onerror = () => {
      if (this.source.readyState === EventSource.CLOSED) {
        // Refused outright (the browser gives no status): start over after a pause, from a fresh read.
        connection('Disconnected; retrying…', 'down');
        this.close();
        setTimeout(() => current === this && choose(this.regimeId), RETRY_DELAY_MS);
      } else {
        connection('Reconnecting…', 'down');
      }
    };
    EVENT_TYPES.forEach((type) => this.source.addEventListener(type,
      (message) => this.changed(JSON.parse(message.data))));
  }

  changed(change) {
    if (this.closed || change.sequence <= this.lastSequence) {
      return;
    }
    this.lastSequence = change.sequence;
    showBudget(change.budget);
    chart.add({ sequence: change.sequence, occurredAt: change.occurredAt, spentPpb: change.budget.spentPpb,
      reservedPpb: change.budget.reservedPpb, remainingPpb: change.budget.remainingPpb,
      allocatedPpb: change.budget.allocatedPpb });
    addToFeed(change);
    if (COMPANY_CHANGES.has(change.type)) {
      this.refreshes.companies.after(change.sequence);
    }
    if (change.type.startsWith('SafetyCase')) {
      this.refreshes.cases.after(change.sequence);
    }
  }

  async loadCompanies(minSequence) {
    const companies = await readAll(`/regimes/${encodeURIComponent(this.regimeId)}/companies`, { minSequence });
    if (!this.closed) {
      showCompanies(companies);
    }
  }

  async loadCases(minSequence) {
    const cases = await readAll(`/regimes/${encodeURIComponent(this.regimeId)}/safety-cases`, { minSequence });
    if (!this.closed) {
      showCases(cases);
    }
  }

  close() {
    this.closed = true;
    this.source?.close();
  }
}

/** One read that is repeated after changes: never two at once, and a burst of changes costs one more read. */
class Refresh {
  constructor(load) {
    this.load = load;
    this.wanted = 0;
    this.running = false;
    this.timer = null;
  }

  after(sequence) {
    this.wanted = Math.max(this.wanted, sequence);
    if (!this.running && !this.timer) {
      this.timer = setTimeout(() => this.run(), REFRESH_DELAY_MS);
    }
  }

  async run() {
    this.timer = null;
    this.running = true;
    const sequence = this.wanted;
    try {
      await this.load(sequence);
    } catch (failure) {
      console.warn('Reading again failed', failure);
    } finally {
      this.running = false;
    }
    if (this.wanted > sequence) {
      this.after(this.wanted);
    }
  }
}

function showFigure(name, amountPpb) {
  const figure = document.querySelector(`[data-figure="${name}"]`);
  figure.value = String(amountPpb);
  figure.title = ppb(amountPpb);
  figure.textContent = percent(amountPpb);
  figure.classList.toggle('negative', amountPpb < 0);
}

function showBudget(budget) {
  const exceeded = budget.status === 'CAP_EXCEEDED';
  ['cap', 'remaining', 'spent', 'reserved', 'allocated', 'unallocated'].forEach((name) =>
    showFigure(name, budget[`${name}Ppb`]));
  document.querySelector('[data-figure="sequence"]').textContent = `#${integer(budget.lastSequence)}`;
  const status = element('regime-status');
  status.textContent = exceeded ? 'CAP EXCEEDED' : 'within cap';
  status.className = `status ${exceeded ? 'exceeded' : 'within'}`;
  const alert = element('cap-alert');
  alert.hidden = !exceeded;
  alert.textContent = exceeded ? `Cap exceeded: ${percent(budget.spentPpb)} spent against a cap of `
    + `${percent(budget.capPpb)}, over by ${percent(budget.spentPpb - budget.capPpb)}.` : '';
  view.dashboard.classList.toggle('exceeded', exceeded);
  showGauge(budget, exceeded);
}

/**
 * The bar is the cap plus, when broken, what was spent beyond it; so an overdrawn cap shows as a red segment
 * sticking out past the cap's mark, not as a full bar that looks merely full.
 */
function showGauge(budget, exceeded) {
  const cap = Math.max(budget.capPpb, 1);
  const spent = Math.max(budget.spentPpb, 0);
  const over = Math.max(spent - budget.capPpb, 0);
  const whole = cap + over;
  const withinSpent = spent - over;
  const reserved = Math.max(Math.min(budget.reservedPpb, cap - withinSpent), 0);
  const remaining = Math.max(budget.remainingPpb, 0);
  const parts = { spent: withinSpent, reserved, remaining, over };
  Object.entries(parts).forEach(([part, amount]) => {
    element('gauge').querySelector(`[data-part="${part}"]`).style.width = `${(100 * amount) / whole}%`;
  });
  const gauge = element('gauge');
  gauge.classList.toggle('exceeded', exceeded);
  gauge.style.setProperty('--cap-mark', `${(100 * cap) / whole}%`);
  gauge.setAttribute('aria-label', exceeded
    ? `Cap exceeded: spent ${percent(budget.spentPpb)} of a ${percent(budget.capPpb)} cap`
    : `Remaining ${percent(budget.remainingPpb)} of a ${percent(budget.capPpb)} cap; spent `
      + `${percent(budget.spentPpb)}, reserved ${percent(budget.reservedPpb)}`);
}

function cell(text, className) {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) {
    td.className = className;
  }
  return td;
}

/** A table cell with an exact amount in ppb, its percent on hover; negative amounts stand out. */
function amountCell(amountPpb) {
  const td = cell('', `number${amountPpb < 0 ? ' negative' : ''}`);
  const figure = document.createElement('data');
  figure.value = String(amountPpb);
  figure.title = percent(amountPpb);
  figure.textContent = integer(amountPpb);
  td.append(figure);
  return td;
}

function showCompanies({ items, complete }) {
  const rows = items.map((company) => {
    const row = document.createElement('tr');
    row.dataset.company = company.companyId;
    const paused = company.status === 'PAUSE_REQUIRED';
    row.className = paused ? 'paused' : '';
    const name = document.createElement('th');
    name.scope = 'row';
    name.textContent = company.name === company.companyId ? company.name : `${company.name} (${company.companyId})`;
    row.append(name, amountCell(company.allocatedPpb), amountCell(company.netTransferredPpb),
      amountCell(company.availablePpb), amountCell(company.reservedPpb), amountCell(company.spentPpb),
      cell(paused ? 'PAUSE REQUIRED' : 'active', paused ? 'company-status paused' : 'company-status'));
    return row;
  });
  element('companies').tBodies[0].replaceChildren(
    ...(rows.length ? rows : [emptyRow(7, 'No company is registered yet.')]));
  more('companies-more', complete, items.length, 'companies');
}

function showCases({ items, complete }) {
  const counts = Object.fromEntries(CASE_STATUSES.map((status) => [status, 0]));
  items.forEach((safetyCase) => {
    counts[safetyCase.status] = (counts[safetyCase.status] || 0) + 1;
  });
  element('case-counts').replaceChildren(...Object.entries(counts).map(([status, count]) => {
    const item = document.createElement('li');
    item.className = `count ${status.toLowerCase()}`;
    item.textContent = `${status.toLowerCase()} `;
    const number = document.createElement('strong');
    number.textContent = integer(count);
    item.append(number);
    return item;
  }));
  const rows = items.map((safetyCase) => {
    const row = document.createElement('tr');
    row.dataset.case = safetyCase.caseId;
    row.className = safetyCase.flags.length ? 'flagged' : '';
    const id = document.createElement('th');
    id.scope = 'row';
    id.textContent = safetyCase.caseId;
    const flags = cell('');
    safetyCase.flags.forEach((flag) => {
      const badge = document.createElement('span');
      badge.className = 'flag';
      badge.textContent = flag.replaceAll('_', ' ').toLowerCase();
      flags.append(badge);
    });
    row.append(id, cell(safetyCase.companyId), cell(`${safetyCase.system.name} ${safetyCase.system.version}`),
      cell(safetyCase.capabilityTier),
      cell(safetyCase.status.toLowerCase(), `case-status ${safetyCase.status.toLowerCase()}`),
      amountCell(safetyCase.riskPpb), amountCell(safetyCase.chargedPpb), flags);
    return row;
  });
  element('cases').tBodies[0].replaceChildren(
    ...(rows.length ? rows : [emptyRow(8, 'No safety case was submitted yet.')]));
  more('cases-more', complete, items.length, 'cases');
}

function emptyRow(columns, text) {
  const row = document.createElement('tr');
  const td = cell(text, 'empty');
  td.colSpan = columns;
  row.append(td);
  return row;
}

function more(id, complete, shown, what) {
  const note = element(id);
  note.hidden = complete;
  note.textContent = complete ? '' : `Showing the first ${integer(shown)} ${what}; the API pages through the rest.`;
}

function addToFeed(change) {
  const item = document.createElement('li');
  item.dataset.sequence = String(change.sequence);
  const when = document.createElement('time');
  when.dateTime = change.occurredAt;
  when.textContent = time(change.occurredAt);
  const what = document.createElement('strong');
  what.textContent = change.type.replace(/([a-z])([A-Z])/g, '$1 $2');
  const remaining = document.createElement('data');
  remaining.value = String(change.budget.remainingPpb);
  remaining.title = ppb(change.budget.remainingPpb);
  remaining.textContent = percent(change.budget.remainingPpb);
  item.append(`#${integer(change.sequence)} `, what, ' · remaining ', remaining, ' · ', when);
  const feed = element('feed');
  feed.prepend(item);
  while (feed.children.length > FEED_MAX) {
    feed.lastElementChild.remove();
  }
}

function connection(text, state) {
  view.connection.textContent = text;
  view.connection.dataset.state = state;
}

/** Shows the token form: no token was given and one is needed, or the one given was refused. */
function askForToken(reason) {
  element('sign-in-reason').textContent = reason;
  view.signIn.hidden = false;
  view.dashboard.hidden = true;
  connection('Token needed', 'down');
  element('token').focus();
}

async function loadRegimes() {
  const { items } = await read('/regimes', { limit: 1000 });
  const chosen = view.regime.value || new URLSearchParams(location.hash.slice(1)).get('regime');
  view.regime.replaceChildren(...items.map((budget) => {
    const option = document.createElement('option');
    option.value = budget.regimeId;
    option.textContent = budget.name === budget.regimeId ? budget.name : `${budget.name} (${budget.regimeId})`;
    return option;
  }));
  view.regime.disabled = items.length === 0;
  if (items.some((budget) => budget.regimeId === chosen)) {
    view.regime.value = chosen;
  }
  return items;
}

async function choose(regimeId) {
  current?.close();
  element('feed').replaceChildren();
  if (!regimeId) {
    view.dashboard.hidden = true;
    connection('No regime is open yet', 'down');
    return;
  }
  history.replaceState(null, '', `#regime=${encodeURIComponent(regimeId)}`);
  view.dashboard.hidden = false;
  connection('Loading…', 'down');
  current = new RegimeOnShow(regimeId);
  try {
    await current.load();
  } catch (failure) {
    handle(failure);
  }
}

function handle(failure) {
  if (failure instanceof Refusal && failure.status === 401) {
    const refused = token();
    useToken(null);
    askForToken(refused ? 'The token was refused; paste another.' : 'This service needs a token to read.');
  } else {
    connection(`Cannot read: ${failure.message}`, 'down');
  }
}

async function start() {
  view.signIn.hidden = true;
  try {
    await loadRegimes();
    await choose(view.regime.value);
  } catch (failure) {
    handle(failure);
  }
}

view.regime.addEventListener('change', () => choose(view.regime.value));
// A regime opened after the page was loaded appears when the picker is next used.
view.regime.addEventListener('focus', () => loadRegimes().catch(handle));
view.signIn.addEventListener('submit', (event) => {
  event.preventDefault();
  useToken(element('token').value);
  element('token').value = '';
  start();
});

start();
