// ECharts options built from the API's rows, one pure function per chart. Category axes hold the API's own keys
// (state codes, district keys, periods) and series hold its numbers unchanged, so what is drawn can be compared
// with the API one to one; only labels and tooltips are formatted for people.

import {html, number, share, stateAbbreviation, stateName} from './format.js';

const GRID = {left: 8, right: 16, top: 28, bottom: 8, containLabel: true};
const EMPTY = {text: 'Keine Daten', left: 'center', top: 'middle', textStyle: {color: '#6b7280', fontSize: 14}};
/** Levels 0–4 as before; 5–7 exist in the maturity model 2.0 only. */
const LEVEL_COLOURS = ['#d1d5db', '#fcd34d', '#fb923c', '#38bdf8', '#2563eb', '#4f46e5', '#7c3aed', '#15803d'];
/** More bars than this (Bavaria has 96 districts) and the chart shows this many at a time, with a slider. */
const BARS_AT_ONCE = 24;
/** More states than this on a category axis, and they are named by their two letters. */
const FULL_STATE_NAMES = 6;

const stateLabel = count => (count > FULL_STATE_NAMES ? stateAbbreviation : stateName);

/**
 * Coverage rows ({key, name, …, coverage, …, coveragePlanned}) as stacked bars: the population share served on the day
 * (live), and above it the share only planned then (served from a later day).
 */
export function coverage(rows) {
    const names = Object.fromEntries(rows.map(r => [r.key, r.name]));
    const byKey = Object.fromEntries(rows.map(r => [r.key, r]));
    const many = rows.length > BARS_AT_ONCE;
    return {
        title: rows.length ? undefined : EMPTY,
        // labels turned by 30° reach left of the axis' start, further than containLabel allows for; the slider
        // needs room below them
        grid: {...GRID, top: 36, left: rows.length > 6 ? 44 : GRID.left, bottom: many ? 30 : GRID.bottom},
        legend: {top: 0},
        dataZoom: many ? [
            {type: 'slider', xAxisIndex: 0, startValue: 0, endValue: BARS_AT_ONCE - 1, height: 14, bottom: 4,
                showDetail: false, brushSelect: false},
            {type: 'inside', xAxisIndex: 0, zoomOnMouseWheel: false, moveOnMouseWheel: true}
        ] : [],
        tooltip: {
            trigger: 'axis',
            axisPointer: {type: 'shadow'},
            formatter: ([point]) => {
                const r = byKey[point.name];
                return `<b>${html(r.name)}</b><br>live: ${share(r.coverage)} der Einwohner<br>`
                    + `${number(r.populationCovered)} von ${number(r.population)} Einwohnern<br>`
                    + `${number(r.adopted)} von ${number(r.municipalities)} Gemeinden<br>`
                    + `geplant: ${share(r.coveragePlanned)} der Einwohner, ${number(r.planned)} Gemeinden`;
            }
        },
        xAxis: {
            type: 'category',
            data: rows.map(r => r.key),
            axisLabel: {interval: 0, rotate: rows.length > 6 ? 30 : 0, formatter: key => names[key] ?? key}
        },
        yAxis: {type: 'value', min: 0, max: 1, axisLabel: {formatter: share}},
        series: [{
            name: 'live',
            type: 'bar',
            stack: 'coverage',
            data: rows.map(r => r.coverage),
            itemStyle: {color: '#2563eb'}
        }, {
            name: 'geplant',
            type: 'bar',
            stack: 'coverage',
            data: rows.map(r => r.coveragePlanned),
            itemStyle: {color: '#93c5fd'},
            // on top of the stack, the figure that matters: the share served on the day
            label: {show: true, position: 'top', formatter: p => share(rows[p.dataIndex].coverage)}
        }]
    };
}

/**
 * Cross-border rows ({providingState, adoptingState, services, adoptions, …, planned}) as a providing × adopting
 * heatmap of the adoptions live on the day; the planned ones are named in the tooltip.
 */
export function crossBorder(rows) {
    const states = [...new Set(rows.flatMap(r => [r.providingState, r.adoptingState]))].sort();
    const byPair = Object.fromEntries(rows.map(r => [`${r.providingState}|${r.adoptingState}`, r]));
    const max = Math.max(1, ...rows.map(r => r.adoptions));
    return {
        title: rows.length ? undefined : EMPTY,
        grid: {...GRID, bottom: 48},
        tooltip: {
            formatter: p => {
                const r = byPair[`${states[p.value[1]]}|${states[p.value[0]]}`];
                return `${html(stateName(r.providingState))} → ${html(stateName(r.adoptingState))}<br>`
                    + `${number(r.adoptions)} Nachnutzungen, ${number(r.services)} Onlinedienste`
                    + (r.planned ? `<br>${number(r.planned)} weitere geplant` : '');
            }
        },
        xAxis: {type: 'category', data: states, name: 'nutzt nach', nameLocation: 'middle', nameGap: 28,
            axisLabel: {interval: 0, formatter: stateLabel(states.length)}},
        // the axis name starts at the axis instead of centring on it, where it ran off the canvas
        yAxis: {type: 'category', data: states, name: 'bietet an', nameTextStyle: {align: 'left'},
            axisLabel: {formatter: stateName}},
        visualMap: {min: 0, max, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 80,
            text: [number(max), '0'], inRange: {color: ['#dbeafe', '#1e3a8a']}},
        series: [{
            name: 'Nachnutzungen',
            type: 'heatmap',
            // [x = adopting, y = providing, adoptions]; the diagonal stays empty: within a state is not cross-border
            data: rows.map(r => [states.indexOf(r.adoptingState), states.indexOf(r.providingState), r.adoptions]),
            label: {show: true, formatter: p => number(p.value[2])},
            itemStyle: {borderColor: '#fff', borderWidth: 2}
        }]
    };
}

