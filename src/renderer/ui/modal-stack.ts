/**
 * Open dialogs, innermost last. While one is open the app underneath is `inert` (no clicks, no focus,
 * hidden from screen readers), Esc goes to the innermost dialog only, and the page's own shortcuts
 * (Ctrl+F, list keys) stand aside.
 */
const stack: symbol[] = [];

function syncInert(): void {
  const root = document.getElementById('root');
  if (root) root.inert = stack.length > 0;
}

export function pushModal(): symbol {
  const token = Symbol('modal');
  stack.push(token);
  syncInert();
  return token;
}

export function popModal(token: symbol): void {
  const i = stack.indexOf(token);
  if (i >= 0) stack.splice(i, 1);
  syncInert();
}

export function isTopModal(token: symbol): boolean {
  return stack[stack.length - 1] === token;
}

export function anyModalOpen(): boolean {
  return stack.length > 0;
}
