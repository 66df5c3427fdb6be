// Housecall pages' login, every page's one (the operators' page, reached through the gateway at /ops/, loads it
// too): Keycloak's authorization code with PKCE, the token kept in memory only, renewed before it expires, sent as an
// Authorization header (never in a URL). No libraries.
'use strict';

window.HousecallAuth = (() => {
  const auth = { token: null, refreshToken: null, idToken: null, config: null, timer: null, claims: null, key: '' };
  const redirectUri = () => location.origin + location.pathname;
  const endpoint = (name) => `${auth.config.issuer}/protocol/openid-connect/${name}`;
  const base64url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

  async function login() {
    const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
    const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
    const state = base64url(crypto.getRandomValues(new Uint8Array(16)));
    // the hash (a message's link to one consultation) is not part of the redirect URI: kept to restore after
    sessionStorage.setItem(auth.key, JSON.stringify({ verifier, state, hash: location.hash }));
    const query = new URLSearchParams({ client_id: auth.config.clientId, response_type: 'code', scope: 'openid',
      redirect_uri: redirectUri(), state, code_challenge: challenge, code_challenge_method: 'S256' });
    location.assign(`${endpoint('auth')}?${query}`);
  }

  async function tokenRequest(form) {
    const response = await fetch(endpoint('token'), { method: 'POST', body: new URLSearchParams(form),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    if (!response.ok) throw new Error('token request refused');
    const tokens = await response.json();
    auth.token = tokens.access_token;
    auth.refreshToken = tokens.refresh_token;
    auth.idToken = tokens.id_token || auth.idToken;
    clearTimeout(auth.timer);
    auth.timer = setTimeout(refresh, Math.max(10, (tokens.expires_in || 300) - 30) * 1000);
    auth.claims = JSON.parse(atob(auth.token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
  }

  async function refresh() {
    try {
      await tokenRequest({ grant_type: 'refresh_token', client_id: auth.config.clientId,
        refresh_token: auth.refreshToken });
    } catch (e) {
      await login();
    }
  }

  /** Signs in (or finishes a sign-in); resolves to the token's claims, or null while the browser goes to Keycloak. */
  async function start(configUrl, key) {
    auth.key = key;
    auth.config = await (await fetch(configUrl)).json();
    const params = new URLSearchParams(location.search);
    const pending = JSON.parse(sessionStorage.getItem(key) || 'null');
    if (params.has('code') && pending && params.get('state') === pending.state) {
      sessionStorage.removeItem(key);
      history.replaceState(null, '', redirectUri() + (pending.hash || '')); // the code leaves the address bar
      await tokenRequest({ grant_type: 'authorization_code', client_id: auth.config.clientId,
        code: params.get('code'), redirect_uri: redirectUri(), code_verifier: pending.verifier });
      return auth.claims;
    }
    await login();
    return null;
  }

  /** fetch with the bearer token; a 401 renews the token once and tries again. */
  async function api(path, options = {}) {
    const headers = { Accept: 'application/json', ...(options.headers || {}) };
    const call = () => fetch(path, { ...options, headers: { ...headers, Authorization: `Bearer ${auth.token}` } });
    let response = await call();
    if (response.status === 401) {
      await refresh();
      response = await call();
    }
    return response;
  }

  function roles() {
    return ((auth.claims || {}).realm_access || {}).roles || [];
  }

  function signOut() {
    const query = new URLSearchParams({ client_id: auth.config.clientId, post_logout_redirect_uri: redirectUri() });
    if (auth.idToken) query.set('id_token_hint', auth.idToken);
    location.assign(`${endpoint('logout')}?${query}`);
  }

  return { start, api, roles, signOut, claims: () => auth.claims };
})();

// Small helpers the pages share: element building, problem+json messages, times in a zone.
window.HousecallUi = (() => {
  function el(tag, props = {}, ...children) {
    const node = Object.assign(document.createElement(tag), props);
    children.filter((child) => child !== null && child !== undefined).forEach((child) => node.append(child));
    return node;
  }

  /** The problem's detail and each field's message, for a person to read. */
  async function problemText(response) {
    try {
      const problem = await response.json();
      const fields = (problem.errors || []).map((e) => `${e.field}: ${e.message}`);
      return [problem.detail || problem.title || `Error ${response.status}`, ...fields].join(' · ');
    } catch (e) {
      return `The request failed (${response.status}).`;
    }
  }

  function formatTime(instant, timeZone) {
    if (!instant) return '';
    return new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric',
      hour: 'numeric', minute: '2-digit', timeZone: timeZone || undefined, timeZoneName: 'short' })
      .format(new Date(instant));
  }

  function age(instant) {
    const minutes = Math.max(0, Math.round((Date.now() - new Date(instant).getTime()) / 60000));
    if (minutes < 60) return `${minutes} min`;
    const hours = Math.floor(minutes / 60);
    return hours < 48 ? `${hours} h ${minutes % 60} min` : `${Math.floor(hours / 24)} days`;
  }

  return { el, problemText, formatTime, age };
})();