/** Timeline rows ({period, started, ended, active}): starts and ends per period as bars, the active total as a line. */
export function timeline(rows) {
    return {
        title: rows.length ? undefined : EMPTY,
        grid: {...GRID, top: 36},
        legend: {top: 0},
        tooltip: {trigger: 'axis', valueFormatter: number},
        xAxis: {type: 'category', data: rows.map(r => r.period)},
        yAxis: {type: 'value', minInterval: 1, axisLabel: {formatter: number}},
        series: [
            {name: 'begonnen', type: 'bar', data: rows.map(r => r.started), itemStyle: {color: '#16a34a'}},
            {name: 'beendet', type: 'bar', data: rows.map(r => r.ended), itemStyle: {color: '#dc2626'}},
            {name: 'aktiv', type: 'line', step: 'end', showSymbol: false, data: rows.map(r => r.active), itemStyle: {color: '#2563eb'}}
        ]
    };
}

/**
 * Maturity rows ({providingState, level, services, maturityModel}): per providing state, services stacked by level —
 * one stack per maturity model, side by side, since levels of two models are not the same thing and never add up.
 */
export function maturity(rows) {
    const FIRST = 'OZG-1.0';
    const modelOf = r => r.maturityModel ?? FIRST;
    const states = [...new Set(rows.map(r => r.providingState))].sort();
    const steps = [...new Map(rows.map(r => [`${modelOf(r)}|${r.level}`, {model: modelOf(r), level: r.level}])).values()]
        .sort((a, b) => a.model.localeCompare(b.model) || a.level - b.level);
    const count = (state, step) => rows.find(r => r.providingState === state && modelOf(r) === step.model
        && r.level === step.level)?.services ?? 0;
    return {
        title: rows.length ? undefined : EMPTY,
        grid: {...GRID, top: 36},
        legend: {top: 0},
        tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, valueFormatter: number},
        xAxis: {type: 'category', data: states, axisLabel: {interval: 0, formatter: stateLabel(states.length)}},
        yAxis: {type: 'value', minInterval: 1, axisLabel: {formatter: number}},
        series: steps.map(step => ({
            name: step.model === FIRST ? `Reifegrad ${step.level}` : `${step.model} Reifegrad ${step.level}`,
            type: 'bar',
            stack: step.model,
            data: states.map(state => count(state, step)),
            itemStyle: {color: LEVEL_COLOURS[step.level] ?? '#6b7280'}
        }))
    };
}

/**
 * Reuse funnel rows ({serviceId, name, providingState, statesOfferedTo, statesInterested, agreementsSigned,
 * municipalitiesLive, municipalitiesPlanned}) per EFA service: the states reached, interested and signed up as bars on
 * the left axis, the municipalities of other states live and planned stacked on the right — states and municipalities
 * are different units and never share an axis.
 */
export function reuse(rows) {
    const names = Object.fromEntries(rows.map(r => [r.serviceId, `${r.name} (${r.providingState})`]));
    const many = rows.length > BARS_AT_ONCE;
    const states = [['statesOfferedTo', 'Länder mit Angebot', '#d1d5db'], ['statesInterested', 'Länder interessiert', '#fcd34d'],
        ['agreementsSigned', 'Vereinbarungen', '#fb923c']];
    const municipalities = [['municipalitiesLive', 'Gemeinden live', '#2563eb'], ['municipalitiesPlanned', 'Gemeinden geplant', '#93c5fd']];
    return {
        title: rows.length ? undefined : EMPTY,
        grid: {...GRID, top: 36, bottom: many ? 30 : GRID.bottom},
        legend: {top: 0},
        dataZoom: many ? [{type: 'slider', xAxisIndex: 0, startValue: 0, endValue: BARS_AT_ONCE - 1, height: 14, bottom: 4}] : [],
        tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, valueFormatter: number},
        xAxis: {type: 'category', data: rows.map(r => r.serviceId),
            axisLabel: {interval: 0, rotate: rows.length > 4 ? 30 : 0, formatter: id => html(names[id] ?? id)}},
        yAxis: [{type: 'value', name: 'Länder', minInterval: 1, max: 15}, {type: 'value', name: 'Gemeinden', minInterval: 1,
            axisLabel: {formatter: number}}],
        series: [
            ...states.map(([field, name, color]) => ({name, type: 'bar', yAxisIndex: 0, data: rows.map(r => r[field]),
                itemStyle: {color}})),
            ...municipalities.map(([field, name, color]) => ({name, type: 'bar', yAxisIndex: 1, stack: 'municipalities',
                data: rows.map(r => r[field]), itemStyle: {color}}))
        ]
    };
}
