// Finds elements the way a person (and Playwright's getByRole / getByLabel / getByText)
// would: by role and accessible name, by label, by visible text. It runs INSIDE the page,
// in any engine, so it is written as one self-contained function that the drivers send
// as source text (no closures, no imports). Open shadow roots are searched too, as
// Playwright does, so the widget's custom element needs no special path.
//
// `chain` is a list of steps, each narrowing the one before:
//   {role, name?, exact?, level?, checked?}  an element with that ARIA role (and name)
//   {label, exact?}                           a form control with that label
//   {text, exact?}                            the innermost element showing that text
//   {css}                                     a CSS selector (only for what has no role)
// `name`, `label` and `text` match like Playwright's: exact = whole text, whitespace
// collapsed; otherwise a case-insensitive substring. Hidden elements are skipped.
// Returns every match of the last step, in document order.
function pageQuery(chain) {
  const norm = (s) => String(s ?? '').replace(/\s+/g, ' ').trim();
  const matches = (actual, wanted, exact) => (exact
    ? norm(actual) === norm(wanted)
    : norm(actual).toLowerCase().includes(norm(wanted).toLowerCase()));

  // Every element under `root`, open shadow roots included, in document order.
  function all(root) {
    const out = [];
    const walk = (node) => {
      for (const el of node.children ?? []) {
        out.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
        walk(el);
      }
    };
    walk(root);
    return out;
  }

  const parentOf = (el) => el.parentElement ?? (el.parentNode instanceof ShadowRoot ? el.parentNode.host : null);

  // Hidden from people and from assistive technology: not rendered, invisible, or
  // aria-hidden (on itself or an ancestor, across shadow boundaries).
  function hidden(el) {
    for (let e = el; e; e = parentOf(e)) {
      if (e.getAttribute('aria-hidden') === 'true' || e.hidden) return true;
    }
    if (typeof el.checkVisibility === 'function') {
      if (!el.checkVisibility({ visibilityProperty: true })) return true;
    } else if (getComputedStyle(el).visibility === 'hidden') {
      return true;
    }
    const box = el.getBoundingClientRect();
    // A visually hidden control (1 px, clipped) still counts, as it does for a screen reader.
    return box.width === 0 && box.height === 0 && !['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName);
  }

  function role(el) {
    const explicit = (el.getAttribute('role') || '').trim().split(/\s+/)[0];
    if (explicit) return explicit;
    const tag = el.tagName.toLowerCase();
    const type = (el.getAttribute('type') || 'text').toLowerCase();
    if (/^h[1-6]$/.test(tag)) return 'heading';
    switch (tag) {
      case 'button': return 'button';
      case 'a': return el.hasAttribute('href') ? 'link' : null;
      case 'input':
        if (['button', 'submit', 'reset', 'image'].includes(type)) return 'button';
        if (type === 'checkbox') return 'checkbox';
        if (type === 'radio') return 'radio';
        if (type === 'number') return 'spinbutton';
        if (type === 'range') return 'slider';
        if (type === 'hidden' || type === 'file') return null;
        return 'textbox';
      case 'textarea': return 'textbox';
      case 'select': return el.multiple || el.size > 1 ? 'listbox' : 'combobox';
      case 'option': return 'option';
      case 'fieldset': return 'group';
      case 'details': return 'group';
      case 'section': return (el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby')) ? 'region' : null;
      case 'ul': case 'ol': return 'list';
      case 'li': return 'listitem';
      case 'output': return 'status';
      case 'form': return 'form';
      case 'main': return 'main';
      case 'nav': return 'navigation';
      case 'dialog': return 'dialog';
      case 'iframe': return 'iframe';
      default: return null;
    }
  }

  function level(el) {
    const m = /^h([1-6])$/i.exec(el.tagName);
    return Number(el.getAttribute('aria-level') || (m ? m[1] : 0));
  }

  // The text a subtree shows, with aria-label standing in for an element's content and
  // hidden parts left out (the "name from content" of the accessible-name rules).
  function textOf(node, self) {
    let out = '';
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        out += child.textContent;
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        if (child.getAttribute('aria-hidden') === 'true' || child.hidden) continue;
        if (['SCRIPT', 'STYLE', 'TEMPLATE'].includes(child.tagName)) continue;
        if (child !== self && ['INPUT', 'SELECT', 'TEXTAREA'].includes(child.tagName)) continue;
        if (typeof child.checkVisibility === 'function' && !child.checkVisibility({ visibilityProperty: true })
            && getComputedStyle(child).display === 'none') continue;
        const label = child.getAttribute('aria-label');
        const inner = label ? label : child.tagName === 'IMG' ? (child.getAttribute('alt') || '') : textOf(child.shadowRoot ?? child, self);
        const block = !/^inline/.test(getComputedStyle(child).display);
        out += block ? ` ${inner} ` : inner;
      }
    }
    return out;
  }

  function byIds(el, ids) {
    const root = el.getRootNode();
    return ids.trim().split(/\s+/).map((id) => root.getElementById?.(id) ?? root.querySelector?.(`#${CSS.escape(id)}`))
      .filter(Boolean);
  }

  // A simplified accessible name: aria-labelledby, aria-label, <label>, <legend>, alt,
  // then the content for roles named by their content, then title.
  function accessibleName(el) {
    const labelledBy = el.getAttribute('aria-labelledby');
    if (labelledBy) {
      const parts = byIds(el, labelledBy).map((ref) => ref.getAttribute('aria-label') || textOf(ref, el));
      if (parts.length) return norm(parts.join(' '));
    }
    const ariaLabel = el.getAttribute('aria-label');
    if (ariaLabel && norm(ariaLabel)) return norm(ariaLabel);
    if (el.labels && el.labels.length) return norm([...el.labels].map((l) => textOf(l, el)).join(' '));
    if (el.tagName === 'FIELDSET') {
      const legend = [...el.children].find((c) => c.tagName === 'LEGEND');
      if (legend) return norm(textOf(legend, el));
    }
    if (el.tagName === 'INPUT' && ['button', 'submit', 'reset'].includes(el.type)) return norm(el.value);
    if (el.tagName === 'IMG') return norm(el.getAttribute('alt'));
    const fromContent = ['button', 'heading', 'link', 'checkbox', 'radio', 'option', 'listitem', 'cell', 'tab',
      'menuitem', 'switch', 'treeitem', 'tooltip', 'columnheader', 'rowheader'];
    if (fromContent.includes(role(el))) {
      const text = norm(textOf(el.shadowRoot ?? el, el));
      if (text) return text;
    }
    return norm(el.getAttribute('title'));
  }

  function step(roots, s) {
    const found = [];
    for (const root of roots) {
      const within = root.shadowRoot && root.tagName.includes('-') ? [...all(root.shadowRoot)] : all(root);
      for (const el of within) {
        if (found.includes(el)) continue;
        if (s.css) {
          if (el.matches(s.css) && (s.includeHidden || !hidden(el))) found.push(el);
          continue;
        }
        if (hidden(el)) continue;
        if (s.role) {
          if (role(el) !== s.role) continue;
          if (s.level && level(el) !== s.level) continue;
          if (s.checked !== undefined && el.checked !== s.checked) continue;
          if (s.name !== undefined && !matches(accessibleName(el), s.name, s.exact)) continue;
          found.push(el);
        } else if (s.label !== undefined) {
          if (!(el.labels?.length || el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby'))) continue;
          if (matches(accessibleName(el), s.label, s.exact)) found.push(el);
        } else if (s.text !== undefined) {
          if (['SCRIPT', 'STYLE', 'TEMPLATE', 'HTML', 'HEAD'].includes(el.tagName)) continue;
          if (!matches(textOf(el.shadowRoot ?? el, null), s.text, s.exact)) continue;
          // The innermost element only: drop an ancestor already found.
          for (let i = found.length - 1; i >= 0; i -= 1) {
            if (found[i].contains(el) || found[i].shadowRoot?.contains(el)) found.splice(i, 1);
          }
          found.push(el);
        }
      }
    }
    return found;
  }

  let current = [document];
  for (const s of chain) current = step(current.map((n) => (n === document ? document.documentElement : n)), s);
  return current;
}

module.exports = { pageQuery };
