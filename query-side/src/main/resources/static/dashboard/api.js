// The dashboard's only data path: the public JSON API, with the analyst's own credentials.

const KEY = 'efa-registry.dashboard.auth';
const BASE = '/api/v1';

/** Thrown when the API refuses the credentials (401) or the role (403); the page goes back to its login form. */
export class AuthError extends Error {
    constructor(status) {
        super(status === 403 ? 'Dieses Konto darf keine Statistiken sehen.' : 'Benutzername oder Passwort falsch.');
        this.status = status;
    }
}

// sessionStorage, not localStorage: the credentials leave with the tab, and a reload does not ask again.
let auth = sessionStorage.getItem(KEY);

export function signedIn() {
    return auth !== null;
}

export function userName() {
    return auth?.startsWith('Basic ') ? atob(auth.slice(6)).split(':')[0] : 'Token';
}

/** Keeps the credentials if the API accepts them for a statistic, the one thing this page needs. */
export async function signIn(user, password, token) {
    const candidate = token ? `Bearer ${token.trim()}` : `Basic ${basic(user, password)}`;
    await request(candidate, '/stats/maturity');
    auth = candidate;
    sessionStorage.setItem(KEY, candidate);
}

export function signOut() {
    auth = null;
    sessionStorage.removeItem(KEY);
}

/** GET a JSON resource; empty parameters are left out so the API applies its defaults. */
export function get(path, params = {}) {
    const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''));
    const search = query.toString();
    return request(auth, search ? `${path}?${search}` : path);
}

async function request(authorization, pathAndQuery) {
    const response = await fetch(BASE + pathAndQuery, {
        headers: {
            Accept: 'application/json',
            ...(authorization ? {Authorization: authorization} : {}),
            // tells the API to leave out WWW-Authenticate, which would pop the browser's own login dialog
            'X-Requested-With': 'XMLHttpRequest'
        },
        cache: 'no-store'
    });
    if (response.status === 401 || response.status === 403) {
        throw new AuthError(response.status);
    }
    if (!response.ok) {
        const problem = await response.json().catch(() => ({}));
        throw new Error(problem.detail || problem.title || `HTTP ${response.status}`);
    }
    return response.json();
}

// btoa only takes Latin-1; encode as UTF-8 first so umlauts in passwords survive.
function basic(user, password) {
    const bytes = new TextEncoder().encode(`${user}:${password ?? ''}`);
    return btoa(String.fromCharCode(...bytes));
}
