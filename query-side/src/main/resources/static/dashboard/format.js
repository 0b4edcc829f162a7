// Numbers, shares and dates the way German readers expect them: 1.234.567 · 45,3 % · 01.05.2023.

const integer = new Intl.NumberFormat('de-DE');
const percent = new Intl.NumberFormat('de-DE', {style: 'percent', maximumFractionDigits: 1});
const date = new Intl.DateTimeFormat('de-DE', {day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC'});

// The state codes are fixed by law (AGS prefix); the API answers with codes, people read names.
const STATES = {
    '01': 'Schleswig-Holstein', '02': 'Hamburg', '03': 'Niedersachsen', '04': 'Bremen',
    '05': 'Nordrhein-Westfalen', '06': 'Hessen', '07': 'Rheinland-Pfalz', '08': 'Baden-Württemberg',
    '09': 'Bayern', '10': 'Saarland', '11': 'Berlin', '12': 'Brandenburg', '13': 'Mecklenburg-Vorpommern',
    '14': 'Sachsen', '15': 'Sachsen-Anhalt', '16': 'Thüringen'
};

export const number = value => integer.format(value);
/** A share; one too small to show as 0,1 % is still not none: "< 0,1 %". */
export const share = value => (value > 0 && value < 0.0005 ? `< ${percent.format(0.001)}` : percent.format(value));
export const stateName = code => STATES[code] ?? code;
// the usual two letters, for axes where sixteen full names would not fit side by side
const ABBREVIATIONS = {
    '01': 'SH', '02': 'HH', '03': 'NI', '04': 'HB', '05': 'NW', '06': 'HE', '07': 'RP', '08': 'BW',
    '09': 'BY', '10': 'SL', '11': 'BE', '12': 'BB', '13': 'MV', '14': 'SN', '15': 'ST', '16': 'TH'
};
export const stateAbbreviation = code => ABBREVIATIONS[code] ?? code;

/** "2023-05-01" → "01.05.2023"; read as UTC so no time zone shifts the day. */
export const day = iso => (iso ? date.format(new Date(`${iso}T00:00:00Z`)) : '');

/** Today in the browser's calendar, as the API's yyyy-mm-dd. */
export function today() {
    const now = new Date();
    return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map(n => String(n).padStart(2, '0')).join('-');
}

/** Escapes text for the few places that build HTML (ECharts tooltips take HTML strings). */
export function html(text) {
    return String(text ?? '').replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
}
