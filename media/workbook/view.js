// The workbook view's webview: sheets as tabs, a virtualised grid (only the rows and columns in sight are
// in the DOM), flagged cells highlighted by severity, and the findings beside it. Every text from the
// workbook or the knowledge base goes in through textContent: nothing it holds can become markup.
// @ts-check
(function () {
  'use strict';
  // @ts-ignore acquireVsCodeApi is provided by the webview host.
  const vscode = acquireVsCodeApi();
  const app = /** @type {HTMLElement} */ (document.getElementById('app'));
  const strings = JSON.parse(app.dataset.strings || '{}');
  const ROW_HEIGHT = 24;
  const COLUMN_WIDTH = 140;
  const ROW_HEADER_WIDTH = 64;
  const OVERSCAN = 8;

  /** @type {any} */
  let view;
  let sheetIndex = 0;
  /** @type {Map<number, Map<number, string>>} */
  let rows = new Map();
  /** @type {Map<string, any[]>} findings of the sheet shown, by "row:column" */
  let flaggedCells = new Map();
  /** @type {number[][]} */
  let hiddenRows = [];
  /** @type {number[][]} */
  let hiddenColumns = [];
  /** @type {number[][]} merged ranges [firstRow, firstColumn, lastRow, lastColumn] */
  let merges = [];
  let active = { row: 1, column: 1 };
  /** @type {string | undefined} */
  let selectedFinding;
  /** @type {{ place: string, text: string } | undefined} */
  let revealed;
  const saved = vscode.getState() || {};

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function columnLetters(column) {
    let letters = '';
    for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    return letters;
  }

  /** The hover's Markdown as plain text: headings, emphasis, code marks and escapes dropped, links as "text (url)". */
  function plainText(markdown) {
    return markdown
      .replace(/^#{1,6}\s*/gm, '')
      .replace(/\[([^\]]*)\]\(([^)\s]*)\)/g, '$1 ($2)')
      .replace(/\*\*|__/g, '')
      .replace(/`/g, '')
      .replace(/^---$/gm, '────────')
      .replace(/\\([!-/:-@[-`{-~])/g, '$1');
  }

  // Layout: banner, tabs, then the grid and the findings side by side.
  const banner = el('div', 'banner');
  banner.setAttribute('role', 'alert');
  banner.hidden = true;
  const tabs = el('div', 'tabs');
  tabs.setAttribute('role', 'tablist');
  tabs.setAttribute('aria-label', strings.sheets || 'Sheets');
  const main = el('div', 'main');
  const grid = el('div', 'grid');
  grid.tabIndex = 0;
  grid.setAttribute('role', 'grid');
  const canvas = el('div', 'canvas');
  grid.appendChild(canvas);
  const side = el('aside', 'side');
  const heading = el('h2', '', strings.findings || 'Findings');
  const list = el('ul', 'findings');
  const detail = el('div', 'detail');
  detail.hidden = true;
  detail.setAttribute('aria-live', 'polite');
  side.append(heading, list, detail);
  main.append(grid, side);
  const note = el('div', 'note');
  note.hidden = true;
  const tooltip = el('div', 'tooltip');
  tooltip.setAttribute('role', 'tooltip');
  tooltip.hidden = true;
  const loading = el('div', 'note', strings.loading || '');
  app.append(banner, loading, tabs, note, main, tooltip);

  function sheet() {
    return view && view.sheets[sheetIndex];
  }

  function findingsOf(name) {
    return view ? view.findings.filter((f) => f.sheet === name) : [];
  }

  function columnCount() {
    const s = sheet();
    return s ? Math.max(s.columnCount, 1) : 1;
  }

  function rowCount() {
    const s = sheet();
    return s ? Math.max(s.rowCount, 1) : 1;
  }

  function selectSheet(index) {
    sheetIndex = Math.max(0, Math.min(index, view.sheets.length - 1));
    const s = sheet();
    rows = new Map();
    flaggedCells = new Map();
    hiddenRows = s ? s.hiddenRows || [] : [];
    hiddenColumns = s ? s.hiddenColumns || [] : [];
    merges = s ? s.merges || [] : [];
    if (s) {
      for (const [row, cells] of s.rows) rows.set(row, new Map(cells));
      for (const f of findingsOf(s.name)) {
        if (f.row === undefined) continue;
        const key = `${f.row}:${f.column}`;
        flaggedCells.set(key, [...(flaggedCells.get(key) || []), f]);
      }
    }
    for (const [i, tab] of Array.from(tabs.children).entries()) {
      tab.setAttribute('aria-selected', String(i === sheetIndex));
      /** @type {HTMLElement} */ (tab).tabIndex = i === sheetIndex ? 0 : -1;
    }
    canvas.style.height = `${(rowCount() + 1) * ROW_HEIGHT}px`;
    canvas.style.width = `${ROW_HEADER_WIDTH + columnCount() * COLUMN_WIDTH}px`;
    grid.setAttribute('aria-label', s ? s.name : '');
    grid.setAttribute('aria-rowcount', String(rowCount()));
    grid.setAttribute('aria-colcount', String(columnCount()));
    note.hidden = !(s && s.rows.length === 0);
    note.textContent = strings.empty || '';
    active = { row: 1, column: 1 };
    grid.scrollTop = 0;
    grid.scrollLeft = 0;
    vscode.setState({ sheet: s && s.name });
    render();
  }

  function inRanges(ranges, n) {
    for (const [first, last] of ranges) if (n >= first && n <= last) return true;
    return false;
  }

  function markHidden(node) {
    node.classList.add('hidden-line');
    node.title = strings.hidden || 'hidden';
  }

  /** Puts the rows and columns in sight (and a few around them) into the DOM. */
  function render() {
    canvas.textContent = '';
    const s = sheet();
    if (!s) return;
    const firstRow = Math.max(1, Math.floor(grid.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const lastRow = Math.min(rowCount(), Math.ceil((grid.scrollTop + grid.clientHeight) / ROW_HEIGHT) + OVERSCAN);
    const firstColumn = Math.max(1, Math.floor((grid.scrollLeft - ROW_HEADER_WIDTH) / COLUMN_WIDTH) - 2);
    const lastColumn = Math.min(columnCount(), Math.ceil((grid.scrollLeft + grid.clientWidth) / COLUMN_WIDTH) + 2);
    const left = ROW_HEADER_WIDTH + (firstColumn - 1) * COLUMN_WIDTH;

    const headers = el('div', 'column-headers');
    headers.setAttribute('role', 'row');
    headers.style.width = canvas.style.width;
    const corner = el('div', 'header corner');
    headers.appendChild(corner);
    const spacer = el('div');
    spacer.style.width = `${left - ROW_HEADER_WIDTH}px`;
    spacer.style.flex = 'none';
    headers.appendChild(spacer);
    for (let c = firstColumn; c <= lastColumn; c++) {
      const header = el('div', 'header', columnLetters(c));
      header.setAttribute('role', 'columnheader');
      if (inRanges(hiddenColumns, c)) markHidden(header);
      headers.appendChild(header);
    }
    canvas.appendChild(headers);

    // Merged ranges in sight: the top-left cell spans the columns of its row; the cells it covers are blank.
    const mergesInSight = merges.filter(([r1, c1, r2, c2]) => r2 >= firstRow && r1 <= lastRow && c2 >= firstColumn && c1 <= lastColumn);
    const mergeAt = (r, c) => mergesInSight.find(([r1, c1, r2, c2]) => r >= r1 && r <= r2 && c >= c1 && c <= c2);
    for (let r = firstRow; r <= lastRow; r++) {
      const line = el('div', 'row');
      line.setAttribute('role', 'row');
      line.setAttribute('aria-rowindex', String(r));
      line.style.top = `${r * ROW_HEIGHT}px`;
      const header = el('div', 'header row-header', String(r));
      header.setAttribute('role', 'rowheader');
      const rowHidden = inRanges(hiddenRows, r);
      if (rowHidden) markHidden(header);
      line.appendChild(header);
      const gap = el('div');
      gap.style.width = `${left - ROW_HEADER_WIDTH}px`;
      gap.style.flex = 'none';
      line.appendChild(gap);
      const cells = rows.get(r);
      for (let c = firstColumn; c <= lastColumn; c++) {
        const merge = mergeAt(r, c);
        const anchor = merge && merge[0] === r && merge[1] === c;
        // Covered by the anchor to its left in this row: the anchor's width already holds it.
        if (merge && !anchor && merge[0] === r && merge[1] >= firstColumn) continue;
        const cell = el('div', 'cell', merge && !anchor ? '' : cells ? cells.get(c) || '' : '');
        if (anchor) {
          const span = Math.min(merge[3], lastColumn) - c + 1;
          cell.style.width = `${span * COLUMN_WIDTH}px`;
          cell.classList.add('merged');
          cell.setAttribute('aria-colspan', String(merge[3] - merge[1] + 1));
          cell.setAttribute('aria-rowspan', String(merge[2] - merge[0] + 1));
        } else if (merge) {
          cell.classList.add('covered');
        }
        if (rowHidden || inRanges(hiddenColumns, c)) cell.classList.add('hidden-cell');
        cell.setAttribute('role', 'gridcell');
        cell.setAttribute('aria-colindex', String(c));
        cell.dataset.row = String(r);
        cell.dataset.column = String(c);
        const flagged = flaggedCells.get(`${r}:${c}`);
        if (flagged) {
          const open = flagged.filter((f) => !f.accepted);
          const shown = open[0] || flagged[0];
          cell.classList.add('flagged', `severity-${shown.severity}`);
          if (open.length === 0) cell.classList.add('accepted');
          cell.setAttribute('aria-description', flagged.map((f) => f.message).join('; '));
        }
        if (r === active.row && c === active.column) {
          cell.classList.add('active');
          cell.id = 'active-cell';
        }
        line.appendChild(cell);
      }
      canvas.appendChild(line);
    }
    grid.setAttribute('aria-activedescendant', 'active-cell');
  }

  let frame = 0;
  grid.addEventListener('scroll', () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      render();
    });
  });
  new ResizeObserver(() => render()).observe(grid);

  /** Scrolls so the cell is in sight, makes it the active cell and renders. */
  function showCell(row, column) {
    active = { row: Math.max(1, Math.min(row, rowCount())), column: Math.max(1, Math.min(column, columnCount())) };
    const top = active.row * ROW_HEIGHT;
    if (top < grid.scrollTop + ROW_HEIGHT || top + ROW_HEIGHT > grid.scrollTop + grid.clientHeight) grid.scrollTop = Math.max(0, top - grid.clientHeight / 2);
    const leftEdge = ROW_HEADER_WIDTH + (active.column - 1) * COLUMN_WIDTH;
    if (leftEdge < grid.scrollLeft + ROW_HEADER_WIDTH || leftEdge + COLUMN_WIDTH > grid.scrollLeft + grid.clientWidth) grid.scrollLeft = Math.max(0, leftEdge - ROW_HEADER_WIDTH - COLUMN_WIDTH);
    render();
  }

  grid.addEventListener('keydown', (event) => {
    const page = Math.max(1, Math.floor(grid.clientHeight / ROW_HEIGHT) - 1);
    const moves = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      PageUp: [-page, 0],
      PageDown: [page, 0],
    };
    if (moves[event.key]) {
      const [dr, dc] = moves[event.key];
      showCell(active.row + dr, active.column + dc);
    } else if (event.key === 'Home') {
      showCell(event.ctrlKey ? 1 : active.row, 1);
    } else if (event.key === 'End') {
      showCell(event.ctrlKey ? rowCount() : active.row, columnCount());
    } else if (event.key === 'Enter') {
      const flagged = flaggedCells.get(`${active.row}:${active.column}`);
      if (flagged) selectFinding(flagged[0].id, false);
    } else {
      return;
    }
    event.preventDefault();
  });

  grid.addEventListener('click', (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    const cell = target.closest && target.closest('.cell');
    if (!(cell instanceof HTMLElement)) return;
    showCell(Number(cell.dataset.row), Number(cell.dataset.column));
    const flagged = flaggedCells.get(`${cell.dataset.row}:${cell.dataset.column}`);
    if (flagged) selectFinding(flagged[0].id, false);
  });

  // The hover: the same advisory text as the text editor's, as plain text.
  grid.addEventListener('mouseover', (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    const cell = target.closest && target.closest('.cell.flagged');
    if (!(cell instanceof HTMLElement)) {
      tooltip.hidden = true;
      return;
    }
    const flagged = flaggedCells.get(`${cell.dataset.row}:${cell.dataset.column}`) || [];
    tooltip.textContent = flagged.map((f) => plainText(f.hover)).join('\n\n────────\n\n');
    tooltip.hidden = false;
    const box = cell.getBoundingClientRect();
    const below = box.bottom + 4;
    tooltip.style.left = `${Math.max(4, Math.min(box.left, window.innerWidth - 490))}px`;
    tooltip.style.top = `${below}px`;
    const height = tooltip.getBoundingClientRect().height;
    if (below + height > window.innerHeight) tooltip.style.top = `${Math.max(4, box.top - height - 4)}px`;
  });
  grid.addEventListener('mouseleave', () => (tooltip.hidden = true));

  function selectFinding(id, reveal) {
    const finding = view.findings.find((f) => f.id === id);
    if (!finding) return;
    selectedFinding = id;
    for (const item of Array.from(list.querySelectorAll('.finding'))) {
      item.setAttribute('aria-current', String(/** @type {HTMLElement} */ (item).dataset.id === id));
    }
    detail.hidden = false;
    detail.textContent = plainText(finding.hover);
    if (!finding.accepted) {
      const accept = el('button', '', strings.accept || 'Accept…');
      accept.addEventListener('click', () => vscode.postMessage({ type: 'accept', findingId: finding.id }));
      detail.prepend(accept, el('br'));
    }
    if (reveal && finding.sheet !== undefined) revealCell(finding.sheet, finding.row, finding.column);
  }

  function revealCell(sheetName, row, column) {
    const index = view.sheets.findIndex((s) => s.name === sheetName);
    if (index >= 0 && index !== sheetIndex) selectSheet(index);
    if (row !== undefined && column !== undefined) {
      showCell(row, column);
      const cells = rows.get(row);
      revealed = { place: `${sheetName}!${columnLetters(column)}${row}`, text: (cells && cells.get(column)) || '' };
    }
    grid.focus();
  }

  function renderFindings() {
    list.textContent = '';
    if (view.findings.length === 0) {
      list.appendChild(el('li', 'note', strings.noFindings || ''));
      return;
    }
    for (const f of view.findings) {
      const item = el('li');
      const button = el('button', `finding severity-${f.severity}${f.accepted ? ' accepted' : ''}`);
      button.dataset.id = f.id;
      button.append(el('span', 'place', f.place || ''), document.createTextNode(` ${f.message}`));
      if (f.accepted) button.append(document.createTextNode(` (${strings.accepted || 'accepted'})`));
      button.addEventListener('click', () => selectFinding(f.id, true));
      item.appendChild(button);
      list.appendChild(item);
    }
  }

  function renderTabs() {
    tabs.textContent = '';
    view.sheets.forEach((s, i) => {
      const tab = el('button', 'tab', s.name);
      tab.setAttribute('role', 'tab');
      const open = findingsOf(s.name).filter((f) => !f.accepted).length;
      if (open > 0) tab.appendChild(el('span', 'count', `(${open})`));
      tab.addEventListener('click', () => selectSheet(i));
      tab.addEventListener('keydown', (event) => {
        if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
        const next = (i + (event.key === 'ArrowRight' ? 1 : -1) + view.sheets.length) % view.sheets.length;
        selectSheet(next);
        /** @type {HTMLElement} */ (tabs.children[next]).focus();
      });
      tabs.appendChild(tab);
    });
  }

  function showMessage(text, severity) {
    banner.hidden = !text;
    banner.textContent = text || '';
    banner.className = `banner ${severity || 'error'}`;
  }

  function state() {
    const s = sheet();
    const flagged = [];
    for (const cell of Array.from(canvas.querySelectorAll('.cell.flagged'))) {
      const node = /** @type {HTMLElement} */ (cell);
      const severity = Array.from(node.classList).find((c) => c.startsWith('severity-'));
      flagged.push({
        place: `${s.name}!${columnLetters(Number(node.dataset.column))}${node.dataset.row}`,
        severity: severity ? severity.slice('severity-'.length) : '',
        accepted: node.classList.contains('accepted'),
      });
    }
    const placeOf = (node) => `${s.name}!${columnLetters(Number(node.dataset.column))}${node.dataset.row}`;
    const merged = Array.from(canvas.querySelectorAll('.cell.merged')).map(placeOf);
    const hidden = Array.from(canvas.querySelectorAll('.header.hidden-line')).map((node) => node.textContent);
    return { sheet: s && s.name, message: banner.hidden ? undefined : banner.textContent, flagged, merged, hidden, findings: view ? view.findings.length : 0, revealed };
  }

  /** Requests that came before the first model wait for it. */
  /** @type {any[]} */
  const waiting = [];

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message.type !== 'string') return;
    if (!view && message.type !== 'model') {
      waiting.push(message);
      return;
    }
    handle(message);
    if (message.type === 'model') waiting.splice(0).forEach(handle);
  });

  function handle(message) {
    if (message.type === 'model') {
      loading.hidden = true;
      const previous = sheet() ? sheet().name : saved.sheet;
      const position = { top: grid.scrollTop, left: grid.scrollLeft, active };
      view = message.view || { sheets: [], findings: [], problems: [], cellsOmitted: 0 };
      const serious = view.problems.filter((p) => p.severity === 'error' || p.severity === 'warning');
      const texts = [message.message, ...serious.map((p) => (p.place ? `${p.place}: ${p.message}` : p.message))].filter(Boolean);
      showMessage(texts.join('\n'), message.message || serious.some((p) => p.severity === 'error') ? 'error' : 'warning');
      note.hidden = true;
      renderTabs();
      renderFindings();
      tabs.hidden = main.hidden = view.sheets.length === 0;
      if (view.sheets.length > 0) {
        const index = Math.max(0, view.sheets.findIndex((s) => s.name === previous));
        selectSheet(index);
        // A refresh (the policy changed) keeps the place in the sheet.
        if (view.sheets[index].name === previous) {
          grid.scrollTop = position.top;
          grid.scrollLeft = position.left;
          active = position.active;
          render();
        }
      }
      if (view.cellsOmitted > 0) {
        note.hidden = false;
        note.textContent = (strings.omitted || '{0}').replace('{0}', view.cellsOmitted.toLocaleString());
      }
      if (selectedFinding && view.findings.some((f) => f.id === selectedFinding)) selectFinding(selectedFinding, false);
      else detail.hidden = true;
    } else if (message.type === 'reveal') {
      if (view && message.sheet !== undefined) revealCell(message.sheet, message.row, message.column);
      const hit = view && view.findings.find((f) => f.sheet === message.sheet && f.row === message.row && f.column === message.column);
      if (hit) selectFinding(hit.id, false);
      vscode.postMessage({ type: 'state', requestId: message.requestId, state: state() });
    } else if (message.type === 'state') {
      vscode.postMessage({ type: 'state', requestId: message.requestId, state: state() });
    }
  }

  vscode.postMessage({ type: 'ready' });
})();
