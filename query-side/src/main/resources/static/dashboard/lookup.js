// The municipality lookup: find a municipality by name or AGS, pick a day, list the services that serve it then.

import * as api from './api.js';
import {day, html, stateName, today} from './format.js';

const SEARCH_DELAY_MS = 250;

export function setUpLookup(onAuthError) {
    const panel = document.getElementById('lookup');
    const query = document.getElementById('lookup-query');
    const date = document.getElementById('lookup-date');
    const matches = document.getElementById('lookup-matches');
    const result = document.getElementById('lookup-result');
    let selected = null;
    let searchTimer = null;
    let searchTicket = 0;
    let lookupTicket = 0;

    date.value = today();

    // wait for a pause in typing, so a name does not cost one request per letter
    query.addEventListener('input', () => {
        clearTimeout(searchTimer);
        searchTimer = setTimeout(search, SEARCH_DELAY_MS);
    });
    document.getElementById('lookup-form').addEventListener('submit', event => {
        event.preventDefault();
        matches.querySelector('button')?.click();
    });
    date.addEventListener('change', () => selected && show(selected));

    async function search() {
        const q = query.value.trim();
        const ticket = ++searchTicket;
        if (!q) {
            matches.replaceChildren();
            return;
        }
        try {
            const page = await api.get('/municipalities', {q, size: 10});
            if (ticket !== searchTicket) {
                return; // a later keystroke has its own answer on the way
            }
            matches.replaceChildren(...page.items.map(m => {
                const item = document.createElement('li');
                const button = document.createElement('button');
                button.type = 'button';
                button.dataset.ags = m.ags;
                button.textContent = `${m.name} (${m.ags}, ${m.stateName ?? stateName(m.state)})`;
                button.addEventListener('click', () => {
                    selected = m.ags;
                    query.value = m.name;
                    matches.replaceChildren();
                    show(m.ags);
                });
                item.append(button);
                return item;
            }));
            if (!page.items.length) {
                matches.innerHTML = '<li class="hint">Keine Gemeinde gefunden.</li>';
            }
        } catch (e) {
            fail(e);
        }
    }

    async function show(ags) {
        const ticket = ++lookupTicket;
        panel.dataset.state = 'loading';
        try {
            const body = await api.get(`/lookup/${encodeURIComponent(ags)}`, {asOf: date.value});
            if (ticket !== lookupTicket) {
                return;
            }
            result.innerHTML = render(body);
            panel.dataset.ags = body.ags;
            panel.dataset.asOf = body.asOf;
            panel.dataset.state = 'ready';
        } catch (e) {
            fail(e);
        }
    }

    function fail(e) {
        if (e instanceof api.AuthError) {
            onAuthError(e);
            return;
        }
        panel.dataset.state = 'error';
        result.innerHTML = `<p class="error">${html(e.message)}</p>`;
    }
}

function render(body) {
    const heading = `<p><b>${html(body.name)}</b> (${html(body.ags)}, ${html(stateName(body.state))}) am ${day(body.asOf)}</p>`;
    if (!body.services.length) {
        return `${heading}<p class="hint">An diesem Tag ist kein Onlinedienst nachgenutzt.</p>`;
    }
    const rows = body.services.map(s => `
        <tr data-service-id="${html(s.serviceId)}" data-cross-border="${s.crossBorder}"
            data-authority-id="${html(s.authority ? s.authority.authorityId : '')}" class="${s.crossBorder ? 'cross' : ''}">
            <td>${html(s.name)}<br><small>LeiKa ${html(s.leikaKey)}</small></td>
            <td>${html(stateName(s.providingState))}</td>
            <td>${html(s.version)}</td>
            <td>${s.maturityLevel ?? '–'}${s.maturityModel && s.maturityModel !== 'OZG-1.0'
                ? ` <small>(${html(s.maturityModel)})</small>` : ''}</td>
            <td>${day(s.since)}</td>
            <td>${s.crossBorder ? '<span class="badge">länderübergreifend</span>' : 'eigenes Land'}</td>
            <td class="authority">${s.authority ? html(s.authority.name ?? s.authority.authorityId) : '–'}</td>
        </tr>`).join('');
    return `${heading}
        <div class="table-scroll"><table>
            <thead><tr><th>Onlinedienst</th><th>Anbieter</th><th>Version</th><th>Reifegrad</th><th>seit</th><th>Grenze</th><th>Zuständige Behörde</th></tr></thead>
            <tbody>${rows}</tbody>
        </table></div>`;
}
