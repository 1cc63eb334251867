import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHost } from './host/index.ts';
import { createStores } from './store/index.ts';
import { AppShell } from './ui/index.ts';
import './ui/theme.css';
import './ui/shell.css';

const root = document.getElementById('root');
if (!root) throw new Error('Faultline: #root element missing from index.html');

const stores = createStores({
  host: createHost(),
  storage: window.localStorage,
  hash: location.hash,
});
// The link has been read into the document (and autosaved): drop it from the address bar so a
// reload shows the user's current work, not the original link.
if (location.hash) history.replaceState(null, '', location.pathname + location.search);
window.addEventListener('hashchange', () => {
  if (stores.documents.openLink(location.hash))
    history.replaceState(null, '', location.pathname + location.search);
});

createRoot(root).render(
  <StrictMode>
    <AppShell stores={stores} />
  </StrictMode>,
);
