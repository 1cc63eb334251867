import { useEffect, useState } from 'react';
import { useApp, useStores, useTelemetry, type Banner } from '../store/index.ts';

function BannerView({ banner }: { banner: Banner }) {
  const { app } = useStores();
  // An info banner waits while it is being read: pointer over it or focus inside it.
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const held = hovered || focused;
  useEffect(() => {
    if (banner.tone !== 'info' || !held) return;
    app.getState().holdBanner(banner.id, true);
    return () => app.getState().holdBanner(banner.id, false);
  }, [app, banner.id, banner.tone, held]);
  return (
    <div
      className={`banner banner--${banner.tone}`}
      role={banner.tone === 'error' ? 'alert' : 'status'}
      data-testid={`banner-${banner.tone}`}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
    >
      <span>{banner.message}</span>
      <button
        type="button"
        onClick={() => app.getState().dismissBanner(banner.id)}
        aria-label="Dismiss"
      >
        ×
      </button>
    </div>
  );
}

/**
 * Errors and notices in their own row above the canvas (they push it down, never cover it):
 * errors stay until dismissed, one info banner at most, gone after a few seconds (banner-slice).
 * Text is plain (never markup from a link or file).
 */
export function Banners() {
  const banners = useApp((s) => s.banners);
  const engineError = useTelemetry((s) => s.error);
  return (
    <div className="banners" data-testid="banners">
      {engineError && (
        <div className="banner banner--error" role="alert" data-testid="banner-engine">
          {/* The whole sentence, as the host wrote it: what stopped the run and what to do. */}
          <span>{engineError}</span>
        </div>
      )}
      {banners.map((b) => (
        <BannerView key={b.id} banner={b} />
      ))}
    </div>
  );
}
