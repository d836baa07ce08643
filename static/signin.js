/*
 * Sign in: a row in the title box showing who the server takes the user for (GET /me: the token's holder and
 * role, or not signed in), with a form to paste a token an admin made (POST /admin/tokens). The token is kept
 * for this tab by http.js, which sends it on every request. Signing in or out fires `parkgrid:caller` on
 * window with the caller ({ name, role, signed_in, read }), for tools that depend on the role.
 *
 * Test hooks: window.parkgrid.caller (the last answer of /me).
 */
import { getJson, setToken, token, problemText } from './http.js';

const ROLE_NAMES = { public: 'not signed in 未登录', viewer: 'viewer 查看', editor: 'editor 编辑', admin: 'admin 管理员' };

function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

/**
 * Adds the sign-in row to `container` and asks /me who the user is; a token the server no longer accepts
 * (revoked) is dropped first, so the page never sends it again. @returns the caller
 */
export async function start(container) {
  const row = document.createElement('div');
  row.className = 'pg-signin';
  row.id = 'pg-signin';
  row.innerHTML = '<span id="pg-caller"></span> <button type="button" class="pg-signin-button" id="pg-signin-toggle"></button>' +
    '<form id="pg-signin-form" hidden><input id="pg-token" type="password" autocomplete="off" spellcheck="false" ' +
    'placeholder="Token 令牌 pgt_…" aria-label="Token"><button type="submit" class="pg-signin-button" id="pg-signin-submit">OK 登录</button>' +
    '<p id="pg-signin-problem" class="pg-problem" hidden></p></form>';
  container.append(row);
  const form = row.querySelector('#pg-signin-form');
  const input = row.querySelector('#pg-token');
  const toggle = row.querySelector('#pg-signin-toggle');
  const problem = row.querySelector('#pg-signin-problem');

  const show = (caller) => {
    window.parkgrid.caller = caller;
    row.querySelector('#pg-caller').innerHTML = caller.signed_in
      ? '<b>' + escapeHtml(caller.name) + '</b> · ' + escapeHtml(ROLE_NAMES[caller.role] || caller.role)
      : escapeHtml(ROLE_NAMES.public) + (caller.read === 'token' ? ' · sign in to see the data 登录后查看数据' : '');
    row.dataset.role = caller.role;
    toggle.textContent = caller.signed_in ? 'Sign out 退出' : 'Sign in 登录';
    window.dispatchEvent(new CustomEvent('parkgrid:caller', { detail: caller }));
    return caller;
  };
  const showProblem = (text) => {
    problem.textContent = text || '';
    problem.hidden = !text;
  };

  toggle.addEventListener('click', async () => {
    if (window.parkgrid.caller && window.parkgrid.caller.signed_in) {
      setToken(null);
      show(await getJson('/me'));
      return;
    }
    form.hidden = !form.hidden;
    if (!form.hidden) input.focus();
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const pasted = input.value.trim();
    if (!pasted) return;
    setToken(pasted);
    try {
      const caller = show(await getJson('/me'));
      input.value = '';
      form.hidden = true;
      showProblem(null);
      if (!window.parkgrid.ready) window.location.reload(); // the data could not load without a token
      return caller;
    } catch (err) {
      setToken(null);
      showProblem(problemText(err));
    }
  });

  if (token()) {
    try {
      return show(await getJson('/me'));
    } catch (err) {
      setToken(null); // revoked or unknown: signed out
      showProblem(problemText(err));
    }
  }
  return show(await getJson('/me'));
}

/** Opens the sign-in form (when the data needs a token). */
export function ask() {
  const form = document.getElementById('pg-signin-form');
  if (form) form.hidden = false;
}
