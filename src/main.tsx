import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppShell } from './ui/index.ts';
import './ui/theme.css';

const root = document.getElementById('root');
if (!root) throw new Error('Faultline: #root element missing from index.html');

createRoot(root).render(
  <StrictMode>
    <AppShell />
  </StrictMode>,
);
