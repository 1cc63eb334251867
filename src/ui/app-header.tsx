import { useApp } from '../store/index.ts';
import { DocumentActions } from './document-actions.tsx';

export function AppHeader({ onHelp }: { onHelp(): void }) {
  const title = useApp((s) => s.scenario.meta.title);
  return (
    <header className="app-header" data-testid="app-header">
      <svg className="app-header__logo" viewBox="0 0 32 32" aria-hidden="true">
        <rect width="32" height="32" rx="7" />
        <path d="M6 20 L13 20 L16 9 L19 25 L22 16 L26 16" />
      </svg>
      <h1 className="app-header__title">Faultline</h1>
      <p className="app-header__tagline" data-testid="tagline">
        See why circuit breakers, retries, queues and sagas matter — break things safely.
      </p>
      {title && (
        <span className="app-header__doc" data-testid="header-title" title={title}>
          {title}
        </span>
      )}
      <span className="app-header__spacer" />
      <DocumentActions onHelp={onHelp} />
    </header>
  );
}
