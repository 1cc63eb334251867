import { useApp, useStores, useTelemetry } from '../store/index.ts';

/** Errors and notices above the canvas; text is plain (never markup from a link or file). */
export function Banners() {
  const { app } = useStores();
  const banners = useApp((s) => s.banners);
  const engineError = useTelemetry((s) => s.error);
  if (banners.length === 0 && !engineError) return null;
  return (
    <div className="banners" data-testid="banners">
      {engineError && (
        <div className="banner banner--error" role="alert" data-testid="banner-engine">
          <span>The simulation stopped: {engineError} Press Reset to run again.</span>
        </div>
      )}
      {banners.map((b) => (
        <div
          key={b.id}
          className={`banner banner--${b.tone}`}
          role={b.tone === 'error' ? 'alert' : 'status'}
          data-testid={`banner-${b.tone}`}
        >
          <span>{b.message}</span>
          <button
            type="button"
            onClick={() => app.getState().dismissBanner(b.id)}
            aria-label="Dismiss"
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
