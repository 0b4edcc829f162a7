// Wiring of the page: login, filters, and one panel per statistic, each drawn from exactly one API call.
// window.dashboard exposes the charts and the answers they were drawn from, for the browser test and for curious
// analysts with a console.

import * as api from './api.js';
import * as build from './charts.js';
import {setUpLookup} from './lookup.js';
import {today} from './format.js';

// EfA reuse began with the OZG programme in 2020; from there the whole history fits a monthly timeline
const TIMELINE_START = '2020-01-01';

const $ = id => document.getElementById(id);
const filters = {service: $('service-filter'), state: $('state-filter'), from: $('timeline-from'),
    interval: $('timeline-interval'), asOf: $('stats-as-of')};

/** A chart card: its element, its ECharts instance, and a ticket so only the newest request may draw. */
function panel(id) {
    const element = $(id);
    const chart = echarts.init(element.querySelector('.chart'), null, {locale: 'DE'});
    // a resize observer rather than window resize: the grid also reflows when the page's own layout changes
    new ResizeObserver(() => chart.resize()).observe(element.querySelector('.chart'));
    // 'finished' comes once the animation is over: screenshots and tests wait for data-painted
    chart.on('finished', () => { element.dataset.painted = 'true'; });
    return {element, chart, ticket: 0};
}

const panels = {
    coverageByState: panel('coverage-by-state'),
    coverageByDistrict: panel('coverage-by-district'),
    crossBorder: panel('cross-border'),
    timeline: panel('timeline'),
    maturity: panel('maturity'),
    reuse: panel('reuse')
};

window.dashboard = {
    charts: Object.fromEntries(Object.entries(panels).map(([name, p]) => [name, p.chart])),
    data: {},
    loadMs: null, // from login (or page start) until every panel is drawn
    readyAt: null // the same, in ms since navigation
};

/** Fetches one statistic and draws it, unless a newer request for the same panel was made meanwhile. */
async function draw(name, path, params, toOption) {
    const p = panels[name];
    const ticket = ++p.ticket;
    p.element.dataset.state = 'loading';
    try {
        const body = await api.get(path, params);
        if (ticket !== p.ticket) {
            return body;
        }
        p.element.dataset.painted = 'false';
        p.chart.setOption({aria: {enabled: true}, ...toOption(body.rows)}, true);
        window.dashboard.data[name] = body;
        // population is Destatis data: name the source under every chart that weighs by it
        const source = p.element.querySelector('.source');
        if (source) {
            source.textContent = `Bevölkerung: ${body.source}`;
        }
        p.element.dataset.query = new URLSearchParams(Object.entries(params).filter(([, v]) => v)).toString();
        p.element.dataset.state = 'ready';
        return body;
    } catch (e) {
        failed(p, e);
        return null;
    }
}

function failed(p, e) {
    if (e instanceof api.AuthError) {
        showLogin(e.message);
        return;
    }
    p.element.dataset.state = 'error';
    p.chart.setOption({title: {text: `Fehler: ${e.message}`, left: 'center', top: 'middle', textStyle: {color: '#b91c1c', fontSize: 13}}}, true);
}

const coverageByState = () => draw('coverageByState', '/stats/coverage',
    {groupBy: 'state', serviceId: filters.service.value, asOf: filters.asOf.value}, build.coverage);

function coverageByDistrict() {
    const state = filters.state.value;
    $('district-state-name').textContent = state ? filters.state.selectedOptions[0].textContent : '';
    return draw('coverageByDistrict', '/stats/coverage',
        {groupBy: 'district', state, serviceId: filters.service.value, asOf: filters.asOf.value}, build.coverage);
}

