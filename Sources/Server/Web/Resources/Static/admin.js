// The admin page: creates users or gives them a new token through POST /api/users, shows the
// token once and puts the user in the list.
'use strict';

(() => {
  const { t, api } = window.SREtv;
  const form = document.getElementById('add-user');
  const result = document.getElementById('token-result');

  function show(nodes, isError) {
    result.replaceChildren(...nodes);
    result.className = isError ? 'card error' : 'card token';
  }

  function listUser(name, role) {
    const rows = document.querySelector('#users tbody');
    let row = [...rows.rows].find((r) => r.dataset.user === name);
    if (!row) {
      row = rows.insertRow();
      row.dataset.user = name;
      const header = document.createElement('th');
      header.scope = 'row';
      header.textContent = name;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'new-token';
      button.dataset.user = name;
      button.textContent = t('admin_new_token');
      row.append(header, document.createElement('td'), document.createElement('td'), document.createElement('td'));
      row.cells[3].append(button);
    }
    row.dataset.role = role;
    row.querySelector('button.new-token').dataset.role = role;
    row.cells[1].textContent = t(`role_${role}`);
  }

  async function save(name, role) {
    show([document.createTextNode(t('admin_working'))], false);
    try {
      const created = await api('POST', '/api/users', { name, role });
      const label = document.createElement('label');
      label.htmlFor = 'new-token';
      label.textContent = t('admin_token_once', { name: created.name });
      const token = document.createElement('input');
      token.id = 'new-token';
      token.className = 'url';
      token.readOnly = true;
      token.value = created.token;
      listUser(created.name, created.role);
      show([label, token], false);
      token.focus();
      token.select();
      form.reset();
    } catch (error) {
      show([document.createTextNode(`${t('admin_failed')} ${error.message}`)], true);
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    save(form.elements.name.value.trim(), form.elements.role.value);
  });

  document.getElementById('users').addEventListener('click', (event) => {
    const button = event.target.closest('button.new-token');
    if (button && window.confirm(t('admin_new_token_confirm'))) save(button.dataset.user, button.dataset.role);
  });
})();