// the figures of one day (the Stichtag, today unless chosen): live on it, planned after it
const crossBorder = () => draw('crossBorder', '/stats/cross-border', {asOf: filters.asOf.value}, build.crossBorder);
const maturity = () => draw('maturity', '/stats/maturity', {asOf: filters.asOf.value}, build.maturity);
const reuse = () => draw('reuse', '/stats/reuse', {asOf: filters.asOf.value}, build.reuse);
const timeline = () => draw('timeline', '/stats/timeline',
    {from: filters.from.value, to: today(), interval: filters.interval.value}, build.timeline);

/** The service picker lists every service, page by page; filtering happens in the API, by serviceId. */
async function loadServices() {
    const services = [];
    for (let page = 0; ; page++) {
        const answer = await api.get('/services', {size: 500, page});
        services.push(...answer.items);
        if (answer.items.length === 0 || services.length >= answer.total) {
            break;
        }
    }
    const options = services
        .sort((a, b) => a.name.localeCompare(b.name, 'de'))
        .map(s => new Option(`${s.name} (${s.providingState})`, s.serviceId));
    filters.service.replaceChildren(new Option('Alle Onlinedienste', ''), ...options);
}

/** The state picker offers the states the register knows municipalities of, named as the API names them. */
function fillStates(rows) {
    const previous = filters.state.value;
    filters.state.replaceChildren(...rows.map(r => new Option(r.name, r.key)));
    const keys = rows.map(r => r.key);
    filters.state.value = keys.includes(previous) ? previous : (keys.includes('16') ? '16' : keys[0] ?? '');
}

async function loadAll() {
    const started = performance.now();
    filters.from.value ||= TIMELINE_START;
    filters.asOf.value ||= today();
    // the charts that need nothing else start at once; the district chart waits for the list of states
    const independent = [crossBorder(), maturity(), reuse(), timeline(), loadServices().catch(e => e)];
    const states = await coverageByState();
    if (states) {
        fillStates(states.rows);
        await coverageByDistrict();
    }
    await Promise.all(independent);
    window.dashboard.loadMs = Math.round(performance.now() - started);
    window.dashboard.readyAt = Math.round(performance.now());
}

filters.service.addEventListener('change', () => {
    coverageByState();
    coverageByDistrict();
});
filters.state.addEventListener('change', coverageByDistrict);
filters.asOf.addEventListener('change', () => {
    // an emptied date field means today again
    filters.asOf.value ||= today();
    coverageByState();
    coverageByDistrict();
    crossBorder();
    maturity();
    reuse();
});
filters.from.addEventListener('change', timeline);
filters.interval.addEventListener('change', timeline);

// --- login ---

function showLogin(message) {
    api.signOut();
    $('board').hidden = true;
    $('who').hidden = true;
    $('login').hidden = false;
    const error = $('login-error');
    error.textContent = message ?? '';
    error.hidden = !message;
    $('login-user').focus();
}

function showBoard() {
    $('login').hidden = true;
    $('board').hidden = false;
    $('who').hidden = false;
    $('who-name').textContent = api.userName();
    // the charts were created while hidden, at zero size
    Object.values(panels).forEach(p => p.chart.resize());
    return loadAll();
}

$('login-form').addEventListener('submit', async event => {
    event.preventDefault();
    // a user name, or a token alone (the split deployment signs in with tokens only)
    if (!$('login-user').value.trim() && !$('login-token').value.trim()) {
        showLogin('Bitte Benutzername und Passwort oder ein Zugriffstoken angeben.');
        return;
    }
    const submit = $('login-submit');
    submit.disabled = true;
    try {
        await api.signIn($('login-user').value.trim(), $('login-password').value, $('login-token').value);
        $('login-password').value = '';
        await showBoard();
    } catch (e) {
        showLogin(e instanceof api.AuthError ? e.message : `Anmeldung nicht möglich: ${e.message}`);
    } finally {
        submit.disabled = false;
    }
});

$('logout').addEventListener('click', () => showLogin());

setUpLookup(e => showLogin(e.message));

if (api.signedIn()) {
    showBoard();
} else {
    showLogin();
}
